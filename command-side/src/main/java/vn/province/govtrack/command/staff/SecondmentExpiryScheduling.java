package vn.province.govtrack.command.staff;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link SecondmentExpiry} periodically: {@code govtrack.staff.secondment-expiry.period}
 * (default 15 minutes) after the end of the previous run, the first run
 * {@code govtrack.staff.secondment-expiry.initial-delay} (default 30 s) after start-up. Every
 * instance runs it; the aggregate and the event store make the outcome the same as one run.
 * {@code govtrack.staff.secondment-expiry.enabled=false} switches the schedule off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "govtrack.staff.secondment-expiry.enabled", matchIfMissing = true)
class SecondmentExpiryScheduling {

    private final SecondmentExpiry expiry;

    SecondmentExpiryScheduling(SecondmentExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(fixedDelayString = "${govtrack.staff.secondment-expiry.period:PT15M}",
               initialDelayString = "${govtrack.staff.secondment-expiry.initial-delay:PT30S}")
    void endExpiredSecondments() {
        expiry.endExpiredSecondments();
    }
}
