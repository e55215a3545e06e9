package vn.province.govtrack.query.admin;

import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code projections}: UP once every projection's event processor has started and none has
 * stopped on an error; lists the ones that have not. Part of the readiness group: before its
 * processors run, this instance answers queries from read models that nothing keeps current.
 */
@Component("projectionsHealthIndicator")
class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration eventProcessing;

    ProjectionsHealthIndicator(EventProcessingConfiguration eventProcessing) {
        this.eventProcessing = eventProcessing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<StreamingEventProcessor> processors = eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        List<String> notRunning = processors.stream().filter(p -> !p.isRunning() || p.isError())
                                            .map(StreamingEventProcessor::getName).sorted().toList();
        (notRunning.isEmpty() ? builder.up() : builder.down().withDetail("notRunning", notRunning))
                .withDetail("projections", processors.size());
    }
}
