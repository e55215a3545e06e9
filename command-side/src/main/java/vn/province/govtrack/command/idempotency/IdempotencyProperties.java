package vn.province.govtrack.command.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code govtrack.idempotency.*}; see docs/adr/0005-idempotency.md.
 *
 * @param retention     how long a key is remembered after its first use; a later retry runs anew
 * @param lease         how long a claim may stay in progress before another request may take it
 *                      over (the claimant is presumed dead); longer than any command may take
 * @param maxWait       how long a retry waits for the first request with the same key to finish
 *                      before it is answered 409
 * @param pollInterval  how often a waiting retry looks again
 * @param cleanupPeriod how often expired keys are deleted (MongoDB's TTL index does it too, where it runs)
 */
@ConfigurationProperties("govtrack.idempotency")
record IdempotencyProperties(@DefaultValue("PT24H") Duration retention,
                             @DefaultValue("PT60S") Duration lease,
                             @DefaultValue("PT10S") Duration maxWait,
                             @DefaultValue("PT0.05S") Duration pollInterval,
                             @DefaultValue("PT10M") Duration cleanupPeriod) {
}
