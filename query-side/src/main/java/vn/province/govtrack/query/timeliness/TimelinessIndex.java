package vn.province.govtrack.query.timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * The timeliness figures of any period, answered from counters in memory whose size and reading cost
 * do not grow with the history before the period (ADR 0006).
 *
 * <p>Each count goes to the unit responsible when the counted thing happened, which a later transfer
 * cannot change: a receipt to the receiving unit; an end of processing (resolved, its verdict and
 * processing days) to the unit holding the dossier when it ended; pending and overdue to the unit
 * holding it at the period's end. So a unit's row for a closed period never changes, and every
 * dossier counts once in the total. Pending and overdue are judged at the period's end with the
 * appointment date in force then, a dossier waiting for a supplement not being overdue.
 *
 * <p>Every dossier's fact is kept ({@link CompactFacts}) and its {@link Contribution} is counted in
 * {@link DailyFlows} (receipts and ends by day) and {@link BoundaryStocks} (pending and overdue at
 * each midnight). A period of local dates {@code from}–{@code to} sums the flows of its days and reads
 * the stocks at the midnight closing {@code to}. An event changes one fact: its old contribution is
 * taken away and the new one added.
 *
 * <p>The same tables are kept again for each segment of {@link CompactFacts}' slots, counting the
 * dossiers of its slots only, with the earliest position at which any of them was first received. A
 * report as known at a position before that takes the segment's own figures away in one go: none of
 * its dossiers had a fact then, and slots are taken in the order dossiers are first received, so a long
 * period known early in it passes over most of its dossiers without unpacking them.
 *
 * <p>Thread-safe: events and loads are applied one at a time, and a report reads a consistent state.
 */
final class TimelinessIndex {

    /** Slots per segment: 22 segments for a province-year's 700,000 dossiers. */
    static final int SEGMENT_SLOTS = 32_768;

    private final ZoneId zone;
    private final int segmentSlots;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private CountingKeys keys;
    private CompactFacts facts;
    private DailyFlows flows;
    private BoundaryStocks stocks;
    private List<Segment> segments;

    /** @param zone the business time zone, in which periods are local dates */
    TimelinessIndex(ZoneId zone) {
        this(zone, SEGMENT_SLOTS);
    }

    /** @param segmentSlots slots per segment, a multiple of {@value CompactFacts#BLOCK}: small in tests */
    TimelinessIndex(ZoneId zone, int segmentSlots) {
        if (segmentSlots <= 0 || segmentSlots % CompactFacts.BLOCK != 0) {
            throw new IllegalArgumentException("segments of whole blocks of slots: " + segmentSlots);
        }
        this.zone = zone;
        this.segmentSlots = segmentSlots;
        empty();
    }

    /**
     * Folds the event at {@code position} into the dossier's fact, as {@link TimelinessProjection} does
     * with the stored one: an event at or before the position the fact last took is ignored, so an
     * event delivered again, or replayed over a fact that reflects it, changes nothing; an event that
     * leaves the dossier without a fact (before its receipt), or its fact as it was, changes nothing either.
     */
    void apply(String dossierId, long position, Object event) {
        inWriteLock(() -> {
            if (facts.lastPosition(dossierId) >= position) {
                return;
            }
            DossierFact before = facts.fact(dossierId);
            DossierFact after = TimelinessFold.evolve(before, event, position);
            if (after == null || after == before) {
                return;
            }
            if (before != null) {
                count(before, facts.slot(dossierId), -1);
            }
            count(after, facts.put(after, position), 1);
        });
    }

    /**
     * Replaces everything with the facts {@code source} hands over, each with the position of the
     * last event folded into it; a dossier handed over twice counts as the last one. Reports wait
     * meanwhile.
     */
    void load(Consumer<BiConsumer<DossierFact, Long>> source) {
        inWriteLock(() -> {
            empty();
            stocks.deferCheckpoints();
            source.accept((fact, lastPosition) -> {
                DossierFact already = facts.fact(fact.dossierId());
                if (already != null) {
                    count(already, facts.slot(fact.dossierId()), -1);
                }
                count(fact, facts.put(fact, lastPosition), 1);
            });
            stocks.computeCheckpoints();
        });
    }

    /** Forgets every dossier whose fact reflects an event after {@code position}: all of them for 0. */
    void forgetTouchedAfter(long position) {
        inWriteLock(() -> {
            if (position == 0) {
                empty();
                return;
            }
            facts.forEach((fact, slot, lastPosition) -> {
                if (lastPosition > position) {
                    count(fact, slot, -1);
                    facts.remove(fact.dossierId());
                }
            });
        });
    }

    /** The number of dossiers with a fact. */
    int dossiers() {
        Lock read = lock.readLock();
        read.lock();
        try {
            return facts.size();
        } finally {
            read.unlock();
        }
    }

    /**
     * The dossiers that a report of a period ending at {@code periodEnd}, known at {@code position},
     * recounts one by one (see {@link CompactFacts#forEachChangedAfter}), those of segments taken away
     * whole left out: what such a report costs beyond the present one and those segments' figures is
     * proportional to this number.
     */
    int dossiersChangedAfter(long position, Instant periodEnd) {
        Lock read = lock.readLock();
        read.lock();
        try {
            boolean[] wholeAfter = segmentsFirstReceivedAfter(position);
            int[] changed = {0};
            facts.forEachChangedAfter(position, periodEnd, slot -> wholeAfter[slot / segmentSlots],
                    fact -> changed[0]++);
            return changed[0];
        } finally {
            read.unlock();
        }
    }

    /**
     * The segments of slots none of whose dossiers had a fact at {@code position}, which a report known
     * then takes away whole.
     */
    int segmentsFirstReceivedAfterCount(long position) {
        Lock read = lock.readLock();
        read.lock();
        try {
            int whole = 0;
            for (boolean after : segmentsFirstReceivedAfter(position)) {
                whole += after ? 1 : 0;
            }
            return whole;
        } finally {
            read.unlock();
        }
    }

    /**
     * The figures of {@code period} (local dates in this index's zone), rows by {@code groupBy}.
     *
     * @param unitCode count only what is attributed to this unit; null for the whole province
     */
    TimelinessFigures figures(Period period, GroupBy groupBy, String unitCode) {
        return figures(period, groupBy, unitCode, OptionalLong.empty());
    }

    /**
     * The figures of {@code period} as the store knew them once it had recorded the events up to
     * {@code knownAt} (absent: the present): exactly the figures of an index that folded only those.
     *
     * <p>They are the present figures, minus the present contribution and plus the contribution as
     * known then ({@link DossierFact#asKnownAt}) of every dossier whose fact changed after that
     * position in a way that may bear on the period, both cut to what the period counts. A segment none
     * of whose dossiers had a fact at that position has only present contributions to take away: its
     * own figures of the period, read from its tables as the present report reads the index's. The cost
     * is that of the other segments' changed dossiers, which {@link CompactFacts#forEachChangedAfter}
     * finds mostly without unpacking the others, plus a present report per segment taken whole, on top
     * of the present report.
     *
     * @param unitCode count only what is attributed to this unit; null for the whole province
     */
    TimelinessFigures figures(Period period, GroupBy groupBy, String unitCode, OptionalLong knownAt) {
        Lock read = lock.readLock();
        read.lock();
        try {
            int from = Math.toIntExact(period.from().toEpochDay());
            int to = Math.toIntExact(period.to().toEpochDay());
            int unit = unitCode == null ? RowSums.EVERY_UNIT : keys.knownUnit(unitCode);
            RowSums sums = new RowSums(keys, groupBy, unit);
            flows.sum(from, to, sums);
            stocks.at(to + 1, sums);
            if (knownAt.isPresent()) {
                long position = knownAt.getAsLong();
                boolean[] wholeAfter = segmentsFirstReceivedAfter(position);
                RowSums takenWhole = new RowSums(keys, groupBy, unit);
                for (int segment = 0; segment < wholeAfter.length; segment++) {
                    if (wholeAfter[segment]) {
                        segments.get(segment).flows.sum(from, to, takenWhole);
                        segments.get(segment).stocks.at(to + 1, takenWhole);
                    }
                }
                sums.subtract(takenWhole);
                Contribution.Keys rows = sums.rowKeys();
                facts.forEachChangedAfter(position, period.end(), slot -> wholeAfter[slot / segmentSlots], fact -> {
                    sums.add(Contribution.atBoundary(fact, zone, rows, to + 1), -1, from, to);
                    DossierFact known = fact.asKnownAt(position);
                    if (known != null) {
                        sums.add(Contribution.atBoundary(known, zone, rows, to + 1), 1, from, to);
                    }
                });
            }
            return new TimelinessFigures(sums.tallies(), unitCode);
        } finally {
            read.unlock();
        }
    }

    /**
     * The figures of each day of {@code period}, one row per day keyed by its date ({@code YYYY-MM-DD}),
     * days with nothing counted included, and of the whole period as their total: each day's row is
     * exactly the report of that day alone (its receipts and ends; pending and overdue at its end), the
     * total exactly the report of the period, so receipts and ends add up over the days and pending and
     * overdue are the last day's. Read under one lock, so the days and the total agree.
     *
     * @param unitCode count only what is attributed to this unit; null for the whole province
     */
    TimelinessFigures figuresByDay(Period period, String unitCode, OptionalLong knownAt) {
        Lock read = lock.readLock();
        read.lock();
        try {
            SortedMap<String, Tally> days = new TreeMap<>();
            for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
                days.put(day.toString(), figures(Period.of(day, day, zone), GroupBy.UNIT, unitCode, knownAt).sum());
            }
            return new TimelinessFigures(days, figures(period, GroupBy.UNIT, unitCode, knownAt).sum(), unitCode);
        } finally {
            read.unlock();
        }
    }

    /** Counts the fact in the index's tables and in those of the segment of its {@code slot}. */
    private void count(DossierFact fact, int slot, int sign) {
        Contribution contribution = Contribution.of(fact, zone, keys);
        flows.count(contribution, sign);
        stocks.count(contribution, sign);
        Segment segment = segment(slot);
        segment.flows.count(contribution, sign);
        segment.stocks.count(contribution, sign);
        if (sign > 0) {
            segment.firstReceived = Math.min(segment.firstReceived, firstReceivedPosition(fact));
        }
    }

    private Segment segment(int slot) {
        int number = slot / segmentSlots;
        while (segments.size() <= number) {
            segments.add(new Segment());
        }
        return segments.get(number);
    }

    /** By segment number: whether every dossier its slots ever held was first received after {@code position}. */
    private boolean[] segmentsFirstReceivedAfter(long position) {
        boolean[] after = new boolean[segments.size()];
        for (int segment = 0; segment < after.length; segment++) {
            after[segment] = segments.get(segment).firstReceived > position;
        }
        return after;
    }

    /**
     * The position of the dossier's first receipt, its replaced facts' included: before it, the fact as
     * known is none ({@link DossierFact#asKnownAt}).
     */
    private static long firstReceivedPosition(DossierFact fact) {
        long first = fact.receivedPosition();
        for (DossierFact replaced = fact.replaced(); replaced != null; replaced = replaced.replaced()) {
            first = Math.min(first, replaced.receivedPosition());
        }
        return first;
    }

    private void empty() {
        keys = new CountingKeys();
        facts = new CompactFacts(keys);
        flows = new DailyFlows();
        stocks = new BoundaryStocks();
        segments = new ArrayList<>();
    }

    private void inWriteLock(Runnable change) {
        Lock write = lock.writeLock();
        write.lock();
        try {
            change.run();
        } finally {
            write.unlock();
        }
    }

    /**
     * The tables of the dossiers of one segment of slots, counted as the index's are; and a bound of
     * their first receipts' positions: the earliest of every dossier counted there since the segment was
     * made (one removed since may have been earlier than all that remain, which only makes a report
     * recount that segment dossier by dossier).
     */
    private static final class Segment {
        final DailyFlows flows = new DailyFlows();
        final BoundaryStocks stocks = BoundaryStocks.withoutCheckpoints();
        long firstReceived = Long.MAX_VALUE;
    }

    /**
     * A period's counters summed by row: arrays indexed by the number of the row's unit, field or
     * procedure, filled in tight loops over the day tables, because a year of a province is a few
     * hundred thousand entries.
     */
    private static final class RowSums implements DailyFlows.Sums, BoundaryStocks.Counts {

        static final int EVERY_UNIT = -2;

        private final CountingKeys keys;
        private final GroupBy groupBy;
        private final int unit;
        private final int[] unitOfKey;
        private final int[] rowOfKey;
        private final long[] received;
        private final long[] resolved;
        private final long[] early;
        private final long[] onTime;
        private final long[] late;
        private final long[] daysCount;
        private final long[] daysHigh;
        private final long[] daysLow;
        private final long[] pending;
        private final long[] overdue;
        /** The rows; one more, at this index, gathers what a single contribution adds outside them. */
        private final int rows;

        /** @param unit the number of the only unit to count, -1 for an unknown one (nothing), or {@link #EVERY_UNIT} */
        RowSums(CountingKeys keys, GroupBy groupBy, int unit) {
            this.keys = keys;
            this.groupBy = groupBy;
            this.unit = unit;
            this.unitOfKey = keys.parts(GroupBy.UNIT);
            this.rowOfKey = keys.parts(groupBy);
            rows = keys.count(groupBy);
            received = new long[rows + 1];
            resolved = new long[rows + 1];
            early = new long[rows + 1];
            onTime = new long[rows + 1];
            late = new long[rows + 1];
            daysCount = new long[rows + 1];
            daysHigh = new long[rows + 1];
            daysLow = new long[rows + 1];
            pending = new long[rows + 1];
            overdue = new long[rows + 1];
        }

        /**
         * Keys that are these sums' rows: the row of a counted unit, procedure and field, or the extra
         * row for what this report does not count (another unit's). Only names the dictionary
         * already holds occur (every fact's codes are numbered when it is stored), so nothing is added
         * to it: a report only reads.
         */
        Contribution.Keys rowKeys() {
            return (unitCode, procedureCode, field) -> {
                int unitNumber = keys.knownNumber(GroupBy.UNIT, unitCode);
                if (unit != EVERY_UNIT && unitNumber != unit) {
                    return rows;
                }
                String name = switch (groupBy) {
                    case UNIT -> unitCode;
                    case PROCEDURE -> procedureCode;
                    case FIELD -> field;
                };
                int row = keys.knownNumber(groupBy, name);
                if (row < 0 || unitNumber < 0) {
                    throw new IllegalStateException("a fact's code the dictionary does not hold: " + name);
                }
                return row;
            };
        }

        /**
         * Adds ({@code sign} 1) or takes away (-1) what {@code contribution}, keyed by {@link #rowKeys},
         * counts in the period of days {@code fromDay} to {@code toDay}: its receipt and end on those
         * days, and its pending runs over the boundary closing {@code toDay}.
         */
        void add(Contribution contribution, int sign, int fromDay, int toDay) {
            if (contribution.receivedDay() >= fromDay && contribution.receivedDay() <= toDay) {
                received[contribution.receivedKey()] += sign;
            }
            if (contribution.ended() && contribution.endedDay() >= fromDay && contribution.endedDay() <= toDay) {
                int row = contribution.endedKey();
                resolved[row] += sign;
                Timeliness verdict = contribution.verdict();
                if (verdict == Timeliness.EARLY) {
                    early[row] += sign;
                } else if (verdict == Timeliness.ON_TIME) {
                    onTime[row] += sign;
                } else if (verdict == Timeliness.LATE) {
                    late[row] += sign;
                }
                Double days = contribution.processingDays();
                if (days != null) {
                    daysCount[row] += sign;
                    long high = ExactDays.high(days);
                    long low = ExactDays.low(days);
                    if (sign < 0) {
                        high = ExactDays.negatedHigh(high, low);
                        low = -low;
                    }
                    daysHigh[row] = ExactDays.sumHigh(daysHigh[row], daysLow[row], high, low);
                    daysLow[row] += low;
                }
            }
            int boundary = toDay + 1;
            for (Contribution.Run run : contribution.pending()) {
                if (run.fromDay() <= boundary && boundary < run.untilDay()) {
                    pending[run.key()] += sign;
                    overdue[run.key()] += run.overdue() ? sign : 0;
                }
            }
        }

        @Override
        public void addReceived(KeyedCounts day) {
            for (int entry = 0; entry < day.size(); entry++) {
                int key = day.keyAt(entry);
                if (counts(key)) {
                    received[rowOfKey[key]] += day.intAt(entry, 0);
                }
            }
        }

        @Override
        public void addEnded(KeyedCounts day) {
            for (int entry = 0; entry < day.size(); entry++) {
                int key = day.keyAt(entry);
                if (!counts(key)) {
                    continue;
                }
                int row = rowOfKey[key];
                resolved[row] += day.intAt(entry, DailyFlows.RESOLVED);
                early[row] += day.intAt(entry, DailyFlows.EARLY);
                onTime[row] += day.intAt(entry, DailyFlows.ON_TIME);
                late[row] += day.intAt(entry, DailyFlows.LATE);
                daysCount[row] += day.intAt(entry, DailyFlows.DAYS_COUNT);
                long low = day.longAt(entry, DailyFlows.DAYS_LOW);
                daysHigh[row] = ExactDays.sumHigh(daysHigh[row], daysLow[row], day.longAt(entry, DailyFlows.DAYS_HIGH),
                        low);
                daysLow[row] += low;
            }
        }

        @Override
        public void addPending(int[] pendingByKey, int[] overdueByKey) {
            for (int key = 0; key < pendingByKey.length; key++) {
                if (pendingByKey[key] != 0 && counts(key)) {
                    pending[rowOfKey[key]] += pendingByKey[key];
                    overdue[rowOfKey[key]] += overdueByKey[key];
                }
            }
        }

        @Override
        public void addPendingDifferences(KeyedCounts day) {
            for (int entry = 0; entry < day.size(); entry++) {
                int key = day.keyAt(entry);
                if (counts(key)) {
                    pending[rowOfKey[key]] += day.intAt(entry, BoundaryStocks.PENDING);
                    overdue[rowOfKey[key]] += day.intAt(entry, BoundaryStocks.OVERDUE);
                }
            }
        }

        /** Takes away everything {@code other}, with the same rows, summed. */
        void subtract(RowSums other) {
            for (int row = 0; row <= rows; row++) {
                received[row] -= other.received[row];
                resolved[row] -= other.resolved[row];
                early[row] -= other.early[row];
                onTime[row] -= other.onTime[row];
                late[row] -= other.late[row];
                daysCount[row] -= other.daysCount[row];
                long high = ExactDays.negatedHigh(other.daysHigh[row], other.daysLow[row]);
                long low = -other.daysLow[row];
                daysHigh[row] = ExactDays.sumHigh(daysHigh[row], daysLow[row], high, low);
                daysLow[row] += low;
                pending[row] -= other.pending[row];
                overdue[row] -= other.overdue[row];
            }
        }

        /** Rows something was counted for: every count adds to received, resolved or pending. */
        TreeMap<String, Tally> tallies() {
            TreeMap<String, Tally> tallies = new TreeMap<>();
            for (int row = 0; row < rows; row++) {
                if (received[row] == 0 && resolved[row] == 0 && pending[row] == 0) {
                    continue;
                }
                Tally tally = new Tally();
                tally.received = received[row];
                tally.resolved = resolved[row];
                tally.early = early[row];
                tally.onTime = onTime[row];
                tally.late = late[row];
                tally.pending = pending[row];
                tally.overdue = overdue[row];
                tally.processingDaysCount = daysCount[row];
                tally.processingDaysSum = ExactDays.toBigDecimal(daysHigh[row], daysLow[row]);
                tallies.put(keys.name(groupBy, row), tally);
            }
            return tallies;
        }

        private boolean counts(int key) {
            return unit == EVERY_UNIT || unitOfKey[key] == unit;
        }
    }
}
