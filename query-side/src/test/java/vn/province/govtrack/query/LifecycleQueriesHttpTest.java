package vn.province.govtrack.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import vn.province.govtrack.query.timeliness.HandMadeProvince;

/**
 * The dossier lists and the timeliness report as a client reads them: the hand-made province
 * (see {@link HandMadeProvince}) appended through the real engine, read through HTTP on a clock
 * that stands at Monday 21 July 2025, 08:00 Hanoi time, after every event of the province.
 *
 * <p>A context, and so a store, of its own: its clock stands still.
 */
@Import(LifecycleQueriesHttpTest.StoppedClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleQueriesHttpTest extends QuerySideHttpTest {

    @TestConfiguration
    static class StoppedClock {
        @Bean
        @Primary
        Clock stoppedClock() {
            return Clock.fixed(HandMadeProvince.at("2025-07-21T08:00"), HandMadeProvince.ZONE);
        }
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;

    /** The position of the province's last event: every query asks for it (read-your-writes). */
    private long provinceAt;

    @BeforeAll
    void appendTheProvince() {
        for (Map.Entry<String, List<Object>> stream : HandMadeProvince.streams().entrySet()) {
            long sequence = 0;
            for (Object event : stream.getValue()) {
                eventStore.publish(new GenericDomainEventMessage<>("Dossier", stream.getKey(), sequence++, event,
                        Map.of(), UUID.randomUUID().toString(), HandMadeProvince.at("2025-07-20T12:00")));
            }
        }
        provinceAt = engine.createHeadToken().position().orElseThrow();
    }

    @Nested
    class DossierLists {

        @Test
        void overdue_dossiers_are_listed_most_overdue_first_and_paused_or_extended_ones_are_not_among_them() {
            JsonNode page = ok("/api/v1/dossiers?overdue=true");

            assertThat(ids(page)).containsExactly("HS-11", "HS-08", "HS-06");
            assertThat(page.get("totalElements").asLong()).isEqualTo(3);
            assertThat(page.get("asOf").asText()).isEqualTo("2025-07-21T08:00:00+07:00");
            assertThat(page.get("next").isNull()).isTrue();
        }

        @Test
        void dossiers_due_soon_are_those_whose_clock_runs_and_whose_appointment_lies_within_the_hours_asked() {
            assertThat(ids(ok("/api/v1/dossiers?dueWithinHours=24"))).containsExactly("HS-18", "HS-17", "HS-12");
            assertThat(ids(ok("/api/v1/dossiers?dueWithinHours=2"))).containsExactly("HS-18");
        }

        @Test
        void a_unit_lists_the_dossiers_it_holds_now_including_those_transferred_to_it() {
            assertThat(ids(ok("/api/v1/dossiers?unitCode=C-SOC-SON")))
                    .containsExactly("HS-07", "HS-08", "HS-09", "HS-10", "HS-11");
            assertThat(ids(ok("/api/v1/dossiers?unitCode=W-HOAN-KIEM")))
                    .containsExactly("HS-04", "HS-05", "HS-06", "HS-17");
            assertThat(ids(ok("/api/v1/dossiers?unitCode=W-HOAN-KIEM&overdue=true"))).containsExactly("HS-06");
            assertThat(ids(ok("/api/v1/dossiers?unitCode=C-SOC-SON&overdue=false")))
                    .containsExactly("HS-07", "HS-09", "HS-10");
        }

        @Test
        void statuses_are_asked_for_by_name_or_national_code_one_or_several() {
            assertThat(ids(ok("/api/v1/dossiers?status=SUPPLEMENT_REQUESTED"))).containsExactly("HS-07");
            assertThat(ids(ok("/api/v1/dossiers?status=5"))).containsExactly("HS-07");
            assertThat(ids(ok("/api/v1/dossiers?status=resolved")))
                    .containsExactly("HS-01", "HS-02", "HS-03", "HS-04", "HS-09", "HS-16");
            assertThat(ids(ok("/api/v1/dossiers?status=RETURNED,8&status=3")))
                    .containsExactly("HS-10", "HS-14", "HS-15");
            assertThat(ids(ok("/api/v1/dossiers?status=IN_PROCESSING"))).containsExactly("HS-17");
            assertThat(ids(ok("/api/v1/dossiers?status=RECEIVED&unitCode=W-BA-DINH")))
                    .containsExactly("HS-12", "HS-13");
        }

        @Test
        void empty_filter_parameters_count_as_absent() {
            JsonNode page = ok("/api/v1/dossiers?unitCode=&status=&overdue=&dueWithinHours=");

            assertThat(page.get("totalElements").asLong()).isEqualTo(18);
        }

        @Test
        void a_list_is_paged_and_each_page_names_the_next_until_the_last() {
            JsonNode first = ok("/api/v1/dossiers?overdue=true&size=2");
            JsonNode second = ok(first.get("next").asText());

            assertThat(ids(first)).containsExactly("HS-11", "HS-08");
            assertThat(first.get("page").asInt()).isZero();
            assertThat(first.get("size").asInt()).isEqualTo(2);
            assertThat(first.get("totalElements").asLong()).isEqualTo(3);
            assertThat(first.get("totalPages").asLong()).isEqualTo(2);
            assertThat(first.get("next").asText()).isEqualTo("/api/v1/dossiers?overdue=true&page=1&size=2");
            assertThat(ids(second)).containsExactly("HS-06");
            assertThat(second.get("next").isNull()).isTrue();
        }

        @Test
        void following_next_through_every_dossier_visits_each_once_in_id_order() {
            List<String> visited = new ArrayList<>();
            String next = "/api/v1/dossiers?size=5";
            while (next != null) {
                JsonNode page = ok(next);
                visited.addAll(ids(page));
                next = page.get("next").isNull() ? null : page.get("next").asText();
            }

            assertThat(visited).hasSize(18).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void a_page_past_the_end_is_empty() {
            JsonNode page = ok("/api/v1/dossiers?page=7&size=5");

            assertThat(page.get("content")).isEmpty();
            assertThat(page.get("totalElements").asLong()).isEqualTo(18);
            assertThat(page.get("next").isNull()).isTrue();
        }

        @Test
        void a_dossier_shows_its_whole_lifecycle() {
            JsonNode extendedAndPaid = ok("/api/v1/dossiers/HS-16");
            JsonNode transferred = ok("/api/v1/dossiers/HS-11");
            JsonNode twiceSupplemented = ok("/api/v1/dossiers/HS-03");
            JsonNode stopped = ok("/api/v1/dossiers/HS-10");

            assertThat(extendedAndPaid.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(extendedAndPaid.get("dueAt").asText()).isEqualTo("2025-07-21T09:00:00+07:00");
            assertThat(extendedAndPaid.get("extensions").asInt()).isEqualTo(1);
            assertThat(extendedAndPaid.get("amountRequested").asLong()).isEqualTo(100_000);
            assertThat(extendedAndPaid.get("amountPaid").asLong()).isEqualTo(100_000);
            assertThat(extendedAndPaid.get("timeliness").asText()).isEqualTo("ON_TIME");
            assertThat(transferred.get("unitCode").asText()).isEqualTo("C-SOC-SON");
            assertThat(transferred.get("transfers").asInt()).isEqualTo(1);
            assertThat(transferred.get("clockRunning").asBoolean()).isTrue();
            assertThat(twiceSupplemented.get("supplementRequests").asInt()).isEqualTo(2);
            assertThat(twiceSupplemented.get("timeliness").asText()).isEqualTo("LATE");
            assertThat(stopped.get("statusCode").asInt()).isEqualTo(8);
            assertThat(stopped.get("stoppedAt").asText()).isEqualTo("2025-07-16T10:00:00+07:00");
        }

        @Test
        void malformed_or_contradictory_list_parameters_are_bad_requests() {
            for (String query : List.of("status=LOST", "status=11", "size=0", "size=1001", "page=-1", "page=first",
                    "dueWithinHours=0", "dueWithinHours=9000", "dueWithinHours=soon", "overdue=maybe",
                    "overdue=true&dueWithinHours=24")) {
                assertProblem(get("/api/v1/dossiers?" + query), HttpStatus.BAD_REQUEST, "invalid-input");
            }
        }
    }

    @Nested
    class Timeliness {

        @Test
        void by_unit_each_unit_has_its_row_and_the_province_total_adds_them_up() {
            ResponseEntity<JsonNode> response = get("/api/v1/timeliness?from=2025-07-01&to=2025-07-16");
            JsonNode report = response.getBody();

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(Long.parseLong(response.getHeaders().getFirst("X-Projection-Position")))
                    .isGreaterThanOrEqualTo(provinceAt);
            assertThat(report.get("groupBy").asText()).isEqualTo("unit");
            assertThat(report.get("periodStart").asText()).isEqualTo("2025-07-01T00:00:00+07:00");
            assertThat(report.get("periodEnd").asText()).isEqualTo("2025-07-17T00:00:00+07:00");
            assertThat(keys(report.get("rows")))
                    .containsExactly("C-MINH-PHU", "C-SOC-SON", "W-BA-DINH", "W-HOAN-KIEM");
            assertRow(report.get("rows").get(2), "W-BA-DINH", 7, 4, 1, 1, 2, 2, 0);
            assertThat(report.get("rows").get(2).get("avgProcessingDays").asDouble()).isEqualTo(4.14);
            assertRow(report.get("rows").get(3), "W-HOAN-KIEM", 4, 1, 0, 1, 0, 3, 1);
            JsonNode total = report.get("total");
            assertRow(total, "PROVINCE", 14, 6, 1, 3, 2, 9, 3);
            assertThat(total.get("onTimeRate").asDouble()).isEqualTo(0.6667);
            assertThat(total.get("progressScore").asDouble()).isEqualTo(13.33);
            assertThat(total.get("avgProcessingDays").asDouble()).isEqualTo(3.42);
            assertThat(total.get("maxScore").asInt()).isEqualTo(20);
            assertThat(report.get("rows").get(0).get("onTimeRate").isNull()).as("nothing resolved, no rate").isTrue();
        }

        @Test
        void by_field_and_by_procedure_the_rows_add_up_to_the_same_total() {
            JsonNode byField = ok("/api/v1/timeliness?groupBy=field&from=2025-07-01&to=2025-07-16");
            JsonNode byProcedure = ok("/api/v1/timeliness?groupBy=PROCEDURE&from=2025-07-01&to=2025-07-16");

            assertThat(keys(byField.get("rows"))).containsExactly("JUSTICE", "LAND");
            assertRow(byField.get("rows").get(1), "LAND", 9, 4, 1, 2, 1, 5, 2);
            assertThat(keys(byProcedure.get("rows"))).containsExactly("1.000123", "1.004227", "2.000001");
            assertThat(byProcedure.get("groupBy").asText()).isEqualTo("procedure");
            assertThat(byField.get("total")).isEqualTo(byProcedure.get("total"));
        }

        @Test
        void one_unit_drills_down_by_field() {
            JsonNode report = ok("/api/v1/timeliness?groupBy=field&unitCode=W-BA-DINH&from=2025-07-01&to=2025-07-16");

            assertThat(report.get("unitCode").asText()).isEqualTo("W-BA-DINH");
            assertRow(report.get("rows").get(0), "JUSTICE", 2, 1, 0, 0, 1, 1, 0);
            assertRow(report.get("rows").get(1), "LAND", 5, 3, 1, 1, 1, 1, 0);
            assertRow(report.get("total"), "W-BA-DINH", 7, 4, 1, 1, 2, 2, 0);
        }

        @Test
        void an_earlier_period_judges_what_was_open_at_its_own_end() {
            JsonNode report = ok("/api/v1/timeliness?from=2025-07-01&to=2025-07-05");

            assertRow(report.get("total"), "PROVINCE", 5, 1, 1, 0, 0, 5, 1);
        }

        @Test
        void without_dates_the_period_runs_from_the_first_of_this_month_to_today() {
            JsonNode report = ok("/api/v1/timeliness");

            assertThat(report.get("from").asText()).isEqualTo("2025-07-01");
            assertThat(report.get("to").asText()).isEqualTo("2025-07-21");
            assertThat(report.get("total").get("received").asLong()).isEqualTo(15);
        }

        @Test
        void the_ranking_orders_units_by_on_time_rate_with_ties_sharing_a_rank() {
            JsonNode ranking = ok("/api/v1/timeliness/ranking?from=2025-07-01&to=2025-07-16");

            JsonNode units = ranking.get("units");
            assertThat(keys(units, "unitCode")).containsExactly("C-SOC-SON", "W-HOAN-KIEM", "W-BA-DINH", "C-MINH-PHU");
            assertThat(StreamSupport.stream(units.spliterator(), false).map(unit -> unit.get("rank"))
                                    .map(rank -> rank.isNull() ? null : rank.asInt()).toList())
                    .containsExactly(1, 1, 3, null);
            assertThat(units.get(2).get("onTimeRate").asDouble()).isEqualTo(0.5);
            assertThat(units.get(2).get("progressScore").asDouble()).isEqualTo(10.0);
        }

        @Test
        void malformed_or_inverted_periods_and_unknown_groupings_are_bad_requests() {
            for (String path : List.of("/api/v1/timeliness?groupBy=district",
                    "/api/v1/timeliness?from=2025-07-17&to=2025-07-16", "/api/v1/timeliness?from=2025-7-1",
                    "/api/v1/timeliness?to=2025-02-30", "/api/v1/timeliness?from=yesterday",
                    "/api/v1/timeliness?from=%2B12025-01-01", "/api/v1/timeliness?from=2025-08-01",
                    "/api/v1/timeliness/ranking?from=2025-07-17&to=2025-07-16",
                    "/api/v1/timeliness/ranking?to=16/07/2025")) {
                assertProblem(get(path), HttpStatus.BAD_REQUEST, "invalid-input");
            }
        }

        @Test
        void a_rebuild_of_the_timeliness_projection_gives_the_same_facts_and_the_same_report() {
            awaitCaughtUp("timeliness");
            List<Document> factsBefore = facts();
            JsonNode reportBefore = ok("/api/v1/timeliness?groupBy=procedure&from=2025-06-01&to=2025-07-31");
            factCollection().updateOne(Filters.eq("_id", "HS-01"), Updates.set("verdict", "LATE"));

            ResponseEntity<JsonNode> accepted = rest.postForEntity("/api/v1/admin/projections/timeliness/rebuild",
                    null, JsonNode.class);

            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            awaitCaughtUp("timeliness");
            assertThat(facts()).isEqualTo(factsBefore);
            assertThat(ok("/api/v1/timeliness?groupBy=procedure&from=2025-06-01&to=2025-07-31"))
                    .isEqualTo(reportBefore);
        }
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode ok(String path) {
        ResponseEntity<JsonNode> response = get(path);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Every query waits for the whole province (read-your-writes), as a client that just wrote it would. */
    private ResponseEntity<JsonNode> get(String path) {
        String separator = path.contains("?") ? "&" : "?";
        return rest.getForEntity(URI.create(rest.getRootUri() + path + separator + "minPosition=" + provinceAt),
                JsonNode.class);
    }

    private static List<String> ids(JsonNode page) {
        return keys(page.get("content"), "dossierId");
    }

    private static List<String> keys(JsonNode rows) {
        return keys(rows, "key");
    }

    private static List<String> keys(JsonNode rows, String field) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.get(field).asText()).toList();
    }

    private static void assertRow(JsonNode row, String key, long received, long resolved, long early, long onTime,
                                  long late, long pending, long overdue) {
        assertThat(row.get("key").asText()).isEqualTo(key);
        assertThat(List.of(row.get("received").asLong(), row.get("resolved").asLong(), row.get("early").asLong(),
                row.get("onTime").asLong(), row.get("late").asLong(), row.get("pending").asLong(),
                row.get("overdue").asLong()))
                .as("received, resolved, early, onTime, late, pending, overdue of %s", key)
                .containsExactly(received, resolved, early, onTime, late, pending, overdue);
    }

    private List<Document> facts() {
        return factCollection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private MongoCollection<Document> factCollection() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("timeliness_fact");
    }

    private void awaitCaughtUp(String name) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = rest.getForObject("/api/v1/admin/projections", JsonNode.class).get("projections");
            JsonNode status = StreamSupport.stream(list.spliterator(), false)
                                           .filter(p -> p.get("name").asText().equals(name)).findFirst()
                                           .orElseThrow(() -> new AssertionError("no projection " + name));
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(provinceAt);
        });
    }
}
