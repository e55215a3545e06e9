package vn.province.govtrack.query.timeliness;

import java.util.Arrays;

/**
 * Counters by counting key ({@link CountingKeys}): a fixed number of {@code int} and {@code long}
 * counters per key, in flat primitive arrays, because the index holds millions of them and boxed maps
 * would take several times the memory. Entries are numbered in the order their keys first came and
 * stored densely in that order, so that a report reads them in one pass over a few arrays; an
 * open-addressing table finds a key's entry.
 *
 * <p>An entry is created at its key's first change and stays when its counters return to zero;
 * readers skip zeros where they matter. Not thread-safe: {@link TimelinessIndex} guards it.
 */
final class KeyedCounts {

    private static final int INITIAL_ENTRIES = 4;

    private final int intWidth;
    private final int longWidth;
    /** Entry number + 1 by hashed key; 0 for a free slot. Never more than half full. */
    private int[] slots = new int[INITIAL_ENTRIES * 2];
    private int[] keys = new int[INITIAL_ENTRIES];
    private int[] ints;
    private long[] longs;
    private int size;

    KeyedCounts(int intWidth, int longWidth) {
        this.intWidth = intWidth;
        this.longWidth = longWidth;
        this.ints = new int[INITIAL_ENTRIES * intWidth];
        this.longs = new long[INITIAL_ENTRIES * longWidth];
    }

    /** The entry holding {@code key}'s counters, created (all zero) if there was none. */
    int entryOf(int key) {
        int mask = slots.length - 1;
        int slot = mix(key) & mask;
        while (slots[slot] != 0) {
            int entry = slots[slot] - 1;
            if (keys[entry] == key) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
        if (size == keys.length) {
            grow();
            return entryOf(key);
        }
        int entry = size++;
        keys[entry] = key;
        slots[slot] = entry + 1;
        return entry;
    }

    void addInt(int entry, int counter, int delta) {
        ints[entry * intWidth + counter] += delta;
    }

    void setLong(int entry, int counter, long value) {
        longs[entry * longWidth + counter] = value;
    }

    /** Entries run from 0 to {@code size() - 1}. */
    int size() {
        return size;
    }

    int keyAt(int entry) {
        return keys[entry];
    }

    int intAt(int entry, int counter) {
        return ints[entry * intWidth + counter];
    }

    long longAt(int entry, int counter) {
        return longs[entry * longWidth + counter];
    }

    /** Keys are small consecutive numbers; spreading them keeps neighbouring keys' probe runs apart. */
    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int entries = keys.length * 2;
        keys = Arrays.copyOf(keys, entries);
        ints = Arrays.copyOf(ints, entries * intWidth);
        longs = Arrays.copyOf(longs, entries * longWidth);
        slots = new int[entries * 2];
        int mask = slots.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = mix(keys[entry]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry + 1;
        }
    }
}
