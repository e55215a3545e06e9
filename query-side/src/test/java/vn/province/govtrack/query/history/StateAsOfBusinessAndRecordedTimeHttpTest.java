package vn.province.govtrack.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.kernel.staff.StaffIds;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffTransferredEvent;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.query.dossier.DossierEvents;

/**
 * A stream's state by business time ({@code asOf}: when things happened, as the events say) and by
 * recorded time ({@code knownAt}: what the store had recorded by then). The events are appended to the
 * real store now, with business times in July 2025, as an import of the province's July history records
 * them; the store's recording times are the real ones, so {@code knownAt} is an instant taken between two
 * rounds of appends.
 *
 * <p>A store of its own: its dossiers are of the unit other tests list whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.data.mongodb.database=state_as_of")
class StateAsOfBusinessAndRecordedTimeHttpTest extends QuerySideHttpTest {

    /** Received Tuesday 1 July 2025, 09:00 Hanoi time ({@link DossierEvents#RECEIVED_AT}). */
    private static final Instant SUPPLEMENT_REQUESTED_AT = Instant.parse("2025-07-02T03:00:00Z");
    private static final Instant SUPPLEMENT_PROVIDED_AT = Instant.parse("2025-07-17T02:00:00Z");
    private static final Instant RESOLVED_AT = Instant.parse("2025-07-18T08:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2025-07-21T02:00:00Z");
    private static final Map<String, String> METADATA = Map.of(EventMetadata.ACTOR, "importer",
                                                               EventMetadata.CORRELATION_ID, "import-july");

    @Autowired
    EventStore eventStore;

    @Test
    void imported_july_history_answers_the_state_of_16_july_by_when_things_happened() {
        String dossierId = importedJulyDossier();

        ResponseEntity<JsonNode> onTheDay = get(state(dossierId, "asOf=2025-07-16"));
        ResponseEntity<JsonNode> thatAfternoon = get(state(dossierId, "asOf=2025-07-16T17:00:00%2B07:00"));

        assertThat(onTheDay.getStatusCode()).as(String.valueOf(onTheDay.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(onTheDay.getBody().get("asOf").asText()).isEqualTo("2025-07-16");
        assertThat(onTheDay.getBody().get("state").get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(onTheDay.getBody().get("eventCount").asInt()).isEqualTo(2);
        JsonNode lastApplied = onTheDay.getBody().get("lastApplied");
        assertThat(lastApplied.get("sequence").asLong()).isEqualTo(1);
        assertThat(lastApplied.get("type").asText()).isEqualTo("SupplementRequestedEvent");
        assertThat(lastApplied.get("occurredAt").asText()).isEqualTo("2025-07-02T10:00:00+07:00");
        assertThat(OffsetDateTime.parse(lastApplied.get("timestamp").asText()).toInstant())
                .as("stamped when imported, not in July 2025").isAfter(Instant.parse("2025-08-01T00:00:00Z"));
        assertThat(onTheDay.getBody().get("knownAt").isNull()).isTrue();
        assertThat(thatAfternoon.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(thatAfternoon.getBody().get("asOf").asText()).isEqualTo("2025-07-16T17:00:00+07:00");
        assertThat(thatAfternoon.getBody().get("state")).isEqualTo(onTheDay.getBody().get("state"));
    }

    @Test
    void a_day_includes_everything_that_happened_on_it_and_an_instant_what_happened_at_or_before_it() {
        String dossierId = importedJulyDossier();

        assertThat(statusOf(get(state(dossierId, "asOf=2025-07-01")))).isEqualTo("RECEIVED");
        assertThat(statusOf(get(state(dossierId, "asOf=2025-07-17")))).as("supplied, not yet assigned").isEqualTo("RECEIVED");
        assertThat(statusOf(get(state(dossierId, "asOf=2025-07-18T15:00:00%2B07:00")))).isEqualTo("RESOLVED");
        assertThat(statusOf(get(state(dossierId, "asOf=2025-07-18T14:59:59.999%2B07:00"))))
                .isEqualTo("RECEIVED");
        assertThat(statusOf(get(state(dossierId, "")))).as("now, by default").isEqualTo("RESOLVED");
    }

    @Test
    void the_events_of_an_imported_stream_show_when_they_happened_beside_when_they_were_stamped_and_recorded() {
        Instant before = Instant.now().minusSeconds(1);
        String dossierId = importedJulyDossier();

        JsonNode events = get("/api/v1/audit/streams/" + dossierId + "/events").getBody().get("events");
        JsonNode first = events.get(0);

        assertThat(first.get("occurredAt").asText()).isEqualTo("2025-07-01T09:00:00+07:00");
        assertThat(first.get("timestamp").asText()).isNotEqualTo(first.get("occurredAt").asText());
        Instant previous = before;
        for (JsonNode event : events) {
            Instant recorded = OffsetDateTime.parse(event.get("recordedAt").asText()).toInstant();
            assertThat(recorded).as("recorded now, in position order").isAfterOrEqualTo(previous)
                                .isBeforeOrEqualTo(Instant.now());
            previous = recorded;
        }
        JsonNode page = get("/api/v1/audit/events?fromPosition=" + events.get(0).get("position").asLong() + "&limit=1")
                .getBody().get("events").get(0);
        assertThat(page.get("recordedAt")).isEqualTo(first.get("recordedAt"));
    }

    @Test
    void before_anything_happened_the_stream_had_not_started_and_the_answer_says_when_it_did() {
        String dossierId = importedJulyDossier();

        ResponseEntity<JsonNode> response = get(state(dossierId, "asOf=2025-06-30"));

        assertProblem(response, HttpStatus.NOT_FOUND, "stream-not-started");
        assertThat(response.getBody().get("detail").asText())
                .contains("Nothing had happened in stream '" + dossierId + "' by 2025-06-30")
                .contains("happened at 2025-07-01T09:00+07:00");
    }

    @Test
    void what_the_store_knew_on_one_day_about_an_earlier_day_leaves_out_what_it_learnt_later() throws Exception {
        String staffId = "CB-" + UUID.randomUUID().toString().substring(0, 8);
        String stream = StaffIds.streamOf(staffId);
        append(stream, "Staff", 0, new StaffRecruitedEvent(staffId, "Lê Văn Cường", "XA-A", "LAND", "officer",
                LocalDate.of(2025, 7, 1), "QD-01"));
        append(stream, "Staff", 1, new StaffTransferredEvent(staffId, "XA-A", "LAND", "XA-B", "LAND", "officer",
                LocalDate.of(2025, 7, 20), "QD-02"));
        Instant between = instantBetweenRecordings();
        append(stream, "Staff", 2, new StaffTransferredEvent(staffId, "XA-A", "LAND", "PH-C", "LAND", "officer",
                LocalDate.of(2025, 7, 10), "QD-03"));
        String knownThen = "knownAt=" + inVietnam(between);

        JsonNode knownNow = get(state(stream, "asOf=2025-07-16")).getBody();
        ResponseEntity<JsonNode> knownBefore = get(state(stream, "asOf=2025-07-16&" + knownThen));
        JsonNode laterKnownBefore = get(state(stream, "asOf=2025-07-31&" + knownThen)).getBody();

        assertThat(knownNow.get("state").get("toUnitCode").asText())
                .as("the backdated transfer, recorded last, had happened by 16 July").isEqualTo("PH-C");
        assertThat(knownNow.get("eventCount").asInt()).isEqualTo(2);
        assertThat(knownBefore.getStatusCode()).as(String.valueOf(knownBefore.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(knownBefore.getBody().get("state").get("unitCode").asText()).isEqualTo("XA-A");
        assertThat(knownBefore.getBody().get("state").has("toUnitCode"))
                .as("neither transfer: one had not happened yet, the other was not recorded yet").isFalse();
        assertThat(knownBefore.getBody().get("eventCount").asInt()).isEqualTo(1);
        assertThat(knownBefore.getBody().get("knownAt").asText()).isEqualTo(inVietnamShown(between));
        long knownPosition = knownBefore.getBody().get("knownAtPosition").asLong();
        assertThat(knownBefore.getHeaders().getFirst("X-Known-At-Position")).isEqualTo(Long.toString(knownPosition));
        assertThat(knownBefore.getBody().get("lastApplied").get("position").asLong()).isLessThanOrEqualTo(knownPosition);
        assertThat(laterKnownBefore.get("state").get("toUnitCode").asText()).isEqualTo("XA-B");
        assertThat(laterKnownBefore.get("lastApplied").get("occurredAt").asText()).isEqualTo("2025-07-20T00:00:00+07:00");
    }

    @Test
    void a_backdated_step_recorded_later_counts_by_when_it_happened_but_not_as_known_before_it_was_recorded()
            throws Exception {
        String dossierId = newDossierId();
        append(dossierId, "Dossier", 0, DossierEvents.received(dossierId));
        Instant between = instantBetweenRecordings();
        append(dossierId, "Dossier", 1, DossierEvents.resolvedEarly(dossierId));

        assertThat(statusOf(get(state(dossierId, "asOf=2025-07-05")))).isEqualTo("RESOLVED");
        assertThat(statusOf(get(state(dossierId, "asOf=2025-07-05&knownAt=" + inVietnam(between)))))
                .isEqualTo("RECEIVED");
        assertThat(statusOf(get(state(dossierId, "knownAt=" + inVietnam(between))))).isEqualTo("RECEIVED");
    }

    @Test
    void before_the_store_had_recorded_any_of_the_stream_it_knew_nothing_of_it_and_says_so() throws Exception {
        Instant before = instantBetweenRecordings();
        String dossierId = importedJulyDossier();

        ResponseEntity<JsonNode> response = get(state(dossierId, "asOf=2025-07-16&knownAt=" + inVietnam(before)));

        assertProblem(response, HttpStatus.NOT_FOUND, "stream-not-started");
        assertThat(response.getBody().get("detail").asText())
                .contains("Nothing of stream '" + dossierId + "' was recorded by")
                .contains("its first event was recorded at position");
    }

    @Test
    void a_known_at_in_the_future_or_a_malformed_time_is_a_bad_request_and_one_before_all_records_knows_nothing() {
        String dossierId = importedJulyDossier();
        String tomorrow = inVietnam(Instant.now().plus(Duration.ofDays(1)));

        assertProblem(get(state(dossierId, "knownAt=" + tomorrow)), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get(state(dossierId, "knownAt=2025-07-16")), HttpStatus.BAD_REQUEST, "invalid-input");
        assertProblem(get(state(dossierId, "knownAt=-999999999-01-01T00:00:00Z")), HttpStatus.NOT_FOUND,
                      "stream-not-started");   // a valid instant before anything was recorded
        for (String malformed : new String[] {"2025-07-32", "16-07-2025", "2025-07-16T17:00", "2025/07/16", "July",
                                              "%2B999999999-12-31"}) {
            assertProblem(get(state(dossierId, "asOf=" + malformed)), HttpStatus.BAD_REQUEST, "invalid-input");
        }
    }

    /** A dossier of the July 2025 history as an import records it today: received 1 July, paused 2-17 July, resolved 18 July. */
    private String importedJulyDossier() {
        String dossierId = newDossierId();
        append(dossierId, "Dossier", 0, DossierEvents.received(dossierId));
        append(dossierId, "Dossier", 1, new SupplementRequestedEvent(dossierId, "the land map", SUPPLEMENT_REQUESTED_AT, 1));
        append(dossierId, "Dossier", 2, new SupplementProvidedEvent(dossierId, null, SUPPLEMENT_PROVIDED_AT, 88, DUE_AT));
        append(dossierId, "Dossier", 3, new DossierResolvedEvent(dossierId, Outcome.APPROVED, "issued", RESOLVED_AT,
                DUE_AT, Timeliness.EARLY, 4.5));
        return dossierId;
    }

    /** Recorded now: the message's timestamp is the moment of appending, as for any command handled today. */
    private void append(String aggregateId, String type, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, METADATA));
    }

    /** An instant after everything appended so far was recorded and before anything appended next is. */
    private static Instant instantBetweenRecordings() throws InterruptedException {
        Thread.sleep(20);
        Instant between = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(20);
        return between;
    }

    private static String statusOf(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody().get("state").get("status").asText();
    }

    private static String state(String aggregateId, String query) {
        return "/api/v1/audit/streams/" + aggregateId + "/state" + (query.isEmpty() ? "" : "?" + query);
    }

    private static String newDossierId() {
        return "HS-BT-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** The instant as a query parameter in the business zone's offset, its '+' encoded. */
    private static String inVietnam(Instant instant) {
        return inVietnamShown(instant).replace("+", "%2B");
    }

    private static String inVietnamShown(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.ofHours(7)));
    }

    private ResponseEntity<JsonNode> get(String path) {
        return rest.getForEntity(URI.create(rest.getRootUri() + path), JsonNode.class);
    }
}
