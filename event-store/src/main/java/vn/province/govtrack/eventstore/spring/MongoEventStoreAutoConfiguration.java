package vn.province.govtrack.eventstore.spring;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoClient;

import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.MongoEventStore;

/**
 * Makes our MongoDB engine the event store of any Axon Spring Boot service that depends on this
 * module, on the database Spring Boot's Mongo client points at ({@code spring.data.mongodb.*}).
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = MongoAutoConfiguration.class)
@EnableConfigurationProperties({EventStoreProperties.class, MongoProperties.class})
public class MongoEventStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public MongoEventStorageEngine eventStorageEngine(MongoClient mongoClient, MongoProperties mongoProperties,
                                                      EventStoreProperties properties, Serializer serializer,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      org.axonframework.config.Configuration configuration) {
        return MongoEventStorageEngine.builder()
                                      .database(mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()))
                                      .batchSize(properties.batchSize())
                                      .snapshotSerializer(serializer)
                                      .eventSerializer(eventSerializer)
                                      .upcasterChain(configuration.upcasterChain())
                                      .snapshotFilter(configuration.snapshotFilter())
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

    /** The store's health, when the service has Spring Boot's actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "eventStoreHealthIndicator")
        HealthIndicator eventStoreHealthIndicator(MongoClient mongoClient, MongoProperties mongoProperties) {
            return new EventStoreHealthIndicator(mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()));
        }
    }
}
