package vn.province.govtrack.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffDepartedEvent;
import vn.province.govtrack.kernel.staff.StaffEvent;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;

/**
 * The command API on Axon's {@link AsynchronousCommandBus}, which handles every command on a thread of
 * its own pool, not the request's: each answer still carries the position of its own command's last
 * event (docs/adr/0009-command-results.md). A context, and so a store, of its own: its command bus is
 * not the one the other tests share.
 */
@Import(AsynchronousCommandBusHttpTest.AsynchronousBus.class)
class AsynchronousCommandBusHttpTest extends CommandSideHttpTest {

    private static final int MOVERS = 6;

    /** Axon's asynchronous bus, set up as its Spring Boot configuration sets up the local one it replaces. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AsynchronousBus {

        @Bean(destroyMethod = "shutdown")
        AsynchronousCommandBus commandBus(TransactionManager transactionManager,
                                          org.axonframework.config.Configuration axon,
                                          DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
            AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                    .transactionManager(transactionManager)
                    .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                    .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                    .build();
            bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
            return bus;
        }
    }

    @Autowired
    private CommandBus commandBus;

    private ResponseEntity<JsonNode> post(String path, String json, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    /** The position the command's answer reports, after checking it was accepted with {@code status}. */
    private long acceptedAt(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        return response.getBody().path("position").asLong();
    }

    private Object eventAt(long position) {
        try (var events = engine.readEvents(new GlobalSequenceTrackingToken(position - 1), false)) {
            return events.findFirst().map(TrackedEventMessage::getPayload).orElseThrow();
        }
    }

    private void registerUnit(String code) {
        acceptedAt(post("/api/v1/units", """
                {"code": "%s", "name": "Đơn vị %s", "kind": "COMMUNE"}""".formatted(code, code), null),
                   HttpStatus.CREATED);
    }

    /** Recruits, seconds and lets go one staff member; the positions each of the three answers reported. */
    private long[] moveOneStaffMember(String staffId) {
        long recruited = acceptedAt(post("/api/v1/staff", """
                {"staffId": "%s", "fullName": "Lê Thị Hoa", "unitCode": "SO-NV", "field": "LAND",
                 "position": "land officer", "effectiveDate": "2025-01-01", "decisionNo": "1/QĐ-SNV"}"""
                .formatted(staffId), null), HttpStatus.CREATED);
        long seconded = acceptedAt(post("/api/v1/staff/" + staffId + "/secondments", """
                {"toUnitCode": "XA-TAN-LAP", "from": "2025-03-01", "until": "2025-12-31", "decisionNo": "2/QĐ-SNV"}""",
                                        null), HttpStatus.OK);
        long departed = acceptedAt(post("/api/v1/staff/" + staffId + "/departure", """
                {"effectiveDate": "2025-06-01", "reason": "retirement", "decisionNo": "3/QĐ-SNV"}""", null),
                                   HttpStatus.OK);
        return new long[] {recruited, seconded, departed};
    }

    @Test
    void concurrentCommandsAreEachAnsweredWithThePositionOfTheirOwnLastEvent() throws Exception {
        assertThat(commandBus).isInstanceOf(AsynchronousCommandBus.class);
        registerUnit("SO-NV");
        registerUnit("XA-TAN-LAP");
        ExecutorService callers = Executors.newFixedThreadPool(MOVERS);
        List<Future<long[]>> moves = new ArrayList<>();
        try {
            for (int mover = 0; mover < MOVERS; mover++) {
                String staffId = "CB-ASYNC-" + mover;
                moves.add(callers.submit(() -> moveOneStaffMember(staffId)));
            }
            for (int mover = 0; mover < MOVERS; mover++) {
                String staffId = "CB-ASYNC-" + mover;
                long[] positions = moves.get(mover).get();

                assertThat(eventAt(positions[0])).isInstanceOf(StaffRecruitedEvent.class)
                                                 .extracting(event -> ((StaffEvent) event).staffId()).isEqualTo(staffId);
                assertThat(eventAt(positions[1])).isInstanceOf(StaffSecondedEvent.class)
                                                 .extracting(event -> ((StaffEvent) event).staffId()).isEqualTo(staffId);
                // the departure ends the running secondment in the same commit, and answers the commit's last event
                assertThat(eventAt(positions[2] - 1)).isInstanceOf(SecondmentEndedEvent.class)
                                                     .extracting(event -> ((StaffEvent) event).staffId())
                                                     .isEqualTo(staffId);
                assertThat(eventAt(positions[2])).isInstanceOf(StaffDepartedEvent.class)
                                                 .extracting(event -> ((StaffEvent) event).staffId()).isEqualTo(staffId);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aRetriedKeyedCommandIsAnsweredFromItsRecordWithTheFirstAnswersPosition() {
        registerUnit("XA-KEYED");
        String recruitment = """
                {"staffId": "CB-KEYED", "fullName": "Lê Văn Nam", "unitCode": "XA-KEYED", "field": "LAND",
                 "position": "land officer", "effectiveDate": "2025-01-01", "decisionNo": "9/QĐ-SNV"}""";

        ResponseEntity<JsonNode> first = post("/api/v1/staff", recruitment, "recruit-cb-keyed");
        ResponseEntity<JsonNode> retry = post("/api/v1/staff", recruitment, "recruit-cb-keyed");

        long position = acceptedAt(first, HttpStatus.CREATED);
        assertThat(eventAt(position)).isInstanceOf(StaffRecruitedEvent.class);
        assertThat(acceptedAt(retry, HttpStatus.CREATED)).isEqualTo(position);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
    }
}
