package vn.province.govtrack.query.index766;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.province.govtrack.query.index766.HandScoredMonth.D1;
import static vn.province.govtrack.query.index766.HandScoredMonth.W1;
import static vn.province.govtrack.query.index766.HandScoredMonth.W2;
import static vn.province.govtrack.query.index766.HandScoredMonth.X;
import static vn.province.govtrack.query.index766.HandScoredMonth.at;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.query.index766.HandScoredMonth.Recorded;
import vn.province.govtrack.query.index766.Index766Rules.Indicator;
import vn.province.govtrack.query.projection.ConsistencyProperties;
import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.query.timeliness.MonthlyProgress;
import vn.province.govtrack.security.Role;

/**
 * {@code GET /api/v1/index-766} over {@link HandScoredMonth}'s September 2025, every point worked out by hand
 * below; the same answers after a rebuild and after a replay from the store; and as known at an instant.
 *
 * <p>A database of its own: the index counts the province's procedures and units, which other tests add to
 * the shared one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "spring.data.mongodb.database=index-766")
class Index766HttpTest extends QuerySideHttpTest {

    private static final String SEPTEMBER = "period=" + HandScoredMonth.PERIOD;

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    ServiceQualityIndex index;
    @Autowired
    Index766Ledger ledger;
    @Autowired
    MonthlyProgress progress;
    @Autowired
    ProjectionPositions positions;
    @Autowired
    ConsistencyProperties consistency;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    private final Map<String, Long> sequences = new HashMap<>();

    @BeforeAll
    void recordTheMonth() {
        HandScoredMonth.events().forEach(this::append);
        awaitCaughtUp();
    }

    @Test
    void the_province_scores_the_points_worked_out_by_hand() {
        JsonNode answer = ok("/api/v1/index-766?" + SEPTEMBER);

        assertThat(answer.get("period").asText()).isEqualTo("2025-09");
        assertThat(answer.has("knownAt")).as("an answer as known then is the answer given then, byte for byte").isFalse();
        assertThat(answer.get("maxScore").asInt()).isEqualTo(100);
        assertThat(answer.has("units")).as("units only with groupBy=unit").isFalse();
        assertThat(lines(answer.get("province"))).containsExactly(
                // procedures in scope P1, P2, P3; P4 published in October
                "DISCLOSURE 11.0 of 18",
                "PUBLISHED_ON_TIME 2/3 4.0",           // P2 published after it took effect: 6 × 2/3
                "UPDATED_ON_TIME 1/2 3.0",             // U1 on time, U2 late: 6 × 1/2
                "CONTENT_COMPLETE 2/3 4.0",            // P1, and P2 after U1; P3 discloses three elements
                "PROGRESS 15.0 of 20",
                "ON_TIME 3/4 15.0",                    // A early, C and E on time, B late: 20 × 3/4
                "DIGITISATION 9.75 of 22",
                "ELECTRONIC_RESULTS 2/4 3.0",          // A, C (issued in October) of A, B, C, E: 6 × 2/4
                "DIGITISED_DOSSIERS 2/4 3.0",          // A, B (its last record) of A, B, C, D
                "REUSED_DATA 1/4 1.25",                // A: 5 × 1/4
                "POPULATION_DATA 2/4 2.5",             // A, B: 5 × 2/4
                "ONLINE 17.0 of 22",
                "PROCEDURES_ONLINE 2/3 4.0",           // P1 FULL, P2 PARTIAL after U1; P3 NONE after U2
                "ONLINE_DOSSIERS 2/3 10.0",            // A, D of A, C, D: 2/3 ≥ 0.5, full points
                "ONLINE_PAYMENTS 1/2 3.0",             // A's of A's and B's
                "SATISFACTION 6.67 of 18",
                "FEEDBACK_ON_TIME 1/3 2.0",            // F1 on time, F2 late, F3 past due; F4 due in October
                "SERVICE_SATISFACTION null/null 1.67", // 1 − 1/4 late − 2/4 complaints = 0.25; 6 × 0.25 / 0.9
                "RATINGS 1/2 3.0");                    // A's 5 of A's 5 and B's 3
        // 11 + 15 + 9.75 + 17 + 6.67
        assertThat(answer.at("/province/score").asDouble()).isEqualTo(59.42);
        assertThat(answer.at("/province/pointsLost").asDouble()).isEqualTo(40.58);
        JsonNode satisfaction = indicator(answer.get("province"), "SERVICE_SATISFACTION");
        assertThat(satisfaction.get("ratio").asDouble()).isEqualTo(0.25);
        assertThat(satisfaction.get("fullAt").asDouble()).isEqualTo(0.9);
        assertThat(satisfaction.get("deductions").toString()).isEqualTo("[{\"name\":\"LATE\",\"numerator\":1,"
                + "\"denominator\":4,\"ratio\":0.25},{\"name\":\"COMPLAINTS\",\"numerator\":2,\"denominator\":4,"
                + "\"ratio\":0.5}]");
        JsonNode online = indicator(answer.get("province"), "ONLINE_DOSSIERS");
        assertThat(online.get("ratio").asDouble()).isEqualTo(0.6667);
        assertThat(online.get("fullAt").asDouble()).isEqualTo(0.5);
        assertThat(online.get("pointsLost").asDouble()).isZero();
    }

    @Test
    void each_unit_scores_its_own_points_and_the_units_are_ranked_on_their_totals() {
        JsonNode answer = ok("/api/v1/index-766?" + SEPTEMBER + "&groupBy=unit");

        JsonNode units = answer.get("units");
        assertThat(codes(units)).as("X was dissolved on 15 August").containsExactly(D1, W1, W2);
        assertThat(units.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(units.get(1).get("rank").asInt()).isEqualTo(2);
        assertThat(units.get(2).get("rank").isNull()).as("W2 received and ended nothing").isTrue();
        assertThat(units.get(1).get("unitName").asText()).isEqualTo("Phường Một");
        assertThat(units.get(1).get("unitKind").asText()).isEqualTo("WARD");
        assertThat(lines(units.get(1))).as("W1, a ward: the commune procedures P1 and P2").containsExactly(
                "DISCLOSURE 15.0 of 18",
                "PUBLISHED_ON_TIME 1/2 3.0",
                "UPDATED_ON_TIME 1/1 6.0",
                "CONTENT_COMPLETE 2/2 6.0",
                "PROGRESS 13.33 of 20",
                "ON_TIME 2/3 13.33",                   // A early, E on time, B late: 20 × 2/3
                "DIGITISATION 8.75 of 22",
                "ELECTRONIC_RESULTS 1/3 2.0",          // A of A, B, E; C was resolved at D1
                "DIGITISED_DOSSIERS 2/4 3.0",
                "REUSED_DATA 1/4 1.25",
                "POPULATION_DATA 2/4 2.5",
                "ONLINE 19.0 of 22",
                "PROCEDURES_ONLINE 2/2 6.0",
                "ONLINE_DOSSIERS 2/3 10.0",
                "ONLINE_PAYMENTS 1/2 3.0",
                "SATISFACTION 6.11 of 18",
                "FEEDBACK_ON_TIME 1/3 2.0",
                "SERVICE_SATISFACTION null/null 1.11", // 1 − 1/3 − 2/4 = 1/6; 6 × (1/6) / 0.9 = 1.111…
                "RATINGS 1/2 3.0");
        // 15 + 13.33 + 8.75 + 19 + 6.11
        assertThat(units.get(1).get("score").asDouble()).isEqualTo(62.19);
        assertThat(lines(units.get(0))).as("D1, a department: the provincial procedure P3").containsExactly(
                "DISCLOSURE 6.0 of 18",
                "PUBLISHED_ON_TIME 1/1 6.0",
                "UPDATED_ON_TIME 0/1 0.0",
                "CONTENT_COMPLETE 0/1 0.0",
                "PROGRESS 20.0 of 20",
                "ON_TIME 1/1 20.0",                    // C
                "DIGITISATION 22.0 of 22",
                "ELECTRONIC_RESULTS 1/1 6.0",
                "DIGITISED_DOSSIERS 0/0 6.0 not counted",
                "REUSED_DATA 0/0 5.0 not counted",
                "POPULATION_DATA 0/0 5.0 not counted",
                "ONLINE 16.0 of 22",
                "PROCEDURES_ONLINE 0/1 0.0",
                "ONLINE_DOSSIERS 0/0 10.0 not counted",
                "ONLINE_PAYMENTS 0/0 6.0 not counted",
                "SATISFACTION 18.0 of 18",
                "FEEDBACK_ON_TIME 0/0 6.0 not counted", // F4 is due in October
                "SERVICE_SATISFACTION null/null 6.0",  // 1 − 0/1 late − no receipts: 1
                "RATINGS 0/0 6.0 not counted");
        assertThat(units.get(0).get("score").asDouble()).isEqualTo(82.0);
        // 15 + 20 + 22 + 22 + 18: every unscored indicator at full points, and still no rank
        assertThat(units.get(2).get("score").asDouble()).isEqualTo(97.0);

        JsonNode ranking = ok("/api/v1/index-766/ranking?" + SEPTEMBER);
        assertThat(ranking.get("units")).isEqualTo(units);
    }

    @Test
    void on_time_is_the_timeliness_reports_progress_score_for_the_same_month_and_unit() {
        JsonNode index = ok("/api/v1/index-766?" + SEPTEMBER + "&groupBy=unit");
        JsonNode timeliness = ok("/api/v1/timeliness?groupBy=unit&from=2025-09-01&to=2025-09-30");

        Map<String, Double> progressScores = new LinkedHashMap<>();
        timeliness.get("rows").forEach(row -> progressScores.put(row.get("key").asText(),
                row.get("progressScore").asDouble()));
        assertThat(progressScores).containsOnlyKeys(W1, D1);
        for (JsonNode unit : index.get("units")) {
            String code = unit.get("unitCode").asText();
            if (progressScores.containsKey(code)) {
                assertThat(indicator(unit, "ON_TIME").get("points").asDouble()).as(code)
                        .isEqualTo(progressScores.get(code));
            }
        }
        assertThat(indicator(index.get("province"), "ON_TIME").get("points").asDouble())
                .isEqualTo(timeliness.at("/total/progressScore").asDouble());
    }

    @Test
    void the_evidence_lists_what_each_count_stands_for_with_its_position() {
        JsonNode digitised = ok("/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=DIGITISED_DOSSIERS&unitCode="
                + W1);

        assertThat(digitised.get("numerator").asLong()).isEqualTo(2);
        assertThat(digitised.get("denominator").asLong()).isEqualTo(4);
        assertThat(digitised.get("total").asLong()).isEqualTo(4);
        List<String> rows = new ArrayList<>();
        digitised.get("rows").forEach(row -> rows.add(row.get("kind").asText() + " " + row.get("id").asText() + " "
                + row.get("inNumerator").asBoolean() + " " + row.get("inDenominator").asBoolean()));
        assertThat(rows).containsExactly("DOSSIER IX-A true true", "DOSSIER IX-B true true",
                "DOSSIER IX-C false true", "DOSSIER IX-D false true");
        long lastOfB = positionOf(digitised, "IX-B");
        JsonNode events = ok("/api/v1/audit/events?fromPosition=" + lastOfB + "&limit=1");
        assertThat(events.toString()).as("B counts from its second digitisation record")
                                     .contains("DossierDigitisedEvent").contains("\"digitisedParts\":3");

        JsonNode updates = ok("/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=UPDATED_ON_TIME");
        assertThat(updates.get("rows")).extracting(row -> row.get("kind").asText() + " " + row.get("id").asText()
                                                          + " " + row.get("inNumerator").asBoolean())
                                       .containsExactly("UPDATE IX-P3 false", "UPDATE IX-P2 true");
        JsonNode payments = ok("/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=ONLINE_PAYMENTS&page=1&size=1");
        assertThat(payments.get("total").asLong()).isEqualTo(2);
        assertThat(payments.get("numerator").asLong()).isEqualTo(1);
        assertThat(payments.at("/rows/0/id").asText()).isEqualTo("IX-B");
        assertThat(payments.at("/rows/0/kind").asText()).isEqualTo("PAYMENT");
    }

    @Test
    void a_rebuild_and_a_replay_from_the_store_answer_what_the_ledger_answered_before() throws InterruptedException {
        Map<String, String> before = everyAnswer();
        // a unit only this instance's ledger knows, at no position of the store: only a reset forgets it
        ledger.apply(head() + 1_000_000, new UnitRegisteredEvent("IX-GHOST", "Ghost", UnitKind.COMMUNE), Instant.now());
        assertThat(ok("/api/v1/index-766?" + SEPTEMBER + "&groupBy=unit").toString()).contains("IX-GHOST");

        ResponseEntity<JsonNode> accepted = rest.postForEntity("/api/v1/admin/projections/index-766/rebuild", null,
                JsonNode.class);
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        // a position read before the rebuild may be reused for one poll interval (ReadYourWrites)
        Thread.sleep(consistency.pollInterval().multipliedBy(2).toMillis());
        awaitCaughtUp();

        assertThat(everyAnswer()).isEqualTo(before);

        // a start: a ledger of its own replays the store from the first event
        Index766Ledger replayed = new Index766Ledger(HandScoredMonth.ZONE);
        try (var stream = engine.readEvents(null, false)) {
            stream.forEach(message -> replayed.apply(message.trackingToken().position().orElseThrow(),
                    message.getPayload(), message.getTimestamp()));
        }
        ServiceQualityIndex afterStart = new ServiceQualityIndex(replayed, progress);
        Instant now = Instant.now();
        YearMonth september = YearMonth.of(2025, 9);
        assertThat(afterStart.month(september, OptionalLong.empty(), now))
                .isEqualTo(index.month(september, OptionalLong.empty(), now));
    }

    @Test
    void the_ledger_shows_in_the_projections_list_with_its_position_and_progress() {
        JsonNode ledger = ok("/api/v1/admin/projections/" + Index766Projection.PROCESSING_GROUP);

        assertThat(ledger.get("position").asLong()).isPositive();
        assertThat(ledger.get("progress").asInt()).isBetween(0, 100);
        assertThat(ledger.get("state").asText()).isIn("REPLAYING", "CATCHING_UP", "CAUGHT_UP");
        assertThat(ok("/actuator/health/readiness").get("status").asText()).as("index766 is in the group")
                                                                        .isEqualTo("UP");
    }

    @Test
    void an_answer_as_known_at_an_instant_is_the_answer_given_then() throws InterruptedException {
        String november = "period=2025-11";
        List<String> questions = List.of("/api/v1/index-766?" + november + "&groupBy=unit",
                "/api/v1/index-766/ranking?" + november,
                "/api/v1/index-766/evidence?" + november + "&indicator=DIGITISED_DOSSIERS&unitCode=" + W1,
                "/api/v1/index-766/evidence?" + november + "&indicator=FEEDBACK_ON_TIME",
                "/api/v1/index-766/evidence?" + november + "&indicator=PROCEDURES_ONLINE");
        append(new Recorded("Dossier", "IX-N1", HandScoredMonth.received("IX-N1", "IX-P1", Channel.IN_PERSON,
                "2025-11-03T09:00")));
        append(new Recorded("Feedback", "feedback:IX-FN1", HandScoredMonth.feedback("IX-FN1", FeedbackKind.COMPLAINT,
                W1, "2025-11-04T09:00", "2025-11-18T09:00")));
        awaitCaughtUp();
        Map<String, JsonNode> answeredThen = new HashMap<>();
        for (String question : questions) {
            answeredThen.put(question, ok(question));
        }
        Thread.sleep(20);
        Instant then = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(20);

        append(new Recorded("Dossier", "IX-N1", new DossierDigitisedEvent("IX-N1", 2, 2, 1, true,
                at("2025-11-03T10:00"))));
        append(new Recorded("Dossier", "IX-N1", HandScoredMonth.resolved("IX-N1", "2025-11-05T10:00",
                Timeliness.EARLY)));
        append(new Recorded("Feedback", "feedback:IX-FN1", new FeedbackAnsweredEvent("IX-FN1", W1, "answered",
                at("2025-11-10T09:00"), at("2025-11-18T09:00"), true)));
        append(new Recorded("Dossier", "IX-N2", HandScoredMonth.received("IX-N2", "IX-P2", Channel.ONLINE,
                "2025-11-04T09:00")));
        append(new Recorded("Procedure", "procedure:IX-P1", new ProcedureUpdatedEvent("IX-P1", OnlineLevel.NONE,
                EnumSet.allOf(ProcedureContent.class),
                LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 20), "portal withdrawn")));
        long head = head();
        awaitCaughtUp();

        for (String question : questions) {
            JsonNode now = ok(question + "&minPosition=" + head);
            ResponseEntity<JsonNode> knownThen = rest.getForEntity(URI.create(rest.getRootUri() + question
                    + "&knownAt=" + then), JsonNode.class);

            assertThat(knownThen.getStatusCode()).as(String.valueOf(knownThen.getBody())).isEqualTo(HttpStatus.OK);
            assertThat(now).as("%s asked plainly", question).isNotEqualTo(answeredThen.get(question));
            assertThat(knownThen.getBody()).as("%s known at %s", question, then).isEqualTo(answeredThen.get(question));
            assertThat(knownThen.getHeaders().getFirst("X-Known-At-Position")).isNotNull();
        }
    }

    @Test
    void a_malformed_question_is_answered_400_and_an_unknown_unit_404() {
        for (String path : List.of("/api/v1/index-766", "/api/v1/index-766?period=", "/api/v1/index-766?period=2025-13",
                "/api/v1/index-766?period=2025-7", "/api/v1/index-766?period=July",
                "/api/v1/index-766?period=2025-09-01", "/api/v1/index-766?" + SEPTEMBER + "&groupBy=field",
                "/api/v1/index-766/ranking?period=2025", "/api/v1/index-766/ranking?" + SEPTEMBER + "&knownAt=yesterday",
                "/api/v1/index-766?" + SEPTEMBER + "&knownAt=" + Instant.now().plus(1, ChronoUnit.HOURS),
                "/api/v1/index-766/evidence?" + SEPTEMBER,
                "/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=PROGRESS",
                "/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=ON_TIME",
                "/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=RATINGS&page=-1",
                "/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=RATINGS&size=0",
                "/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=RATINGS&size=1001",
                "/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=RATINGS&unitCode=a%20b")) {
            assertProblem(rest.getForEntity(URI.create(rest.getRootUri() + path), JsonNode.class),
                    HttpStatus.BAD_REQUEST, "invalid-input");
        }
        ResponseEntity<JsonNode> onTime = rest.getForEntity(URI.create(rest.getRootUri()
                + "/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=ON_TIME"), JsonNode.class);
        assertThat(onTime.getBody().get("detail").asText()).contains("/api/v1/timeliness");
        assertProblem(rest.getForEntity(URI.create(rest.getRootUri() + "/api/v1/index-766/evidence?" + SEPTEMBER
                + "&indicator=RATINGS&unitCode=NOWHERE"), JsonNode.class), HttpStatus.NOT_FOUND, "unit-not-found");
        assertThat(ok("/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=RATINGS&unitCode=" + X).get("total")
                .asLong()).as("a unit dissolved before the month is known, with nothing counted").isZero();
    }

    // ------------------------------------------------------------------ helpers

    /** Each group as "GROUP points of max", followed by its indicators as "INDICATOR n/d points". */
    private static List<String> lines(JsonNode scored) {
        List<String> lines = new ArrayList<>();
        for (JsonNode group : scored.get("groups")) {
            lines.add(group.get("group").asText() + " " + group.get("points").asDouble() + " of "
                      + group.get("maxPoints").asInt());
            assertThat(group.get("pointsLost").asDouble()).isEqualTo(
                    BigDecimal.valueOf(group.get("maxPoints").asInt())
                                        .subtract(BigDecimal.valueOf(group.get("points").asDouble()))
                                        .doubleValue());
            for (JsonNode indicator : group.get("indicators")) {
                lines.add(indicator.get("indicator").asText() + " " + indicator.get("numerator").asText() + "/"
                          + indicator.get("denominator").asText() + " " + indicator.get("points").asDouble()
                          + (indicator.get("counted").asBoolean() ? "" : " not counted"));
            }
        }
        return lines;
    }

    private static JsonNode indicator(JsonNode scored, String name) {
        for (JsonNode group : scored.get("groups")) {
            for (JsonNode indicator : group.get("indicators")) {
                if (indicator.get("indicator").asText().equals(name)) {
                    return indicator;
                }
            }
        }
        throw new AssertionError("no indicator " + name);
    }

    private static List<String> codes(JsonNode units) {
        List<String> codes = new ArrayList<>();
        units.forEach(unit -> codes.add(unit.get("unitCode").asText()));
        return codes;
    }

    private static long positionOf(JsonNode evidence, String id) {
        for (JsonNode row : evidence.get("rows")) {
            if (row.get("id").asText().equals(id)) {
                return row.get("position").asLong();
            }
        }
        throw new AssertionError("no row " + id);
    }

    /** The province's and every unit's answer, and every indicator's evidence but ON_TIME's, as bytes. */
    private Map<String, String> everyAnswer() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String question : List.of("/api/v1/index-766?" + SEPTEMBER, "/api/v1/index-766?" + SEPTEMBER
                + "&groupBy=unit", "/api/v1/index-766/ranking?" + SEPTEMBER)) {
            answers.put(question, ok(question).toString());
        }
        for (Indicator indicator : Indicator.values()) {
            if (indicator != Indicator.ON_TIME) {
                for (String unit : List.of("", "&unitCode=" + W1, "&unitCode=" + D1)) {
                    String question = "/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=" + indicator + unit;
                    answers.put(question, ok(question).toString());
                }
            }
        }
        return answers;
    }


    /** The rows name dossiers and feedback: a clerk or unit head lists its own unit's, as it lists its dossiers. */
    @Test
    void a_clerk_reads_the_evidence_of_its_own_unit_only() {
        String question = "/api/v1/index-766/evidence?" + SEPTEMBER + "&indicator=DIGITISED_DOSSIERS";
        HttpHeaders clerk = new HttpHeaders();
        clerk.setBearerAuth(ActingOfficials.token(minter, Role.CLERK, W1));

        ResponseEntity<JsonNode> own = rest.exchange(question, HttpMethod.GET, new HttpEntity<>(clerk), JsonNode.class);
        ResponseEntity<JsonNode> other = rest.exchange(question + "&unitCode=" + W2, HttpMethod.GET,
                                                       new HttpEntity<>(clerk), JsonNode.class);

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().get("unitCode").asText()).isEqualTo(W1);
        assertThat(own.getBody()).isEqualTo(ok(question + "&unitCode=" + W1));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ok(question).get("unitCode").isNull()).as("the auditor's: the province").isTrue();
    }

    /**
     * The index reads the ledger and the timeliness index: asked for a position the ledger has reached but the
     * timeliness index has not, the answer says it is stale, never passes for current.
     */
    @Test
    void a_minimum_position_waits_for_the_timeliness_index_as_well_as_the_ledger() {
        awaitCaughtUp();
        StreamingEventProcessor timeliness = eventProcessing
                .eventProcessor(MonthlyProgress.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        String question = "/api/v1/index-766?" + SEPTEMBER + "&minPosition=";
        long head;
        timeliness.shutDown();
        try {
            append(new Recorded("Unit", "unit:RYW", new StaffingQuotaSetEvent("RYW", "IT", 1,
                    LocalDate.of(2025, 1, 1), "QD-RYW")));
            head = head();
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> positions.current(Index766Projection.PROCESSING_GROUP).position() >= head);

            ResponseEntity<JsonNode> behind = rest.getForEntity(URI.create(rest.getRootUri() + question + head),
                                                                JsonNode.class);

            assertThat(behind.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(behind.getHeaders().getFirst("X-Projection-Stale")).isEqualTo("true");
            assertThat(Long.parseLong(behind.getHeaders().getFirst("X-Projection-Position"))).isLessThan(head);
        } finally {
            timeliness.start();
        }

        ResponseEntity<JsonNode> caughtUp = rest.getForEntity(URI.create(rest.getRootUri() + question + head),
                                                              JsonNode.class);
        assertThat(caughtUp.getHeaders().getFirst("X-Projection-Stale")).isNull();
        assertThat(Long.parseLong(caughtUp.getHeaders().getFirst("X-Projection-Position"))).isGreaterThanOrEqualTo(head);
    }

    private JsonNode ok(String path) {
        ResponseEntity<JsonNode> response = rest.getForEntity(URI.create(rest.getRootUri() + path), JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("X-Projection-Stale")).as("GET %s", path).isNull();
        return response.getBody();
    }

    /** Waits until this instance's ledger and timeliness index have processed the head. */
    private void awaitCaughtUp() {
        long head = head();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(positions.current(Index766Projection.PROCESSING_GROUP).position()).isGreaterThanOrEqualTo(head);
            assertThat(positions.current(MonthlyProgress.PROCESSOR).position()).isGreaterThanOrEqualTo(head);
        });
    }

    private void append(Recorded recorded) {
        long sequence = sequences.merge(recorded.streamId(), 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>(recorded.aggregateType(), recorded.streamId(), sequence,
                recorded.event(), Map.of(), UUID.randomUUID().toString(), Instant.now()));
    }

    private long head() {
        return engine.createHeadToken().position().orElseThrow();
    }
}
