package vn.province.govtrack.command.idempotency;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.province.govtrack.command.CommandSideApplication;
import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.security.TokenMinter;

/**
 * Another command-side instance on a test's database, as a second process would be: its own
 * application context, port and heartbeat, reached over HTTP as the responsible officials.
 */
final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final TestRestTemplate http;

    private SecondInstance(ConfigurableApplicationContext context, TokenMinter minter) {
        this.context = context;
        this.http = ActingOfficials.client(new RestTemplateBuilder().rootUri(
                "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")), minter);
    }

    /** Starts an instance on {@code database}, with {@code configurations} replacing some of its beans. */
    static SecondInstance start(String database, TokenMinter minter, Class<?>... configurations) {
        List<Class<?>> sources = new ArrayList<>(List.of(CommandSideApplication.class));
        sources.addAll(List.of(configurations));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(
                "--server.port=0", "--spring.data.mongodb.uri=" + TestMongo.uri(),
                "--spring.data.mongodb.database=" + database, "--govtrack.staff.secondment-expiry.enabled=false",
                "--spring.main.allow-bean-definition-overriding=" + (configurations.length > 0));
        return new SecondInstance(context, minter);
    }

    TestRestTemplate http() {
        return http;
    }

    /** The id this instance's claims name it by. */
    String instanceId() {
        return context.getBean(Heartbeats.class).instanceId();
    }

    @Override
    public void close() {
        context.close();
    }
}
