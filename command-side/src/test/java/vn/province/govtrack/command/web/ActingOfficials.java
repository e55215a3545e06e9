package vn.province.govtrack.command.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;

/**
 * The tests' one source of tokens: sends each request of a {@link TestRestTemplate} with the token
 * of the official whose job it is, so that tests about business rules need not say who acts. ADMIN
 * registers units and procedures and sets the calendar, HOME_AFFAIRS sets quotas and moves staff,
 * and the UNIT_HEAD of the unit a dossier is currently at acts on it: the unit is taken from the
 * submission, then from each accepted transfer. A request that already carries an
 * {@code Authorization} header is sent as it is. Who may do what is the authorisation matrix
 * test's subject, not this helper's.
 */
public final class ActingOfficials implements ClientHttpRequestInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOSSIERS = "/api/v1/dossiers";
    /** The unit of a dossier the tests never submitted (unknown ids, invalid submissions). */
    private static final String NO_UNIT = "NO-UNIT";

    private final TokenMinter minter;
    private final Map<String, String> unitOfDossier = new ConcurrentHashMap<>();

    private ActingOfficials(TokenMinter minter) {
        this.minter = minter;
    }

    /**
     * A client of its own that acts as the responsible officials, built from {@code builder} (which says
     * where the service is). The context's shared client is left as it is, for tests that set every
     * header themselves.
     */
    public static TestRestTemplate client(RestTemplateBuilder builder, TokenMinter minter) {
        return new TestRestTemplate(builder.additionalInterceptors(new ActingOfficials(minter)));
    }

    /** A token valid for an hour. */
    public static String token(TokenMinter minter, Role role, String unitCode) {
        String subject = "test-" + role.name().toLowerCase(java.util.Locale.ROOT) + (unitCode != null ? "-" + unitCode : "");
        return minter.mint(new Caller(subject, role, role.unitBound() ? unitCode : null), Duration.ofHours(1));
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return execution.execute(request, body);
        }
        String path = request.getURI().getPath();
        String[] segments = path.split("/");
        boolean dossierCommand = path.startsWith(DOSSIERS) && request.getMethod() == HttpMethod.POST;
        String dossierId = segments.length > 4 && path.startsWith(DOSSIERS + "/") ? segments[4] : null;
        JsonNode json = dossierCommand ? parse(body) : null;
        String token;
        if (dossierCommand) {
            String unit = dossierId == null ? json.path("unitCode").asText(NO_UNIT)
                    : unitOfDossier.getOrDefault(dossierId, NO_UNIT);
            token = token(minter, Role.UNIT_HEAD, unit);
        } else if (path.startsWith("/api/v1/staff") || path.matches("/api/v1/units/[^/]+/quotas/.*")) {
            token = token(minter, Role.HOME_AFFAIRS, null);
        } else {
            token = token(minter, Role.ADMIN, null);
        }
        request.getHeaders().setBearerAuth(token);
        ClientHttpResponse response = execution.execute(request, body);
        if (dossierCommand && response.getStatusCode().is2xxSuccessful()) {
            if (dossierId == null) {
                URI location = response.getHeaders().getLocation();
                String submitted = location != null ? location.getPath().substring(location.getPath().lastIndexOf('/') + 1)
                        : json.path("dossierId").asText();
                unitOfDossier.put(submitted, json.path("unitCode").asText());
            } else if (path.endsWith("/transfers")) {
                unitOfDossier.put(dossierId, json.path("toUnitCode").asText());
            }
        }
        return response;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.nullNode(); // a malformed body under test: no unit to act for
        }
    }
}
