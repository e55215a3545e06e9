package vn.province.govtrack.query.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.staff.StaffEvents.IT;
import static vn.province.govtrack.query.staff.StaffEvents.account;
import static vn.province.govtrack.query.staff.StaffEvents.day;
import static vn.province.govtrack.query.staff.StaffEvents.departed;
import static vn.province.govtrack.query.staff.StaffEvents.endedByDecision;
import static vn.province.govtrack.query.staff.StaffEvents.expired;
import static vn.province.govtrack.query.staff.StaffEvents.record;
import static vn.province.govtrack.query.staff.StaffEvents.recruited;
import static vn.province.govtrack.query.staff.StaffEvents.revoked;
import static vn.province.govtrack.query.staff.StaffEvents.seconded;
import static vn.province.govtrack.query.staff.StaffEvents.trained;
import static vn.province.govtrack.query.staff.StaffEvents.transferred;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.dossier.DossierRefusedEvent;
import vn.province.govtrack.kernel.staff.SecondmentEndReason;

/** A provincial IT officer (SO-TTTT), seconded to a commune (XA-1) and later transferred to a ward (PH-2). */
class StaffFoldTest {

    @Test
    void aRecruitmentCountsFromItsEffectiveDateAndNotBefore() {
        StaffRecord record = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"));

        assertThat(record.statusOn(day("2025-02-28"))).isEqualTo(StaffStatus.NOT_YET_IN_SERVICE);
        assertThat(record.assignmentOn(day("2025-02-28"))).isEmpty();
        assertThat(record.statusOn(day("2025-03-01"))).isEqualTo(StaffStatus.IN_SERVICE);
        assertThat(record.assignmentOn(day("2025-03-01"))).get()
                .extracting(StaffRecord.Assignment::unitCode, StaffRecord.Assignment::decisionNo)
                .containsExactly("SO-TTTT", "R/CB-1");
        assertThat(record.fullName()).isEqualTo("Officer CB-1");
    }

    @Test
    void aFutureDatedTransferChangesTheHomeUnitOnlyFromItsEffectiveDate() {
        StaffRecord record = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"),
                                    transferred("CB-1", "SO-TTTT", IT, "PH-2", "2026-01-01"));

        assertThat(record.assignmentOn(day("2025-12-31")).orElseThrow().unitCode()).isEqualTo("SO-TTTT");
        assertThat(record.assignmentOn(day("2026-01-01")).orElseThrow().unitCode()).isEqualTo("PH-2");
    }

    @Test
    void aSecondmentRunsFromItsFirstToItsLastDayEvenBeforeItsExpiryIsRecorded() {
        StaffRecord record = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"),
                                    seconded("CB-1", 1, "SO-TTTT", IT, "XA-1", "2025-07-01", "2025-12-31"));

        assertThat(record.secondmentOn(day("2025-06-30"))).isEmpty();
        assertThat(record.statusOn(day("2025-07-01"))).isEqualTo(StaffStatus.SECONDED);
        assertThat(record.workplaceOn(day("2025-12-31"))).contains("XA-1");
        assertThat(record.statusOn(day("2026-01-01"))).isEqualTo(StaffStatus.IN_SERVICE);
        assertThat(record.workplaceOn(day("2026-01-01"))).contains("SO-TTTT");
    }

    @Test
    void anEarlyEndBringsThePersonHomeFromTheDayOfReturnAndIsKeptWithItsDecision() {
        StaffRecord record = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"),
                                    seconded("CB-1", 1, "SO-TTTT", IT, "XA-1", "2025-07-01", "2025-12-31"),
                                    endedByDecision("CB-1", 1, "XA-1", "2025-10-01"));

        assertThat(record.statusOn(day("2025-09-30"))).isEqualTo(StaffStatus.SECONDED);
        assertThat(record.statusOn(day("2025-10-01"))).isEqualTo(StaffStatus.IN_SERVICE);
        StaffRecord.Secondment secondment = record.secondments().get(0);
        assertThat(secondment.lastDay()).isEqualTo(day("2025-09-30"));
        assertThat(secondment.endReason()).isEqualTo(SecondmentEndReason.DECIDED);
        assertThat(secondment.endDecisionNo()).isEqualTo("E/CB-1/1");
    }

    @Test
    void theRecordedExpiryChangesNothingAboutTheDaysTheSecondmentRan() {
        StaffRecord before = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"),
                                    seconded("CB-1", 1, "SO-TTTT", IT, "XA-1", "2025-07-01", "2025-12-31"));
        StaffRecord after = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"),
                                   seconded("CB-1", 1, "SO-TTTT", IT, "XA-1", "2025-07-01", "2025-12-31"),
                                   expired("CB-1", 1, "XA-1", "2026-01-01"));

        for (String day : new String[] {"2025-06-30", "2025-07-01", "2025-12-31", "2026-01-01"}) {
            assertThat(after.statusOn(day(day))).as(day).isEqualTo(before.statusOn(day(day)));
        }
        assertThat(after.secondments().get(0).lastDay()).isEqualTo(day("2025-12-31"));
    }

    @Test
    void aSecondmentEndedBeforeItsFirstDayNeverRuns() {
        StaffRecord record = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"),
                                    seconded("CB-1", 1, "SO-TTTT", IT, "XA-1", "2026-01-01", "2026-06-30"),
                                    endedByDecision("CB-1", 1, "XA-1", "2025-12-01"));

        assertThat(record.secondmentOn(day("2026-01-01"))).isEmpty();
        assertThat(record.secondmentOn(day("2026-03-01"))).isEmpty();
    }

    @Test
    void nobodyCountsFromTheDepartureOn() {
        StaffRecord record = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"),
                                    seconded("CB-1", 1, "SO-TTTT", IT, "XA-1", "2025-07-01", "2025-12-31"),
                                    departed("CB-1", "SO-TTTT", "2025-11-01"));

        assertThat(record.statusOn(day("2025-10-31"))).isEqualTo(StaffStatus.SECONDED);
        assertThat(record.statusOn(day("2025-11-01"))).isEqualTo(StaffStatus.DEPARTED);
        assertThat(record.assignmentOn(day("2025-11-01"))).isEmpty();
        assertThat(record.secondmentOn(day("2025-11-01"))).isEmpty();
        assertThat(record.workplaceOn(day("2025-11-01"))).isEmpty();
    }

    @Test
    void accountsAreActiveFromTheirProvisioningUntilTheDayBeforeTheirRevocation() {
        StaffRecord record = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"),
                                    account("CB-1", "binh.tt", "SO-TTTT", "2025-03-02"),
                                    revoked("CB-1", "binh.tt", "SO-TTTT", "2025-08-01"),
                                    account("CB-1", "binh.tt", "XA-1", "2025-09-01"));

        assertThat(record.accounts()).hasSize(2);
        assertThat(record.accounts().get(0).activeOn(day("2025-07-31"))).isTrue();
        assertThat(record.accounts().get(0).activeOn(day("2025-08-01"))).isFalse();
        assertThat(record.accounts().get(1).activeOn(day("2025-09-01"))).isTrue();
        assertThat(record.accounts().get(1).unitCode()).isEqualTo("XA-1");
    }

    @Test
    void everyMovementIsKeptWithItsDateDecisionPositionAndActor() {
        StaffRecord record = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"),
                                    trained("CB-1", "Digital government", "2025-04-10"),
                                    seconded("CB-1", 1, "SO-TTTT", IT, "XA-1", "2025-07-01", "2025-12-31"),
                                    expired("CB-1", 1, "XA-1", "2026-01-01"));

        assertThat(record.movements()).extracting(StaffRecord.Movement::kind).containsExactly(
                MovementKind.RECRUITED, MovementKind.TRAINING_COMPLETED, MovementKind.SECONDED,
                MovementKind.SECONDMENT_ENDED);
        StaffRecord.Movement secondment = record.movements().get(2);
        assertThat(secondment.effectiveDate()).isEqualTo(day("2025-07-01"));
        assertThat(secondment.until()).isEqualTo(day("2025-12-31"));
        assertThat(secondment.decisionNo()).isEqualTo("S/CB-1/1");
        assertThat(secondment.toUnitCode()).isEqualTo("XA-1");
        assertThat(secondment.eventPosition()).isEqualTo(3);
        assertThat(secondment.actor()).isEqualTo("hr");
        assertThat(record.movements().get(3).detail()).isEqualTo("EXPIRED");
        assertThat(record.movements().get(3).decisionNo()).isNull();
    }

    @Test
    void eventsTheFoldDoesNotKnowLeaveTheRecordAsItWas() {
        StaffRecord record = record("CB-1", recruited("CB-1", "SO-TTTT", IT, "2025-03-01"));

        assertThat(StaffFold.evolve(record, new DossierRefusedEvent("HS-1", "incomplete", Instant.EPOCH),
                                    new Recorded(9, Instant.EPOCH, null)))
                .isSameAs(record);
        assertThat(StaffFold.folds(DossierRefusedEvent.class)).isFalse();
    }
}
