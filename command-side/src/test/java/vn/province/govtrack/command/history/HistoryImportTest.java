package vn.province.govtrack.command.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.command.dossier.DossierEndpoint;
import vn.province.govtrack.command.history.Rejection.Reason;
import vn.province.govtrack.eventstore.MongoEventStore;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.personaldata.PersonalData;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.Role;

/**
 * The history import through the real command side and event store on a wire-protocol server: the
 * events it records are the ones the same requests record over HTTP, importing twice changes nothing,
 * rejected lines are reported and leave the rest of their batch imported, and an import cut short
 * between batches ends, once run again, with exactly what one uninterrupted import records.
 */
class HistoryImportTest extends CommandSideHttpTest {

    private static final String UNIT = "XA-IMP1";
    private static final String OTHER_UNIT = "XA-IMP2";
    private static final String PROCEDURE = "KS-IMP";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @TempDir
    Path directory;

    @Autowired
    private HistoryImport historyImport;
    @Autowired
    private PersonalData personalData;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private HistoryLines lines;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private MongoEventStore eventStore;
    @Autowired
    private IdGenerator ids;

    @BeforeEach
    void theProvinceIsInPlace() {
        for (String unit : List.of(UNIT, OTHER_UNIT)) {
            http.postForEntity("/api/v1/units", body("""
                    {"code": "%s", "name": "Xã %s", "kind": "COMMUNE"}""".formatted(unit, unit)), JsonNode.class);
        }
        http.postForEntity("/api/v1/procedures", body("""
                {"code": "%s", "name": "Đăng ký khai sinh", "field": "JUSTICE_CIVIL_STATUS", "level": "COMMUNE",
                 "processingHours": 8, "cutoff": "15:00", "online": true}""".formatted(PROCEDURE)), JsonNode.class);
    }

    private static String prefix(String name) {
        return name + NEXT.incrementAndGet();
    }

    private Histories histories(String prefix) {
        return new Histories(prefix, UNIT, OTHER_UNIT, PROCEDURE);
    }

    private Path file(Histories histories) throws IOException {
        Path file = Files.createTempFile(directory, "history", ".ndjson");
        Files.write(file, histories.lines());
        return file;
    }

    /** What an import reported, rejections included. */
    private record Run(ImportReport report, List<Rejection> rejections) {
    }

    private Run importing(Path file) {
        List<Rejection> rejections = new ArrayList<>();
        ImportReport report = historyImport.run(file, new ImportListener() {
            @Override
            public void rejected(Rejection rejection) {
                rejections.add(rejection);
            }
        });
        return new Run(report, rejections);
    }

    @Test
    void an_imported_history_records_the_events_that_the_same_requests_record_over_http() throws IOException {
        String imported = prefix("I");
        String requested = prefix("H");

        Run run = importing(file(histories(imported).everyKindOfStep()));
        for (String line : histories(requested).everyKindOfStep().lines()) {
            ResponseEntity<JsonNode> answer = sendOverHttp(line);
            assertThat(answer.getStatusCode().is2xxSuccessful()).as(line + " → " + answer.getBody()).isTrue();
        }

        assertThat(run.rejections()).isEmpty();
        assertThat(run.report().imported()).isEqualTo(19);
        for (String dossier : List.of("-A", "-B", "-C", "-D")) {
            List<? extends DomainEventMessage<?>> byImport = engine.readEvents(imported + dossier).asStream().toList();
            List<? extends DomainEventMessage<?>> byRequests = engine.readEvents(requested + dossier).asStream().toList();

            assertThat(byImport).extracting(event -> event.getPayloadType().getSimpleName()).containsExactlyElementsOf(
                    byRequests.stream().map(event -> event.getPayloadType().getSimpleName()).toList());
            assertThat(byImport).extracting(event -> comparable(event, imported))
                                .containsExactlyElementsOf(byRequests.stream().map(event -> comparable(event, requested)).toList());
            for (int i = 0; i < byImport.size(); i++) {
                Map<String, ?> importedMetaData = byImport.get(i).getMetaData();
                Map<String, ?> requestedMetaData = byRequests.get(i).getMetaData();
                for (String key : List.of(EventMetadata.ACTOR, EventMetadata.ACTOR_ROLE, EventMetadata.ACTOR_UNIT)) {
                    assertThat(importedMetaData.get(key)).as(key).isEqualTo(requestedMetaData.get(key)).isNotNull();
                }
                assertThat(importedMetaData.get(EventMetadata.IMPORT_RECORD)).isEqualTo(imported + dossier + "/" + i);
                assertThat(importedMetaData.get(EventMetadata.CORRELATION_ID)).isEqualTo(run.report().correlationId());
                assertThat(requestedMetaData.get(EventMetadata.IMPORT_RECORD)).isNull();
            }
        }
        SealedApplicant byImport = ((DossierReceivedEvent) engine.readEvents(imported + "-A").next().getPayload())
                .applicant();
        SealedApplicant byRequest = ((DossierReceivedEvent) engine.readEvents(requested + "-A").next().getPayload())
                .applicant();
        assertThat(personalData.open(byImport)).isEqualTo(personalData.open(byRequest));
    }

    @Test
    void importing_a_file_again_changes_nothing_and_reports_every_record_as_already_imported() throws IOException {
        String prefix = prefix("T");
        Path file = file(histories(prefix).everyKindOfStep().simple(40));
        Run first = importing(file);
        long head = engine.headPosition();

        Run second = importing(file);

        assertThat(first.report().imported()).isEqualTo(99);
        assertThat(second.report().imported()).isZero();
        assertThat(second.report().alreadyImported()).isEqualTo(99);
        assertThat(second.report().rejected()).isZero();
        assertThat(engine.headPosition()).isEqualTo(head);
        assertThat(engine.readEvents(prefix + "-B").asStream()).hasSize(8);
    }

    @Test
    void rejected_lines_are_reported_with_line_record_and_reason_and_the_rest_of_their_batch_is_imported()
            throws IOException {
        String prefix = prefix("R");
        Histories histories = histories(prefix);
        String good = prefix + "-A";
        String online = prefix + "-D";
        histories.clerk(good, 0, "submission", "2025-07-01T08:30:00+07:00", histories.submission("IN_PERSON", "001203004567"))
                 .raw("{\"id\": \"broken")
                 .clerk(prefix + "-B", 0, "resolution", "2025-07-01T09:00:00+07:00", "{\"outcome\": \"APPROVED\"}")
                 .clerk(good, 1, "extension", "2025-07-01T09:10:00+07:00",
                        "{\"newDueAt\": \"2025-07-09T17:00:00+07:00\", \"apology\": \"Xin lỗi\"}")
                 .clerk(good, 2, "assignment", "2025-07-01T09:20:00+07:00", "{\"staffId\": \"CB-1\"}")
                 .clerk(good, 3, "assignment", "2025-07-01T09:30:00+07:00", "{\"staffId\": \"CB-1\"}")
                 .clerk(good, 2, "return", "2025-07-01T09:40:00+07:00", "{}")
                 .clerk(good, 4, "resolution", "2025-07-01T09:50:00+07:00", "{\"outcome\": \"APPROVED\"}")
                 .step(prefix + "-C", 0, "submission", "2025-07-01T10:00:00+07:00", "CLERK", "XA-NOWHERE",
                       histories.submission("IN_PERSON", "079085001234").replace(UNIT, "XA-NOWHERE"))
                 .clerk(online, 0, "submission", "2025-07-01T20:00:00+07:00", histories.submission("ONLINE", "048190000001"))
                 .clerk(online, 1, "resolution", "2025-07-02T09:00:00+07:00", "{\"outcome\": \"APPROVED\"}")
                 .clerk(online, 2, "receipt", "2025-07-01T19:00:00+07:00", "{}");

        Run run = importing(file(histories));

        assertThat(run.rejections()).extracting(Rejection::line, Rejection::reason).containsExactly(
                tuple(2L, Reason.MALFORMED),
                tuple(3L, Reason.NOT_FOUND),
                tuple(4L, Reason.FORBIDDEN),
                tuple(6L, Reason.RULE_VIOLATION),
                tuple(7L, Reason.DUPLICATE),
                tuple(9L, Reason.UNKNOWN_REFERENCE),
                tuple(11L, Reason.RULE_VIOLATION),
                tuple(12L, Reason.RULE_VIOLATION));
        assertThat(run.rejections().get(3).recordId()).isEqualTo(good + "/3");
        assertThat(run.rejections().get(3).detail()).isEqualTo("dossier '" + good + "' is already assigned to 'CB-1'");
        assertThat(run.rejections().get(5).detail()).isEqualTo("unknown unit 'XA-NOWHERE'");
        assertThat(run.rejections().get(6).detail()).isEqualTo("dossier '" + online + "' is NEW; it cannot be resolved");
        assertThat(run.rejections().get(7).detail()).startsWith("receivedAt 2025-07-01T12:00:00Z is before");
        assertThat(run.report().imported()).isEqualTo(4);
        assertThat(run.report().rejectedByReason()).containsEntry("rule-violation", 3L).containsEntry("forbidden", 1L);
        assertThat(engine.readEvents(good).asStream()).extracting(event -> event.getMetaData().get(EventMetadata.IMPORT_RECORD))
                                                      .containsExactly(good + "/0", good + "/2", good + "/4");
        assertThat(engine.readEvents(prefix + "-B").asStream()).isEmpty();
        assertThat(engine.readEvents(prefix + "-C").asStream()).isEmpty();
        assertThat(engine.readEvents(online).asStream()).hasSize(1);

        Run again = importing(file(histories));

        assertThat(again.report().imported()).isZero();
        assertThat(again.report().alreadyImported()).isEqualTo(4);
        assertThat(again.rejections()).extracting(Rejection::line, Rejection::reason).contains(
                tuple(6L, Reason.REJECTED_EARLIER),
                tuple(12L, Reason.RULE_VIOLATION));
    }

    @Test
    void an_import_cut_short_between_batches_ends_after_another_run_with_exactly_one_uninterrupted_imports_events()
            throws IOException {
        String interrupted = prefix("K");
        String uninterrupted = prefix("U");
        Path file = file(histories(interrupted).simple(12).everyKindOfStep());
        importing(file(histories(uninterrupted).simple(12).everyKindOfStep()));
        HistoryImport smallBatches = new HistoryImport(lines, commands, engine, eventStore, personalData, ids,
                                                       new HistoryImport.Settings(10));
        AtomicInteger batches = new AtomicInteger();

        assertThatThrownBy(() -> smallBatches.run(file, new ImportListener() {
            @Override
            public void progressed(ImportReport soFar) {
                if (batches.incrementAndGet() == 2) {
                    throw new IllegalStateException("the process dies here");
                }
            }
        })).hasMessage("the process dies here");
        assertThat(engine.readEvents(interrupted + "-S0").asStream()).hasSize(2);
        assertThat(engine.readEvents(interrupted + "-A").asStream()).isEmpty();

        Run rerun = importing(file);

        assertThat(rerun.report().alreadyImported()).isEqualTo(20);
        assertThat(rerun.report().imported()).isEqualTo(43 - 20);
        for (String dossier : List.of("-S0", "-S5", "-S11", "-A", "-B", "-C", "-D")) {
            List<? extends DomainEventMessage<?>> afterRerun = engine.readEvents(interrupted + dossier).asStream().toList();
            List<? extends DomainEventMessage<?>> inOneGo = engine.readEvents(uninterrupted + dossier).asStream().toList();
            assertThat(afterRerun).extracting(event -> comparable(event, interrupted))
                                  .containsExactlyElementsOf(inOneGo.stream().map(event -> comparable(event, uninterrupted)).toList());
            Set<Object> records = new HashSet<>();
            afterRerun.forEach(event -> assertThat(records.add(event.getMetaData().get(EventMetadata.IMPORT_RECORD))).isTrue());
        }
    }

    /**
     * An event as two histories of the same dossier under different ids should agree on it: its type and
     * payload, the dossier's id left out, and a sealed applicant by its key only (each sealing is random).
     */
    private JsonNode comparable(DomainEventMessage<?> event, String prefix) {
        ObjectNode payload = json.valueToTree(event.getPayload());
        payload.put("dossierId", payload.path("dossierId").asText().substring(prefix.length()));
        if (payload.path("applicant").isObject()) {
            ((ObjectNode) payload.get("applicant")).remove("ciphertext");
        }
        return json.createObjectNode().put("type", event.getPayloadType().getSimpleName())
                   .put("sequence", event.getSequenceNumber()).set("payload", payload);
    }

    /** The request the line stands for, sent by its actor: its kind's endpoint, its fields dated at its instant. */
    private ResponseEntity<JsonNode> sendOverHttp(String line) throws IOException {
        JsonNode record = json.readTree(line);
        DossierEndpoint endpoint = DossierEndpoint.ofKind(record.path("kind").asText()).orElseThrow();
        ObjectNode body = ((ObjectNode) record.path("fields")).deepCopy();
        body.set(endpoint.timeField(), record.path("at"));
        String dossierId = record.path("dossierId").asText();
        if (endpoint.bodyNamesTheDossier()) {
            body.put("dossierId", dossierId);
        }
        JsonNode actor = record.path("actor");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(minter.mint(new Caller(actor.path("subject").asText(), Role.valueOf(actor.path("role").asText()),
                                                     actor.path("unitCode").asText()), Duration.ofHours(1)));
        return http.postForEntity(endpoint.path(dossierId), new HttpEntity<>(body.toString(), headers), JsonNode.class);
    }

    private static HttpEntity<String> body(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }
}
