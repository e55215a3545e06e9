package vn.province.govtrack.query;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

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
 * The tests' one source of tokens: sends each request of a {@link TestRestTemplate} as the official
 * whose job it is, so that tests about queries need not say who asks: an AUDITOR reads (every read
 * is the auditor's), an ADMIN rebuilds projections. A request that already carries an
 * {@code Authorization} header is sent as it is. Who may do what is the authorisation matrix
 * test's subject, not this helper's.
 */
public final class ActingOfficials implements ClientHttpRequestInterceptor {

    private final TokenMinter minter;

    private ActingOfficials(TokenMinter minter) {
        this.minter = minter;
    }

    /**
     * A client of its own that asks as the responsible officials, built from {@code builder} (which says
     * where the service is). The context's shared client is left as it is, for tests that set every
     * header themselves.
     */
    public static TestRestTemplate client(RestTemplateBuilder builder, TokenMinter minter) {
        return new TestRestTemplate(builder.additionalInterceptors(new ActingOfficials(minter)));
    }

    /** A token valid for an hour. */
    public static String token(TokenMinter minter, Role role, String unitCode) {
        String subject = "test-" + role.name().toLowerCase(Locale.ROOT) + (unitCode != null ? "-" + unitCode : "");
        return minter.mint(new Caller(subject, role, role.unitBound() ? unitCode : null), Duration.ofHours(1));
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            Role role = request.getMethod() == HttpMethod.GET ? Role.AUDITOR : Role.ADMIN;
            request.getHeaders().setBearerAuth(token(minter, role, null));
        }
        return execution.execute(request, body);
    }
}
