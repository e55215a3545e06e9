package vn.province.govtrack.query.projection;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoClient;

/**
 * Event processors keep their tokens in the {@code trackingtokens} collection of the service's
 * database, serialized by the general (Jackson) serializer. Every query-side instance reads the
 * same documents, which is how {@link ProjectionPositions} knows a projection's position no matter
 * which instance holds the segment claim. Claims are made in the name of this instance
 * ({@link QueryInstance}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsistencyProperties.class)
class TokenStoreConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient mongoClient, MongoProperties mongoProperties) {
        return DefaultMongoTemplate.builder()
                                   .mongoDatabase(mongoClient, mongoProperties.getMongoClientDatabase())
                                   .build();
    }

    @Bean
    QueryInstance queryInstance() {
        return QueryInstance.ofThisProcess();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, QueryInstance queryInstance) {
        return MongoTokenStore.builder()
                              .mongoTemplate(axonMongoTemplate)
                              .serializer(serializer)
                              .nodeId(queryInstance.id())
                              .build();
    }
}
