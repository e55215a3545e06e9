package vn.province.govtrack.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.province.govtrack.embeddedmongo.TestMongo;

/**
 * The benchmark's code path end to end on a few events, so that it still runs when someone
 * needs it. Asserts what a run produces, never how fast anything was. Runs against the tests'
 * shared server ({@link TestMongo}, i.e. {@code MONGODB_URI} when set), as a run with
 * {@code MONGODB_URI} does, which spares it starting a server JVM.
 */
class EventStoreBenchmarkSmokeTest {

    @Test
    void aTinyRunMeasuresEveryContenderAndWritesTheResultsChartAndSection(@TempDir Path docs) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {
                "--events=200", "--commit-sizes=5", "--repetitions=1", "--warmup-events=0",
                "--out=" + docs}, Map.of("MONGODB_URI", TestMongo.uri()));

        Results results = new EventStoreBenchmark(options, "smoke test").run();
        Report.write(results, docs);

        assertThat(results.scenarios()).extracting(Results.Scenario::commitSize).containsExactly(5);
        assertThat(results.scenarios()).allSatisfy(scenario -> {
            assertThat(scenario.backend()).isEqualTo("external");
            assertThat(scenario.events()).isEqualTo(200);
            assertThat(scenario.rows()).extracting(Results.Row::key)
                                       .containsExactly("raw", "ours", "axon-mongo", "raw-our-pattern", "jackson-alone");
            assertThat(scenario.rows()).allSatisfy(row -> {
                assertThat(row.append().perSecond().median()).isPositive();
                assertThat(row.replay().perSecond().median()).isPositive();
                assertThat(row.appendCpu()).as("no CPU figure for a server it did not start").isNull();
            });
            assertThat(scenario.row("raw").orElseThrow().append().ratio()).isEqualTo(1.0);
            assertThat(scenario.row("raw").orElseThrow().appendCommandsPerCommit()).isEqualTo(1.0);
            assertThat(scenario.row("ours").orElseThrow().appendCommandsPerCommit()).isGreaterThanOrEqualTo(1.0);
            assertThat(scenario.row("jackson-alone").orElseThrow().replayCommandsPerThousandEvents()).isZero();
        });
        assertThat(results.parameters().payloadBytes()).isGreaterThan(200);
        assertThat(read(docs.resolve("benchmarks/event-store.json"))).contains("\"axon-mongo\"", "\"loadAverageAtStart\"");
        assertThat(read(docs.resolve("benchmarks/event-store.svg"))).startsWith("<svg").endsWith("</svg>\n")
                                                                     .contains("ours (event-store)");
        assertThat(read(docs.resolve("benchmarks.md")))
                .contains("## Event store: append and replay", "![Event store benchmark", "| external | 5 | 200 |",
                          Report.SECTION_START, Report.SECTION_END);
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
