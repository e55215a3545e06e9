package vn.province.govtrack.eventstore.spring;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.mongodb.MongoClientSettings;

/**
 * How long either service waits for MongoDB ({@code govtrack.mongo.*}), applied to the one client each
 * service has, before the options of the connection string (which win). The driver's own defaults wait
 * 30 s to find a server and forever for an answer; these bound what a request, a health check or a
 * shutdown can spend on a database that is gone or frozen (docs/api.md, "During a database outage"):
 *
 * <ul>
 *   <li>gone (refused connections): a request fails within {@code serverSelectionTimeout};</li>
 *   <li>frozen (connections open, no answer): within {@code socketTimeout}, the wait for the answer of
 *       the first round trip that meets the silence; once the driver's monitor has found the server
 *       silent (within {@code heartbeatFrequency} + {@code connectTimeout}) within
 *       {@code serverSelectionTimeout};</li>
 *   <li>all connections busy: a request waits {@code poolWaitTimeout} for one.</li>
 * </ul>
 *
 * <p>The driver does not retry a failed read by itself ({@code retryReads=false}): a retry would wait for
 * the same silent server again and double the bound, and the client that gets the 503 retries anyway.
 * Writes keep the driver's one retry where the server supports it (replica sets), which makes a primary's
 * step-down invisible; a standalone server has none.
 *
 * <p>{@code socketTimeout} bounds one round trip, not an operation: a long verification, rebuild, import
 * or report reads through cursors in batches, each a round trip of well under a second (the slowest
 * measured query, {@code /personnel/audit} at ten times the province's volume, has a p99 of 1.5 s).
 *
 * @param serverSelectionTimeout how long an operation waits for a usable server (driver default 30 s)
 * @param connectTimeout         how long opening a connection, and the monitor's heartbeat, may take (10 s)
 * @param socketTimeout          how long one round trip may wait for its answer (unbounded)
 * @param poolWaitTimeout        how long an operation waits for a free connection of the pool (120 s)
 * @param heartbeatFrequency     how often the driver's monitor checks the server (10 s); the readiness
 *                               of both services follows what it finds
 */
@ConfigurationProperties("govtrack.mongo")
public record MongoTimeouts(Duration serverSelectionTimeout, Duration connectTimeout, Duration socketTimeout,
                            Duration poolWaitTimeout, Duration heartbeatFrequency) {

    public MongoTimeouts {
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(3) : serverSelectionTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        socketTimeout = socketTimeout == null ? Duration.ofSeconds(5) : socketTimeout;
        poolWaitTimeout = poolWaitTimeout == null ? Duration.ofSeconds(3) : poolWaitTimeout;
        heartbeatFrequency = heartbeatFrequency == null ? Duration.ofSeconds(2) : heartbeatFrequency;
    }

    /** Gives {@code settings} these timeouts, and no retried reads. */
    public MongoClientSettings.Builder applyTo(MongoClientSettings.Builder settings) {
        return settings
                .retryReads(false)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis(serverSelectionTimeout),
                                                                                  TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(millis(connectTimeout), TimeUnit.MILLISECONDS)
                                                       .readTimeout(millis(socketTimeout), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(millis(poolWaitTimeout), TimeUnit.MILLISECONDS))
                .applyToServerSettings(server -> server.heartbeatFrequency(millis(heartbeatFrequency),
                                                                           TimeUnit.MILLISECONDS));
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }
}
