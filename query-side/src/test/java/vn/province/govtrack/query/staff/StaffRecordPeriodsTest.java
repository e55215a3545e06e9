package vn.province.govtrack.query.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.province.govtrack.query.staff.StaffEvents.ENVIRONMENT;
import static vn.province.govtrack.query.staff.StaffEvents.IT;
import static vn.province.govtrack.query.staff.StaffEvents.day;
import static vn.province.govtrack.query.staff.StaffEvents.departed;
import static vn.province.govtrack.query.staff.StaffEvents.endedByDecision;
import static vn.province.govtrack.query.staff.StaffEvents.expired;
import static vn.province.govtrack.query.staff.StaffEvents.record;
import static vn.province.govtrack.query.staff.StaffEvents.recruited;
import static vn.province.govtrack.query.staff.StaffEvents.seconded;
import static vn.province.govtrack.query.staff.StaffEvents.transferred;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A record's periods say of every day what the record itself says of it: the personnel read model
 * lets the database count from the periods, so a period that disagreed with the record on one day
 * would change a staffing review.
 */
class StaffRecordPeriodsTest {

    private static final LocalDate FIRST = day("2023-12-01");
    private static final LocalDate LAST = day("2027-03-01");

    private static final List<StaffRecord> RECORDS = List.of(
            record("ONLY-RECRUITED", recruited("ONLY-RECRUITED", "SO", IT, "2024-01-01")),
            record("SECONDED", recruited("SECONDED", "SO", IT, "2024-01-01"),
                   seconded("SECONDED", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"),
                   expired("SECONDED", 1, "XA", "2026-01-01")),
            record("ENDED-EARLY", recruited("ENDED-EARLY", "SO", IT, "2024-01-01"),
                   seconded("ENDED-EARLY", 1, "SO", IT, "XA", "2025-07-01", "2026-06-30"),
                   endedByDecision("ENDED-EARLY", 1, "XA", "2025-10-01"),
                   seconded("ENDED-EARLY", 2, "SO", IT, "PH", "2025-10-01", "2025-11-30")),
            record("CANCELLED", recruited("CANCELLED", "SO", IT, "2024-01-01"),
                   seconded("CANCELLED", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"),
                   endedByDecision("CANCELLED", 1, "XA", "2025-07-01")),
            record("TRANSFERRED", recruited("TRANSFERRED", "SO", IT, "2024-01-01"),
                   seconded("TRANSFERRED", 1, "SO", IT, "XA", "2024-03-01", "2024-05-31"),
                   transferred("TRANSFERRED", "SO", IT, "PH", "2025-10-01"),
                   departed("TRANSFERRED", "PH", "2026-09-01")),
            record("RECRUITED-LATER", recruited("RECRUITED-LATER", "XA", ENVIRONMENT, "2026-02-01"),
                   seconded("RECRUITED-LATER", 1, "XA", ENVIRONMENT, "PH", "2026-03-01", "2029-02-28")),
            // the command side refuses overlapping secondments; the record still answers, and so must its periods
            record("OVERLAPPING", recruited("OVERLAPPING", "SO", IT, "2024-01-01"),
                   seconded("OVERLAPPING", 1, "SO", IT, "XA", "2025-01-01", "2025-06-30"),
                   seconded("OVERLAPPING", 2, "SO", IT, "PH", "2025-03-01", "2025-09-30")));

    @Test
    void onEveryDayThePeriodIncludingItHasTheRecordsAssignmentAndSecondmentOfThatDay() {
        for (StaffRecord record : RECORDS) {
            List<StaffRecord.Period> periods = record.periods();
            for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                LocalDate today = day;
                List<StaffRecord.Period> including = periods.stream().filter(p -> p.includes(today)).toList();
                String where = record.staffId() + " on " + day;
                if (record.assignmentOn(day).isEmpty()) {
                    assertThat(including).as(where).isEmpty();
                    continue;
                }
                assertThat(including).as(where).hasSize(1);
                assertThat(including.get(0).home()).as(where).isEqualTo(record.assignmentOn(day).get());
                assertThat(Optional.ofNullable(including.get(0).secondment())).as(where)
                        .isEqualTo(record.secondmentOn(day));
            }
        }
    }

    @Test
    void periodsFollowOneAnotherInDateOrderAndOnlyTheLastMayBeOpen() {
        for (StaffRecord record : RECORDS) {
            List<StaffRecord.Period> periods = record.periods();
            for (int i = 0; i + 1 < periods.size(); i++) {
                assertThat(periods.get(i).until()).as(record.staffId()).isNotNull()
                        .isBefore(periods.get(i + 1).from());
            }
        }
    }

    @Test
    void aSecondedOfficerHasThreePeriodsAndTheCancelledSecondmentNone() {
        assertThat(named("SECONDED").periods())
                .extracting(StaffRecord.Period::from, StaffRecord.Period::until,
                            period -> period.secondment() == null ? null : period.secondment().toUnitCode())
                .containsExactly(tuple(day("2024-01-01"), day("2025-06-30"), null),
                                 tuple(day("2025-07-01"), day("2025-12-31"), "XA"),
                                 tuple(day("2026-01-01"), null, null));
        assertThat(named("CANCELLED").periods()).hasSize(1)
                .allSatisfy(period -> assertThat(period.secondment()).isNull());
    }

    @Test
    void nothingIsInServiceBeforeTheRecruitmentOrFromTheDeparture() {
        assertThat(named("RECRUITED-LATER").periods().get(0).from()).isEqualTo(day("2026-02-01"));
        List<StaffRecord.Period> transferred = named("TRANSFERRED").periods();
        assertThat(transferred.get(transferred.size() - 1).until()).isEqualTo(day("2026-08-31"));
    }

    private static StaffRecord named(String staffId) {
        return RECORDS.stream().filter(r -> r.staffId().equals(staffId)).findFirst().orElseThrow();
    }
}
