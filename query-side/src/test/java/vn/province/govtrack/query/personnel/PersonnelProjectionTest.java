package vn.province.govtrack.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.staff.StaffEvents.IT;
import static vn.province.govtrack.query.staff.StaffEvents.day;
import static vn.province.govtrack.query.staff.StaffEvents.recruited;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.projection.RebuildScope;

/** The personnel projection against a real wire-protocol server. */
class PersonnelProjectionTest {

    private static MongoClient client;
    private static MongoProperties properties;

    private PersonnelProjection projection;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("personnel_projection"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyReadModel() {
        projection = new PersonnelProjection(client, properties, new ObjectMapper().findAndRegisterModules());
        projection.reset(RebuildScope.everything());
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    @Test
    void aQuotaDeliveredTwiceIsRecordedOnceAndALaterOneIsAddedToItsHistory() {
        StaffingQuotaSetEvent first = new StaffingQuotaSetEvent("XA", IT, 3, day("2025-01-01"), "Q1");
        projection.on(first, at(4));
        projection.on(first, at(4));
        projection.on(new StaffingQuotaSetEvent("XA", IT, 5, day("2025-09-01"), "Q2"), at(9));
        projection.on(first, at(4));

        QuotaRecord quota = projection.quotas().find(PersonnelProjection.quotaKey("XA", IT)).orElseThrow();
        assertThat(quota.quotas()).containsExactly(new QuotaRecord.Quota(day("2025-01-01"), 3, "Q1", 4L),
                                                   new QuotaRecord.Quota(day("2025-09-01"), 5, "Q2", 9L));
        assertThat(quota.positionsOn(day("2025-08-31"))).contains(3);
        assertThat(quota.positionsOn(day("2025-09-01"))).contains(5);
        assertThat(quota.positionsOn(day("2024-12-31"))).isEmpty();
    }

    @Test
    void aDissolutionDeliveredTwiceMarksTheUnitOnceAndARedeliveredRegistrationKeepsIt() {
        UnitRegisteredEvent registered = new UnitRegisteredEvent("XA", "Xã Tân Lập", UnitKind.COMMUNE);
        UnitDissolvedEvent dissolved = new UnitDissolvedEvent("XA", day("2025-09-01"), "88/NQ-HĐND");
        projection.on(registered, at(1));
        projection.on(dissolved, at(7));
        projection.on(dissolved, at(7));
        projection.on(registered, at(1));

        assertThat(projection.units().find("XA")).hasValueSatisfying(unit -> {
            assertThat(unit.dissolvedOn()).isEqualTo(day("2025-09-01"));
            assertThat(unit.name()).isEqualTo("Xã Tân Lập");
            assertThat(unit.replaced()).as("the version before the dissolution, recorded once")
                    .containsExactly(new UnitRecord.Version("Xã Tân Lập", UnitKind.COMMUNE, null, 1L, 7L));
        });
    }

    @Test
    void unitsStaffAndQuotasAreAllClearedByAReset() {
        projection.on(new UnitRegisteredEvent("XA", "Xã Tân Lập", UnitKind.COMMUNE), at(1));
        projection.on(new StaffingQuotaSetEvent("XA", IT, 3, day("2025-01-01"), null), at(2));
        projection.on(recruited("CB-1", "XA", IT, "2025-01-01"), at(3), Instant.EPOCH, null);
        assertThat(projection.units().find("XA")).contains(UnitRecord.registered("XA", "Xã Tân Lập", UnitKind.COMMUNE, 1));
        assertThat(projection.staff().find("CB-1")).isPresent();

        projection.reset(RebuildScope.everything());

        assertThat(projection.units().findAll(new Document(), null)).isEmpty();
        assertThat(projection.quotas().findAll(new Document(), null)).isEmpty();
        assertThat(projection.staff().findAll(new Document(), null)).isEmpty();
    }

    @Test
    void aResetKeepingUpToAPositionRemovesFromEachCollectionOnlyWhatALaterEventTouched() {
        projection.on(new UnitRegisteredEvent("XA", "Xã Tân Lập", UnitKind.COMMUNE), at(1));
        projection.on(new StaffingQuotaSetEvent("XA", IT, 3, day("2025-01-01"), "Q1"), at(2));
        projection.on(recruited("CB-1", "XA", IT, "2025-01-01"), at(3), Instant.EPOCH, null);
        projection.on(new UnitRegisteredEvent("XB", "Xã Tân Hòa", UnitKind.COMMUNE), at(4));
        projection.on(new StaffingQuotaSetEvent("XA", IT, 5, day("2025-09-01"), "Q2"), at(5));

        new AnnotationEventHandlerAdapter(projection).prepareReset(new RebuildScope(3));

        assertThat(projection.units().findAll(new Document(), null)).extracting(UnitRecord::code)
                                                                    .containsExactly("XA");
        assertThat(projection.quotas().findAll(new Document(), null)).as("its second quota came at 5").isEmpty();
        assertThat(projection.staff().find("CB-1")).isPresent();
    }

    @Test
    void theStaffingReviewOfTheStoredRecordsEqualsTheReviewOfTheFoldedEvents() {
        projection.on(new UnitRegisteredEvent("XA", "Xã Tân Lập", UnitKind.COMMUNE), at(1));
        projection.on(new StaffingQuotaSetEvent("XA", IT, 3, day("2025-01-01"), null), at(2));
        projection.on(recruited("CB-1", "XA", IT, "2025-01-01"), at(3), Instant.EPOCH, null);

        List<StaffingRow> rows = StaffingReview.rows(day("2025-06-01"), projection.staff().findAll(new Document(), null),
                projection.quotas().findAll(new Document(), null),
                Map.of("XA", projection.units().find("XA").orElseThrow()));

        assertThat(rows).containsExactly(new StaffingRow("XA", "Xã Tân Lập", UnitKind.COMMUNE, IT, 3, 1, 0, 0, 1, -2,
                                                      StaffingState.SHORTAGE));
    }
}
