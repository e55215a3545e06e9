package vn.province.govtrack.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.staff.StaffEvents.ENVIRONMENT;
import static vn.province.govtrack.query.staff.StaffEvents.IT;
import static vn.province.govtrack.query.staff.StaffEvents.day;
import static vn.province.govtrack.query.staff.StaffEvents.departed;
import static vn.province.govtrack.query.staff.StaffEvents.endedByDecision;
import static vn.province.govtrack.query.staff.StaffEvents.record;
import static vn.province.govtrack.query.staff.StaffEvents.recruited;
import static vn.province.govtrack.query.staff.StaffEvents.seconded;
import static vn.province.govtrack.query.staff.StaffEvents.transferred;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.staff.StaffSecondedEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.query.staff.StaffRecord;

/**
 * The department (SO) has four IT officers for a quota of three; the commune (XA) one for a quota of
 * three. On 1 July 2025 the department seconds one officer to the commune until the end of the year.
 */
class StaffingReviewTest {

    private static final Map<String, UnitRecord> UNITS = Map.of(
            "SO", new UnitRecord("SO", "Sở Thông tin và Truyền thông", UnitKind.DEPARTMENT),
            "XA", new UnitRecord("XA", "Xã Tân Lập", UnitKind.COMMUNE),
            "PH", new UnitRecord("PH", "Phường Hòa Bình", UnitKind.WARD));

    private static final List<QuotaRecord> QUOTAS = List.of(
            quota("SO", IT, "2025-01-01", 3),
            quota("XA", IT, "2025-01-01", 3));

    private static final List<StaffRecord> STAFF = List.of(
            record("A", recruited("A", "SO", IT, "2024-01-01"),
                   seconded("A", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31")),
            record("B", recruited("B", "SO", IT, "2024-01-01")),
            record("C", recruited("C", "SO", IT, "2024-01-01")),
            record("D", recruited("D", "SO", IT, "2024-01-01")),
            record("E", recruited("E", "XA", IT, "2024-01-01")));

    private static QuotaRecord quota(String unit, String field, String from, int positions) {
        return QuotaRecord.initial(unit, field).plus(new QuotaRecord.Quota(day(from), positions, null));
    }

    private static List<StaffingRow> rowsOn(String day, List<StaffRecord> staff, List<QuotaRecord> quotas) {
        return StaffingReview.rows(LocalDate.parse(day), staff, quotas, UNITS);
    }

    private static StaffingRow row(List<StaffingRow> rows, String unit, String field) {
        return rows.stream().filter(row -> row.unitCode().equals(unit) && row.field().equals(field)).findFirst()
                   .orElseThrow(() -> new AssertionError("no row for " + unit + "/" + field + " in " + rows));
    }

    @Test
    void beforeTheSecondmentTheDepartmentHasASurplusAndTheCommuneAShortage() {
        List<StaffingRow> rows = rowsOn("2025-06-30", STAFF, QUOTAS);

        assertThat(row(rows, "SO", IT)).isEqualTo(new StaffingRow("SO", "Sở Thông tin và Truyền thông",
                UnitKind.DEPARTMENT, IT, 3, 4, 0, 0, 4, 1, StaffingState.SURPLUS));
        assertThat(row(rows, "XA", IT)).isEqualTo(new StaffingRow("XA", "Xã Tân Lập", UnitKind.COMMUNE, IT, 3, 1, 0, 0,
                1, -2, StaffingState.SHORTAGE));
    }

    @Test
    void duringTheSecondmentThePersonCountsOutOfTheHomeUnitAndIntoTheHostUnit() {
        List<StaffingRow> rows = rowsOn("2025-07-01", STAFF, QUOTAS);

        StaffingRow department = row(rows, "SO", IT);
        assertThat(department.own()).isEqualTo(4);
        assertThat(department.secondedOut()).isEqualTo(1);
        assertThat(department.effective()).isEqualTo(3);
        assertThat(department.state()).isEqualTo(StaffingState.BALANCED);
        StaffingRow commune = row(rows, "XA", IT);
        assertThat(commune.own()).isEqualTo(1);
        assertThat(commune.secondedIn()).isEqualTo(1);
        assertThat(commune.effective()).isEqualTo(2);
        assertThat(commune.gap()).isEqualTo(-1);
    }

    @Test
    void theSecondmentCountsOnItsLastDayAndNoLongerOnTheNextWhetherOrNotItsEndIsRecorded() {
        assertThat(row(rowsOn("2025-12-31", STAFF, QUOTAS), "XA", IT).secondedIn()).isEqualTo(1);
        assertThat(row(rowsOn("2026-01-01", STAFF, QUOTAS), "XA", IT).secondedIn()).isZero();
        assertThat(row(rowsOn("2026-01-01", STAFF, QUOTAS), "SO", IT).effective()).isEqualTo(4);
    }

    @Test
    void anEarlyEndCountsFromTheDayOfReturn() {
        List<StaffRecord> staff = List.of(record("A", recruited("A", "SO", IT, "2024-01-01"),
                                                 seconded("A", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"),
                                                 endedByDecision("A", 1, "XA", "2025-10-01")));

        assertThat(row(rowsOn("2025-09-30", staff, QUOTAS), "XA", IT).secondedIn()).isEqualTo(1);
        assertThat(row(rowsOn("2025-10-01", staff, QUOTAS), "XA", IT).secondedIn()).isZero();
        assertThat(row(rowsOn("2025-10-01", staff, QUOTAS), "SO", IT).secondedOut()).isZero();
    }

    @Test
    void aFutureDatedTransferCountsAtTheOldUnitUntilItsEffectiveDate() {
        List<StaffRecord> staff = List.of(record("B", recruited("B", "SO", IT, "2024-01-01"),
                                                 transferred("B", "SO", IT, "XA", "2026-03-01")));

        assertThat(row(rowsOn("2026-02-28", staff, QUOTAS), "SO", IT).own()).isEqualTo(1);
        assertThat(row(rowsOn("2026-02-28", staff, QUOTAS), "XA", IT).own()).isZero();
        assertThat(row(rowsOn("2026-03-01", staff, QUOTAS), "SO", IT).own()).isZero();
        assertThat(row(rowsOn("2026-03-01", staff, QUOTAS), "XA", IT).own()).isEqualTo(1);
    }

    @Test
    void asOfADayBeforeARecruitmentOrAQuotaNeitherCounts() {
        List<StaffRecord> staff = List.of(record("F", recruited("F", "PH", ENVIRONMENT, "2025-09-01")));
        List<QuotaRecord> quotas = List.of(quota("PH", ENVIRONMENT, "2025-08-01", 2));

        assertThat(rowsOn("2025-07-31", staff, quotas)).isEmpty();
        assertThat(rowsOn("2025-08-01", staff, quotas)).containsExactly(new StaffingRow("PH", "Phường Hòa Bình",
                UnitKind.WARD, ENVIRONMENT, 2, 0, 0, 0, 0, -2, StaffingState.SHORTAGE));
        assertThat(row(rowsOn("2025-09-01", staff, quotas), "PH", ENVIRONMENT).gap()).isEqualTo(-1);
    }

    @Test
    void aLaterQuotaReplacesTheEarlierFromItsEffectiveDate() {
        QuotaRecord raised = quota("XA", IT, "2025-01-01", 3).plus(new QuotaRecord.Quota(day("2025-09-01"), 5, "Q2"));

        assertThat(row(rowsOn("2025-08-31", STAFF, List.of(raised)), "XA", IT).quota()).isEqualTo(3);
        assertThat(row(rowsOn("2025-09-01", STAFF, List.of(raised)), "XA", IT).quota()).isEqualTo(5);
    }

    @Test
    void staffWithoutAQuotaCountAgainstQuotaZero() {
        List<StaffingRow> rows = rowsOn("2025-06-30", STAFF, List.of());

        assertThat(row(rows, "SO", IT).quota()).isZero();
        assertThat(row(rows, "SO", IT).state()).isEqualTo(StaffingState.SURPLUS);
    }

    @Test
    void nobodyCountsFromTheirDeparture() {
        List<StaffRecord> staff = List.of(record("B", recruited("B", "SO", IT, "2024-01-01"),
                                                 departed("B", "SO", "2025-08-01")));

        assertThat(row(rowsOn("2025-07-31", staff, QUOTAS), "SO", IT).own()).isEqualTo(1);
        assertThat(row(rowsOn("2025-08-01", staff, QUOTAS), "SO", IT).own()).isZero();
    }

    @Test
    void aSecondmentIntoAnotherFieldCountsInThatFieldAtTheHostUnit() {
        List<StaffRecord> staff = List.of(record("A", recruited("A", "SO", IT, "2024-01-01"),
                new StaffSecondedEvent("A", 1, "SO", IT, "XA", "ONE_STOP_DESK", day("2025-07-01"), day("2025-12-31"),
                                       "S/1")));

        List<StaffingRow> rows = rowsOn("2025-08-01", staff, List.of());

        assertThat(row(rows, "SO", IT).secondedOut()).isEqualTo(1);
        assertThat(row(rows, "XA", "ONE_STOP_DESK").secondedIn()).isEqualTo(1);
        assertThat(rows).noneMatch(r -> r.unitCode().equals("XA") && r.field().equals(IT));
    }

    @Test
    void provinceTotalsAddUpEachFieldAndKeepShortagesApartFromSurpluses() {
        List<FieldTotal> totals = StaffingReview.totals(rowsOn("2025-06-30", STAFF, QUOTAS));

        assertThat(totals).containsExactly(new FieldTotal(IT, 2, 6, 5, 0, 0, 5, -1, 2, 1, 1, 1,
                                                          StaffingState.SHORTAGE));
        FieldTotal during = StaffingReview.totals(rowsOn("2025-07-01", STAFF, QUOTAS)).get(0);
        assertThat(during.secondedIn()).isEqualTo(during.secondedOut()).isEqualTo(1);
        assertThat(during.effective()).isEqualTo(5);
        assertThat(during.shortage()).isEqualTo(1);
        assertThat(during.surplus()).isZero();
    }

    @Test
    void rowsComeOrderedByUnitThenField() {
        List<QuotaRecord> quotas = List.of(quota("XA", ENVIRONMENT, "2025-01-01", 1), quota("PH", IT, "2025-01-01", 1),
                                           quota("XA", IT, "2025-01-01", 1));

        assertThat(rowsOn("2025-06-30", List.of(), quotas))
                .extracting(row -> row.unitCode() + "/" + row.field())
                .containsExactly("PH/" + IT, "XA/" + IT, "XA/" + ENVIRONMENT);
    }

    @Test
    void fromItsDissolutionDateAUnitsQuotaNoLongerCountsAndItIsNeverShort() {
        Map<String, UnitRecord> communeDissolved = Map.of(
                "SO", UNITS.get("SO"),
                "XA", UNITS.get("XA").dissolvedFrom(day("2025-09-01"), 9));

        List<StaffingRow> before = StaffingReview.rows(day("2025-08-31"), STAFF, QUOTAS, communeDissolved);
        List<StaffingRow> from = StaffingReview.rows(day("2025-09-01"), STAFF, QUOTAS, communeDissolved);

        assertThat(row(before, "XA", IT).state()).isEqualTo(StaffingState.SHORTAGE);
        assertThat(row(from, "XA", IT)).isEqualTo(new StaffingRow("XA", "Xã Tân Lập", UnitKind.COMMUNE, IT, 0, 1, 1, 0, 2,
                                                               2, StaffingState.DISSOLVED));
        assertThat(StaffingReview.totals(from)).containsExactly(new FieldTotal(IT, 2, 3, 5, 1, 1, 5, 2, 0, 2, 0, 1,
                                                                              StaffingState.SURPLUS));
    }
}
