package vn.province.govtrack.command.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.Require;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.command.unit.UnitDirectory;
import vn.province.govtrack.command.unit.RegisteredUnit;
import vn.province.govtrack.kernel.staff.EndExpiredSecondmentsCommand;
import vn.province.govtrack.kernel.staff.EndSecondmentCommand;
import vn.province.govtrack.kernel.staff.PortalAccountProvisionedEvent;
import vn.province.govtrack.kernel.staff.PortalAccountRevokedEvent;
import vn.province.govtrack.kernel.staff.ProvisionPortalAccountCommand;
import vn.province.govtrack.kernel.staff.RecordDepartureCommand;
import vn.province.govtrack.kernel.staff.RecordTrainingCommand;
import vn.province.govtrack.kernel.staff.RecruitStaffCommand;
import vn.province.govtrack.kernel.staff.RevokePortalAccountCommand;
import vn.province.govtrack.kernel.staff.SecondStaffCommand;
import vn.province.govtrack.kernel.InForce;
import vn.province.govtrack.kernel.staff.SecondmentDates;
import vn.province.govtrack.kernel.staff.SecondmentEndReason;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffDepartedEvent;
import vn.province.govtrack.kernel.staff.StaffIds;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;
import vn.province.govtrack.kernel.staff.StaffTransferredEvent;
import vn.province.govtrack.kernel.staff.TrainingCompletedEvent;
import vn.province.govtrack.kernel.staff.TransferStaffCommand;

/**
 * One staff member: home assignments, secondments, portal accounts and departure; stream
 * {@code StaffIds.streamOf(staffId)}. Every movement carries its decision number and effective date.
 *
 * <p>Rules, all decided on the dates the commands carry (the kernel's package documentation gives
 * the date conventions), never on when a command happens to arrive, except where "today" is named:
 * <ul>
 *   <li>home assignments only move forward: a transfer or departure is not effective before the
 *       current assignment;</li>
 *   <li>secondments last at most {@link SecondmentDates#LONGEST_YEARS} years, never overlap one another,
 *       never span a change of home assignment, and never go to the home unit;</li>
 *   <li>after a departure is recorded no movement is accepted; a secondment running on or after the
 *       departure date ends with it;</li>
 *   <li>nobody moves into a dissolved unit: a secondment to it must end before its dissolution date,
 *       and recruitment and transfers, which are open-ended, go to no unit whose dissolution is
 *       recorded;</li>
 *   <li>a secondment whose end date has passed ends only through {@link EndExpiredSecondmentsCommand},
 *       which compares with today by the injected clock; issued twice, it appends the end once.</li>
 * </ul>
 *
 * <p>Every command answers the event that records its decision (the departure, not the secondment ends
 * it brings), which the HTTP answers report (docs/adr/0009-command-results.md).
 */
@Aggregate
class Staff {

    /** Dates outside this range are typos; the bound also keeps date arithmetic and text ordering sane. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    @AggregateIdentifier
    private String streamId;
    private String staffId;
    /** Home assignments in effective-date order; the first is the recruitment. */
    private final List<Assignment> assignments = new ArrayList<>();
    /** Every secondment, in the order recorded; {@code secondmentNo} is its index + 1. */
    private final List<Secondment> secondments = new ArrayList<>();
    /** Active portal accounts and the unit each is held for. */
    private final Map<String, String> accounts = new LinkedHashMap<>();
    private final Set<String> revokedAccounts = new HashSet<>();
    private LocalDate departedOn;

    Staff() {
        // for Axon: no staff member yet, before the first event
    }

    /** Create-if-missing, so that reusing a staff id is a rule violation rather than a storage conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StaffRecruitedEvent handle(RecruitStaffCommand command, UnitDirectory units, Clock clock) {
        if (streamId != null) {
            throw new RuleViolationException("staff member '" + staffId + "' is already recorded");
        }
        if (!StaffIds.isValid(command.staffId())) {
            throw new InvalidCommandException("staffId must match " + StaffIds.PATTERN);
        }
        String fullName = Require.text(command.fullName(), "fullName");
        String field = Require.text(command.field(), "field");
        String position = Require.text(command.position(), "position");
        String decisionNo = Require.text(command.decisionNo(), "decisionNo");
        LocalDate effectiveDate = date(command.effectiveDate() != null ? command.effectiveDate() : LocalDate.now(clock),
                                       "effectiveDate");
        String unitCode = unitTakingStaff(command.unitCode(), "unitCode", units, null);
        StaffRecruitedEvent recruited = new StaffRecruitedEvent(command.staffId(), fullName, unitCode, field, position,
                                                                effectiveDate, decisionNo);
        apply(recruited);
        return recruited;
    }

    @CommandHandler
    StaffTransferredEvent handle(TransferStaffCommand command, UnitDirectory units) {
        requireNoDeparture();
        String decisionNo = Require.text(command.decisionNo(), "decisionNo");
        LocalDate effectiveDate = date(Require.present(command.effectiveDate(), "effectiveDate"), "effectiveDate");
        String toUnitCode = unitTakingStaff(command.toUnitCode(), "toUnitCode", units, null);
        Assignment current = latestAssignment();
        String toField = command.toField() != null ? Require.text(command.toField(), "toField") : current.field();
        String toPosition = command.toPosition() != null ? Require.text(command.toPosition(), "toPosition")
                                                         : current.position();
        if (effectiveDate.isBefore(current.from())) {
            throw new RuleViolationException("a transfer effective " + effectiveDate + " would precede the current "
                                             + "assignment, effective " + current.from() + "; movements only move forward");
        }
        if (current.unitCode().equals(toUnitCode) && current.field().equals(toField)
            && current.position().equals(toPosition)) {
            throw new RuleViolationException("staff member '" + staffId + "' is already assigned to " + toUnitCode
                                             + " in " + toField + " as " + toPosition);
        }
        for (Secondment secondment : secondments) {
            if (secondment.takesEffect() && !secondment.lastDay().isBefore(effectiveDate)) {
                throw new RuleViolationException("staff member '" + staffId + "' is seconded to "
                                                 + secondment.describe() + "; a transfer effective " + effectiveDate
                                                 + " cannot take effect before that secondment is over; end it first");
            }
        }
        StaffTransferredEvent transferred = new StaffTransferredEvent(staffId, current.unitCode(), current.field(),
                                                                      toUnitCode, toField, toPosition, effectiveDate,
                                                                      decisionNo);
        apply(transferred);
        return transferred;
    }

    @CommandHandler
    StaffSecondedEvent handle(SecondStaffCommand command, UnitDirectory units) {
        requireNoDeparture();
        String decisionNo = Require.text(command.decisionNo(), "decisionNo");
        LocalDate from = date(Require.present(command.from(), "from"), "from");
        LocalDate until = date(Require.present(command.until(), "until"), "until");
        if (until.isBefore(from)) {
            throw new InvalidCommandException("until " + until + " must not be before from " + from);
        }
        LocalDate longest = SecondmentDates.latestUntil(from);
        if (until.isAfter(longest)) {
            throw new InvalidCommandException("a secondment lasts at most " + SecondmentDates.LONGEST_YEARS
                                              + " years: from " + from + " it must end on or before " + longest);
        }
        String toUnitCode = unitTakingStaff(command.toUnitCode(), "toUnitCode", units, until);
        Assignment home = assignmentOn(from).orElseThrow(() -> new RuleViolationException(
                "staff member '" + staffId + "' is not in service on " + from + "; recruitment takes effect "
                + assignments.get(0).from()));
        if (home.unitCode().equals(toUnitCode)) {
            throw new RuleViolationException("staff member '" + staffId + "' belongs to " + toUnitCode
                                             + " on " + from + "; a secondment goes to another unit");
        }
        for (Assignment assignment : assignments) {
            if (assignment.from().isAfter(from) && !assignment.from().isAfter(until)) {
                throw new RuleViolationException("a transfer of staff member '" + staffId + "' takes effect "
                                                 + assignment.from() + ", within the secondment's dates");
            }
        }
        for (Secondment secondment : secondments) {
            if (!secondment.takesEffect() || secondment.lastDay().isBefore(from) || secondment.from().isAfter(until)) {
                continue;
            }
            boolean runningOnFrom = !secondment.from().isAfter(from);
            throw new RuleViolationException("staff member '" + staffId + "' is "
                                             + (runningOnFrom ? "already seconded to " : "to be seconded to ")
                                             + secondment.describe() + "; the dates of secondments may not overlap");
        }
        String toField = command.toField() != null ? Require.text(command.toField(), "toField") : home.field();
        StaffSecondedEvent seconded = new StaffSecondedEvent(staffId, secondments.size() + 1, home.unitCode(),
                                                             home.field(), toUnitCode, toField, from, until,
                                                             decisionNo);
        apply(seconded);
        return seconded;
    }

    /**
     * Ends, by decision, the first open secondment still running on or after the effective date: the
     * one running then, or else the next one, which is thereby cancelled.
     */
    @CommandHandler
    SecondmentEndedEvent handle(EndSecondmentCommand command) {
        requireNoDeparture();
        String decisionNo = Require.text(command.decisionNo(), "decisionNo");
        LocalDate effectiveDate = date(Require.present(command.effectiveDate(), "effectiveDate"), "effectiveDate");
        Secondment target = secondments.stream()
                .filter(secondment -> secondment.endedOn() == null && !secondment.until().isBefore(effectiveDate))
                .min((a, b) -> a.from().compareTo(b.from()))
                .orElseThrow(() -> new RuleViolationException("staff member '" + staffId + "' has no secondment "
                                                              + "running on or after " + effectiveDate + " to end"));
        SecondmentEndedEvent ended = new SecondmentEndedEvent(staffId, target.secondmentNo(), target.toUnitCode(),
                                                              effectiveDate, SecondmentEndReason.DECIDED, decisionNo);
        apply(ended);
        return ended;
    }

    /**
     * Ends every open secondment whose last day is before today, effective the day after it.
     * Idempotent by its own rule: once the end is recorded the secondment is no longer open, so a
     * repeated command appends nothing. Two instances deciding at once both append on the same
     * stream version, and the event store lets only one of them commit.
     *
     * @return the ends it recorded, in order; none when no secondment had expired
     */
    @CommandHandler
    List<SecondmentEndedEvent> handle(EndExpiredSecondmentsCommand command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        List<SecondmentEndedEvent> ended = new ArrayList<>();
        for (Secondment secondment : List.copyOf(secondments)) {
            if (secondment.endedOn() == null && secondment.until().isBefore(today)) {
                SecondmentEndedEvent end = new SecondmentEndedEvent(staffId, secondment.secondmentNo(),
                                                                    secondment.toUnitCode(),
                                                                    secondment.until().plusDays(1),
                                                                    SecondmentEndReason.EXPIRED, null);
                apply(end);
                ended.add(end);
            }
        }
        return ended;
    }

    @CommandHandler
    TrainingCompletedEvent handle(RecordTrainingCommand command, Clock clock) {
        String course = Require.text(command.course(), "course");
        LocalDate completedOn = date(Require.present(command.completedOn(), "completedOn"), "completedOn");
        if (completedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidCommandException("completedOn " + completedOn + " lies in the future");
        }
        if (departedOn != null && !completedOn.isBefore(departedOn)) {
            throw new RuleViolationException("staff member '" + staffId + "' left the service on " + departedOn);
        }
        TrainingCompletedEvent completed = new TrainingCompletedEvent(staffId, course, completedOn);
        apply(completed);
        return completed;
    }

    /** The account is held for the unit the person works at today: the host unit while seconded. */
    @CommandHandler
    PortalAccountProvisionedEvent handle(ProvisionPortalAccountCommand command, Clock clock) {
        String account = Require.text(command.account(), "account");
        LocalDate today = LocalDate.now(clock);
        if (departedOn != null && !departedOn.isAfter(today)) {
            throw new RuleViolationException("staff member '" + staffId + "' left the service on " + departedOn);
        }
        if (accounts.containsKey(account)) {
            throw new RuleViolationException("staff member '" + staffId + "' already holds portal account '"
                                             + account + "'");
        }
        String unitCode = secondmentOn(today).map(Secondment::toUnitCode)
                .orElseGet(() -> assignmentOn(today).orElse(assignments.get(0)).unitCode());
        PortalAccountProvisionedEvent provisioned = new PortalAccountProvisionedEvent(staffId, account, unitCode, today);
        apply(provisioned);
        return provisioned;
    }

    @CommandHandler
    PortalAccountRevokedEvent handle(RevokePortalAccountCommand command, Clock clock) {
        String account = Require.text(command.account(), "account");
        if (!accounts.containsKey(account)) {
            if (revokedAccounts.contains(account)) {
                throw new RuleViolationException("portal account '" + account + "' of staff member '" + staffId
                                                 + "' is already revoked");
            }
            throw new UnknownReferenceException("portal account", account);
        }
        PortalAccountRevokedEvent revoked = new PortalAccountRevokedEvent(staffId, account, accounts.get(account),
                                                                          LocalDate.now(clock));
        apply(revoked);
        return revoked;
    }

    /** Ends with the departure every secondment that would run on or after its effective date. */
    @CommandHandler
    StaffDepartedEvent handle(RecordDepartureCommand command) {
        requireNoDeparture();
        String reason = Require.text(command.reason(), "reason");
        LocalDate effectiveDate = date(Require.present(command.effectiveDate(), "effectiveDate"), "effectiveDate");
        String decisionNo = command.decisionNo() == null ? null : Require.text(command.decisionNo(), "decisionNo");
        Assignment current = latestAssignment();
        if (effectiveDate.isBefore(current.from())) {
            throw new RuleViolationException("a departure effective " + effectiveDate + " would precede the current "
                                             + "assignment, effective " + current.from() + "; movements only move forward");
        }
        for (Secondment secondment : List.copyOf(secondments)) {
            if (secondment.endedOn() == null && !secondment.until().isBefore(effectiveDate)) {
                apply(new SecondmentEndedEvent(staffId, secondment.secondmentNo(), secondment.toUnitCode(),
                                               effectiveDate, SecondmentEndReason.DEPARTED, decisionNo));
            }
        }
        StaffDepartedEvent departed = new StaffDepartedEvent(staffId, current.unitCode(), effectiveDate, reason,
                                                             decisionNo);
        apply(departed);
        return departed;
    }

    @EventSourcingHandler
    void on(StaffRecruitedEvent event) {
        streamId = StaffIds.streamOf(event.staffId());
        staffId = event.staffId();
        assignments.add(new Assignment(event.effectiveDate(), event.unitCode(), event.field(), event.position()));
    }

    @EventSourcingHandler
    void on(StaffTransferredEvent event) {
        assignments.add(new Assignment(event.effectiveDate(), event.toUnitCode(), event.toField(), event.toPosition()));
    }

    @EventSourcingHandler
    void on(StaffSecondedEvent event) {
        secondments.add(new Secondment(event.secondmentNo(), event.toUnitCode(),
                                       new SecondmentDates(event.from(), event.until(), null)));
    }

    @EventSourcingHandler
    void on(SecondmentEndedEvent event) {
        int index = event.secondmentNo() - 1;
        secondments.set(index, secondments.get(index).endedOn(event.endedOn()));
    }

    @EventSourcingHandler
    void on(PortalAccountProvisionedEvent event) {
        accounts.put(event.account(), event.unitCode());
        revokedAccounts.remove(event.account());
    }

    @EventSourcingHandler
    void on(PortalAccountRevokedEvent event) {
        accounts.remove(event.account());
        revokedAccounts.add(event.account());
    }

    @EventSourcingHandler
    void on(StaffDepartedEvent event) {
        departedOn = event.effectiveDate();
    }

    private void requireNoDeparture() {
        if (departedOn != null) {
            throw new RuleViolationException("staff member '" + staffId + "' leaves the service on " + departedOn
                                             + "; no further movement can be recorded");
        }
    }

    private Assignment latestAssignment() {
        return assignments.get(assignments.size() - 1);
    }

    /** The home assignment in force on {@code day}; empty before the recruitment takes effect. */
    private Optional<Assignment> assignmentOn(LocalDate day) {
        return InForce.on(day, assignments, Assignment::from);
    }

    private Optional<Secondment> secondmentOn(LocalDate day) {
        return secondments.stream().filter(secondment -> secondment.runsOn(day)).findFirst();
    }

    /**
     * The code of a registered unit that still exists on {@code lastDay}, the last day a movement
     * into it would hold; null for open-ended movements, which no dissolved unit takes.
     */
    private static String unitTakingStaff(String unitCode, String field, UnitDirectory units, LocalDate lastDay) {
        String code = Require.text(unitCode, field);
        RegisteredUnit unit = units.registered(code).orElseThrow(() -> new UnknownReferenceException("unit", code));
        if (lastDay == null ? unit.dissolutionRecorded() : !unit.existsOn(lastDay)) {
            throw new RuleViolationException("unit '" + code + "' is dissolved from " + unit.dissolvedOn() + "; "
                                             + (lastDay == null ? "it takes no staff"
                                                                : "a secondment to it must end before that day, not on "
                                                                  + lastDay));
        }
        return code;
    }

    private static LocalDate date(LocalDate date, String field) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new InvalidCommandException(field + " must lie between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return date;
    }

    /** A home assignment: unit, field and job position from {@code from} on. */
    private record Assignment(LocalDate from, String unitCode, String field, String position) {
    }

    /** The dates follow {@link SecondmentDates}: the same rules the query side reports with. */
    private record Secondment(int secondmentNo, String toUnitCode, SecondmentDates dates) {

        Secondment endedOn(LocalDate day) {
            return new Secondment(secondmentNo, toUnitCode, dates.endedOn(day));
        }

        LocalDate from() {
            return dates.from();
        }

        LocalDate until() {
            return dates.until();
        }

        /** The first day back, once an end is recorded; null while open. */
        LocalDate endedOn() {
            return dates.endedOn();
        }

        LocalDate lastDay() {
            return dates.lastDay();
        }

        boolean takesEffect() {
            return dates.takesEffect();
        }

        boolean runsOn(LocalDate day) {
            return dates.runsOn(day);
        }

        String describe() {
            return toUnitCode + " from " + from() + " until " + lastDay();
        }
    }
}
