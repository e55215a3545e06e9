package vn.province.govtrack.query.timeliness;

import java.util.TreeMap;

import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * What happened on each local day, by counting key: receipts, and ends of processing with their
 * verdicts and processing days. A period's figures are the sum of its days, so a year reads 365
 * sparse tables whatever the history before it; days without anything are not stored.
 */
final class DailyFlows {

    /** Ends' counters: ints, then the processing-days sum as two longs (see {@link ExactDays}). */
    static final int RESOLVED = 0;
    static final int EARLY = 1;
    static final int ON_TIME = 2;
    static final int LATE = 3;
    static final int DAYS_COUNT = 4;
    static final int DAYS_HIGH = 0;
    static final int DAYS_LOW = 1;

    /** What a period's days add up to: each day's tables in turn. */
    interface Sums {
        /** @param received one day's receipts: one int counter per entry */
        void addReceived(KeyedCounts received);

        /**
         * @param ended one day's ends: int counters {@link #RESOLVED} to {@link #DAYS_COUNT}, long
         *              counters {@link #DAYS_HIGH} and {@link #DAYS_LOW}
         */
        void addEnded(KeyedCounts ended);
    }

    private final TreeMap<Integer, KeyedCounts> receivedByDay = new TreeMap<>();
    private final TreeMap<Integer, KeyedCounts> endedByDay = new TreeMap<>();

    /** Adds ({@code sign} 1) or takes away (-1) one dossier's receipt and end, if it ended. */
    void count(Contribution contribution, int sign) {
        KeyedCounts received = receivedByDay.computeIfAbsent(contribution.receivedDay(), day -> new KeyedCounts(1, 0));
        received.addInt(received.entryOf(contribution.receivedKey()), 0, sign);
        if (!contribution.ended()) {
            return;
        }
        KeyedCounts ended = endedByDay.computeIfAbsent(contribution.endedDay(), day -> new KeyedCounts(5, 2));
        int entry = ended.entryOf(contribution.endedKey());
        ended.addInt(entry, RESOLVED, sign);
        Timeliness verdict = contribution.verdict();
        if (verdict == Timeliness.EARLY) {
            ended.addInt(entry, EARLY, sign);
        } else if (verdict == Timeliness.ON_TIME) {
            ended.addInt(entry, ON_TIME, sign);
        } else if (verdict == Timeliness.LATE) {
            ended.addInt(entry, LATE, sign);
        }
        Double days = contribution.processingDays();
        if (days != null) {
            ended.addInt(entry, DAYS_COUNT, sign);
            long high = ExactDays.high(days);
            long low = ExactDays.low(days);
            if (sign < 0) {
                high = ExactDays.negatedHigh(high, low);
                low = -low;
            }
            long oldHigh = ended.longAt(entry, DAYS_HIGH);
            long oldLow = ended.longAt(entry, DAYS_LOW);
            ended.setLong(entry, DAYS_HIGH, ExactDays.sumHigh(oldHigh, oldLow, high, low));
            ended.setLong(entry, DAYS_LOW, oldLow + low);
        }
    }

    /** Hands the tables of every day from {@code fromDay} to {@code toDay}, both included, to {@code sums}. */
    void sum(int fromDay, int toDay, Sums sums) {
        receivedByDay.subMap(fromDay, true, toDay, true).values().forEach(sums::addReceived);
        endedByDay.subMap(fromDay, true, toDay, true).values().forEach(sums::addEnded);
    }
}
