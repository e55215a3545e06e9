package vn.province.govtrack.command.history;

import java.util.List;
import java.util.Map;

/**
 * Consecutive lines of the file: their records grouped by dossier, each dossier's in file order, and
 * the lines that could not be read. A batch ends only between two dossiers' records, so a dossier whose
 * records are consecutive lines (as the simulator writes them) lies whole in one batch.
 */
record ImportBatch(long firstLine, long lastLine, Map<String, List<HistoryRecord>> recordsByDossier,
                   List<Rejection> unreadable) {

    int records() {
        return recordsByDossier.values().stream().mapToInt(List::size).sum();
    }
}
