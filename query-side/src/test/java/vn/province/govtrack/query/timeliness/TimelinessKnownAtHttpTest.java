package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.at;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.query.QuerySideHttpTest;

/**
 * An auditor's question, "what did the report say at T?", asked after the store has learnt more: new
 * dossiers, and events recorded after T that are dated inside the period (a receipt and a resolution
 * entered late, a transfer). With {@code knownAt=T} the timeliness report and the ranking answer with the
 * very bytes they answered at T, while the report asked plainly has changed.
 *
 * <p>On the shared store: its units and March 2025 belong to this test alone, and the province-wide
 * answers include whatever other tests recorded before T, the same in both answers.
 */
class TimelinessKnownAtHttpTest extends QuerySideHttpTest {

    private static final String NORTH = "U-KNOWN-NORTH";
    private static final String SOUTH = "U-KNOWN-SOUTH";
    private static final String MARCH = "from=2025-03-01&to=2025-03-31";
    private static final List<String> QUESTIONS = List.of(
            "/api/v1/timeliness?groupBy=unit&" + MARCH,
            "/api/v1/timeliness?groupBy=procedure&" + MARCH + "&unitCode=" + NORTH,
            "/api/v1/timeliness?groupBy=field&" + MARCH + "&unitCode=" + SOUTH,
            "/api/v1/timeliness/ranking?" + MARCH);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;

    private final Map<String, Long> sequences = new HashMap<>();

    @Test
    void a_report_known_at_an_instant_is_the_report_answered_then_byte_for_byte() throws InterruptedException {
        append(received("HS-KNOWN-1", NORTH, "2025-03-03T09:00", "2025-03-06T09:00"));
        append(received("HS-KNOWN-2", SOUTH, "2025-03-10T09:00", "2025-03-13T09:00"));
        append(resolved("HS-KNOWN-2", "2025-03-12T10:00", "2025-03-13T09:00", Timeliness.EARLY, 2.0));
        append(received("HS-KNOWN-3", NORTH, "2025-03-20T09:00", "2025-03-25T09:00"));
        long headThen = head();
        Map<String, String> answeredThen = new HashMap<>();
        for (String question : QUESTIONS) {
            answeredThen.put(question, body(get(question + "&minPosition=" + headThen)));
        }
        Thread.sleep(20);
        Instant then = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(20);

        append(received("HS-KNOWN-4", NORTH, "2025-03-14T09:00", "2025-03-19T09:00"));
        append(resolved("HS-KNOWN-1", "2025-03-05T16:00", "2025-03-06T09:00", Timeliness.EARLY, 1.5));
        append(new DossierTransferredEvent("HS-KNOWN-3", NORTH, SOUTH, "competent unit", at("2025-03-24T10:00")));
        append(resolved("HS-KNOWN-4", "2025-03-28T10:00", "2025-03-19T09:00", Timeliness.LATE, 7.0));
        append(received("HS-KNOWN-5", SOUTH, "2025-04-02T09:00", "2025-04-07T09:00"));
        long headNow = head();

        for (String question : QUESTIONS) {
            String now = body(get(question + "&minPosition=" + headNow));
            ResponseEntity<String> knownThen = get(question + "&knownAt=" + then);

            assertThat(now).as("%s asked plainly", question).isNotEqualTo(answeredThen.get(question));
            assertThat(body(knownThen)).as("%s known at %s", question, then).isEqualTo(answeredThen.get(question));
            assertThat(knownThen.getHeaders().getFirst("X-Known-At-Position")).isEqualTo(Long.toString(headThen));
        }
    }

    @Test
    void a_known_at_instant_in_the_future_or_not_an_instant_with_an_offset_is_invalid_input() {
        for (String knownAt : List.of(Instant.now().plus(1, ChronoUnit.HOURS).toString(), "yesterday",
                "2025-03-31T10:00")) {
            for (String path : List.of("/api/v1/timeliness?" + MARCH, "/api/v1/timeliness/ranking?" + MARCH)) {
                assertProblem(rest.getForEntity(URI.create(rest.getRootUri() + path + "&knownAt=" + knownAt),
                        JsonNode.class), HttpStatus.BAD_REQUEST, "invalid-input");
            }
        }
    }

    private ResponseEntity<String> get(String path) {
        return rest.getForEntity(URI.create(rest.getRootUri() + path), String.class);
    }

    private static String body(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("X-Projection-Stale")).isNull();
        return response.getBody();
    }

    private static DossierReceivedEvent received(String dossierId, String unitCode, String receivedAt, String dueAt) {
        return new DossierReceivedEvent(dossierId, HandMadeProvince.BIRTH, HandMadeProvince.JUSTICE, unitCode,
                Channel.IN_PERSON, new SealedApplicant("key-k", "aw=="), at(receivedAt), 24, at(receivedAt),
                at(dueAt));
    }

    private static DossierResolvedEvent resolved(String dossierId, String resolvedAt, String dueAt,
                                                 Timeliness verdict, double processingDays) {
        return new DossierResolvedEvent(dossierId, Outcome.APPROVED, "decided", at(resolvedAt), at(dueAt), verdict,
                processingDays);
    }

    private void append(Object event) {
        String dossierId = ((DossierEvent) event).dossierId();
        long sequence = sequences.merge(dossierId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Dossier", dossierId, sequence, event, Map.of(),
                UUID.randomUUID().toString(), Instant.now()));
    }

    private long head() {
        return engine.createHeadToken().position().orElseThrow();
    }
}
