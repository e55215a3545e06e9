package vn.province.govtrack.query.timeliness;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pending and overdue dossiers by counting key at every boundary (the midnight opening a day), kept
 * as differences: a run of boundaries adds 1 where it starts and takes 1 away where it ends (an
 * open dossier's run has no end), so the count at a boundary is the sum of every difference up to
 * it.
 *
 * <p>So that this sum does not walk the whole history, days are grouped in blocks of
 * {@value #BLOCK_DAYS}; each block that holds a difference also keeps the sums of everything before
 * it (its checkpoint). The count at a boundary is then its block's checkpoint plus at most
 * {@value #BLOCK_DAYS} days of differences. A difference made on a day updates the checkpoints of the
 * later blocks only; those are few, since runs change at dates up to the appointments ahead.
 * While loading, checkpoints are left alone and computed once at the end.
 *
 * <p>Stocks kept {@linkplain #withoutCheckpoints() without checkpoints} sum every difference up to the
 * boundary instead: for the few dossiers of a segment of the index, whose differences lie in a few
 * blocks, where dense checkpoints by key would take more memory than the differences themselves.
 */
final class BoundaryStocks {

    static final int BLOCK_DAYS = 32;
    static final int PENDING = 0;
    static final int OVERDUE = 1;

    /** The counts at one boundary: a checkpoint, then days of differences. */
    interface Counts {
        /** @param pending by key number, as {@code overdue}; a key beyond an array's end counts zero there */
        void addPending(int[] pending, int[] overdue);

        /** @param differences one day's differences: int counters {@link #PENDING} and {@link #OVERDUE} per entry */
        void addPendingDifferences(KeyedCounts differences);
    }

    private final TreeMap<Integer, Block> blocks = new TreeMap<>();
    private final boolean checkpoints;
    private boolean checkpointsDeferred;

    BoundaryStocks() {
        this(true);
    }

    private BoundaryStocks(boolean checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Stocks whose count at a boundary is the sum of every difference up to it. */
    static BoundaryStocks withoutCheckpoints() {
        return new BoundaryStocks(false);
    }

    /** Adds ({@code sign} 1) or takes away (-1) one dossier's runs of pending boundaries. */
    void count(Contribution contribution, int sign) {
        for (Contribution.Run run : contribution.pending()) {
            int overdue = run.overdue() ? sign : 0;
            add(run.fromDay(), run.key(), sign, overdue);
            if (run.untilDay() != Contribution.NEVER) {
                add(run.untilDay(), run.key(), -sign, -overdue);
            }
        }
    }

    /** Hands the counts at the boundary opening {@code day} to {@code counts}. */
    void at(int day, Counts counts) {
        int blockNumber = Math.floorDiv(day, BLOCK_DAYS);
        if (!checkpoints) {
            blocks.headMap(blockNumber, true).forEach((number, block) -> {
                int lastDay = number == blockNumber ? Math.floorMod(day, BLOCK_DAYS) : BLOCK_DAYS - 1;
                for (int d = 0; d <= lastDay; d++) {
                    if (block.days[d] != null) {
                        counts.addPendingDifferences(block.days[d]);
                    }
                }
            });
            return;
        }
        Map.Entry<Integer, Block> entry = blocks.floorEntry(blockNumber);
        if (entry == null) {
            return;
        }
        Block block = entry.getValue();
        counts.addPending(block.pendingBefore, block.overdueBefore);
        int lastDay = entry.getKey() == blockNumber ? Math.floorMod(day, BLOCK_DAYS) : BLOCK_DAYS - 1;
        for (int d = 0; d <= lastDay; d++) {
            if (block.days[d] != null) {
                counts.addPendingDifferences(block.days[d]);
            }
        }
    }

    /** Until {@link #computeCheckpoints}, differences do not update checkpoints: for loading many facts at once. */
    void deferCheckpoints() {
        checkpointsDeferred = true;
    }

    /** Computes every checkpoint from the differences, in one pass over the blocks in order. */
    void computeCheckpoints() {
        if (!checkpoints) {
            return;
        }
        int[] pending = new int[0];
        int[] overdue = new int[0];
        for (Block block : blocks.values()) {
            block.pendingBefore = pending.clone();
            block.overdueBefore = overdue.clone();
            for (KeyedCounts differences : block.days) {
                if (differences == null) {
                    continue;
                }
                for (int entry = 0; entry < differences.size(); entry++) {
                    int key = differences.keyAt(entry);
                    if (key >= pending.length) {
                        pending = Arrays.copyOf(pending, capacityFor(key));
                        overdue = Arrays.copyOf(overdue, capacityFor(key));
                    }
                    pending[key] += differences.intAt(entry, PENDING);
                    overdue[key] += differences.intAt(entry, OVERDUE);
                }
            }
        }
        checkpointsDeferred = false;
    }

    private void add(int day, int key, int pending, int overdue) {
        int blockNumber = Math.floorDiv(day, BLOCK_DAYS);
        Block block = blocks.get(blockNumber);
        if (block == null) {
            block = new Block(checkpointsDeferred || !checkpoints ? null : blocks.lowerEntry(blockNumber));
            blocks.put(blockNumber, block);
        }
        KeyedCounts differences = block.day(Math.floorMod(day, BLOCK_DAYS));
        int entry = differences.entryOf(key);
        differences.addInt(entry, PENDING, pending);
        differences.addInt(entry, OVERDUE, overdue);
        if (checkpoints && !checkpointsDeferred) {
            for (Block later : blocks.tailMap(blockNumber, false).values()) {
                later.addBefore(key, pending, overdue);
            }
        }
    }

    private static int capacityFor(int key) {
        return Math.max(key + 1, key + (key >> 1));
    }

    /**
     * {@value #BLOCK_DAYS} days of differences, and the counts before its first day: dense by key,
     * because nearly every key that was ever pending has a count in every later block.
     */
    private static final class Block {
        final KeyedCounts[] days = new KeyedCounts[BLOCK_DAYS];
        int[] pendingBefore;
        int[] overdueBefore;

        /** @param previous the closest earlier block; null when there is none or checkpoints wait */
        Block(Map.Entry<Integer, Block> previous) {
            if (previous == null) {
                pendingBefore = new int[0];
                overdueBefore = new int[0];
                return;
            }
            Block earlier = previous.getValue();
            pendingBefore = earlier.pendingBefore.clone();
            overdueBefore = earlier.overdueBefore.clone();
            for (KeyedCounts differences : earlier.days) {
                if (differences == null) {
                    continue;
                }
                for (int entry = 0; entry < differences.size(); entry++) {
                    addBefore(differences.keyAt(entry), differences.intAt(entry, PENDING),
                            differences.intAt(entry, OVERDUE));
                }
            }
        }

        KeyedCounts day(int offset) {
            if (days[offset] == null) {
                days[offset] = new KeyedCounts(2, 0);
            }
            return days[offset];
        }

        void addBefore(int key, int pending, int overdue) {
            if (key >= pendingBefore.length) {
                pendingBefore = Arrays.copyOf(pendingBefore, capacityFor(key));
                overdueBefore = Arrays.copyOf(overdueBefore, capacityFor(key));
            }
            pendingBefore[key] += pending;
            overdueBefore[key] += overdue;
        }
    }
}
