package vn.province.govtrack.simulator.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.province.govtrack.simulator.province.Holidays;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;

/** The history the simulator writes for the command side's import (docs/import.md). */
class HistoryWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KINDS = Set.of("submission", "receipt", "refusal", "assignment",
                                                    "supplement-request", "supplement", "payment-request", "payment",
                                                    "extension", "transfer", "resolution", "return", "withdrawal", "stop",
                                                    "digitisation", "electronic-result", "rating");

    private final DossierPlanner planner = new DossierPlanner(ProvinceCatalogue.province(),
                                                              new Scenario(42, 600, LocalDate.of(2025, 7, 1), 16),
                                                              new OfficeHours(Holidays.of(2025).orElseThrow()));

    private List<JsonNode> written() throws IOException {
        StringWriter out = new StringWriter();
        AtomicInteger dossiers = new AtomicInteger();
        long records = new HistoryWriter(planner).write(out, dossiers::incrementAndGet);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(dossiers).hasValue(600);
        assertThat(lines).hasSize((int) records);
        return lines;
    }

    @Test
    void each_line_is_one_dated_step_of_a_dossier_and_each_dossiers_steps_are_consecutive_and_in_order()
            throws IOException {
        List<JsonNode> lines = written();

        String dossier = null;
        int number = 0;
        OffsetDateTime last = null;
        for (JsonNode line : lines) {
            assertThat(line.fieldNames()).toIterable().containsExactly("id", "dossierId", "kind", "at", "actor", "fields");
            assertThat(KINDS).contains(line.path("kind").asText());
            if (!line.path("dossierId").asText().equals(dossier)) {
                dossier = line.path("dossierId").asText();
                number = 0;
                last = null;
                assertThat(line.path("kind").asText()).isEqualTo("submission");
            }
            assertThat(line.path("id").asText()).isEqualTo(dossier + "/" + number++);
            OffsetDateTime at = OffsetDateTime.parse(line.path("at").asText());
            assertThat(at.getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
            if (last != null) {
                assertThat(at).isAfterOrEqualTo(last);
            }
            last = at;
            assertThat(line.path("fields").has("dossierId")).isFalse();
            assertThat(line.path("fields").has(timeFieldOf(line.path("kind").asText()))).isFalse();
        }
        assertThat(lines.get(0).path("dossierId").asText()).isEqualTo(planner.plan(0).dossierId());
    }

    @Test
    void the_steps_are_the_planned_ones_signed_by_a_clerk_or_for_extensions_and_transfers_the_head_of_the_dossiers_unit()
            throws IOException {
        List<JsonNode> lines = written();
        DossierPlan plan = planner.plan(0);
        List<Step> steps = plan.realize(planner.hours(), planner.scenario().horizon());

        List<JsonNode> first = lines.stream().filter(line -> line.path("dossierId").asText().equals(plan.dossierId()))
                                    .toList();
        assertThat(first).extracting(line -> line.path("kind").asText())
                         .containsExactlyElementsOf(steps.stream().map(Step::kind).toList());
        JsonNode submission = first.get(0);
        assertThat(submission.path("actor").path("role").asText()).isEqualTo("CLERK");
        assertThat(submission.path("actor").path("unitCode").asText()).isEqualTo(plan.unitCode());
        assertThat(submission.path("actor").path("subject").asText()).isEqualTo("simulator-clerk-" + plan.unitCode());
        assertThat(submission.path("fields").path("applicant").path("idNumber").asText()).matches("[0-9]{12}");

        JsonNode transfer = lines.stream().filter(line -> line.path("kind").asText().equals("transfer")).findFirst()
                                 .orElseThrow();
        assertThat(transfer.path("actor").path("role").asText()).isEqualTo("UNIT_HEAD");
        String movedTo = transfer.path("fields").path("toUnitCode").asText();
        lines.stream().filter(line -> line.path("dossierId").equals(transfer.path("dossierId")))
             .dropWhile(line -> line != transfer).skip(1)
             .forEach(after -> assertThat(after.path("actor").path("unitCode").asText()).isEqualTo(movedTo));
    }

    private static String timeFieldOf(String kind) {
        return switch (kind) {
            case "submission" -> "submittedAt";
            case "receipt" -> "receivedAt";
            case "refusal" -> "refusedAt";
            case "assignment" -> "assignedAt";
            case "supplement" -> "providedAt";
            case "payment" -> "paidAt";
            case "extension" -> "extendedAt";
            case "transfer" -> "transferredAt";
            case "resolution" -> "resolvedAt";
            case "return" -> "returnedAt";
            case "stop" -> "stoppedAt";
            case "digitisation" -> "digitisedAt";
            case "electronic-result" -> "issuedAt";
            case "rating" -> "ratedAt";
            default -> "requestedAt";
        };
    }
}
