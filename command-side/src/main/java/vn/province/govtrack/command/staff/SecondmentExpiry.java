package vn.province.govtrack.command.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.staff.EndExpiredSecondmentsCommand;

/**
 * Records the end of every secondment whose end date has passed, exactly once however many
 * command-side instances run it at the same time (see docs/adr/0002-secondment-expiry.md):
 * <ol>
 *   <li>the staff member's aggregate appends the end only while the secondment is still open, so a
 *       run that loads the stream after another run's end appends nothing;</li>
 *   <li>two runs that load the same stream version before either commits both decide to append at
 *       the same sequence number, and the event store's unique (aggregate, sequence) key lets exactly
 *       one commit; the other gets a {@link ConcurrencyException} and leaves the end to the winner.</li>
 * </ol>
 * The candidates come from {@link ActiveSecondments}; a missed candidate is picked up by the next run.
 */
@Component
class SecondmentExpiry {

    /** The actor recorded on the events this job appends. */
    static final String ACTOR = "system:secondment-expiry";

    private static final Logger log = LoggerFactory.getLogger(SecondmentExpiry.class);

    private final ActiveSecondments activeSecondments;
    private final CommandGateway commandGateway;
    private final Clock clock;

    SecondmentExpiry(ActiveSecondments activeSecondments, CommandGateway commandGateway, Clock clock) {
        this.activeSecondments = activeSecondments;
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    /** @return how many secondment ends this run appended */
    int endExpiredSecondments() {
        LocalDate today = LocalDate.now(clock);
        int ended = 0;
        for (String staffId : activeSecondments.staffWithSecondmentsEndingBefore(today)) {
            CommandMessage<EndExpiredSecondmentsCommand> command =
                    GenericCommandMessage.<EndExpiredSecondmentsCommand>asCommandMessage(
                            new EndExpiredSecondmentsCommand(staffId))
                            .andMetaData(Map.of(EventMetadata.ACTOR, ACTOR));
            try {
                Accepted<?> accepted = commandGateway.sendAndWait(command);
                ended += accepted.answering(List.class).answer().size();
            } catch (ConcurrencyException e) {
                log.debug("Another instance recorded the end of {}'s secondment first", staffId);
            } catch (RuntimeException e) {
                log.warn("Could not end the expired secondments of staff member {}; the next run retries", staffId, e);
            }
        }
        if (ended > 0) {
            log.info("Recorded the end of {} expired secondment(s) as of {}", ended, today);
        }
        return ended;
    }
}
