package vn.province.govtrack.query.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

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

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.web.Paging;

/** The reference data questions answered by the database, against a real wire-protocol server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredReferenceDataTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** 23:00 on 30 June 2025 UTC: already 1 July in the province. */
    private static final Instant RECORDED = Instant.parse("2025-06-30T23:00:00Z");
    private static final Set<ProcedureContent> ALL = EnumSet.allOf(ProcedureContent.class);

    private MongoClient client;
    private ReferenceDataProjection projection;
    private StoredReferenceData referenceData;
    private long position;

    @BeforeAll
    void registerUnitsAndProcedures() {
        client = MongoClients.create(TestMongo.uri());
        MongoProperties properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("stored_reference"));
        projection = new ReferenceDataProjection(client, properties, new ObjectMapper().findAndRegisterModules(),
                                                 Clock.system(PROVINCE));
        referenceData = new StoredReferenceData(projection, client, properties);

        // registered out of code order, and a quota recorded for a unit whose registration is not
        projection.on(new UnitRegisteredEvent("XC", "Xã C", UnitKind.COMMUNE), next());
        projection.on(new UnitRegisteredEvent("PH", "Phường H", UnitKind.WARD), next());
        projection.on(new UnitRegisteredEvent("XA", "Xã A", UnitKind.COMMUNE), next());
        projection.on(new UnitRegisteredEvent("XB", "Xã B", UnitKind.COMMUNE), next());
        projection.on(new StaffingQuotaSetEvent("ZZ", "IT", 2, LocalDate.of(2025, 1, 1), "Q"), next());
        // published before the index's fields existed
        projection.on(new ProcedurePublishedEvent("P-3", "Third", "LAND", "COMMUNE", 80, LocalTime.of(15, 0), true,
                                                  null, null, null, null), next(), RECORDED);
        projection.on(new ProcedurePublishedEvent("P-1", "First", "LAND", "PROVINCE", 40, LocalTime.of(15, 0), false,
                                                  null, null, null, null), next(), RECORDED);
        projection.on(new ProcedurePublishedEvent("P-2", "Second", "JUSTICE", "COMMUNE", 8, LocalTime.of(16, 0), true,
                                                  OnlineLevel.FULL, LocalDate.of(2025, 6, 20), LocalDate.of(2025, 7, 1),
                                                  Set.of(ProcedureContent.NAME)), next(), RECORDED);
        projection.on(new ProcedurePublishedEvent("P-4", "Fourth", "JUSTICE", "PROVINCE", 8, LocalTime.of(16, 0), true,
                                                  OnlineLevel.PARTIAL, LocalDate.of(2025, 6, 20),
                                                  LocalDate.of(2025, 6, 20), null), next(), RECORDED);
        projection.on(new ProcedureUpdatedEvent("P-4", OnlineLevel.NONE, ALL, LocalDate.of(2025, 7, 2),
                                                LocalDate.of(2025, 7, 1), "late"), next());
        GlobalSequenceTrackingToken onTime = next();
        ProcedureUpdatedEvent announcedEarly = new ProcedureUpdatedEvent("P-4", OnlineLevel.FULL, ALL,
                                                                         LocalDate.of(2025, 7, 3),
                                                                         LocalDate.of(2025, 7, 10), "ahead");
        projection.on(announcedEarly, onTime);
        projection.on(announcedEarly, onTime); // delivered again: already reflected
        // an update of a procedure not recorded here
        projection.on(new ProcedureUpdatedEvent("P-9", OnlineLevel.FULL, ALL, LocalDate.of(2025, 7, 3),
                                                LocalDate.of(2025, 7, 3), "unknown"), next());
        // a record stored before the index's fields existed
        projection.procedures().collection().insertOne(new Document("_id", "P-0")
                .append("code", "P-0").append("name", "Old").append("field", "LAND").append("level", "COMMUNE")
                .append("processingHours", 8).append("cutoff", "15:00:00").append("online", true)
                .append(ReadModelStore.LAST_POSITION, 1L));
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    @Test
    void unitsOfAKindComeByCodeAPageAtATime() {
        Paging.Page<UnitReference> first = referenceData.units(UnitKind.COMMUNE, Paging.of(0, 2));
        Paging.Page<UnitReference> second = referenceData.units(UnitKind.COMMUNE, Paging.of(1, 2));

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.content()).extracting(UnitReference::code).containsExactly("XA", "XB");
        assertThat(second.content()).extracting(UnitReference::code).containsExactly("XC");
        assertThat(referenceData.units(UnitKind.COMMUNE, Paging.of(2, 2)).content()).isEmpty();
        assertThat(referenceData.units(null, Paging.of(0, 10)).content()).extracting(UnitReference::code)
                .containsExactly("PH", "XA", "XB", "XC", "ZZ");
    }

    @Test
    void aUnitIsFoundOnceItsRegistrationIsRecorded() {
        assertThat(referenceData.registeredUnit("XA")).get().extracting(UnitReference::name).isEqualTo("Xã A");
        assertThat(referenceData.registeredUnit("ZZ")).as("only a quota is recorded for ZZ").isEmpty();
        assertThat(referenceData.registeredUnit("NONE")).isEmpty();
    }

    @Test
    void proceduresAreFilteredAndPagedByCode() {
        Paging.Page<ProcedureReference> land = referenceData.procedures("LAND", null, null, null, Paging.of(0, 2));
        Paging.Page<ProcedureReference> online = referenceData.procedures(null, "COMMUNE", true, null,
                                                                          Paging.of(0, 10));

        assertThat(land.total()).isEqualTo(3);
        assertThat(land.content()).extracting(ProcedureReference::code).containsExactly("P-0", "P-1");
        assertThat(referenceData.procedures("LAND", null, null, null, Paging.of(1, 2)).content())
                .extracting(ProcedureReference::code).containsExactly("P-3");
        assertThat(online.content()).extracting(ProcedureReference::code).containsExactly("P-0", "P-2", "P-3");
        assertThat(referenceData.procedures(null, null, false, null, Paging.of(0, 10)).content())
                .extracting(ProcedureReference::code).containsExactly("P-1");
        assertThat(referenceData.procedure("P-2")).get().extracting(ProcedureReference::processingHours)
                .isEqualTo(8);
    }

    @Test
    void proceduresAreFilteredByOnlineLevelAsTheLastUpdateLeftItOldRecordsByTheirOnlineFlag() {
        assertThat(referenceData.procedures(null, null, null, OnlineLevel.FULL, Paging.of(0, 10)).content())
                .extracting(ProcedureReference::code).containsExactly("P-2", "P-4");
        assertThat(referenceData.procedures(null, null, null, OnlineLevel.PARTIAL, Paging.of(0, 10)).content())
                .extracting(ProcedureReference::code).containsExactly("P-0", "P-3");
        assertThat(referenceData.procedures(null, null, null, OnlineLevel.NONE, Paging.of(0, 10)).content())
                .extracting(ProcedureReference::code).containsExactly("P-1");
        assertThat(referenceData.procedures(null, "PROVINCE", true, OnlineLevel.FULL, Paging.of(0, 10)).content())
                .extracting(ProcedureReference::code).containsExactly("P-4");
    }

    @Test
    void aProcedureIsAnsweredAsPublishedWithItsUpdatesInOrder() {
        ProcedureReference updated = referenceData.procedure("P-4").orElseThrow();

        assertThat(updated.onlineLevel()).isEqualTo(OnlineLevel.FULL);
        assertThat(updated.online()).isTrue();
        assertThat(updated.publishedOn()).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(updated.content()).containsExactlyElementsOf(ALL);
        assertThat(updated.contentComplete()).isTrue();
        assertThat(updated.updates()).extracting(ProcedureReference.Update::reason, ProcedureReference.Update::onTime)
                .containsExactly(tuple("late", false), tuple("ahead", true));
        assertThat(updated.updates().get(0).onlineLevel()).isEqualTo(OnlineLevel.NONE);

        ProcedureReference published = referenceData.procedure("P-2").orElseThrow();
        assertThat(published.effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(published.content()).containsExactly(ProcedureContent.NAME);
        assertThat(published.contentComplete()).isFalse();
        assertThat(published.updates()).isEmpty();
        assertThat(referenceData.procedure("P-9")).isEmpty();
    }

    @Test
    void aProcedurePublishedBeforeTheIndexFieldsIsDatedByItsRecordingDayInTheProvince() {
        ProcedureReference old = referenceData.procedure("P-3").orElseThrow();

        assertThat(old.onlineLevel()).isEqualTo(OnlineLevel.PARTIAL);
        assertThat(old.publishedOn()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(old.effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(old.content()).isEmpty();
        assertThat(referenceData.procedure("P-1").orElseThrow().onlineLevel()).isEqualTo(OnlineLevel.NONE);
    }

    @Test
    void aRecordStoredBeforeTheIndexFieldsStillReads() {
        ProcedureReference stored = referenceData.procedure("P-0").orElseThrow();

        assertThat(stored.onlineLevel()).isEqualTo(OnlineLevel.PARTIAL);
        assertThat(stored.cutoff()).isEqualTo(LocalTime.of(15, 0));
        assertThat(stored.publishedOn()).isNull();
        assertThat(stored.content()).isEmpty();
        assertThat(stored.contentComplete()).isFalse();
        assertThat(stored.updates()).isEmpty();
    }

    private GlobalSequenceTrackingToken next() {
        return new GlobalSequenceTrackingToken(++position);
    }
}
