package vn.province.govtrack.query.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projection stream's tuning ({@code govtrack.query.stream.*}).
 *
 * @param maxSubscribers how many streams this instance keeps open at once; one more is answered 503
 * @param pollInterval   how often, while anyone is subscribed, this instance reads the projections' positions
 * @param keepAlive      how long a stream may stay silent before a comment line is sent on it, which keeps
 *                       proxies from closing it and finds clients that went away
 */
@ConfigurationProperties("govtrack.query.stream")
record StreamProperties(@DefaultValue("200") int maxSubscribers, @DefaultValue("250ms") Duration pollInterval,
                        @DefaultValue("15s") Duration keepAlive) {

    StreamProperties {
        if (maxSubscribers < 1 || pollInterval.isNegative() || pollInterval.isZero() || keepAlive.isNegative()
            || keepAlive.isZero()) {
            throw new IllegalArgumentException("govtrack.query.stream: max-subscribers must be at least 1, "
                                               + "poll-interval and keep-alive positive");
        }
    }
}
