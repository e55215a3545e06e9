package vn.province.govtrack.command.idempotency;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoClient;

import vn.province.govtrack.command.idempotency.IdempotencyKeys.StoredAnswer;

/**
 * Makes an instance die, as far as every other instance can tell, after each keyed command's events are
 * written and before its answer is stored: it never beats (a process killed right after it started), and
 * the write that would store an answer never happens, so its claims stay in progress. Everything else is
 * the real service. Its HTTP answers still reach the test: what the first attempt would have answered,
 * had it lived, for comparison with the retry's.
 *
 * <p>A configuration for {@link SecondInstance#start}, replacing two beans (not a component, so that no
 * other instance picks it up).
 */
class DyingInstance {

    @Bean
    IdempotencyKeys idempotencyKeys(MongoClient mongoClient, MongoProperties mongoProperties) {
        return new IdempotencyKeys(mongoClient, mongoProperties) {
            @Override
            boolean complete(String scope, String key, String claim, StoredAnswer answer, Instant now) {
                return true;
            }
        };
    }

    @Bean
    Heartbeats heartbeats(MongoClient mongoClient, MongoProperties mongoProperties, IdempotencyProperties properties,
                          Clock clock) {
        return new Heartbeats(mongoClient, mongoProperties, properties, clock) {
            @Override
            void beat() {
            }
        };
    }
}
