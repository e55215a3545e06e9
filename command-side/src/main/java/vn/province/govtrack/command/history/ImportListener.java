package vn.province.govtrack.command.history;

/** Told what an import does while it runs, on the importing thread. */
interface ImportListener {

    /** A line that is not imported, as soon as it is known. */
    default void rejected(Rejection rejection) {
    }

    /** After each batch: the import so far. */
    default void progressed(ImportReport soFar) {
    }
}
