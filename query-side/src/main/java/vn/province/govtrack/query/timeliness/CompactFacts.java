package vn.province.govtrack.query.timeliness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * Every dossier's fact in memory, with the position of the last event folded into it, each packed in
 * a few dozen bytes: codes as the dictionary's numbers, instants as seconds from the receipt and
 * nanoseconds, positions as differences from the receipt's, counts and numbers as variable-length
 * integers. The index needs a dossier's fact again only when one of its events arrives (to fold the
 * event and take the old contribution away), or for a report as known at an earlier position, so a
 * year of a province's dossiers fits in memory where their {@link DossierFact} objects would not. A
 * code read back is never null: a missing one comes back empty, which counts the same.
 *
 * <p>Facts live in numbered slots; beside the packed bytes, flat arrays hold each slot's last
 * position, earliest receipt and last change, and bounds of those per block of slots, so that
 * {@link #forEachChangedAfter} finds the few facts that changed after a position without unpacking
 * the others, and mostly without visiting them.
 *
 * <p>Not thread-safe: {@link TimelinessIndex} guards it.
 */
final class CompactFacts {

    private static final DossierStatus[] STATUSES = DossierStatus.values();
    private static final Timeliness[] VERDICTS = Timeliness.values();
    private static final int INITIAL_SLOTS = 1024;
    /** Slots per block of the scan's bounds; a range of slots a scan is told to pass over is whole blocks. */
    static final int BLOCK = 256;

    private final CountingKeys keys;
    private final Map<String, Integer> slotByDossier = new HashMap<>();
    private String[] dossierIds = new String[INITIAL_SLOTS];
    private byte[][] packed = new byte[INITIAL_SLOTS][];
    private long[] lastPositions = new long[INITIAL_SLOTS];
    /** Epoch seconds of {@link DossierFact#earliestReceipt()}. */
    private long[] earliestReceipts = new long[INITIAL_SLOTS];
    /** The position of the change before the last one: the largest element position below the last. */
    private long[] previousPositions = new long[INITIAL_SLOTS];
    /**
     * Epoch seconds (rounded down) of the business instant of the fact's last change, the elements
     * recorded at its position; {@link Long#MIN_VALUE} for a receipt recorded again, which replaced all.
     */
    private long[] lastChangeSeconds = new long[INITIAL_SLOTS];
    /**
     * Per block of {@value #BLOCK} slots, the largest last position and the earliest receipt any fact
     * held there ever had (they only grow and shrink respectively, so they stay bounds): a scan skips
     * whole blocks. Slots are taken as dossiers are first received, so a block holds dossiers received
     * at about the same time, and most blocks lie wholly before or after what a question concerns.
     */
    private long[] blockLastPositions = new long[INITIAL_SLOTS / BLOCK];
    private long[] blockEarliestReceipts = new long[INITIAL_SLOTS / BLOCK];
    /** Slots in use or freed: {@code 0} to {@code slots - 1}. */
    private int slots;
    private int[] freeSlots = new int[16];
    private int freeCount;

    CompactFacts(CountingKeys keys) {
        this.keys = keys;
        Arrays.fill(blockEarliestReceipts, Long.MAX_VALUE);
    }

    /** The position of the last event folded into the dossier's fact; -1 when it has none. */
    long lastPosition(String dossierId) {
        Integer slot = slotByDossier.get(dossierId);
        return slot == null ? -1 : lastPositions[slot];
    }

    /** The dossier's fact; null when it has none. */
    DossierFact fact(String dossierId) {
        Integer slot = slotByDossier.get(dossierId);
        return slot == null ? null : unpack(slot);
    }

    /** The slot holding the dossier's fact; -1 when it has none. */
    int slot(String dossierId) {
        Integer slot = slotByDossier.get(dossierId);
        return slot == null ? -1 : slot;
    }

    /** @return the slot the fact is kept in: the dossier's, as long as it has a fact */
    int put(DossierFact fact, long lastPosition) {
        Integer existing = slotByDossier.get(fact.dossierId());
        int slot = existing != null ? existing : newSlot(fact.dossierId());
        packed[slot] = pack(fact, lastPosition);
        lastPositions[slot] = lastPosition;
        earliestReceipts[slot] = fact.earliestReceipt().getEpochSecond();
        int block = slot / BLOCK;
        blockLastPositions[block] = Math.max(blockLastPositions[block], lastPosition);
        blockEarliestReceipts[block] = Math.min(blockEarliestReceipts[block], earliestReceipts[slot]);
        LastChange last = LastChange.of(fact);
        previousPositions[slot] = last.previousPosition;
        lastChangeSeconds[slot] = last.second;
        return slot;
    }

    void remove(String dossierId) {
        Integer slot = slotByDossier.remove(dossierId);
        if (slot == null) {
            return;
        }
        dossierIds[slot] = null;
        packed[slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
    }

    int size() {
        return slotByDossier.size();
    }

    /**
     * Hands every fact, its slot and its last position to {@code consumer}; the consumer may remove the
     * fact it is handed.
     */
    void forEach(SlotConsumer consumer) {
        for (int slot = 0; slot < slots; slot++) {
            if (packed[slot] != null) {
                consumer.accept(unpack(slot), slot, lastPositions[slot]);
            }
        }
    }

    interface SlotConsumer {
        void accept(DossierFact fact, int slot, long lastPosition);
    }

    /**
     * Hands to {@code consumer} every fact changed by an event after {@code position} whose count in a
     * period ending at {@code periodEnd} (a midnight, a whole second) may differ from its count as
     * known at that position; the others are not unpacked. Left out are the facts
     * <ul>
     * <li>whose earliest receipt is at or after the period's end: neither version counts in it;</li>
     * <li>changed only once after the position, by elements dated at or after the period's end: what
     * they change (an end, a transfer, an appointment, a pause's start or end) bears on the period's
     * days and on the state just before its end not at all, so both versions count the same.</li>
     * </ul>
     * and every fact in a block of {@value #BLOCK} slots whose first slot {@code passedOver} accepts.
     */
    void forEachChangedAfter(long position, Instant periodEnd, IntPredicate passedOver,
                             Consumer<DossierFact> consumer) {
        long end = periodEnd.getEpochSecond();
        for (int block = 0; block * BLOCK < slots; block++) {
            if (blockLastPositions[block] <= position || blockEarliestReceipts[block] >= end
                || passedOver.test(block * BLOCK)) {
                continue;
            }
            for (int slot = block * BLOCK; slot < Math.min(slots, (block + 1) * BLOCK); slot++) {
                if (lastPositions[slot] > position && earliestReceipts[slot] < end && packed[slot] != null
                    && (previousPositions[slot] > position || lastChangeSeconds[slot] < end)) {
                    consumer.accept(unpack(slot));
                }
            }
        }
    }

    private int newSlot(String dossierId) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slots == packed.length) {
                int capacity = slots * 2;
                dossierIds = Arrays.copyOf(dossierIds, capacity);
                packed = Arrays.copyOf(packed, capacity);
                lastPositions = Arrays.copyOf(lastPositions, capacity);
                earliestReceipts = Arrays.copyOf(earliestReceipts, capacity);
                previousPositions = Arrays.copyOf(previousPositions, capacity);
                lastChangeSeconds = Arrays.copyOf(lastChangeSeconds, capacity);
                blockLastPositions = Arrays.copyOf(blockLastPositions, capacity / BLOCK);
                blockEarliestReceipts = Arrays.copyOf(blockEarliestReceipts, capacity / BLOCK);
                Arrays.fill(blockEarliestReceipts, slots / BLOCK, capacity / BLOCK, Long.MAX_VALUE);
            }
            slot = slots++;
        }
        dossierIds[slot] = dossierId;
        slotByDossier.put(dossierId, slot);
        return slot;
    }

    private byte[] pack(DossierFact fact, long lastPosition) {
        Writer out = new Writer();
        pack(fact, lastPosition, out);
        return out.bytes();
    }

    /** Positions: the receipt's from {@code reference}, the others from the receipt's. */
    private void pack(DossierFact fact, long reference, Writer out) {
        Instant origin = fact.receivedAt();
        long first = fact.receivedPosition();
        out.number(keys.numberOf(GroupBy.PROCEDURE, fact.procedureCode()));
        out.number(keys.numberOf(GroupBy.FIELD, fact.field()));
        out.signed(origin.getEpochSecond());
        out.number(origin.getNano());
        out.signed(reference - first);
        out.number(fact.holdings().size());
        for (DossierFact.Holding holding : fact.holdings()) {
            out.instant(holding.from(), origin);
            out.number(keys.numberOf(GroupBy.UNIT, holding.unitCode()));
            out.signed(holding.position() - first);
        }
        out.number(fact.deadlines().size());
        for (DossierFact.Deadline deadline : fact.deadlines()) {
            out.instant(deadline.from(), origin);
            out.instant(deadline.dueAt(), origin);
            out.signed(deadline.position() - first);
        }
        out.number(fact.pauses().size());
        for (DossierFact.Pause pause : fact.pauses()) {
            out.instant(pause.from(), origin);
            out.signed(pause.position() - first);
            out.number(pause.until() == null ? 0 : 1);
            if (pause.until() != null) {
                out.instant(pause.until(), origin);
                out.signed(pause.untilPosition() - first);
            }
        }
        out.number(fact.endedAs() == null ? 0 : fact.endedAs().ordinal() + 1);
        if (fact.ended()) {
            out.instant(fact.endedAt(), origin);
            out.signed(fact.endedPosition() - first);
            out.number(fact.verdict() == null ? 0 : fact.verdict().ordinal() + 1);
            out.number(fact.processingDays() == null ? 0 : 1);
            if (fact.processingDays() != null) {
                out.fixed(Double.doubleToRawLongBits(fact.processingDays()));
            }
        }
        out.number(fact.replaced() == null ? 0 : 1);
        if (fact.replaced() != null) {
            pack(fact.replaced(), first, out);
        }
    }

    private DossierFact unpack(int slot) {
        return unpack(dossierIds[slot], lastPositions[slot], new Reader(packed[slot]));
    }

    private DossierFact unpack(String dossierId, long reference, Reader in) {
        String procedureCode = keys.name(GroupBy.PROCEDURE, in.number());
        String field = keys.name(GroupBy.FIELD, in.number());
        Instant origin = Instant.ofEpochSecond(in.signed(), in.number());
        long first = reference - in.signed();
        List<DossierFact.Holding> holdings = new ArrayList<>();
        for (int i = in.number(); i > 0; i--) {
            holdings.add(new DossierFact.Holding(in.instant(origin), keys.name(GroupBy.UNIT, in.number()),
                    first + in.signed()));
        }
        List<DossierFact.Deadline> deadlines = new ArrayList<>();
        for (int i = in.number(); i > 0; i--) {
            deadlines.add(new DossierFact.Deadline(in.instant(origin), in.instant(origin), first + in.signed()));
        }
        List<DossierFact.Pause> pauses = new ArrayList<>();
        for (int i = in.number(); i > 0; i--) {
            Instant from = in.instant(origin);
            long position = first + in.signed();
            if (in.number() == 0) {
                pauses.add(new DossierFact.Pause(from, null, position, 0));
            } else {
                pauses.add(new DossierFact.Pause(from, in.instant(origin), position, first + in.signed()));
            }
        }
        int endedAs = in.number();
        Instant endedAt = null;
        long endedPosition = 0;
        int verdict = 0;
        Double processingDays = null;
        if (endedAs != 0) {
            endedAt = in.instant(origin);
            endedPosition = first + in.signed();
            verdict = in.number();
            processingDays = in.number() == 0 ? null : Double.longBitsToDouble(in.fixed());
        }
        DossierFact replaced = in.number() == 0 ? null : unpack(dossierId, first, in);
        return new DossierFact(dossierId, procedureCode, field, origin, first, holdings, deadlines, pauses, endedAt,
                endedAs == 0 ? null : STATUSES[endedAs - 1], verdict == 0 ? null : VERDICTS[verdict - 1],
                processingDays, endedPosition, replaced);
    }

    /** The fact's last change: its position's predecessor, and when (in business time) it happened. */
    private static final class LastChange {
        long position = Long.MIN_VALUE;
        long previousPosition = Long.MIN_VALUE;
        long second = Long.MAX_VALUE;

        static LastChange of(DossierFact fact) {
            LastChange last = new LastChange();
            last.element(fact.receivedPosition(),
                    fact.replaced() == null ? fact.receivedAt().getEpochSecond() : Long.MIN_VALUE);
            fact.holdings().forEach(holding -> last.element(holding.position(), holding.from().getEpochSecond()));
            fact.deadlines().forEach(deadline -> last.element(deadline.position(),
                    deadline.from().getEpochSecond()));
            for (DossierFact.Pause pause : fact.pauses()) {
                last.element(pause.position(), pause.from().getEpochSecond());
                if (pause.until() != null) {
                    last.element(pause.untilPosition(), pause.until().getEpochSecond());
                }
            }
            if (fact.ended()) {
                last.element(fact.endedPosition(), fact.endedAt().getEpochSecond());
            }
            return last;
        }

        private void element(long at, long epochSecond) {
            if (at > position) {
                previousPosition = Math.max(previousPosition, position);
                position = at;
                second = epochSecond;
            } else if (at == position) {
                second = Math.min(second, epochSecond);
            } else {
                previousPosition = Math.max(previousPosition, at);
            }
        }
    }

    /** Variable-length integers (7 bits a byte). */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(48);

        void fixed(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (value >>> shift));
            }
        }

        void number(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                out.write((int) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            out.write((int) rest);
        }

        /** Zig-zag, so that small negative numbers stay short. */
        void signed(long value) {
            number((value << 1) ^ (value >> 63));
        }

        void instant(Instant instant, Instant origin) {
            signed(instant.getEpochSecond() - origin.getEpochSecond());
            number(instant.getNano());
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int number() {
            return Math.toIntExact(unsigned());
        }

        long fixed() {
            long value = ByteBuffer.wrap(bytes, at, Long.BYTES).getLong();
            at += Long.BYTES;
            return value;
        }

        long signed() {
            long zigzag = unsigned();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        Instant instant(Instant origin) {
            long seconds = origin.getEpochSecond() + signed();
            return Instant.ofEpochSecond(seconds, number());
        }

        private long unsigned() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }
    }
}
