package vn.province.govtrack.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryExportTest {

    @TempDir
    Path directory;

    @Test
    void export_writes_the_scenarios_dossiers_to_the_file_named_and_says_how_many() throws IOException {
        Path file = directory.resolve("out/history.ndjson");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = HistoryExport.run(new String[] {"--dossiers", "40", "--days=3", "--seed", "7", "--out", file.toString()},
                                       new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        List<String> lines = Files.readAllLines(file);
        assertThat(status).isZero();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"id\":\"HS7-"));
        assertThat(lines.stream().filter(line -> line.contains("\"kind\":\"submission\""))).hasSize(40);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Wrote %,d records of 40 dossiers (2025-07-01 to 2025-07-03, seed 7)".formatted(lines.size()));
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void the_options_are_the_seeding_scenarios_and_the_file_is_required() {
        HistoryExport.Options options = HistoryExport.Options.parse("--out", "h.ndjson", "--start", "2025-08-04");

        assertThat(options.scenario().dossiers()).isEqualTo(30_000);
        assertThat(options.scenario().firstDay()).isEqualTo(LocalDate.of(2025, 8, 4));
        assertThat(options.scenario().seed()).isEqualTo(42);
        assertThatThrownBy(() -> HistoryExport.Options.parse("--dossiers", "5"))
                .hasMessage("--out FILE is required");
        assertThat(HistoryExport.run(new String[] {"--bogus"}, System.out, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    @Test
    void seeding_the_reference_data_only_is_an_option_of_the_simulator() {
        assertThat(SimulatorOptions.parse("--reference-only").referenceOnly()).isTrue();
        assertThat(SimulatorOptions.parse().referenceOnly()).isFalse();
    }

    @Test
    void the_feedback_an_import_file_cannot_hold_is_sent_on_its_own_after_the_import() {
        assertThat(SimulatorOptions.parse("--feedback-only").feedbackOnly()).isTrue();
        assertThat(SimulatorOptions.parse().feedbackOnly()).isFalse();
        assertThatThrownBy(() -> SimulatorOptions.parse("--feedback-only", "--reference-only"))
                .hasMessageContaining("exclude each other");
        assertThat(Simulation.feedbackSeeders()).extracting(Seeder::name).containsExactly("feedback");
        assertThat(Simulation.referenceSeeders()).extracting(Seeder::name)
                .doesNotContain("dossiers", "feedback").contains("units", "procedures");
    }
}
