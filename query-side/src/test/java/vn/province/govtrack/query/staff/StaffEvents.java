package vn.province.govtrack.query.staff;

import java.time.Instant;
import java.time.LocalDate;

import vn.province.govtrack.kernel.staff.PortalAccountProvisionedEvent;
import vn.province.govtrack.kernel.staff.PortalAccountRevokedEvent;
import vn.province.govtrack.kernel.staff.SecondmentEndReason;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffDepartedEvent;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;
import vn.province.govtrack.kernel.staff.StaffTransferredEvent;
import vn.province.govtrack.kernel.staff.TrainingCompletedEvent;

/** Staff events as the command side records them, for tests that build staff records by hand. */
public final class StaffEvents {

    public static final String IT = "INFORMATION_TECHNOLOGY";
    public static final String ENVIRONMENT = "NATURAL_RESOURCES_ENVIRONMENT";

    private StaffEvents() {
    }

    public static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    public static StaffRecruitedEvent recruited(String staffId, String unitCode, String field, String from) {
        return new StaffRecruitedEvent(staffId, "Officer " + staffId, unitCode, field, "officer", day(from),
                                       "R/" + staffId);
    }

    public static StaffTransferredEvent transferred(String staffId, String fromUnit, String field, String toUnit,
                                                    String effective) {
        return new StaffTransferredEvent(staffId, fromUnit, field, toUnit, field, "officer", day(effective),
                                         "T/" + staffId + "/" + effective);
    }

    public static StaffSecondedEvent seconded(String staffId, int no, String homeUnit, String field, String toUnit,
                                              String from, String until) {
        return new StaffSecondedEvent(staffId, no, homeUnit, field, toUnit, field, day(from), day(until),
                                      "S/" + staffId + "/" + no);
    }

    public static SecondmentEndedEvent endedByDecision(String staffId, int no, String toUnit, String endedOn) {
        return new SecondmentEndedEvent(staffId, no, toUnit, day(endedOn), SecondmentEndReason.DECIDED,
                                        "E/" + staffId + "/" + no);
    }

    public static SecondmentEndedEvent expired(String staffId, int no, String toUnit, String endedOn) {
        return new SecondmentEndedEvent(staffId, no, toUnit, day(endedOn), SecondmentEndReason.EXPIRED, null);
    }

    public static StaffDepartedEvent departed(String staffId, String unitCode, String effective) {
        return new StaffDepartedEvent(staffId, unitCode, day(effective), "retirement", "D/" + staffId);
    }

    public static TrainingCompletedEvent trained(String staffId, String course, String on) {
        return new TrainingCompletedEvent(staffId, course, day(on));
    }

    public static PortalAccountProvisionedEvent account(String staffId, String account, String unitCode, String on) {
        return new PortalAccountProvisionedEvent(staffId, account, unitCode, day(on));
    }

    public static PortalAccountRevokedEvent revoked(String staffId, String account, String unitCode, String on) {
        return new PortalAccountRevokedEvent(staffId, account, unitCode, day(on));
    }

    /** Folds {@code events} in order, as recorded at positions 1, 2, ... */
    public static StaffRecord record(String staffId, Object... events) {
        StaffRecord record = StaffFold.initial(staffId);
        for (int i = 0; i < events.length; i++) {
            record = StaffFold.evolve(record, events[i],
                                      new Recorded(i + 1, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), "hr"));
        }
        return record;
    }
}
