package vn.province.govtrack.query.timeliness;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The timeliness counts of one month per unit, read from this instance's {@link TimelinessIndex}: what the
 * national index's progress group and its late rate count, so that they are the timeliness report's
 * {@code progressScore} and can never disagree with it.
 */
@Component
public class MonthlyProgress {

    /** The processor whose position these counts reflect: this instance's timeliness index. */
    public static final String PROCESSOR = TimelinessIndexProjection.PROCESSING_GROUP;

    private final TimelinessIndex index;
    private final ZoneId zone;

    /** @param clock its zone is the index's (see TimelinessIndexConfiguration) */
    MonthlyProgress(TimelinessIndex index, Clock clock) {
        this.index = index;
        this.zone = clock.getZone();
    }

    /**
     * One unit's (or the province's) counts of a month, as {@link TimelinessRow} defines them.
     *
     * @param ended  dossiers whose processing ended in the month (the report's {@code resolved})
     * @param inTime of those, EARLY or ON_TIME
     * @param late   of those, LATE
     */
    public record Verdicts(long received, long ended, long inTime, long late) {

        static final Verdicts NONE = new Verdicts(0, 0, 0, 0);

        private static Verdicts of(Tally tally) {
            return new Verdicts(tally.received, tally.resolved, tally.inTime(), tally.late);
        }
    }

    /**
     * @param byUnit   by unit code, the units something was counted for
     * @param province the sum over every unit
     */
    public record Month(Map<String, Verdicts> byUnit, Verdicts province) {

        /** A unit's counts; none for a unit nothing was counted for. */
        public Verdicts of(String unitCode) {
            return byUnit.getOrDefault(unitCode, Verdicts.NONE);
        }
    }

    /**
     * The counts of {@code month} (in the index's zone) as known once the store had recorded the events up to
     * {@code knownAt} (absent: the present), exactly as the timeliness report by unit answers them.
     */
    public Month of(YearMonth month, OptionalLong knownAt) {
        TimelinessFigures figures = index.figures(Period.of(month.atDay(1), month.atEndOfMonth(), zone),
                GroupBy.UNIT, null, knownAt);
        Map<String, Verdicts> byUnit = new TreeMap<>();
        figures.tallies().forEach((unit, tally) -> byUnit.put(unit, Verdicts.of(tally)));
        return new Month(byUnit, Verdicts.of(figures.sum()));
    }
}
