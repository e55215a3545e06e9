package vn.province.govtrack.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class FreshTestDatabaseTest {

    private static GenericApplicationContext configuredFor(String database) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("application",
                Map.of(FreshTestDatabase.URI, "mongodb://127.0.0.1:27027", FreshTestDatabase.DATABASE, database)));
        new FreshTestDatabase().initialize(context);
        return context;
    }

    @Test
    void eachContextTalksToTheTestServerOnADatabaseOfItsOwnNamedAfterTheConfiguredOne() {
        try (GenericApplicationContext first = configuredFor("query-side");
             GenericApplicationContext second = configuredFor("query-side")) {
            String firstDatabase = first.getEnvironment().getProperty(FreshTestDatabase.DATABASE);

            assertThat(first.getEnvironment().getProperty(FreshTestDatabase.URI)).isEqualTo(TestMongo.uri());
            assertThat(firstDatabase).startsWith("query-side_")
                                     .isNotEqualTo(second.getEnvironment().getProperty(FreshTestDatabase.DATABASE));
        }
    }
}
