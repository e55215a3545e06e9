package vn.province.govtrack.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The port of the service's separate management server, once it listens: Spring Boot starts one when
 * {@code management.server.port} differs from the service's port, and the actuator endpoints then answer
 * there only. On that port, and there only, Prometheus may scrape {@code GET /actuator/prometheus} without
 * a token (docs/operations.md): the port is meant for the deployment's own network (docker-compose.yml
 * exposes it to the compose network and publishes it nowhere), and the metrics hold no personal data.
 * Without a separate management server nothing is open: {@code /actuator/prometheus} is ADMIN only on the
 * service's port, like every actuator endpoint but health.
 */
final class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    /** The namespace Spring Boot gives the management server's child context. */
    private static final String MANAGEMENT = "management";

    private final RequestMatcher scrapePath = PathPatternRequestMatcher.withDefaults()
                                                                       .matcher(HttpMethod.GET, "/actuator/prometheus");
    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT.equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /**
     * A Prometheus scrape arriving on the separate management server's port, straight from its scraper: a
     * request that a proxy passed on (it carries {@code X-Forwarded-For}, as the compose gateway adds to
     * everything it routes to the management port's health) is not open, whatever its path became.
     */
    RequestMatcher scrape() {
        return request -> onManagementPort(request) && request.getHeader("X-Forwarded-For") == null
                          && scrapePath.matches(request);
    }

    private boolean onManagementPort(HttpServletRequest request) {
        int known = port;
        return known > 0 && request.getLocalPort() == known;
    }
}
