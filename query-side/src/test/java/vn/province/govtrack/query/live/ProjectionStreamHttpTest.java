package vn.province.govtrack.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.query.dossier.DossierEvents;
import vn.province.govtrack.security.Role;

/**
 * The projection stream over the real HTTP stack, read as the dashboard reads it: every projection's
 * position on connect, then the positions moving as events are appended, keep-alive comments, the
 * refusals, the subscriber limit, and streams that end when their clients go.
 *
 * <p>A context of its own: a keep-alive of one second, so that the test need not wait fifteen, and room
 * for {@value #MAX} subscribers only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.data.mongodb.database=projection-stream",
                              "govtrack.query.stream.keep-alive=1s",
                              "govtrack.query.stream.max-subscribers=" + ProjectionStreamHttpTest.MAX})
@ExtendWith(OutputCaptureExtension.class)
class ProjectionStreamHttpTest extends QuerySideHttpTest {

    static final int MAX = 3;
    private static final Duration A_WHILE = Duration.ofSeconds(20);
    /** Every streaming event processor of the query side. */
    private static final List<String> PROJECTIONS = List.of("dossiers", "feedback", "index-766", "personnel",
                                                            "reference", "staff", "timeliness", "timeliness-index");

    @LocalServerPort
    private int port;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoEventStorageEngine engine;
    @Autowired
    private ProjectionStream stream;

    private final List<EventStreamClient> opened = new ArrayList<>();

    @BeforeEach
    void noStreamIsOpen() {
        await().atMost(A_WHILE).until(() -> stream.subscriberCount() == 0);
    }

    @AfterEach
    void closeTheStreams() throws Exception {
        for (EventStreamClient client : opened) {
            client.close();
        }
    }

    @Test
    void onConnectEveryProjectionsPositionIsSentAtOnce() {
        EventStreamClient client = open("", Role.CLIENT);

        assertThat(client.response.statusCode()).isEqualTo(200);
        assertThat(client.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        await().atMost(A_WHILE).until(() -> client.events.size() >= PROJECTIONS.size());
        assertThat(client.events.subList(0, PROJECTIONS.size()))
                .extracting(EventStreamClient.Event::projection).containsExactlyElementsOf(PROJECTIONS);
        long head = engine.headPosition();
        assertThat(client.events).allSatisfy(event -> {
            assertThat(event.name()).isEqualTo("projection");
            assertThat(event.id()).isEqualTo(Long.toString(event.position()));
            assertThat(event.data().get("head").asLong()).isBetween(event.position(), head);
            assertThat(event.data().size()).as("projection, position and head, nothing else").isEqualTo(3);
        });
    }

    @Test
    void eachProjectionsEventsShowItsPositionRisingToWhatWasAppended() {
        EventStreamClient client = open("", Role.CLERK);
        await().atMost(A_WHILE).until(() -> client.events.size() >= PROJECTIONS.size());

        long appended = appendTwoDossiers();

        for (String projection : List.of("dossiers", "timeliness", "timeliness-index")) {
            await().atMost(A_WHILE).untilAsserted(() -> assertThat(client.eventsOf(projection))
                    .extracting(EventStreamClient.Event::position).last().isEqualTo(appended));
            assertThat(client.eventsOf(projection)).extracting(EventStreamClient.Event::position)
                                                   .as("%s moves forward only", projection).isSorted();
        }
        assertThat(client.eventsOf("dossiers").get(client.eventsOf("dossiers").size() - 1).data().get("head").asLong())
                .isGreaterThanOrEqualTo(appended);
    }

    @Test
    void aStreamNarrowedToOneProjectionCarriesItsEventsOnly() {
        EventStreamClient client = open("?projection=dossiers", Role.AUDITOR);

        long appended = appendTwoDossiers();

        await().atMost(A_WHILE).untilAsserted(() -> assertThat(client.events)
                .extracting(EventStreamClient.Event::position).contains(appended));
        assertThat(client.events).extracting(EventStreamClient.Event::projection).containsOnly("dossiers");
    }

    @Test
    void aSilentStreamGetsKeepAliveComments() {
        EventStreamClient client = open("?projection=personnel", Role.HOME_AFFAIRS);

        await().atMost(A_WHILE).until(() -> client.comments.size() >= 2);
        assertThat(client.comments).containsOnly(": keep-alive");
    }

    @Test
    void withoutATokenTheStreamIsRefusedAs401() throws Exception {
        EventStreamClient client = EventStreamClient.open(url(""), null);

        assertThat(client.response.statusCode()).isEqualTo(401);
        assertThat(client.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(client.response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(client.problem().get("type").asText()).isEqualTo(PROBLEMS + "unauthenticated");
        assertThat(stream.subscriberCount()).isZero();
    }

    @Test
    void anUnknownProjectionIs404AndOpensNoStream() throws Exception {
        EventStreamClient client = open("?projection=no-such", Role.AUDITOR);

        assertThat(client.response.statusCode()).isEqualTo(404);
        assertThat(client.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(client.problem().get("type").asText()).isEqualTo(PROBLEMS + "projection-not-found");
        assertThat(stream.subscriberCount()).isZero();
    }

    @Test
    void anOverlongProjectionNameIs400() throws Exception {
        EventStreamClient client = open("?projection=" + "x".repeat(101), Role.AUDITOR);

        assertThat(client.response.statusCode()).isEqualTo(400);
        assertThat(client.problem().at("/errors/0/field").asText()).isEqualTo("projection");
    }

    @Test
    void aClientAcceptingOnlyJsonIsAnswered406() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url(""))).header("Accept", "application/json")
                           .header("Authorization", "Bearer " + token(Role.AUDITOR)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(new ObjectMapper().readTree(response.body()).get("type").asText())
                .isEqualTo(PROBLEMS + "not-acceptable");
    }

    @Test
    void beyondTheSubscriberLimitTheAnswerIs503WithRetryAfterUntilAStreamCloses() throws Exception {
        for (int i = 0; i < MAX; i++) {
            assertThat(open("", Role.AUDITOR).response.statusCode()).isEqualTo(200);
        }
        await().atMost(A_WHILE).until(() -> stream.subscriberCount() == MAX);

        EventStreamClient refused = open("", Role.AUDITOR);
        assertThat(refused.response.statusCode()).isEqualTo(503);
        assertThat(refused.response.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.problem().get("type").asText()).isEqualTo(PROBLEMS + "unavailable");

        opened.get(0).close();
        await().atMost(A_WHILE).until(() -> stream.subscriberCount() == MAX - 1);
        EventStreamClient admitted = open("", Role.AUDITOR);
        assertThat(admitted.response.statusCode()).isEqualTo(200);
        await().atMost(A_WHILE).until(() -> admitted.events.size() >= PROJECTIONS.size());
    }

    @Test
    void aClientThatGoesAwayIsDroppedWithoutAnErrorLogged(CapturedOutput output) throws Exception {
        EventStreamClient client = open("", Role.UNIT_HEAD);
        await().atMost(A_WHILE).until(() -> client.events.size() >= PROJECTIONS.size());
        assertThat(stream.subscriberCount()).isEqualTo(1);

        client.close();

        await().atMost(A_WHILE).until(() -> stream.subscriberCount() == 0);
        appendTwoDossiers(); // the positions move on with nobody to send them to
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("Request failed");
    }

    @Test
    void thePublishedApiDocumentDescribesTheStreamAndItsProblems() {
        JsonNode operation = rest.getForObject("/v3/api-docs", JsonNode.class)
                                 .at("/paths/~1api~1v1~1projections~1stream/get");

        assertThat(operation.get("summary").asText()).isNotBlank();
        assertThat(operation.at("/responses/200/content/text~1event-stream/examples/advances/value").asText())
                .contains("event: projection", "\"projection\":\"dossiers\"", ": keep-alive");
        for (String status : List.of("401", "404", "503")) {
            assertThat(operation.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(operation.get("description").asText()).endsWith("Roles: " + String.join(", ",
                List.of(Role.values()).stream().map(Role::name).toList()) + ". Projection names and positions only, "
                + "no personal data: every role, as the statistics.");
    }

    private EventStreamClient open(String query, Role role) {
        EventStreamClient client = EventStreamClient.open(url(query), token(role));
        opened.add(client);
        return client;
    }

    private String url(String query) {
        return "http://127.0.0.1:" + port + "/api/v1/projections/stream" + query;
    }

    private String token(Role role) {
        return ActingOfficials.token(minter, role, role.unitBound() ? "W-BA-DINH" : null);
    }

    /** Two dossiers received, as the command side would append them; the position of the second. */
    private long appendTwoDossiers() {
        for (int i = 0; i < 2; i++) {
            String dossierId = "HS-STREAM-" + UUID.randomUUID();
            eventStore.publish(new GenericDomainEventMessage<>("Dossier", dossierId, 0,
                    DossierEvents.received(dossierId),
                    Map.of(EventMetadata.ACTOR, "clerk.ba-dinh"), UUID.randomUUID().toString(),
                    DossierEvents.RECEIVED_AT));
        }
        return engine.headPosition();
    }
}
