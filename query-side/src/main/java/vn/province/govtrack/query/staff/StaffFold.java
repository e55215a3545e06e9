package vn.province.govtrack.query.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.province.govtrack.kernel.staff.PortalAccountProvisionedEvent;
import vn.province.govtrack.kernel.staff.PortalAccountRevokedEvent;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffDepartedEvent;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;
import vn.province.govtrack.kernel.staff.StaffTransferredEvent;
import vn.province.govtrack.kernel.staff.TrainingCompletedEvent;
import vn.province.govtrack.query.staff.StaffRecord.Account;
import vn.province.govtrack.query.staff.StaffRecord.Assignment;
import vn.province.govtrack.query.staff.StaffRecord.Departure;
import vn.province.govtrack.query.staff.StaffRecord.Movement;
import vn.province.govtrack.query.staff.StaffRecord.Secondment;
import vn.province.govtrack.query.staff.StaffRecord.Training;

/**
 * A staff member's record as a pure function of its events: a record, an event and where it was
 * recorded give the next record. It reads nothing but its arguments, so every projection that keeps
 * staff records (and any replay of a stream) arrives at the same record from the same events.
 * Events it does not know leave the record unchanged.
 */
public final class StaffFold {

    private static final Set<Class<?>> FOLDED_EVENTS = Set.of(
            StaffRecruitedEvent.class, StaffTransferredEvent.class, StaffSecondedEvent.class, SecondmentEndedEvent.class,
            TrainingCompletedEvent.class, PortalAccountProvisionedEvent.class, PortalAccountRevokedEvent.class,
            StaffDepartedEvent.class);

    private StaffFold() {
    }

    /** A staff member's record before any of its events. */
    public static StaffRecord initial(String staffId) {
        return new StaffRecord(staffId, null, List.of(), List.of(), List.of(), List.of(), null, List.of());
    }

    /** Whether {@link #evolve} changes a record for events of this payload type. */
    public static boolean folds(Class<?> eventType) {
        return FOLDED_EVENTS.contains(eventType);
    }

    public static StaffRecord evolve(StaffRecord record, Object event, Recorded recorded) {
        if (event instanceof StaffRecruitedEvent e) {
            return recruited(record, e, recorded);
        }
        if (event instanceof StaffTransferredEvent e) {
            return transferred(record, e, recorded);
        }
        if (event instanceof StaffSecondedEvent e) {
            return seconded(record, e, recorded);
        }
        if (event instanceof SecondmentEndedEvent e) {
            return secondmentEnded(record, e, recorded);
        }
        if (event instanceof TrainingCompletedEvent e) {
            return new StaffRecord(record.staffId(), record.fullName(), record.assignments(), record.secondments(),
                    record.accounts(), plus(record.trainings(), new Training(e.course(), e.completedOn())),
                    record.departure(), plus(record.movements(), new Movement(MovementKind.TRAINING_COMPLETED,
                            e.completedOn(), null, null, null, null, null, null, null, e.course(), recorded.at(),
                            recorded.position(), recorded.actor())));
        }
        if (event instanceof PortalAccountProvisionedEvent e) {
            return new StaffRecord(record.staffId(), record.fullName(), record.assignments(), record.secondments(),
                    plus(record.accounts(), new Account(e.account(), e.unitCode(), e.provisionedOn(), null)),
                    record.trainings(), record.departure(), plus(record.movements(), new Movement(
                            MovementKind.ACCOUNT_PROVISIONED, e.provisionedOn(), null, e.unitCode(), null, null, null,
                            null, null, e.account(), recorded.at(), recorded.position(), recorded.actor())));
        }
        if (event instanceof PortalAccountRevokedEvent e) {
            return accountRevoked(record, e, recorded);
        }
        if (event instanceof StaffDepartedEvent e) {
            return new StaffRecord(record.staffId(), record.fullName(), record.assignments(), record.secondments(),
                    record.accounts(), record.trainings(),
                    new Departure(e.effectiveDate(), e.unitCode(), e.reason(), e.decisionNo()),
                    plus(record.movements(), new Movement(MovementKind.DEPARTED, e.effectiveDate(), e.decisionNo(),
                            e.unitCode(), null, null, null, null, null, e.reason(), recorded.at(), recorded.position(),
                            recorded.actor())));
        }
        return record;
    }

    private static StaffRecord recruited(StaffRecord record, StaffRecruitedEvent e, Recorded recorded) {
        Assignment assignment = new Assignment(e.effectiveDate(), e.unitCode(), e.field(), e.position(), e.decisionNo());
        return new StaffRecord(e.staffId(), e.fullName(), plus(record.assignments(), assignment), record.secondments(),
                record.accounts(), record.trainings(), record.departure(), plus(record.movements(), new Movement(
                        MovementKind.RECRUITED, e.effectiveDate(), e.decisionNo(), e.unitCode(), e.field(),
                        e.position(), null, null, null, null, recorded.at(), recorded.position(), recorded.actor())));
    }

    private static StaffRecord transferred(StaffRecord record, StaffTransferredEvent e, Recorded recorded) {
        Assignment assignment = new Assignment(e.effectiveDate(), e.toUnitCode(), e.toField(), e.toPosition(),
                                               e.decisionNo());
        return new StaffRecord(record.staffId(), record.fullName(), plus(record.assignments(), assignment),
                record.secondments(), record.accounts(), record.trainings(), record.departure(),
                plus(record.movements(), new Movement(MovementKind.TRANSFERRED, e.effectiveDate(), e.decisionNo(),
                        e.toUnitCode(), e.toField(), e.toPosition(), null, null, null,
                        "from " + e.fromUnitCode() + " (" + e.fromField() + ")", recorded.at(), recorded.position(),
                        recorded.actor())));
    }

    private static StaffRecord seconded(StaffRecord record, StaffSecondedEvent e, Recorded recorded) {
        Secondment secondment = new Secondment(e.secondmentNo(), e.homeUnitCode(), e.field(), e.toUnitCode(),
                                               e.toField(), e.from(), e.until(), e.decisionNo(), null, null, null);
        return new StaffRecord(record.staffId(), record.fullName(), record.assignments(),
                plus(record.secondments(), secondment), record.accounts(), record.trainings(), record.departure(),
                plus(record.movements(), new Movement(MovementKind.SECONDED, e.from(), e.decisionNo(),
                        e.homeUnitCode(), e.field(), null, e.toUnitCode(), e.toField(), e.until(), null, recorded.at(),
                        recorded.position(), recorded.actor())));
    }

    private static StaffRecord secondmentEnded(StaffRecord record, SecondmentEndedEvent e, Recorded recorded) {
        List<Secondment> secondments = new ArrayList<>(record.secondments());
        Secondment ended = null;
        for (int i = 0; i < secondments.size(); i++) {
            if (secondments.get(i).secondmentNo() == e.secondmentNo()) {
                ended = secondments.get(i).ended(e.endedOn(), e.reason(), e.decisionNo());
                secondments.set(i, ended);
            }
        }
        return new StaffRecord(record.staffId(), record.fullName(), record.assignments(), secondments,
                record.accounts(), record.trainings(), record.departure(), plus(record.movements(), new Movement(
                        MovementKind.SECONDMENT_ENDED, e.endedOn(), e.decisionNo(),
                        ended == null ? null : ended.homeUnitCode(), ended == null ? null : ended.field(), null,
                        e.toUnitCode(), ended == null ? null : ended.toField(), null, e.reason().name(),
                        recorded.at(), recorded.position(), recorded.actor())));
    }

    private static StaffRecord accountRevoked(StaffRecord record, PortalAccountRevokedEvent e, Recorded recorded) {
        List<Account> accounts = new ArrayList<>(record.accounts());
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            if (account.account().equals(e.account()) && account.revokedOn() == null) {
                accounts.set(i, new Account(account.account(), account.unitCode(), account.provisionedOn(),
                                            e.revokedOn()));
            }
        }
        return new StaffRecord(record.staffId(), record.fullName(), record.assignments(), record.secondments(),
                accounts, record.trainings(), record.departure(), plus(record.movements(), new Movement(
                        MovementKind.ACCOUNT_REVOKED, e.revokedOn(), null, e.unitCode(), null, null, null, null, null,
                        e.account(), recorded.at(), recorded.position(), recorded.actor())));
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list);
        longer.add(element);
        return List.copyOf(longer);
    }
}
