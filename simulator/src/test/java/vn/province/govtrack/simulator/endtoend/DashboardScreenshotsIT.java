package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.DevTokens;
import vn.province.govtrack.simulator.http.Http;
import vn.province.govtrack.simulator.http.Official;

/**
 * The README's screenshots of the dashboard, made from the demo province: {@code ./run --demo} started on
 * free ports and a data directory of its own under {@code target/} ({@link RunScript}), then the dashboard
 * in headless Chromium, in English, signed in as an auditor (who reads every panel), at July 2025:
 * {@code dashboard-province.png} (the province), {@code dashboard-index.png} (the national index's panel, the
 * indicators of the unit that lost most points opened), {@code dashboard-unit.png} (the unit that received
 * the most dossiers) and {@code dashboard-phone.png} (the province on a 390 × 844 screen). Each is taken once
 * the page shows the API's figures, its charts are drawn and no error is shown.
 *
 * <p>Runs only when asked, since the full demo takes about ten minutes to seed:
 * <pre>
 * ./mvnw -pl simulator -am verify -Dscreenshots.out=$PWD/docs/images -Dit.test=DashboardScreenshotsIT \
 *     -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Dscreenshots.dossiers=N} seeds fewer dossiers than the demo's 30,000 (a quicker look).
 */
class DashboardScreenshotsIT {

    private static final String MONTH = "2025-07";
    private static final String JULY = "from=2025-07-01&to=2025-07-31";
    /** ./run's own default heaps: the full demo's read models do not fit the tests' small ones. */
    private static final String JAVA_OPTS = "-XX:+UseSerialGC -Xmx1g";
    /** ./run's line once the demo seeding has ended and everything keeps running. */
    private static final String RUNNING = "govtrack is running (Ctrl-C stops everything).";
    /** How much of the page's top a screenshot shows, in CSS pixels: the figures and charts, not every row. */
    private static final int DESKTOP_HEIGHT = 1_700;
    private static final int PHONE_HEIGHT = 2_600;

    @Test
    void theDemoProvincesDashboardIsPhotographedForTheReadme() {
        String out = System.getProperty("screenshots.out", "");
        Assumptions.assumeFalse(out.isBlank(), "makes the README's screenshots only when asked: "
                + "-Dscreenshots.out=DIR (README.md, the dashboard section, says how)");
        Chromium.assumeInstalled();
        Path images = Path.of(out).toAbsolutePath();
        String dossiers = System.getProperty("screenshots.dossiers", "30000");

        try (RunScript run = RunScript.startWithJavaOpts(RunScript.newDataDir("screenshots"), JAVA_OPTS,
                                               "--demo", "--dossiers", dossiers)) {
            run.await(Duration.ofMinutes(60), "the demo seeded", () -> run.console().contains(RUNNING));
            assertThat(run.console()).as("./run's console").doesNotContain("stopped with an error");
            DevTokens tokens = new DevTokens(new Http(run.commandSideUrl(1)));
            Http queries = new Http(run.querySideUrl(1), () -> tokens.of(Official.AUDITOR));
            awaitCaughtUp(queries);
            JsonNode report = expect(queries.get("/api/v1/timeliness?groupBy=unit&" + JULY)).body();
            String busiest = StreamSupport.stream(report.path("rows").spliterator(), false)
                    .max(Comparator.comparingLong(row -> row.path("received").asLong()))
                    .orElseThrow(() -> new AssertionError("no unit received a dossier in July: " + report))
                    .path("key").asText();

            try (Chromium chromium = Chromium.start(1280, 900)) {
                Dashboard page = new Dashboard(chromium.driver(), run.querySideUrl(1));
                page.open();
                page.signIn(Official.AUDITOR);
                page.hook("lang-en").click();
                page.await("<html lang=\"en\">", () -> "en".equals(page.lang()));

                page.province(MONTH);
                awaitDrawn(page, "province", report.path("total").path("received"), "chart-on-time-by-unit",
                           "chart-received-per-day");
                chromium.screenshot(images.resolve("dashboard-province.png"), DESKTOP_HEIGHT);

                JsonNode index = expect(queries.get("/api/v1/index-766?groupBy=unit&period=" + MONTH)).body();
                JsonNode units = index.path("units");
                assertThat(units.size()).as("units scored in the index: %s", index).isPositive();
                // the last ranked unit: the unranked ones (no dossiers in the month) follow the ranked
                String weakest = StreamSupport.stream(units.spliterator(), false)
                        .filter(unit -> !unit.path("rank").isNull()).reduce((first, second) -> second)
                        .orElse(units.get(units.size() - 1)).path("unitCode").asText();
                page.await("index-score " + index.path("province").path("score"), () -> Dashboard.same(
                        page.valueNow("index-score"), index.path("province").path("score").asText()));
                page.await("chart-index-points-lost drawn", () -> page.present("chart-index-points-lost")
                        && Integer.parseInt(page.hook("chart-index-points-lost").getAttribute("data-points")) > 0);
                page.script("arguments[0].click()", page.hook("index-units-table")
                        .findElement(By.cssSelector("tr[data-unit='" + weakest + "'] button")));
                page.await("the indicators of " + weakest, () -> weakest.equals(
                        page.hook("index-indicators").getAttribute("data-unit")));
                RunScript.pause(Duration.ofSeconds(1));
                chromium.screenshot(images.resolve("dashboard-index.png"), page.hook("panel-index"));

                page.show("#/units/" + busiest + "?period=" + MONTH);
                page.await("the unit " + busiest, () -> page.present("unit-detail")
                        && busiest.equals(page.hook("unit-detail").getAttribute("data-unit")));
                JsonNode unit = expect(queries.get("/api/v1/timeliness?groupBy=field&unitCode=" + busiest + "&" + JULY))
                        .body().path("total");
                awaitDrawn(page, "unit", unit.path("received"), "chart-unit-received-per-day");
                chromium.screenshot(images.resolve("dashboard-unit.png"), DESKTOP_HEIGHT);

                chromium.viewport(390, 844, true);
                page.show("#/?period=" + MONTH);
                awaitDrawn(page, "province", report.path("total").path("received"), "chart-on-time-by-unit",
                           "chart-received-per-day");
                chromium.screenshot(images.resolve("dashboard-phone.png"), PHONE_HEIGHT);
            }
        }
        for (String image : new String[] {"dashboard-province.png", "dashboard-index.png", "dashboard-unit.png",
                                          "dashboard-phone.png"}) {
            System.out.printf("[screenshots] %s: %,d bytes%n", images.resolve(image), size(images.resolve(image)));
        }
    }

    /**
     * Until the view shows {@code received} in its {@code <prefix>-received}, has drawn {@code charts}, is
     * live and shows no error; then a moment more, for the charts' animation to end.
     */
    private static void awaitDrawn(Dashboard page, String prefix, JsonNode received, String... charts) {
        page.await(prefix + "-received " + received.asText(),
                   () -> Dashboard.same(page.valueNow(prefix + "-received"), received.asText()));
        for (String chart : charts) {
            page.await(chart + " drawn", () -> page.present(chart)
                    && Integer.parseInt(page.hook(chart).getAttribute("data-points")) > 0);
        }
        page.await("live-status live", () -> "live".equals(page.hook("live-status").getAttribute("data-state")));
        RunScript.pause(Duration.ofSeconds(2));
        assertThat(page.errorBanner()).as("the error banner").isEmpty();
    }

    /** Until every projection has processed the whole log and none is replaying. */
    private static void awaitCaughtUp(Http queries) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            long head = expect(queries.get("/api/v1/audit/events?fromPosition=1&limit=1")).body().path("headPosition")
                    .asLong();
            boolean caughtUp = true;
            for (JsonNode projection : expect(queries.get("/api/v1/admin/projections")).body().path("projections")) {
                caughtUp &= projection.path("position").asLong() >= head && !projection.path("replaying").asBoolean();
            }
            if (caughtUp) {
                return;
            }
            assertThat(System.nanoTime()).as("projections caught up with %d", head).isLessThan(deadline);
            RunScript.pause(Duration.ofMillis(500));
        }
    }

    private static Answer expect(Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(200);
        return answer;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
