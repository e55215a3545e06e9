package vn.province.govtrack.eventstore.spring;

import java.security.KeyPair;
import java.time.Clock;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import com.mongodb.client.MongoClient;

import io.micrometer.core.instrument.MeterRegistry;

import vn.province.govtrack.eventstore.AppendObserver;
import vn.province.govtrack.eventstore.AuditKeys;
import vn.province.govtrack.eventstore.CheckpointSigner;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.MongoEventStore;

/**
 * Makes our MongoDB engine the event store of any Axon Spring Boot service that depends on this
 * module, on the database Spring Boot's Mongo client points at ({@code spring.data.mongodb.*}), and
 * bounds how long that client, the only one either service has, waits for the database
 * ({@link MongoTimeouts}).
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = MongoAutoConfiguration.class,
                   afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties({EventStoreProperties.class, AuditProperties.class, MongoProperties.class,
                                MongoTimeouts.class})
public class MongoEventStoreAutoConfiguration {

    @Bean
    StoreReachability storeReachability() {
        return new StoreReachability();
    }

    /**
     * Applied before Spring Boot's own customizer, which applies the connection string: an option
     * written in {@code MONGODB_URI} (e.g. {@code connectTimeoutMS}) wins over {@code govtrack.mongo.*}.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer boundedMongoWaits(MongoTimeouts timeouts, StoreReachability reachability) {
        return settings -> timeouts.applyTo(settings)
                                   .applyToClusterSettings(cluster -> cluster.addClusterListener(reachability));
    }

    @Bean
    @ConditionalOnMissingBean
    public MongoEventStorageEngine eventStorageEngine(MongoClient mongoClient, MongoProperties mongoProperties,
                                                      EventStoreProperties properties, Serializer serializer,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      org.axonframework.config.Configuration configuration,
                                                      ObjectProvider<AppendObserver> appendObserver) {
        return MongoEventStorageEngine.builder()
                                      .database(mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()))
                                      .batchSize(properties.batchSize())
                                      .snapshotSerializer(serializer)
                                      .eventSerializer(eventSerializer)
                                      .upcasterChain(configuration.upcasterChain())
                                      .snapshotFilter(configuration.snapshotFilter())
                                      .appendObserver(appendObserver.getIfAvailable(() -> AppendObserver.NONE))
                                      .build();
    }

    /** Axon's embedded store over our engine, polling for other processes' commits every {@code fetchDelay}. */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventBus.class)
    public MongoEventStore eventStore(MongoEventStorageEngine storageEngine, EventStoreProperties properties,
                                      org.axonframework.config.Configuration configuration) {
        return new MongoEventStore(EmbeddedEventStore.builder()
                                                     .storageEngine(storageEngine)
                                                     .fetchDelay(properties.fetchDelay().toMillis())
                                                     .messageMonitor(configuration.messageMonitor(EventStore.class,
                                                                                                  "eventStore")));
    }

    /**
     * Signs checkpoints of the log (ADR 0010), only where {@code govtrack.audit.signing-enabled=true};
     * the signing key and the public key must then both be configured.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "govtrack.audit.signing-enabled", havingValue = "true")
    static class Signing {

        @Bean
        CheckpointSigning checkpointSigning(MongoEventStorageEngine storageEngine, AuditProperties properties) {
            if (properties.signingKey() == null || properties.publicKey() == null) {
                throw new IllegalStateException("govtrack.audit.signing-enabled=true needs govtrack.audit.signing-key"
                                                + " and govtrack.audit.public-key (GOVTRACK_AUDIT_SIGNING_KEY,"
                                                + " GOVTRACK_AUDIT_PUBLIC_KEY)");
            }
            KeyPair keys = new KeyPair(AuditKeys.publicKey(properties.publicKey()),
                                       AuditKeys.privateKey(properties.signingKey()));
            return new CheckpointSigning(new CheckpointSigner(storageEngine, keys, properties.checkpointEveryEvents(),
                                                              properties.checkpointEvery(), Clock.systemUTC()),
                                         properties);
        }
    }

    /** The store's write meters ({@link AppendMeters}), when the service has Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Meters {

        @Bean
        @ConditionalOnMissingBean(AppendObserver.class)
        @ConditionalOnBean(MeterRegistry.class)
        AppendObserver appendMeters(MeterRegistry registry) {
            return new AppendMeters(registry);
        }
    }

    /** The store's health, when the service has Spring Boot's actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "eventStoreHealthIndicator")
        HealthIndicator eventStoreHealthIndicator(MongoClient mongoClient, MongoProperties mongoProperties,
                                                  StoreReachability reachability) {
            return new EventStoreHealthIndicator(mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()),
                                                 reachability);
        }
    }
}
