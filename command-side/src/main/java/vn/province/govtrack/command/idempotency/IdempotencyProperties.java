package vn.province.govtrack.command.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code govtrack.idempotency.*}; see docs/adr/0005-idempotency.md.
 *
 * @param retention       how long a key's claim, and the answer stored with it, is kept after its first use.
 *                        A command recorded under the key stays bound to it for good: its retry still gets
 *                        the original answer, rebuilt from the events
 * @param lease           how long a claim may stay in progress before another request may take it over
 *                        although its instance still beats: the last resort for a claim whose instance lost
 *                        track of it (the answer could not be stored), or that names no instance
 * @param maxWait         how long a retry waits for the first request with the same key to finish before it
 *                        is answered 409; longer than {@code ownerTimeout}, so that a retry that finds a dead
 *                        instance's claim takes it over within the wait
 * @param pollInterval    how often a waiting retry looks again
 * @param cleanupPeriod   how often expired keys and the heartbeats of long-gone instances are deleted
 *                        (MongoDB's TTL index deletes keys too, where it runs)
 * @param heartbeatPeriod how often each instance records that it is alive
 * @param ownerTimeout    how long an instance's heartbeat must stand still, as a waiting retry measures it
 *                        with its own clock, before the instance is presumed dead and its claims taken over;
 *                        longer than {@code heartbeatPeriod}
 * @param retryAfter      the {@code Retry-After} of a 409 for a request still in progress, rounded up to whole
 *                        seconds
 */
@ConfigurationProperties("govtrack.idempotency")
record IdempotencyProperties(@DefaultValue("PT24H") Duration retention,
                             @DefaultValue("PT60S") Duration lease,
                             @DefaultValue("PT10S") Duration maxWait,
                             @DefaultValue("PT0.05S") Duration pollInterval,
                             @DefaultValue("PT10M") Duration cleanupPeriod,
                             @DefaultValue("PT1S") Duration heartbeatPeriod,
                             @DefaultValue("PT3S") Duration ownerTimeout,
                             @DefaultValue("PT1S") Duration retryAfter) {

    IdempotencyProperties {
        if (ownerTimeout.compareTo(heartbeatPeriod) <= 0) {
            throw new IllegalArgumentException("govtrack.idempotency.owner-timeout (" + ownerTimeout + ") must be"
                                               + " longer than heartbeat-period (" + heartbeatPeriod + "), or live"
                                               + " instances would be presumed dead between two heartbeats");
        }
        if (maxWait.compareTo(ownerTimeout) <= 0) {
            throw new IllegalArgumentException("govtrack.idempotency.max-wait (" + maxWait + ") must be longer than"
                                               + " owner-timeout (" + ownerTimeout + "), so that a retry takes over a"
                                               + " dead instance's claim while it waits");
        }
    }

    /** {@link #retryAfter} in whole seconds, at least 1. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
