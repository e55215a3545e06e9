package vn.province.govtrack.command.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import vn.province.govtrack.command.history.Rejection.Reason;
import vn.province.govtrack.command.web.CommandEndpointRules;
import vn.province.govtrack.security.EndpointRules;

class BatchReaderTest {

    private final HistoryLines lines = new HistoryLines(
            Jackson2ObjectMapperBuilder.json().build(), Validation.buildDefaultValidatorFactory().getValidator(),
            new StaticListableBeanFactory(Map.of("rules", new CommandEndpointRules()))
                    .getBeanProvider(EndpointRules.class));

    private List<ImportBatch> batches(List<String> file, int batchRecords) throws IOException {
        BatchReader reader = new BatchReader(new BufferedReader(new StringReader(String.join("\n", file))), lines,
                                             batchRecords);
        List<ImportBatch> batches = new ArrayList<>();
        for (ImportBatch batch = reader.next(); batch != null; batch = reader.next()) {
            batches.add(batch);
        }
        return batches;
    }

    private static String assignment(String dossierId, int number) {
        return Histories.line(dossierId + "/" + number, dossierId, "assignment", "2025-07-01T09:0" + number + ":00+07:00",
                              "CLERK", "XA-01", "{\"staffId\": \"CB-" + number + "\"}");
    }

    @Test
    void a_batch_ends_between_two_dossiers_once_it_holds_enough_records() throws IOException {
        List<ImportBatch> batches = batches(List.of(assignment("A", 1), assignment("A", 2), assignment("A", 3),
                                                    assignment("B", 1), assignment("B", 2), assignment("C", 1)), 2);

        assertThat(batches).extracting(batch -> batch.recordsByDossier().keySet())
                           .containsExactly(Set.of("A"), Set.of("B"), Set.of("C"));
        assertThat(batches).extracting(ImportBatch::firstLine, ImportBatch::lastLine)
                           .containsExactly(tuple(1L, 3L),
                                            tuple(4L, 5L),
                                            tuple(6L, 6L));
        assertThat(batches.get(0).recordsByDossier().get("A")).extracting(HistoryRecord::id)
                                                               .containsExactly("A/1", "A/2", "A/3");
    }

    @Test
    void a_dossier_whose_records_are_apart_keeps_them_in_file_order_within_a_batch() throws IOException {
        List<ImportBatch> batches = batches(List.of(assignment("A", 1), assignment("B", 1), assignment("A", 2)), 10);

        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.recordsByDossier().keySet()).containsExactly("A", "B");
            assertThat(batch.recordsByDossier().get("A")).extracting(HistoryRecord::line).containsExactly(1L, 3L);
            assertThat(batch.records()).isEqualTo(3);
        });
    }

    @Test
    void unreadable_lines_go_with_the_batch_they_are_read_in_and_blank_lines_are_skipped() throws IOException {
        List<ImportBatch> batches = batches(List.of(assignment("A", 1), "", "{oops", "   ",
                                                    "{\"id\": \"x\", \"pad\": \"" + "y".repeat(70_000) + "\"}",
                                                    assignment("B", 1)), 1);

        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).unreadable()).extracting(Rejection::line, Rejection::reason)
                                               .containsExactly(tuple(3L, Reason.MALFORMED),
                                                                tuple(5L, Reason.MALFORMED));
        assertThat(batches.get(0).unreadable().get(1).detail()).isEqualTo("the line is longer than 64 KiB");
        assertThat(batches.get(1).firstLine()).isEqualTo(6);
    }

    @Test
    void an_empty_file_has_no_batch() throws IOException {
        assertThat(batches(List.of(), 10)).isEmpty();
        assertThat(batches(List.of("", " "), 10)).isEmpty();
    }
}
