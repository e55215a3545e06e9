package vn.province.govtrack.query.evidence;

import java.util.function.ToDoubleFunction;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import vn.province.govtrack.eventstore.Checkpoint;

/**
 * The outcome of the last verification of the log that ran on this instance ({@link Verifications}), as
 * gauges. The log is verified on request only ({@code GET /api/v1/audit/verification}, or {@code ./audit
 * verify}, which no service sees), so these say what the last request on this instance found, whatever its
 * range, and how long ago:
 *
 * <ul>
 *   <li>{@value #INTACT}: 1 intact, 0 not (a position failed, or the verification could not finish),
 *       -1 while no verification has finished on this instance since it started;</li>
 *   <li>{@value #POSITION}: the last position it recomputed and matched (P), 0 if none;</li>
 *   <li>{@value #CHECKPOINT}: the position of the newest signed checkpoint it verified (C), 0 if none;</li>
 *   <li>{@value #FINISHED}: when it finished, in seconds since the epoch, 0 if none.</li>
 * </ul>
 */
@Component
class VerificationMeters {

    static final String INTACT = "govtrack.verification.intact";
    static final String POSITION = "govtrack.verification.position";
    static final String CHECKPOINT = "govtrack.verification.checkpoint";
    static final String FINISHED = "govtrack.verification.finished";

    VerificationMeters(Verifications verifications, MeterRegistry registry) {
        gauge(registry, verifications, INTACT, null, "1 intact, 0 not, -1 none finished on this instance yet",
              job -> job.result != null && job.result.intact() ? 1 : 0, -1);
        gauge(registry, verifications, POSITION, null, "The last position the last verification matched",
              job -> job.result == null ? 0 : job.result.verifiedThrough(), 0);
        gauge(registry, verifications, CHECKPOINT, null, "The newest signed checkpoint the last verification verified",
              job -> job.result == null ? 0 : job.result.checkpoint().map(Checkpoint::position).orElse(0L), 0);
        gauge(registry, verifications, FINISHED, "seconds", "When the last verification finished, since the epoch",
              job -> job.finishedAt.getEpochSecond(), 0);
    }

    private static void gauge(MeterRegistry registry, Verifications verifications, String name, String unit,
                              String description, ToDoubleFunction<Verifications.Job> value, double none) {
        Gauge.builder(name, verifications,
                      all -> all.lastFinished().map(value::applyAsDouble).orElse(none))
             .description(description).baseUnit(unit)
             .register(registry);
    }
}
