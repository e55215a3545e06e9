package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

import vn.province.govtrack.embeddedmongo.FreshTestDatabase;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;

/**
 * A separate management port, as docker-compose.yml configures it (a context of its own: the management
 * server is another configuration): Prometheus scrapes there without a token, every other actuator
 * endpoint stays ADMIN only, and the service's port no longer serves the actuator at all.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.data.mongodb.database=management-port", "management.server.port=0",
                              "govtrack.staff.secondment-expiry.enabled=false"})
@ContextConfiguration(initializers = FreshTestDatabase.class)
class ManagementPortHttpTest {

    @LocalServerPort
    private int servicePort;
    @LocalManagementPort
    private int managementPort;
    @Autowired
    private TokenMinter minter;
    private final TestRestTemplate http = new TestRestTemplate();

    @Test
    void prometheus_scrapes_the_management_port_without_a_token() {
        ResponseEntity<String> scrape = get(managementPort, "/actuator/prometheus", null);

        assertThat(managementPort).isNotEqualTo(servicePort);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody()).contains("govtrack_event_store_commits_total");
    }

    @Test
    void every_other_actuator_endpoint_on_the_management_port_stays_admin_only_but_health() {
        assertThat(get(managementPort, "/actuator/metrics", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(managementPort, "/actuator/metrics", ActingOfficials.token(minter, Role.AUDITOR, null))
                           .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(managementPort, "/actuator/metrics", ActingOfficials.token(minter, Role.ADMIN, null))
                           .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(managementPort, "/actuator/health/readiness", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_services_port_opens_nothing_for_the_scrape() {
        assertThat(get(servicePort, "/actuator/prometheus", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(servicePort, "/actuator/prometheus", ActingOfficials.token(minter, Role.ADMIN, null))
                           .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_scrape_a_proxy_passed_on_is_not_open() {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.set("X-Forwarded-For", "203.0.113.7");

        assertThat(getWith(managementPort, "/actuator/prometheus", forwarded).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> get(int port, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return getWith(port, path, headers);
    }

    private ResponseEntity<String> getWith(int port, String path, HttpHeaders headers) {
        return http.exchange("http://localhost:" + port + path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
