package vn.province.govtrack.command.history;

/** What one line of an imported history turned out to be: a step to import, or a rejection. */
sealed interface HistoryLine permits HistoryRecord, Rejection {

    /** The line's number in the file, from 1. */
    long line();
}
