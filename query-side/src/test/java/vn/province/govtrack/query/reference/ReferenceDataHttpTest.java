package vn.province.govtrack.query.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.security.Role;

/**
 * Units and procedures as an API client without special rights (CLIENT) reads them.
 *
 * <p>A store of its own: the tests count every unit and procedure there is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.data.mongodb.database=reference_data")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceDataHttpTest extends QuerySideHttpTest {

    @Autowired
    EventStore eventStore;

    private long head;

    @BeforeAll
    void registerUnitsAndPublishProcedures() {
        append("unit:X-TAN-LAP", 0, new UnitRegisteredEvent("X-TAN-LAP", "Xã Tân Lập", UnitKind.COMMUNE));
        append("unit:X-TAN-LAP", 1, new StaffingQuotaSetEvent("X-TAN-LAP", "INFORMATION_TECHNOLOGY", 2,
                                                                 LocalDate.parse("2025-07-01"), "QD-12"));
        append("unit:P-BA-DINH", 0, new UnitRegisteredEvent("P-BA-DINH", "Phường Ba Đình", UnitKind.WARD));
        append("unit:S-NOI-VU", 0, new UnitRegisteredEvent("S-NOI-VU", "Sở Nội vụ", UnitKind.DEPARTMENT));
        append("unit:S-NOI-VU", 1, new UnitDissolvedEvent("S-NOI-VU", LocalDate.parse("2025-08-01"), "QD-99"));
        for (int i = 1; i <= 5; i++) {
            append("procedure:TT-0" + i, 0, new ProcedurePublishedEvent("TT-0" + i, "Thủ tục " + i,
                    i % 2 == 0 ? "LAND" : "JUSTICE", i <= 3 ? "COMMUNE" : "PROVINCE", 8 * i,
                    LocalTime.of(15, 0), i % 2 == 1, null, null, null, null));
        }
        append("procedure:TT-06", 0, new ProcedurePublishedEvent("TT-06", "Thủ tục 6", "CIVIL", "PROVINCE", 80,
                LocalTime.of(15, 0), true, OnlineLevel.PARTIAL, LocalDate.parse("2025-06-20"),
                LocalDate.parse("2025-07-01"), Set.of(ProcedureContent.FEES, ProcedureContent.NAME)));
        append("procedure:TT-06", 1, new ProcedureUpdatedEvent("TT-06", OnlineLevel.FULL,
                EnumSet.allOf(ProcedureContent.class), LocalDate.parse("2025-07-10"), LocalDate.parse("2025-07-05"),
                "Quyết định 1520/QĐ-UBND"));
    }

    @Test
    void units_are_listed_by_code_filtered_by_kind_and_looked_up_one_by_one() {
        JsonNode all = get("/api/v1/units?size=2").getBody();
        assertThat(all.get("units")).extracting(u -> u.get("code").asText()).containsExactly("P-BA-DINH", "S-NOI-VU");
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("next").asText()).isEqualTo("/api/v1/units?page=1&size=2");
        assertThat(get(all.get("next").asText()).getBody().get("units"))
                .extracting(u -> u.get("code").asText()).containsExactly("X-TAN-LAP");

        assertThat(get("/api/v1/units?kind=WARD").getBody().get("units"))
                .extracting(u -> u.get("code").asText()).containsExactly("P-BA-DINH");

        JsonNode commune = get("/api/v1/units/X-TAN-LAP").getBody();
        assertThat(commune.get("name").asText()).isEqualTo("Xã Tân Lập");
        assertThat(commune.get("kind").asText()).isEqualTo("COMMUNE");
        assertThat(commune.get("quotas").get(0).get("positions").asInt()).isEqualTo(2);
        assertThat(get("/api/v1/units/S-NOI-VU").getBody().get("dissolvedOn").asText()).isEqualTo("2025-08-01");
    }

    @Test
    void procedures_are_filtered_by_field_level_and_online_offer() {
        assertThat(get("/api/v1/procedures?field=LAND").getBody().get("procedures"))
                .extracting(p -> p.get("code").asText()).containsExactly("TT-02", "TT-04");
        assertThat(get("/api/v1/procedures?level=COMMUNE&online=true").getBody().get("procedures"))
                .extracting(p -> p.get("code").asText()).containsExactly("TT-01", "TT-03");

        JsonNode procedure = get("/api/v1/procedures/TT-05").getBody();
        assertThat(procedure.get("processingHours").asInt()).isEqualTo(40);
        assertThat(procedure.get("cutoff").asText()).isEqualTo("15:00:00");
    }

    @Test
    void a_procedure_answers_its_online_level_dates_content_and_updates() {
        JsonNode procedure = get("/api/v1/procedures/TT-06").getBody();

        assertThat(procedure.get("onlineLevel").asText()).isEqualTo("FULL");
        assertThat(procedure.get("online").asBoolean()).isTrue();
        assertThat(procedure.get("publishedOn").asText()).isEqualTo("2025-06-20");
        assertThat(procedure.get("effectiveFrom").asText()).isEqualTo("2025-07-01");
        assertThat(procedure.get("content")).hasSize(12);
        assertThat(procedure.get("content").get(0).asText()).isEqualTo("NAME");
        assertThat(procedure.get("contentComplete").asBoolean()).isTrue();
        JsonNode update = procedure.get("updates").get(0);
        assertThat(procedure.get("updates")).hasSize(1);
        assertThat(update.get("updatedOn").asText()).isEqualTo("2025-07-10");
        assertThat(update.get("effectiveFrom").asText()).isEqualTo("2025-07-05");
        assertThat(update.get("onlineLevel").asText()).isEqualTo("FULL");
        assertThat(update.get("reason").asText()).isEqualTo("Quyết định 1520/QĐ-UBND");
        assertThat(update.get("onTime").asBoolean()).isFalse();

        JsonNode old = get("/api/v1/procedures/TT-01").getBody();
        assertThat(old.get("onlineLevel").asText()).isEqualTo("PARTIAL");
        assertThat(old.get("publishedOn").asText()).isEqualTo(old.get("effectiveFrom").asText()).isNotEmpty();
        assertThat(old.get("content")).isEmpty();
        assertThat(old.get("contentComplete").asBoolean()).isFalse();
        assertThat(old.get("updates")).isEmpty();
    }

    @Test
    void procedures_are_filtered_by_online_level() {
        assertThat(get("/api/v1/procedures?onlineLevel=FULL").getBody().get("procedures"))
                .extracting(p -> p.get("code").asText()).containsExactly("TT-06");
        assertThat(get("/api/v1/procedures?onlineLevel=NONE&level=COMMUNE").getBody().get("procedures"))
                .extracting(p -> p.get("code").asText()).containsExactly("TT-02");
        JsonNode partial = get("/api/v1/procedures?onlineLevel=PARTIAL&size=1").getBody();
        assertThat(partial.get("procedures")).extracting(p -> p.get("code").asText()).containsExactly("TT-01");
        assertThat(partial.get("onlineLevel").asText()).isEqualTo("PARTIAL");
        assertThat(partial.get("next").asText()).isEqualTo("/api/v1/procedures?onlineLevel=PARTIAL&page=1&size=1");
    }

    @Test
    void an_unknown_unit_or_procedure_is_a_404_problem_and_bad_filters_are_400() {
        ResponseEntity<JsonNode> unit = get("/api/v1/units/NOWHERE");
        assertThat(unit.getStatusCode().value()).isEqualTo(404);
        assertThat(unit.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(get("/api/v1/procedures/NOTHING").getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/v1/units?kind=PLANET").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/procedures?size=0").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> level = get("/api/v1/procedures?onlineLevel=SOMETIMES");
        assertThat(level.getStatusCode().value()).isEqualTo(400);
        assertThat(level.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void a_rebuild_from_the_first_event_gives_the_same_answers() throws InterruptedException {
        String units = get("/api/v1/units").getBody().toString();
        String procedures = get("/api/v1/procedures").getBody().toString();

        HttpHeaders admin = new HttpHeaders();
        admin.setBearerAuth(ActingOfficials.token(minter, Role.ADMIN, null));
        assertThat(rest.exchange("/api/v1/admin/projections/reference/rebuild", HttpMethod.POST,
                                 new HttpEntity<>(admin), JsonNode.class).getStatusCode().value()).isEqualTo(202);
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode status;
        do {
            Thread.sleep(50);
            status = rest.exchange("/api/v1/admin/projections", HttpMethod.GET, new HttpEntity<>(admin), JsonNode.class)
                         .getBody().get("projections").findParents("name").stream()
                         .filter(p -> p.get("name").asText().equals("reference")).findFirst().orElseThrow();
        } while ((status.get("replaying").asBoolean() || status.get("progress").asInt() < 100)
                 && System.nanoTime() < deadline);

        assertThat(get("/api/v1/units").getBody().toString()).isEqualTo(units);
        assertThat(get("/api/v1/procedures").getBody().toString()).isEqualTo(procedures);
    }

    /** Read as CLIENT, after the projection has caught up with every event appended above. */
    private ResponseEntity<JsonNode> get(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ActingOfficials.token(minter, Role.CLIENT, null));
        headers.set("X-Min-Position", String.valueOf(head));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private void append(String aggregateId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Reference", aggregateId, sequence, payload,
                Map.of(EventMetadata.ACTOR, "admin"), UUID.randomUUID().toString(), Instant.now()));
        head = ((GlobalSequenceTrackingToken) eventStore.createHeadToken()).getGlobalIndex();
    }
}
