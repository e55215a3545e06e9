package vn.province.govtrack.embeddedmongo;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts each Spring application context a test starts on {@link TestMongo} and on a database of its own,
 * named after the configured {@code spring.data.mongodb.database} and made unique by
 * {@link TestMongo#freshDatabaseName(String)}. Since Spring caches test contexts by configuration, test
 * classes with the same configuration share one context and so one store, and a test with another
 * configuration never meets their data.
 */
public final class FreshTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String URI = "spring.data.mongodb.uri";
    static final String DATABASE = "spring.data.mongodb.database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty(DATABASE);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshTestDatabase",
                Map.of(URI, TestMongo.uri(), DATABASE, TestMongo.freshDatabaseName(name))));
    }
}
