package vn.province.govtrack.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IdempotencyPropertiesTest {

    private static IdempotencyProperties with(Duration heartbeatPeriod, Duration ownerTimeout, Duration maxWait,
                                              Duration retryAfter) {
        return new IdempotencyProperties(Duration.ofHours(24), Duration.ofSeconds(60), maxWait, Duration.ofMillis(50),
                                         Duration.ofMinutes(10), heartbeatPeriod, ownerTimeout, retryAfter);
    }

    @Test
    void anInstanceIsPresumedDeadOnlyAfterMissingHeartbeats() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> with(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(10),
                                       Duration.ofSeconds(1)))
                .withMessageContaining("owner-timeout");
    }

    @Test
    void aWaitingRetryOutlastsTheOwnerTimeoutSoThatItTakesOverADeadInstancesClaim() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> with(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10),
                                       Duration.ofSeconds(1)))
                .withMessageContaining("max-wait");
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(with(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofMillis(1500))
                           .retryAfterSeconds()).isEqualTo(2);
        assertThat(with(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ZERO)
                           .retryAfterSeconds()).isEqualTo(1);
    }
}
