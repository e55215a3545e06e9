package vn.province.govtrack.command.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.province.govtrack.command.CommandSideApplication;
import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.staff.EndExpiredSecondmentsCommand;
import vn.province.govtrack.kernel.staff.RecruitStaffCommand;
import vn.province.govtrack.kernel.staff.SecondStaffCommand;
import vn.province.govtrack.kernel.staff.SecondmentEndReason;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffIds;
import vn.province.govtrack.kernel.unit.RegisterUnitCommand;
import vn.province.govtrack.kernel.unit.UnitKind;

/**
 * Two command-side instances (two application contexts with their own command buses, repositories
 * and locks) on one store run the expiry job at the same moment. Each instance's handler is held at
 * a barrier after deciding and before committing, so both decide on the same stream version: the
 * race the event store must settle.
 */
class SecondmentExpiryRaceTest {

    private static final String DATABASE = TestMongo.freshDatabaseName("expiry-race");

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = instance();
        second = instance();
    }

    @AfterAll
    static void stopThem() {
        second.close();
        first.close();
    }

    private static ConfigurableApplicationContext instance() {
        // as arguments, so that they take precedence over application.yml (default properties would not)
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.data.mongodb.uri=" + TestMongo.uri(),
                     "--spring.data.mongodb.database=" + DATABASE,
                     "--govtrack.staff.secondment-expiry.enabled=false");
    }

    @Test
    void twoInstancesRacingToEndAnExpiredSecondmentAppendItsEndExactlyOnce() throws Exception {
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            assertThat(instance.getEnvironment().getProperty("spring.data.mongodb.database")).isEqualTo(DATABASE);
        }
        CommandGateway commands = first.getBean(CommandGateway.class);
        commands.sendAndWait(new RegisterUnitCommand("SO-NV", "Sở Nội vụ", UnitKind.DEPARTMENT));
        commands.sendAndWait(new RegisterUnitCommand("XA-TAN-LAP", "Xã Tân Lập", UnitKind.COMMUNE));
        commands.sendAndWait(new RecruitStaffCommand("CB-7", "Phạm Văn Dũng", "SO-NV", "LAND", "land officer",
                                                     LocalDate.parse("2023-01-01"), "1/QĐ-SNV"));
        commands.sendAndWait(new SecondStaffCommand("CB-7", "XA-TAN-LAP", null, LocalDate.parse("2024-01-01"),
                                                    LocalDate.parse("2024-06-30"), "2/QĐ-UBND"));
        LocalDate today = LocalDate.now(first.getBean(Clock.class));
        await().atMost(Duration.ofSeconds(30)).until(() -> second.getBean(ActiveSecondments.class)
                .staffWithSecondmentsEndingBefore(today).contains("CB-7"));

        CyclicBarrier bothDecided = new CyclicBarrier(2);
        List<Object> decisions = new CopyOnWriteArrayList<>();
        MessageHandlerInterceptor<CommandMessage<?>> holdBeforeCommit = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof EndExpiredSecondmentsCommand) {
                decisions.add(result);
                bothDecided.await(20, TimeUnit.SECONDS);
            }
            return result;
        };
        Registration onFirst = first.getBean(CommandBus.class).registerHandlerInterceptor(holdBeforeCommit);
        Registration onSecond = second.getBean(CommandBus.class).registerHandlerInterceptor(holdBeforeCommit);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int ended;
        try {
            Future<Integer> byFirst = threads.submit(() -> first.getBean(SecondmentExpiry.class).endExpiredSecondments());
            Future<Integer> bySecond = threads.submit(() -> second.getBean(SecondmentExpiry.class).endExpiredSecondments());
            ended = byFirst.get(60, TimeUnit.SECONDS) + bySecond.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
            onFirst.cancel();
            onSecond.cancel();
        }

        SecondmentEndedEvent expired = new SecondmentEndedEvent(
                "CB-7", 1, "XA-TAN-LAP", LocalDate.parse("2024-07-01"), SecondmentEndReason.EXPIRED, null);
        assertThat(decisions).as("both instances decided to end the secondment")
                             .containsExactly(List.of(expired), List.of(expired));
        assertThat(ended).as("secondment ends the two runs report").isEqualTo(1);
        List<? extends DomainEventMessage<?>> ends = secondmentEnds("CB-7");
        assertThat(ends).hasSize(1);
        assertThat(ends.get(0).getPayload()).isEqualTo(expired);
        assertThat(ends.get(0).getMetaData()).containsEntry(EventMetadata.ACTOR, SecondmentExpiry.ACTOR);

        assertThat(first.getBean(SecondmentExpiry.class).endExpiredSecondments()
                   + second.getBean(SecondmentExpiry.class).endExpiredSecondments())
                .as("secondment ends later runs report").isZero();
        assertThat(secondmentEnds("CB-7")).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.getBean(ActiveSecondments.class)
                .staffWithSecondmentsEndingBefore(today).isEmpty());
    }

    private static List<? extends DomainEventMessage<?>> secondmentEnds(String staffId) {
        return first.getBean(MongoEventStorageEngine.class).readEvents(StaffIds.streamOf(staffId)).asStream()
                    .filter(event -> event.getPayloadType().equals(SecondmentEndedEvent.class))
                    .toList();
    }
}
