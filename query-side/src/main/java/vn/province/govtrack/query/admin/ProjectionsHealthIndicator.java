package vn.province.govtrack.query.admin;

import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code projections}: UP once every projection's event processor runs; lists those that do not,
 * and those retrying a failed batch. Part of the readiness group: before its processors run, this
 * instance answers queries from read models that nothing keeps current. A processor retrying a
 * failed batch still runs: it keeps the instance ready (its lag shows in
 * {@code /api/v1/admin/projections}), so that one event that keeps failing cannot take every
 * instance out of service at once.
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
        List<String> notRunning = processors.stream().filter(p -> !p.isRunning())
                                            .map(StreamingEventProcessor::getName).sorted().toList();
        List<String> retrying = processors.stream().filter(StreamingEventProcessor::isError)
                                          .map(StreamingEventProcessor::getName).sorted().toList();
        (notRunning.isEmpty() ? builder.up() : builder.down().withDetail("notRunning", notRunning))
                .withDetail("retrying", retrying)
                .withDetail("projections", processors.size());
    }
}
