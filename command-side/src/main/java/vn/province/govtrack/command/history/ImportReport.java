package vn.province.govtrack.command.history;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: lines read, records imported (each appended one event), already imported by an
 * earlier run, and rejected, by reason.
 *
 * @param correlationId the {@code correlationId} every event of this run carries, to find them again
 * @param lines         the lines of the file done, blank ones included
 * @param seconds       wall time since the import began
 */
record ImportReport(String correlationId, long lines, long imported, long alreadyImported, long rejected,
                    Map<String, Long> rejectedByReason, long batches, double seconds) {

    /** Records read, whatever became of them. */
    long records() {
        return imported + alreadyImported + rejected;
    }

    /** Each imported record appended one event. */
    double eventsPerSecond() {
        return seconds == 0 ? 0 : imported / seconds;
    }

    double recordsPerSecond() {
        return seconds == 0 ? 0 : records() / seconds;
    }

    /** The counts as the import goes; one importing thread. */
    static final class Tally {
        private final String correlationId;
        private final long startNanos = System.nanoTime();
        private final Map<String, Long> rejectedByReason = new TreeMap<>();
        private long lines;
        private long imported;
        private long alreadyImported;
        private long rejected;
        private long batches;

        Tally(String correlationId) {
            this.correlationId = correlationId;
        }

        void batch(int importedRecords, int alreadyImportedRecords) {
            imported += importedRecords;
            alreadyImported += alreadyImportedRecords;
            batches++;
        }

        void rejected(Rejection rejection, ImportListener listener) {
            rejected++;
            rejectedByReason.merge(rejection.reason().code(), 1L, Long::sum);
            listener.rejected(rejection);
        }

        void linesDone(long lastLine) {
            lines = lastLine;
        }

        ImportReport report() {
            return new ImportReport(correlationId, lines, imported, alreadyImported, rejected,
                                    Map.copyOf(rejectedByReason), batches, (System.nanoTime() - startNanos) / 1e9);
        }
    }
}
