package vn.province.govtrack.query.projection;

import java.util.Set;
import java.util.TreeSet;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every projection's processing group handles its events through Axon's dead-lettering invoker
 * (ADR 0012): an event a handler keeps failing on is parked with the events of its sequence (its
 * stream: Axon's default sequencing policy, one sequence per aggregate) that follow it, and the
 * processor goes on with the other sequences. {@link PoisonEventPolicy} decides what is parked: a
 * database error never is, and fails the batch, which the processor handles again after a back-off
 * (1 s, doubling up to 60 s), keeping the token it had, so no event is skipped; another failure is
 * parked once it has failed {@code govtrack.query.dead-letters.attempts} times.
 *
 * <p>The queues of the shared projections are stored in MongoDB, in the {@code deadletters} collection
 * beside the tokens, by axon-mongo's {@link MongoSequencedDeadLetterQueue} (whose retries take each
 * sequence in the order of its letters: {@link InOrderMongoDeadLetterQueue}): every instance lists and
 * retries them. The queues of "timeliness-index" and "index-766", whose state and token live in each
 * instance's memory, live there too ({@link InMemorySequencedDeadLetterQueue}). Every queue is cleared when its
 * processor's tokens are reset: a rebuild hands the parked events to the handlers again, with the
 * others.
 *
 * <p>The invoker remembers, per segment, the sequences it knows to be absent from the queue, so that
 * an event of a sequence with nothing parked costs no query of the queue.
 */
@Configuration(proxyBeanMethods = false)
class DeadLettering {

    /**
     * The processing groups whose state lives in each instance's memory (see TimelinessIndexConfiguration and
     * Index766Configuration).
     */
    static final Set<String> IN_MEMORY = Set.of("timeliness-index", "index-766");

    /** @param attempts how many failures of an event park it, in each processing group */
    @Bean
    ConfigurerModule deadLetteringProcessingGroups(ListableBeanFactory beans, MongoTemplate axonMongoTemplate,
                                                   Serializer serializer, MeterRegistry meters,
                                                   @Value("${govtrack.query.dead-letters.attempts:3}") int attempts) {
        Set<String> groups = processingGroups(beans);
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String group : groups) {
                processing.registerDeadLetterQueue(group, configuration -> new ParkedOnce(group,
                                  queue(group, axonMongoTemplate, serializer), meters))
                          .registerDeadLetterPolicy(group, configuration -> new PoisonEventPolicy(attempts))
                          .registerDeadLetteringEventHandlerInvokerConfiguration(group, (configuration, invoker) ->
                                  invoker.allowReset(true).enableSequenceIdentifierCache());
            }
        };
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, MongoTemplate axonMongoTemplate,
                                                                   Serializer serializer) {
        if (IN_MEMORY.contains(group)) {
            return InMemorySequencedDeadLetterQueue.defaultQueue();
        }
        return new InOrderMongoDeadLetterQueue(group, axonMongoTemplate, serializer);
    }

    /** The processing groups of the event handlers this service holds, by their {@link ProcessingGroup}. */
    private static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
