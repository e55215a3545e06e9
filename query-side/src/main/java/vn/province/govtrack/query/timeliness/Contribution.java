package vn.province.govtrack.query.timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * What one dossier's fact adds to the index's counters, for every period at once; a pure function of
 * the fact and the business zone, so that a changed fact is counted again by taking its old
 * contribution away and adding its new one.
 *
 * <p>Days are epoch days of local dates in the business zone. A period of local dates {@code from}
 * to {@code to} counts an instant exactly when its local date is in that range, and judges what is
 * pending at the midnight opening {@code to + 1}, its <em>boundary</em>. So, with the rules of
 * {@link TimelinessIndex}:
 * <ul>
 * <li>the receipt counts on its local date, for the receiving unit;</li>
 * <li>the end of processing counts on its local date, for the unit holding the dossier then;</li>
 * <li>the dossier is pending at the boundary of every day from its receipt's date up to, but not
 * including, the date processing ended (for ever while open), for the unit holding it just before
 * that boundary, and overdue there when its clock ran and the appointment in force was before it.</li>
 * </ul>
 * Every instant of the fact can change the last two only from the boundary after its local date on.
 * The fact is therefore judged at those boundaries alone, with its own methods, which gives runs of
 * boundaries with the same unit and the same overdue state.
 *
 * @param receivedDay    the receipt's local date
 * @param receivedKey    the counting key of the receiving unit
 * @param endedDay       the local date processing ended; meaningless while open
 * @param endedKey       the counting key of the unit holding the dossier when processing ended; -1 while open
 * @param verdict        as recorded at the end; null while open or without one
 * @param processingDays as recorded at the end; null while open or without one
 * @param pending        the runs of boundaries at which the dossier is pending, in time order
 */
record Contribution(int receivedDay, int receivedKey, int endedDay, int endedKey, Timeliness verdict,
                    Double processingDays, List<Run> pending) {

    /** A boundary day after every day: the end of a run that never ends. */
    static final int NEVER = Integer.MAX_VALUE;

    /** Counting keys by unit, procedure and field: {@link CountingKeys}, or a report's own rows. */
    interface Keys {
        int keyOf(String unitCode, String procedureCode, String field);
    }

    /**
     * Boundaries {@code fromDay} (included) to {@code untilDay} (excluded, {@link #NEVER} while the
     * dossier is open), each the midnight opening that day, at which the dossier is pending.
     */
    record Run(int fromDay, int untilDay, int key, boolean overdue) {
    }

    boolean ended() {
        return endedKey >= 0;
    }

    static Contribution of(DossierFact fact, ZoneId zone, Keys keys) {
        return of(fact, zone, keys, Integer.MIN_VALUE, NEVER);
    }

    /**
     * The contribution with its pending runs cut to the one boundary {@code boundaryDay}: what a
     * period closing there counts, the flows being by day already.
     */
    static Contribution atBoundary(DossierFact fact, ZoneId zone, Keys keys, int boundaryDay) {
        return of(fact, zone, keys, boundaryDay, boundaryDay + 1);
    }

    /** With the pending runs cut to the boundaries {@code fromBoundary} (included) to {@code untilBoundary}. */
    private static Contribution of(DossierFact fact, ZoneId zone, Keys keys, int fromBoundary, int untilBoundary) {
        int receivedDay = day(fact.receivedAt(), zone);
        int receivedKey = keys.keyOf(fact.receivingUnit(), fact.procedureCode(), fact.field());
        int from = Math.max(receivedDay + 1, fromBoundary);
        if (!fact.ended()) {
            return new Contribution(receivedDay, receivedKey, 0, -1, null, null,
                    pending(fact, zone, keys, from, untilBoundary));
        }
        int endedDay = day(fact.endedAt(), zone);
        int endedKey = keys.keyOf(fact.unitAt(fact.endedAt()), fact.procedureCode(), fact.field());
        return new Contribution(receivedDay, receivedKey, endedDay, endedKey, fact.verdict(), fact.processingDays(),
                pending(fact, zone, keys, from, Math.min(endedDay + 1, untilBoundary)));
    }

    /**
     * The runs from boundary {@code from} up to {@code until}: a boundary on day {@code d} is after
     * an instant exactly when {@code d} is after the instant's local date, so the unit held, the
     * clock's pause and the appointment in force change only at the day after an instant's date.
     */
    private static List<Run> pending(DossierFact fact, ZoneId zone, Keys keys, int from, int until) {
        if (from >= until) {
            return List.of();
        }
        if (until - from == 1) {
            return List.of(judged(fact, zone, keys, from, until));
        }
        TreeSet<Integer> changes = new TreeSet<>();
        changes.add(from);
        fact.holdings().forEach(holding -> changes.add(day(holding.from(), zone) + 1));
        fact.deadlines().forEach(deadline -> {
            changes.add(day(deadline.from(), zone) + 1);
            changes.add(day(deadline.dueAt(), zone) + 1);
        });
        fact.pauses().forEach(pause -> {
            changes.add(day(pause.from(), zone) + 1);
            if (pause.until() != null) {
                changes.add(day(pause.until(), zone) + 1);
            }
        });
        List<Run> runs = new ArrayList<>();
        for (int change : changes.subSet(from, true, until, false)) {
            Run judged = judged(fact, zone, keys, change, until);
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.key() == judged.key() && last.overdue() == judged.overdue()) {
                continue;
            }
            if (last != null) {
                runs.set(runs.size() - 1, new Run(last.fromDay(), change, last.key(), last.overdue()));
            }
            runs.add(judged);
        }
        return runs;
    }

    /** The run from boundary {@code day} to {@code until}, judged at {@code day}. */
    private static Run judged(DossierFact fact, ZoneId zone, Keys keys, int day, int until) {
        Instant boundary = LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
        int key = keys.keyOf(fact.unitBefore(boundary), fact.procedureCode(), fact.field());
        boolean overdue = !fact.pausedBefore(boundary) && fact.dueBefore(boundary).isBefore(boundary);
        return new Run(day, until, key, overdue);
    }

    private static int day(Instant instant, ZoneId zone) {
        return Math.toIntExact(LocalDate.ofInstant(instant, zone).toEpochDay());
    }
}
