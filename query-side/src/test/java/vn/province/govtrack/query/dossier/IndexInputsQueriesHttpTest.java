package vn.province.govtrack.query.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.ElectronicResultIssuedEvent;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.query.QuerySideHttpTest;

/**
 * What a dossier recorded for the national index, as a client reads it: the dossier view shows its
 * digitisation, electronic result, payment channel and rating, and the audit history shows the events
 * as it shows every event, folded into the same state. The events are appended through the real engine.
 */
class IndexInputsQueriesHttpTest extends QuerySideHttpTest {

    private static final Map<String, String> METADATA = Map.of(EventMetadata.ACTOR, "clerk",
                                                               EventMetadata.CORRELATION_ID, "index-inputs");

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;

    /** A dossier of a unit of its own, received, digitised, paid online, resolved, issued, returned and rated. */
    private String dossierWithEveryInput() {
        String id = UUID.randomUUID().toString().substring(0, 13);
        String dossierId = "HS-IX-" + id;
        List<Object> events = new ArrayList<>(List.of(
                new DossierReceivedEvent(dossierId, "1.004227", "LAND", "XA-IX-" + id, Channel.IN_PERSON,
                                         DossierEvents.SEALED_APPLICANT, DossierEvents.RECEIVED_AT, 24,
                                         DossierEvents.RECEIVED_AT, DossierEvents.DUE_AT),
                new DossierDigitisedEvent(dossierId, 4, 4, 1, true, Instant.parse("2025-07-01T03:00:00Z")),
                DossierEvents.paymentRequested(dossierId, 30_000),
                new PaymentRecordedEvent(dossierId, 30_000, Instant.parse("2025-07-01T05:00:00Z"),
                                         PaymentChannel.ONLINE),
                DossierEvents.resolvedEarly(dossierId),
                new ElectronicResultIssuedEvent(dossierId, Instant.parse("2025-07-03T09:45:00Z")),
                DossierEvents.returned(dossierId),
                new DossierRatedEvent(dossierId, 4, Instant.parse("2025-07-04T03:10:00Z"))));
        for (int sequence = 0; sequence < events.size(); sequence++) {
            eventStore.publish(new GenericDomainEventMessage<>("Dossier", dossierId, sequence, events.get(sequence),
                                                               METADATA));
        }
        return dossierId;
    }

    private long head() {
        var token = engine.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    private JsonNode ok(String path) {
        ResponseEntity<JsonNode> response = rest.getForEntity(URI.create(rest.getRootUri() + path), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void the_dossier_shows_its_digitisation_electronic_result_payment_channel_and_rating() {
        String dossierId = dossierWithEveryInput();

        JsonNode dossier = ok("/api/v1/dossiers/" + dossierId + "?minPosition=" + head());

        assertThat(dossier.get("status").asText()).isEqualTo("RETURNED");
        assertThat(dossier.get("parts").asInt()).isEqualTo(4);
        assertThat(dossier.get("digitisedParts").asInt()).isEqualTo(4);
        assertThat(dossier.get("reusedParts").asInt()).isEqualTo(1);
        assertThat(dossier.get("populationDataUsed").asBoolean()).isTrue();
        assertThat(dossier.get("digitisedAt").asText()).isEqualTo("2025-07-01T10:00:00+07:00");
        assertThat(dossier.get("amountPaid").asLong()).isEqualTo(30_000);
        assertThat(dossier.get("amountPaidOnline").asLong()).isEqualTo(30_000);
        assertThat(dossier.get("paymentChannel").asText()).isEqualTo("ONLINE");
        assertThat(dossier.get("electronicResultIssuedAt").asText()).isEqualTo("2025-07-03T16:45:00+07:00");
        assertThat(dossier.get("ratingScore").asInt()).isEqualTo(4);
        assertThat(dossier.get("ratedAt").asText()).isEqualTo("2025-07-04T10:10:00+07:00");
    }

    @Test
    void the_audit_history_lists_the_new_events_and_folds_them_into_the_dossiers_state() {
        String dossierId = dossierWithEveryInput();

        JsonNode events = ok("/api/v1/audit/streams/" + dossierId + "/events").get("events");
        JsonNode state = ok("/api/v1/audit/streams/" + dossierId + "/state");

        assertThat(events.findValuesAsText("type")).containsExactly("DossierReceivedEvent", "DossierDigitisedEvent",
                "PaymentRequestedEvent", "PaymentRecordedEvent", "DossierResolvedEvent", "ElectronicResultIssuedEvent",
                "DossierReturnedEvent", "DossierRatedEvent");
        assertThat(events.get(1).get("payload").get("reusedParts").asInt()).isEqualTo(1);
        assertThat(events.get(3).get("payload").get("channel").asText()).isEqualTo("ONLINE");
        assertThat(events.get(7).get("payload").get("score").asInt()).isEqualTo(4);
        assertThat(events.get(7).get("occurredAt").asText()).isEqualTo("2025-07-04T10:10:00+07:00");
        assertThat(state.get("fold").asText()).isEqualTo("dossier");
        assertThat(state.get("state").get("ratingScore").asInt()).isEqualTo(4);
        assertThat(state.get("state").get("digitisedParts").asInt()).isEqualTo(4);
        assertThat(state.get("state").get("electronicResultIssuedAt").asText()).isEqualTo("2025-07-03T16:45:00+07:00");
    }
}
