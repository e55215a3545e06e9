package org.h2.mvstore;

/**
 * H2's own space housekeeping for an MVStore opened without its background writer.
 *
 * <p>MVStore's background writer does two things once per cycle: it commits, and it calls the file
 * store's {@code doHousekeeping}, which rewrites the live pages of sparsely filled chunks (so the old
 * chunks become free) and moves chunks towards the start of the file (so its end can be truncated).
 * {@code DurableH2Backend} commits on the calling thread instead, which leaves no writer and so no
 * housekeeping: under a commit per write every chunk keeps a few live pages, none is ever freed, and
 * the file grew by about 100 KB per event. This class, in H2's package because
 * {@code doHousekeeping} is protected, lets the backend run the same housekeeping on its own thread.
 */
public final class Housekeeping {

    private Housekeeping() {
    }

    /**
     * One housekeeping pass over {@code store}'s file, exactly as H2's background writer runs it;
     * the pages it rewrites are written by the store's next commit.
     */
    public static void run(MVStore store) throws InterruptedException {
        FileStore<?> fileStore = store.getFileStore();
        if (fileStore != null) {
            fileStore.doHousekeeping(store);
        }
    }

    /** The share of the file occupied by live data, in percent (for logs). */
    public static int fillRate(MVStore store) {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore == null ? 100 : fileStore.getFillRate();
    }

    /** The share of the chunks' space occupied by live pages, in percent (for logs). */
    public static int chunksFillRate(MVStore store) {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore == null ? 100 : fileStore.getChunksFillRate();
    }
}
