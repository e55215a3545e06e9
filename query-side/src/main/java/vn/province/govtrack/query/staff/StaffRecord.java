package vn.province.govtrack.query.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import vn.province.govtrack.kernel.InForce;
import vn.province.govtrack.kernel.staff.SecondmentDates;
import vn.province.govtrack.kernel.staff.SecondmentEndReason;

/**
 * Everything the events say about one staff member, with every date they carry, so that the state
 * on any day can be read off it ({@link #assignmentOn}, {@link #secondmentOn}, {@link #statusOn}).
 * Immutable; a new record comes only from {@link StaffFold#evolve}. Dates follow the kernel's
 * conventions (see {@code vn.province.govtrack.kernel.staff}).
 *
 * @param assignments home assignments in effective-date order; the first is the recruitment
 * @param secondments every secondment in the order recorded ({@code secondmentNo} = index + 1)
 * @param accounts    portal accounts in the order provisioned; a re-provisioned name appears again
 * @param departure   null unless a departure is recorded
 * @param movements   every recorded movement, in the order recorded
 */
public record StaffRecord(String staffId, String fullName, List<Assignment> assignments,
                          List<Secondment> secondments, List<Account> accounts, List<Training> trainings,
                          Departure departure, List<Movement> movements) {

    public StaffRecord {
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        secondments = secondments == null ? List.of() : List.copyOf(secondments);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        trainings = trainings == null ? List.of() : List.copyOf(trainings);
        movements = movements == null ? List.of() : List.copyOf(movements);
    }

    /**
     * The home assignment in force on {@code day}; empty before the recruitment takes effect and from
     * the departure on.
     */
    public Optional<Assignment> assignmentOn(LocalDate day) {
        if (departure != null && !departure.effectiveDate().isAfter(day)) {
            return Optional.empty();
        }
        return InForce.on(day, assignments, Assignment::from);
    }

    /** The secondment the person, in service on {@code day}, works at on that day. */
    public Optional<Secondment> secondmentOn(LocalDate day) {
        if (assignmentOn(day).isEmpty()) {
            return Optional.empty();
        }
        return secondments.stream().filter(secondment -> secondment.runsOn(day)).findFirst();
    }

    public StaffStatus statusOn(LocalDate day) {
        if (departure != null && !departure.effectiveDate().isAfter(day)) {
            return StaffStatus.DEPARTED;
        }
        if (assignmentOn(day).isEmpty()) {
            return StaffStatus.NOT_YET_IN_SERVICE;
        }
        return secondmentOn(day).isPresent() ? StaffStatus.SECONDED : StaffStatus.IN_SERVICE;
    }

    /** The unit the person works at on {@code day}: the host unit while seconded; empty when not in service. */
    public Optional<String> workplaceOn(LocalDate day) {
        return secondmentOn(day).map(Secondment::toUnitCode).or(() -> assignmentOn(day).map(Assignment::unitCode));
    }

    /**
     * The days the person is in service, cut where the home assignment or the running secondment
     * changes, in date order: on every day of a period {@link #assignmentOn} gives its {@code home} and
     * {@link #secondmentOn} its {@code secondment}. Both change only on a date the record names (an
     * assignment's or secondment's first day, the day after a secondment's last, the departure), so
     * they are read once per period, on its first day; what a query then asks of a day, a database can
     * answer from the periods alone.
     */
    public List<Period> periods() {
        TreeSet<LocalDate> cuts = new TreeSet<>();
        assignments.forEach(assignment -> cuts.add(assignment.from()));
        secondments.forEach(secondment -> {
            cuts.add(secondment.from());
            cuts.add(secondment.lastDay().plusDays(1));
        });
        if (departure != null) {
            cuts.add(departure.effectiveDate());
        }
        List<Period> periods = new ArrayList<>();
        for (LocalDate from : cuts) {
            LocalDate next = cuts.higher(from);
            LocalDate until = next == null ? null : next.minusDays(1);
            Optional<Assignment> home = assignmentOn(from);
            if (home.isEmpty()) {
                continue;
            }
            Secondment secondment = secondmentOn(from).orElse(null);
            Period last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && last.until() != null && last.until().plusDays(1).equals(from)
                && last.home().equals(home.get()) && Objects.equals(last.secondment(), secondment)) {
                periods.set(periods.size() - 1, new Period(last.from(), until, last.home(), secondment));
            } else {
                periods.add(new Period(from, until, home.get(), secondment));
            }
        }
        return periods;
    }

    /**
     * The {@link #periods()} as the events recorded at or before {@code position} made them: those of
     * the record {@link StaffFold} folds from those events alone. Each part the periods read comes with
     * the movement that recorded it: the n-th assignment with the n-th recruitment or transfer, the n-th
     * secondment with the n-th secondment, a secondment's end with the end movement of the same day,
     * host unit, reason and decision (a secondment is ended once), the departure with the last departure.
     * A part whose movement is missing (a record folded before its movements were kept) counts as
     * recorded with the record's last movement.
     */
    public List<Period> periodsKnownAt(long position) {
        List<Movement> recruitmentsAndTransfers = movements.stream()
                .filter(m -> m.kind() == MovementKind.RECRUITED || m.kind() == MovementKind.TRANSFERRED).toList();
        List<Movement> secondmentsRecorded = movements.stream().filter(m -> m.kind() == MovementKind.SECONDED)
                                                      .toList();
        List<Movement> ends = new ArrayList<>(movements.stream()
                .filter(m -> m.kind() == MovementKind.SECONDMENT_ENDED).toList());
        long last = movements.isEmpty() ? Long.MAX_VALUE : movements.get(movements.size() - 1).eventPosition();
        List<Assignment> knownAssignments = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            if (recordedAt(recruitmentsAndTransfers, i, last) <= position) {
                knownAssignments.add(assignments.get(i));
            }
        }
        List<Secondment> knownSecondments = new ArrayList<>();
        for (int i = 0; i < secondments.size(); i++) {
            Secondment secondment = secondments.get(i);
            if (recordedAt(secondmentsRecorded, i, last) > position) {
                continue;
            }
            if (secondment.endedOn() != null && endRecordedAt(secondment, ends, last) > position) {
                secondment = new Secondment(secondment.secondmentNo(), secondment.homeUnitCode(), secondment.field(),
                                            secondment.toUnitCode(), secondment.toField(), secondment.from(),
                                            secondment.until(), secondment.decisionNo(), null, null, null);
            }
            knownSecondments.add(secondment);
        }
        Departure knownDeparture = departure;
        if (departure != null) {
            long departed = movements.stream().filter(m -> m.kind() == MovementKind.DEPARTED)
                                     .mapToLong(Movement::eventPosition).max().orElse(last);
            knownDeparture = departed <= position ? departure : null;
        }
        return new StaffRecord(staffId, fullName, knownAssignments, knownSecondments, List.of(), List.of(),
                               knownDeparture, List.of()).periods();
    }

    private static long recordedAt(List<Movement> recorded, int index, long otherwise) {
        return index < recorded.size() ? recorded.get(index).eventPosition() : otherwise;
    }

    /** The position of the movement that ended {@code secondment}, taken out of {@code ends} so no other claims it. */
    private static long endRecordedAt(Secondment secondment, List<Movement> ends, long otherwise) {
        for (int i = 0; i < ends.size(); i++) {
            Movement end = ends.get(i);
            if (secondment.endedOn().equals(end.effectiveDate())
                && Objects.equals(secondment.toUnitCode(), end.toUnitCode())
                && Objects.equals(secondment.endDecisionNo(), end.decisionNo())
                && secondment.endReason() != null && secondment.endReason().name().equals(end.detail())) {
                ends.remove(i);
                return end.eventPosition();
            }
        }
        return otherwise;
    }

    /**
     * Days with one home assignment and one running secondment (or none).
     *
     * @param until the last day; null when the period has no end (yet)
     */
    public record Period(LocalDate from, LocalDate until, Assignment home, Secondment secondment) {

        public boolean includes(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until));
        }
    }

    /** A home assignment: unit, field and job position from {@code from} on, by {@code decisionNo}. */
    public record Assignment(LocalDate from, String unitCode, String field, String position, String decisionNo) {
    }

    /**
     * A secondment; {@code endedOn} (the first day back) and {@code endReason} are null while no end is
     * recorded. It counts on a day only from {@code from} to {@code until} and before {@code endedOn},
     * whether or not the end of an expired secondment has been recorded yet.
     */
    public record Secondment(int secondmentNo, String homeUnitCode, String field, String toUnitCode, String toField,
                             LocalDate from, LocalDate until, String decisionNo, LocalDate endedOn,
                             SecondmentEndReason endReason, String endDecisionNo) {

        /** Its dates, read by the kernel's rules, which the command side decides with. */
        public SecondmentDates dates() {
            return new SecondmentDates(from, until, endedOn);
        }

        /** The last day at the host unit, as far as recorded; before {@code from} when it never took effect. */
        public LocalDate lastDay() {
            return dates().lastDay();
        }

        public boolean runsOn(LocalDate day) {
            return dates().runsOn(day);
        }

        Secondment ended(LocalDate day, SecondmentEndReason reason, String decision) {
            return new Secondment(secondmentNo, homeUnitCode, field, toUnitCode, toField, from, until, decisionNo, day,
                                  reason, decision);
        }
    }

    /** A portal account held for {@code unitCode}, working from {@code provisionedOn} to the eve of {@code revokedOn}. */
    public record Account(String account, String unitCode, LocalDate provisionedOn, LocalDate revokedOn) {

        public boolean activeOn(LocalDate day) {
            return !provisionedOn.isAfter(day) && (revokedOn == null || revokedOn.isAfter(day));
        }
    }

    public record Training(String course, LocalDate completedOn) {
    }

    /** @param unitCode the home unit the person left */
    public record Departure(LocalDate effectiveDate, String unitCode, String reason, String decisionNo) {
    }

    /**
     * One entry of the person's history, as an auditor reads it: what happened, from when, under which
     * decision, and when, by whom and at which global position it was recorded. Fields that do not
     * apply to the kind are null.
     *
     * @param unitCode   the unit concerned: the new home unit, the home unit left, the account's unit
     * @param toUnitCode the host unit of a secondment
     * @param detail     the course, the account, the departure's reason or how a secondment ended
     */
    public record Movement(MovementKind kind, LocalDate effectiveDate, String decisionNo, String unitCode,
                           String field, String position, String toUnitCode, String toField, LocalDate until,
                           String detail, Instant recordedAt, long eventPosition, String actor) {
    }
}
