package vn.province.govtrack.query.timeliness;

import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalLong;
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
 * <p>Thread-safe: events and loads are applied one at a time, and a report reads a consistent state.
 */
final class TimelinessIndex {

    private final ZoneId zone;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private CountingKeys keys;
    private CompactFacts facts;
    private DailyFlows flows;
    private BoundaryStocks stocks;

    /** @param zone the business time zone, in which periods are local dates */
    TimelinessIndex(ZoneId zone) {
        this.zone = zone;
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
                count(before, -1);
            }
            count(after, 1);
            facts.put(after, position);
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
                    count(already, -1);
                }
                facts.put(fact, lastPosition);
                count(fact, 1);
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
            facts.forEach((fact, lastPosition) -> {
                if (lastPosition > position) {
                    count(fact, -1);
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
     * recounts (see {@link CompactFacts#forEachChangedAfter}): what such a report costs beyond the
     * present one is proportional to this number.
     */
    int dossiersChangedAfter(long position, Instant periodEnd) {
        Lock read = lock.readLock();
        read.lock();
        try {
            int[] changed = {0};
            facts.forEachChangedAfter(position, periodEnd, fact -> changed[0]++);
            return changed[0];
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
     * position in a way that may bear on the period, both cut to what the period counts. The cost is
     * that of those dossiers, which {@link CompactFacts#forEachChangedAfter} finds mostly without
     * unpacking the others, on top of the present report.
     *
     * @param unitCode count only what is attributed to this unit; null for the whole province
     */
    TimelinessFigures figures(Period period, GroupBy groupBy, String unitCode, OptionalLong knownAt) {
        Lock read = lock.readLock();
        read.lock();
        try {
            int from = Math.toIntExact(period.from().toEpochDay());
            int to = Math.toIntExact(period.to().toEpochDay());
            RowSums sums = new RowSums(keys, groupBy, unitCode == null ? RowSums.EVERY_UNIT : keys.knownUnit(unitCode));
            flows.sum(from, to, sums);
            stocks.at(to + 1, sums);
            if (knownAt.isPresent()) {
                long position = knownAt.getAsLong();
                Contribution.Keys rows = sums.rowKeys();
                facts.forEachChangedAfter(position, period.end(), fact -> {
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

    private void count(DossierFact fact, int sign) {
        Contribution contribution = Contribution.of(fact, zone, keys);
        flows.count(contribution, sign);
        stocks.count(contribution, sign);
    }

    private void empty() {
        keys = new CountingKeys();
        facts = new CompactFacts(keys);
        flows = new DailyFlows();
        stocks = new BoundaryStocks();
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
