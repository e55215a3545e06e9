package vn.province.govtrack.query.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.web.Paging;

/** The reference data questions answered by the database, against a real wire-protocol server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredReferenceDataTest {

    private MongoClient client;
    private StoredReferenceData referenceData;
    private long position;

    @BeforeAll
    void registerUnitsAndProcedures() {
        client = MongoClients.create(TestMongo.uri());
        MongoProperties properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("stored_reference"));
        ReferenceDataProjection projection = new ReferenceDataProjection(client, properties,
                                                                         new ObjectMapper().findAndRegisterModules());
        referenceData = new StoredReferenceData(projection, client, properties);

        // registered out of code order, and a quota recorded for a unit whose registration is not
        projection.on(new UnitRegisteredEvent("XC", "Xã C", UnitKind.COMMUNE), next());
        projection.on(new UnitRegisteredEvent("PH", "Phường H", UnitKind.WARD), next());
        projection.on(new UnitRegisteredEvent("XA", "Xã A", UnitKind.COMMUNE), next());
        projection.on(new UnitRegisteredEvent("XB", "Xã B", UnitKind.COMMUNE), next());
        projection.on(new StaffingQuotaSetEvent("ZZ", "IT", 2, LocalDate.of(2025, 1, 1), "Q"), next());
        projection.on(new ProcedurePublishedEvent("P-3", "Third", "LAND", "COMMUNE", 80, LocalTime.of(15, 0), true, null, null, null, null),
                      next());
        projection.on(new ProcedurePublishedEvent("P-1", "First", "LAND", "PROVINCE", 40, LocalTime.of(15, 0), false, null, null, null, null),
                      next());
        projection.on(new ProcedurePublishedEvent("P-2", "Second", "JUSTICE", "COMMUNE", 8, LocalTime.of(16, 0), true, null, null, null, null),
                      next());
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
        Paging.Page<ProcedureReference> land = referenceData.procedures("LAND", null, null, Paging.of(0, 1));
        Paging.Page<ProcedureReference> online = referenceData.procedures(null, "COMMUNE", true, Paging.of(0, 10));

        assertThat(land.total()).isEqualTo(2);
        assertThat(land.content()).extracting(ProcedureReference::code).containsExactly("P-1");
        assertThat(referenceData.procedures("LAND", null, null, Paging.of(1, 1)).content())
                .extracting(ProcedureReference::code).containsExactly("P-3");
        assertThat(online.content()).extracting(ProcedureReference::code).containsExactly("P-2", "P-3");
        assertThat(referenceData.procedures(null, null, false, Paging.of(0, 10)).content())
                .extracting(ProcedureReference::code).containsExactly("P-1");
        assertThat(referenceData.procedure("P-2")).get().extracting(ProcedureReference::processingHours)
                .isEqualTo(8);
    }

    private GlobalSequenceTrackingToken next() {
        return new GlobalSequenceTrackingToken(++position);
    }
}
