package vn.province.govtrack.query.projection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes tuning ({@code govtrack.query.consistency.*}).
 *
 * @param maxWait      the longest a query waits for its {@code minPosition}
 * @param pollInterval how often a waiting query re-reads the projection's position; also how long a
 *                     read position is reused for other queries
 */
@ConfigurationProperties("govtrack.query.consistency")
public record ConsistencyProperties(@DefaultValue("5s") Duration maxWait, @DefaultValue("50ms") Duration pollInterval) {
}
