package vn.province.govtrack.query.timeliness;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code timelinessIndex}: DOWN until this instance's index has loaded the stored facts (part of the
 * readiness group), so that a starting instance gets no timeliness query it would answer from part
 * of the dossiers. Reports wait for the load anyway; this keeps them away meanwhile.
 */
@Component("timelinessIndexHealthIndicator")
class TimelinessIndexHealthIndicator extends AbstractHealthIndicator {

    private final TimelinessIndexLoading loading;

    TimelinessIndexHealthIndicator(TimelinessIndexLoading loading) {
        this.loading = loading;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (loading.loaded()) {
            builder.up();
        } else {
            builder.down().withDetail("loading", "the stored timeliness facts");
        }
    }
}
