package vn.province.govtrack.simulator.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Http;

/**
 * Times the query side's report and deadline endpoints, the questions issue 11 wants answered in
 * milliseconds whatever the size of the store: {@code GET /timeliness} by unit, field and procedure
 * over a day, a week, a month and a year, province-wide and for one unit; the unit ranking over the
 * same periods; the national index 766 of the last day's month, province-wide, by unit, and by unit as known
 * at an instant; the overdue and due-soon dossier lists; the staffing audit. Every period ends on the
 * loaded period's last day, so the year holds everything loaded at every size.
 *
 * <p>Requests are sequential, as the auditor reads them, and interleaved: one request of each group
 * in turn, so that a pause of the machine falls on every group alike. Each group is first asked once
 * to see how much it answers, then gets untimed warm-up requests. The time is the client's, from
 * sending the request to the last byte of the answer (not parsing it).
 */
final class EndpointLatencies {

    /** One group of requests: a name for the report and the path (with query) sent. */
    record Endpoint(String name, String path) {
    }

    private static final String[] GROUPINGS = {"unit", "field", "procedure"};

    private EndpointLatencies() {
    }

    /** The groups timed for a size whose dossiers run from {@code scenario}'s first to last day. */
    static List<Endpoint> endpoints(Scenario scenario, String unitCode) {
        LocalDate last = scenario.lastDay();
        Map<String, LocalDate> periods = new LinkedHashMap<>();
        periods.put("day", last);
        periods.put("week", last.minusDays(6));
        periods.put("month", last.minusMonths(1).plusDays(1));
        periods.put("year", last.minusYears(1).plusDays(1));
        List<Endpoint> endpoints = new ArrayList<>();
        for (String grouping : GROUPINGS) {
            periods.forEach((period, first) -> {
                String path = "/api/v1/timeliness?groupBy=" + grouping + "&from=" + first + "&to=" + last;
                endpoints.add(new Endpoint("/timeliness by " + grouping + ", " + period + ", province", path));
                endpoints.add(new Endpoint("/timeliness by " + grouping + ", " + period + ", one unit",
                                           path + "&unitCode=" + unitCode));
            });
        }
        periods.forEach((period, first) -> endpoints.add(new Endpoint(
                "/timeliness/ranking, " + period, "/api/v1/timeliness/ranking?from=" + first + "&to=" + last)));
        String month = YearMonth.from(last).toString();
        endpoints.add(new Endpoint("/index-766, " + month + ", province", "/api/v1/index-766?period=" + month));
        endpoints.add(new Endpoint("/index-766 by unit, " + month, "/api/v1/index-766?period=" + month
                                                                   + "&groupBy=unit"));
        // as known when the loading was over: the same counts, through the ledger's and the index's knownAt path
        endpoints.add(new Endpoint("/index-766 by unit, " + month + ", knownAt", "/api/v1/index-766?period=" + month
                                   + "&groupBy=unit&knownAt=" + Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        endpoints.add(new Endpoint("/dossiers?overdue=true", "/api/v1/dossiers?overdue=true"));
        endpoints.add(new Endpoint("/dossiers?dueWithinHours=24", "/api/v1/dossiers?dueWithinHours=24"));
        endpoints.add(new Endpoint("/personnel/audit", "/api/v1/personnel/audit"));
        return endpoints;
    }

    /**
     * The unit that received the most dossiers over the whole loaded period, as the query side counts
     * them: the one-unit requests ask about a real unit, and its busiest.
     */
    static String busiestUnit(Http queries, Scenario scenario) {
        Answer answer = queries.get("/api/v1/timeliness?groupBy=unit&from=" + scenario.firstDay() + "&to="
                                    + scenario.lastDay());
        if (!answer.ok()) {
            throw new IllegalStateException("GET /timeliness answered " + answer.status() + ": " + answer.problem());
        }
        String busiest = null;
        long most = -1;
        for (JsonNode row : answer.body().path("rows")) {
            if (row.path("received").asLong() > most) {
                most = row.path("received").asLong();
                busiest = row.path("key").asText();
            }
        }
        if (busiest == null) {
            throw new IllegalStateException("GET /timeliness counted no unit over " + scenario.firstDay() + " to "
                                            + scenario.lastDay());
        }
        return busiest;
    }

    /** {@code warmUp} untimed, then {@code requests} timed requests of every endpoint, interleaved. */
    static List<DemoResults.Latency> measure(Http queries, List<Endpoint> endpoints, int warmUp, int requests) {
        Map<Endpoint, Long> answered = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            Answer answer = queries.get(endpoint.path());
            if (!answer.ok()) {
                throw new IllegalStateException("GET " + endpoint.path() + " answered " + answer.status() + ": "
                                                + answer.problem());
            }
            answered.put(endpoint, answered(answer.body()));
        }
        for (int i = 0; i < warmUp; i++) {
            endpoints.forEach(endpoint -> timedGet(queries, endpoint.path()));
        }
        Map<Endpoint, List<Double>> millis = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> millis.put(endpoint, new ArrayList<>()));
        for (int i = 0; i < requests; i++) {
            millis.forEach((endpoint, samples) -> samples.add(timedGet(queries, endpoint.path())));
        }
        List<DemoResults.Latency> latencies = new ArrayList<>();
        millis.forEach((endpoint, samples) -> latencies.add(new DemoResults.Latency(
                endpoint.name(), endpoint.path(), answered.get(endpoint), Percentiles.spread(samples))));
        return latencies;
    }

    /**
     * How much an answer holds: all the dossiers a list matches ({@code totalElements}), all the rows
     * the staffing audit matches ({@code totalRows}), or the rows of a report or ranking; -1 for none of these.
     */
    static long answered(JsonNode body) {
        for (String count : List.of("totalElements", "totalRows")) {
            if (body.path(count).isNumber()) {
                return body.path(count).asLong();
            }
        }
        for (String rows : List.of("rows", "units")) {
            if (body.path(rows).isArray()) {
                return body.path(rows).size();
            }
        }
        return -1;
    }

    private static double timedGet(Http queries, String path) {
        long start = System.nanoTime();
        Http.Unparsed answer = queries.getUnparsed(path);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!answer.ok()) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": "
                                            + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return millis;
    }
}
