package vn.province.govtrack.command.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.province.govtrack.command.history.Rejection.Reason;

/**
 * Cuts a history into {@link ImportBatch}es of about {@code batchRecords} records, each ending between
 * two dossiers' records. Blank lines are skipped; a line longer than the largest request body a command
 * endpoint takes is refused unread.
 */
final class BatchReader {

    static final int MAX_LINE_CHARS = 64 * 1024;

    private final BufferedReader reader;
    private final HistoryLines lines;
    private final int batchRecords;
    private long lineNumber;
    /** The record that begins the next batch, read while ending this one. */
    private HistoryRecord carried;

    BatchReader(BufferedReader reader, HistoryLines lines, int batchRecords) {
        this.reader = reader;
        this.lines = lines;
        this.batchRecords = batchRecords;
    }

    /** The next batch, or null at the end of the file. */
    ImportBatch next() throws IOException {
        long first = carried != null ? carried.line() : lineNumber + 1;
        Map<String, List<HistoryRecord>> byDossier = new LinkedHashMap<>();
        List<Rejection> unreadable = new ArrayList<>();
        int records = 0;
        String lastDossier = null;
        if (carried != null) {
            add(byDossier, carried);
            records++;
            lastDossier = carried.dossierId();
            carried = null;
        }
        String text;
        while ((text = reader.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            HistoryLine line = text.length() > MAX_LINE_CHARS
                    ? new Rejection(lineNumber, null, null, Reason.MALFORMED, "the line is longer than 64 KiB")
                    : lines.read(lineNumber, text);
            if (line instanceof Rejection rejection) {
                unreadable.add(rejection);
            } else if (line instanceof HistoryRecord record) {
                if (records >= batchRecords && !record.dossierId().equals(lastDossier)) {
                    carried = record;
                    return new ImportBatch(first, lineNumber - 1, byDossier, unreadable);
                }
                add(byDossier, record);
                records++;
                lastDossier = record.dossierId();
            }
        }
        return byDossier.isEmpty() && unreadable.isEmpty() ? null
                : new ImportBatch(first, lineNumber, byDossier, unreadable);
    }

    private static void add(Map<String, List<HistoryRecord>> byDossier, HistoryRecord record) {
        byDossier.computeIfAbsent(record.dossierId(), id -> new ArrayList<>()).add(record);
    }
}
