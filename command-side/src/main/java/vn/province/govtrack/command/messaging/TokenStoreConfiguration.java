package vn.province.govtrack.command.messaging;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoClient;

/**
 * The command side's event processors (lookups the command side keeps for itself, such as active
 * secondments) keep their tokens in the {@code trackingtokens} collection of the service's database.
 * Being shared, the store lets exactly one command-side instance at a time claim a processor's
 * segment; processor names differ from the query side's, which uses the same collection.
 */
@Configuration(proxyBeanMethods = false)
class TokenStoreConfiguration {

    @Bean
    TokenStore tokenStore(MongoClient mongoClient, MongoProperties mongoProperties, Serializer serializer) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder()
                                                                 .mongoDatabase(mongoClient,
                                                                                mongoProperties.getMongoClientDatabase())
                                                                 .build())
                              .serializer(serializer)
                              .build();
    }
}
