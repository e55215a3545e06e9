package vn.province.govtrack.simulator.report;

import java.io.PrintStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.simulator.dossier.Scenario;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.province.UnitSpec;

/**
 * The province's figures as an API client sees them: the {@code GET /timeliness} province total
 * over the simulated period, the top of {@code GET /timeliness/ranking} and the national index of the
 * period's first month ({@code GET /index-766}), all read at the position the seeding reached
 * (read-your-writes).
 */
public final class ProvinceFigures {

    private final Http queries;
    private final Map<String, UnitSpec> units;

    public ProvinceFigures(Http queries, Map<String, UnitSpec> units) {
        this.queries = queries;
        this.units = units;
    }

    public void print(Scenario scenario, long minPosition, PrintStream out) {
        printTimeliness(scenario, minPosition, out);
        String month = YearMonth.from(scenario.firstDay()).toString();
        Answer index = queries.get("/api/v1/index-766?groupBy=unit&period=" + month + "&minPosition=" + minPosition);
        out.printf("%nNational service-quality index (Decision 766), %s (GET /index-766?period=%s):%n", month, month);
        if (!index.ok()) {
            out.printf("  GET /index-766 answered %d: %s%n", index.status(), index.problem());
            return;
        }
        index(index.body()).forEach(out::println);
    }

    /**
     * The index answer in a few lines: the province's score and its groups' points, and the spread of the
     * units' scores (best, median, worst of those ranked).
     */
    static List<String> index(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        JsonNode province = answer.path("province");
        StringBuilder groups = new StringBuilder();
        for (JsonNode group : province.path("groups")) {
            groups.append(String.format("   %s %s/%s", group.path("group").asText(), group.path("points").asText(),
                                        group.path("maxPoints").asText()));
        }
        lines.add(String.format("  province %s / %s:%s", province.path("score").asText("-"),
                                answer.path("maxScore").asText("100"), groups));
        List<JsonNode> ranked = new ArrayList<>();
        answer.path("units").forEach(unit -> {
            if (unit.path("rank").isNumber()) {
                ranked.add(unit);
            }
        });
        if (!ranked.isEmpty()) {
            JsonNode best = ranked.get(0);
            JsonNode median = ranked.get(ranked.size() / 2);
            JsonNode worst = ranked.get(ranked.size() - 1);
            lines.add(String.format("  %d units ranked: best %s (%s), median %s, worst %s (%s)", ranked.size(),
                                    best.path("score").asText(), best.path("unitCode").asText(),
                                    median.path("score").asText(), worst.path("score").asText(),
                                    worst.path("unitCode").asText()));
        }
        return lines;
    }

    private void printTimeliness(Scenario scenario, long minPosition, PrintStream out) {
        String period = "from=" + scenario.firstDay() + "&to=" + scenario.lastDay() + "&minPosition=" + minPosition;
        Answer report = queries.get("/api/v1/timeliness?groupBy=unit&" + period);
        out.printf("%nProvince figures, %s to %s (GET /timeliness, minPosition=%d):%n", scenario.firstDay(),
                   scenario.lastDay(), minPosition);
        if (!report.ok()) {
            out.printf("  GET /timeliness answered %d: %s%n", report.status(), report.problem());
            return;
        }
        JsonNode total = total(report.body());
        out.printf("  received %,d   resolved %,d (early %,d, on time %,d, late %,d)   pending %,d (overdue %,d)%n",
                   total.path("received").asLong(), total.path("resolved").asLong(), total.path("early").asLong(),
                   total.path("onTime").asLong(), total.path("late").asLong(), total.path("pending").asLong(),
                   total.path("overdue").asLong());
        out.printf("  on-time rate %s   progress score %s / %s   average processing %s working days%n",
                   percent(total.path("onTimeRate")), total.path("progressScore").asText("-"),
                   total.path("maxScore").asText("20"), total.path("avgProcessingDays").asText("-"));

        Answer ranking = queries.get("/api/v1/timeliness/ranking?" + period);
        if (!ranking.ok()) {
            out.printf("  GET /timeliness/ranking answered %d: %s%n", ranking.status(), ranking.problem());
            return;
        }
        out.println("  ranking, top 5 (GET /timeliness/ranking):");
        int shown = 0;
        for (JsonNode row : rows(ranking.body())) {
            if (shown++ == 5) {
                break;
            }
            String code = text(row, "unitCode", "key");
            UnitSpec unit = units.get(code);
            out.printf("    %3s. %-8s %-40.40s on time %-8s received %,d%n", row.path("rank").asText(String.valueOf(shown)),
                       code, unit == null ? "" : unit.name(), percent(row.path("onTimeRate")),
                       row.path("received").asLong());
        }
    }

    /** The province total of a report: its {@code total} (or {@code province}) object. */
    static JsonNode total(JsonNode report) {
        for (String name : new String[] {"total", "province", "provinceTotal"}) {
            if (report.path(name).isObject()) {
                return report.path(name);
            }
        }
        return report;
    }

    /** The rows of a report or ranking: the first array among its usual names, or the body itself. */
    static JsonNode rows(JsonNode body) {
        if (body.isArray()) {
            return body;
        }
        for (String name : new String[] {"rows", "ranking", "units", "items", "content"}) {
            if (body.path(name).isArray()) {
                return body.path(name);
            }
        }
        return body.path("rows");
    }

    private static String text(JsonNode row, String... names) {
        for (String name : names) {
            if (row.path(name).isTextual()) {
                return row.path(name).asText();
            }
        }
        return "?";
    }

    private static String percent(JsonNode rate) {
        return rate.isNumber() ? String.format("%.2f%%", rate.asDouble() * 100) : "-";
    }
}
