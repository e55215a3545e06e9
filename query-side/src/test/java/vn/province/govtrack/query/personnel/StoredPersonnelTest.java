package vn.province.govtrack.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.province.govtrack.query.staff.StaffEvents.ENVIRONMENT;
import static vn.province.govtrack.query.staff.StaffEvents.IT;
import static vn.province.govtrack.query.staff.StaffEvents.account;
import static vn.province.govtrack.query.staff.StaffEvents.day;
import static vn.province.govtrack.query.staff.StaffEvents.departed;
import static vn.province.govtrack.query.staff.StaffEvents.endedByDecision;
import static vn.province.govtrack.query.staff.StaffEvents.expired;
import static vn.province.govtrack.query.staff.StaffEvents.recruited;
import static vn.province.govtrack.query.staff.StaffEvents.revoked;
import static vn.province.govtrack.query.staff.StaffEvents.seconded;
import static vn.province.govtrack.query.staff.StaffEvents.transferred;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.staff.StaffEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.personnel.PersonnelOnADay.AccountRow;
import vn.province.govtrack.query.personnel.PersonnelOnADay.ActiveAccounts;
import vn.province.govtrack.query.personnel.PersonnelOnADay.ActiveSecondment;
import vn.province.govtrack.query.personnel.PersonnelOnADay.StaffingReviewPage;
import vn.province.govtrack.query.staff.StaffRecord;
import vn.province.govtrack.query.staff.StaffStatus;
import vn.province.govtrack.query.web.Paging;

/**
 * The personnel questions answered by the database, against a real wire-protocol server. The
 * province: a department (SO) with IT officers, two communes (XA, XB) and a ward (PH); officers are
 * seconded, transferred, recruited later and retired, and XB is dissolved on 1 September 2025.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredPersonnelTest {

    private static final OptionalLong CURRENT = OptionalLong.empty();

    private MongoClient client;
    private MongoProperties properties;
    private PersonnelProjection projection;
    private StoredPersonnel personnel;
    private long position;

    @BeforeAll
    void seedTheProvince() {
        client = MongoClients.create(TestMongo.uri());
        properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("stored_personnel"));
        projection = new PersonnelProjection(client, properties, new ObjectMapper().findAndRegisterModules());
        personnel = new StoredPersonnel(projection, client, properties);

        unit("SO", UnitKind.DEPARTMENT);
        unit("XA", UnitKind.COMMUNE);
        unit("XB", UnitKind.COMMUNE);
        unit("PH", UnitKind.WARD);
        quota("SO", IT, "2025-01-01", 3);
        quota("XA", IT, "2025-01-01", 2);
        quota("PH", IT, "2025-01-01", 1);
        quota("XB", ENVIRONMENT, "2025-01-01", 1);
        quota("XA", ENVIRONMENT, "2025-01-01", 1);
        quota("XA", ENVIRONMENT, "2025-10-01", 2);
        projection.on(new UnitDissolvedEvent("XB", day("2025-09-01"), "88/NQ"), next());
        for (String officer : List.of("CB-1", "CB-2", "CB-3", "CB-4", "CB-5")) {
            staff(recruited(officer, "SO", IT, "2024-01-01"));
        }
        staff(seconded("CB-1", 1, "SO", IT, "XA", "2025-07-01", "2025-12-31"));
        staff(account("CB-1", "cb1.xa", "XA", "2025-07-02"));
        staff(expired("CB-1", 1, "XA", "2026-01-01"));
        staff(seconded("CB-2", 1, "SO", IT, "PH", "2025-03-01", "2026-02-28"));
        staff(endedByDecision("CB-2", 1, "PH", "2025-10-01"));
        staff(seconded("CB-2", 2, "SO", IT, "XA", "2025-10-01", "2025-12-15"));
        staff(account("CB-2", "cb2.so", "SO", "2024-02-01"));
        staff(revoked("CB-2", "cb2.so", "SO", "2025-05-01"));
        staff(account("CB-2", "cb2.so", "SO", "2025-06-01"));
        staff(transferred("CB-3", "SO", IT, "PH", "2025-10-01"));
        staff(account("CB-3", "cb3.so", "SO", "2024-01-15"));
        staff(seconded("CB-4", 1, "SO", IT, "XB", "2025-02-01", "2025-08-31"));
        staff(departed("CB-5", "SO", "2025-09-01"));
        staff(account("CB-5", "cb5.so", "SO", "2024-01-15"));
        staff(recruited("CB-6", "XA", ENVIRONMENT, "2025-11-01"));
        staff(seconded("CB-6", 1, "XA", ENVIRONMENT, "XB", "2025-12-01", "2026-03-31"));
        staff(account("CB-6", "cb6.xa", "XA", "2025-11-01"));
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    private static final List<LocalDate> DAYS = List.of(day("2023-12-31"), day("2024-01-01"), day("2025-02-01"),
            day("2025-06-30"), day("2025-07-01"), day("2025-08-31"), day("2025-09-01"), day("2025-09-30"),
            day("2025-10-01"), day("2025-11-30"), day("2025-12-01"), day("2025-12-15"), day("2025-12-16"),
            day("2025-12-31"), day("2026-01-01"), day("2026-04-01"));

    @Test
    void onEveryDayTheDatabaseCountsWhatTheRecordsThemselvesSay() {
        for (LocalDate day : DAYS) {
            assertThat(personnel.staffing(day, null, CURRENT)).as(day.toString()).isEqualTo(inMemory(day));
            assertThat(personnel.staffing(day, IT, CURRENT)).as(day.toString())
                    .isEqualTo(inMemory(day).stream().filter(row -> row.field().equals(IT)).toList());
        }
        assertThat(inMemory(day("2025-11-30"))).extracting(StaffingRow::secondedIn).contains(2);
    }

    @Test
    void theStaffingReviewOfAUnitOnADayHasItsRowsAndTheProvinceTotals() {
        StaffingReviewPage review = personnel.staffingReview(day("2025-11-30"), "XA", null, null, CURRENT, Paging.of(0, 10));

        assertThat(review.rows()).extracting(StaffingRow::field, StaffingRow::quota, StaffingRow::own,
                                             StaffingRow::secondedIn, StaffingRow::effective, StaffingRow::state)
                .containsExactly(tuple(IT, 2, 0, 2, 2, StaffingState.BALANCED),
                                 tuple(ENVIRONMENT, 2, 1, 0, 1, StaffingState.SHORTAGE));
        assertThat(review.totalRows()).isEqualTo(2);
        assertThat(review.totals()).extracting(FieldTotal::field).containsExactly(IT, ENVIRONMENT);
        assertThat(review.totals().get(0).secondedIn()).as("CB-1 and CB-2, both at XA").isEqualTo(2);
        assertThat(review.totals().get(0).secondedOut()).isEqualTo(2);
    }

    @Test
    void theUnitsShortOfStaffArePagedInUnitOrder() {
        LocalDate day = day("2025-10-01");
        StaffingReviewPage first = personnel.staffingReview(day, null, null, StaffingState.SHORTAGE, CURRENT, Paging.of(0, 1));
        StaffingReviewPage second = personnel.staffingReview(day, null, null, StaffingState.SHORTAGE, CURRENT, Paging.of(1, 1));
        List<StaffingRow> allShort = inMemory(day).stream().filter(row -> row.state() == StaffingState.SHORTAGE)
                                                  .toList();

        assertThat(first.totalRows()).isEqualTo(allShort.size()).isGreaterThan(1);
        assertThat(first.rows()).containsExactly(allShort.get(0));
        assertThat(second.rows()).containsExactly(allShort.get(1));
        assertThat(first.totals()).isEqualTo(StaffingReview.totals(inMemory(day)));
    }

    @Test
    void theSecondmentsRunningOnADayComeByLastDayAPageAtATime() {
        LocalDate day = day("2025-11-30");
        Paging.Page<ActiveSecondment> first = personnel.secondmentsRunning(day, null, null, Paging.of(0, 2));
        Paging.Page<ActiveSecondment> second = personnel.secondmentsRunning(day, null, null, Paging.of(1, 2));

        assertThat(first.total()).isEqualTo(2);
        assertThat(first.content()).extracting(ActiveSecondment::staffId, ActiveSecondment::toUnitCode,
                                               ActiveSecondment::lastDay, ActiveSecondment::daysLeft)
                .containsExactly(tuple("CB-2", "XA", day("2025-12-15"), 15L),
                                 tuple("CB-1", "XA", day("2025-12-31"), 31L));
        assertThat(second.content()).isEmpty();
        assertThat(personnel.secondmentsRunning(day("2025-12-01"), null, null, Paging.of(1, 2)).content())
                .extracting(ActiveSecondment::staffId).containsExactly("CB-6");
    }

    @Test
    void aSecondmentEndedEarlyRunsUntilTheEveOfItsEndAndEndingSoonCountsFromItsLastDay() {
        assertThat(personnel.secondmentsRunning(day("2025-09-30"), null, "PH", Paging.of(0, 10)).content())
                .extracting(ActiveSecondment::staffId, ActiveSecondment::lastDay)
                .containsExactly(tuple("CB-2", day("2025-09-30")));
        assertThat(personnel.secondmentsRunning(day("2025-10-01"), null, "PH", Paging.of(0, 10)).total()).isZero();
        assertThat(personnel.secondmentsRunning(day("2025-12-01"), 14, null, Paging.of(0, 10)).content())
                .extracting(ActiveSecondment::staffId).containsExactly("CB-2");
        assertThat(personnel.secondmentsRunning(day("2025-12-01"), 30, null, Paging.of(0, 10)).content())
                .extracting(ActiveSecondment::staffId).containsExactly("CB-2", "CB-1");
        assertThat(personnel.secondmentsRunning(day("2025-08-31"), null, "XB", Paging.of(0, 10)).content())
                .extracting(ActiveSecondment::staffId, ActiveSecondment::homeUnitCode)
                .containsExactly(tuple("CB-4", "SO"));
    }

    @Test
    void theAccountsActiveOnADayAreCountedPerUnitAndPagedWithTheirHoldersStatus() {
        LocalDate day = day("2025-11-30");
        ActiveAccounts first = personnel.accountsActive(day, null, Paging.of(0, 2));
        ActiveAccounts second = personnel.accountsActive(day, null, Paging.of(1, 2));

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.units()).extracting(PersonnelOnADay.UnitAccounts::unitCode,
                                             PersonnelOnADay.UnitAccounts::accounts)
                .containsExactly(tuple("SO", 3),
                                 tuple("XA", 2));
        assertThat(first.accounts()).extracting(AccountRow::account, AccountRow::holderStatus,
                                                AccountRow::holderWorksHere)
                .containsExactly(tuple("cb2.so", StaffStatus.SECONDED, false),
                                 tuple("cb3.so", StaffStatus.IN_SERVICE, false));
        assertThat(second.accounts()).extracting(AccountRow::account, AccountRow::staffId, AccountRow::holderWorksHere)
                .containsExactly(tuple("cb5.so", "CB-5", false),
                                 tuple("cb1.xa", "CB-1", true));
        assertThat(personnel.accountsActive(day("2025-05-15"), "SO", Paging.of(0, 10)).accounts())
                .as("cb2.so is revoked from 1 May to 1 June; CB-5 has not yet retired")
                .extracting(AccountRow::account).containsExactly("cb3.so", "cb5.so");
        assertThat(personnel.accountsActive(day("2025-09-01"), "SO", Paging.of(0, 10)).accounts())
                .extracting(AccountRow::account, AccountRow::holderStatus)
                .contains(tuple("cb5.so", StaffStatus.DEPARTED));
    }

    @Test
    void recordsStoredBeforeTheirPeriodsWereKeptGetThemAtStartAndAnswerTheSame() {
        var staff = client.getDatabase(properties.getMongoClientDatabase()).getCollection(PersonnelProjection.STAFF);
        staff.updateMany(Filters.empty(), Updates.combine(Updates.unset(StoredPersonnel.STAFFING),
                                                          Updates.unset(StoredPersonnel.RUNS),
                                                          Updates.unset(StoredPersonnel.STAFFING_KNOWN)));
        assertThat(new StoredPersonnel(projection, client, properties).staffing(day("2025-11-30"), null, CURRENT))
                .as("without its periods a record counts nowhere").isNotEqualTo(inMemory(day("2025-11-30")));

        PersonnelProjection restarted = new PersonnelProjection(client, properties,
                                                                new ObjectMapper().findAndRegisterModules());

        assertThat(staff.countDocuments(Filters.exists(StoredPersonnel.STAFFING_KNOWN, false))).isZero();
        StoredPersonnel afterRestart = new StoredPersonnel(restarted, client, properties);
        for (LocalDate day : DAYS) {
            assertThat(afterRestart.staffing(day, null, CURRENT)).as(day.toString()).isEqualTo(inMemory(day));
        }
        assertThat(afterRestart.secondmentsRunning(day("2025-11-30"), null, null, Paging.of(0, 10)).total())
                .isEqualTo(2);
    }

    /** The review as the pure computation gives it from every whole record: what the database must match. */
    private List<StaffingRow> inMemory(LocalDate day) {
        Map<String, UnitRecord> units = projection.units().findAll(new Document(), null).stream()
                .collect(Collectors.toMap(UnitRecord::code, Function.identity()));
        List<StaffRecord> staff = projection.staff().findAll(new Document(), null);
        return StaffingReview.rows(day, staff, projection.quotas().findAll(new Document(), null), units);
    }

    private GlobalSequenceTrackingToken next() {
        return new GlobalSequenceTrackingToken(++position);
    }

    private void unit(String code, UnitKind kind) {
        projection.on(new UnitRegisteredEvent(code, "Unit " + code, kind), next());
    }

    private void quota(String unit, String field, String from, int positions) {
        projection.on(new StaffingQuotaSetEvent(unit, field, positions, day(from), "Q/" + unit + "/" + from), next());
    }

    private void staff(StaffEvent event) {
        projection.on(event, next(), Instant.EPOCH, "hr.officer");
    }
}
