package vn.province.govtrack.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import vn.province.govtrack.web.FilterProblems;
import vn.province.govtrack.web.ProblemType;

/**
 * Answers the requests Spring Security refuses as {@code application/problem+json} (RFC 9457): 400
 * {@code malformed-request} when its firewall refuses the request (an unknown HTTP method, a path with
 * encoded separators, {@code ..} or control characters, ...), which would otherwise get an empty 400;
 * 401 when the request carries no valid bearer token (missing, expired, forged, or naming no usable
 * role); 403 when the caller's role may not call the endpoint. For 401 and 403, Spring's bearer-token
 * handlers set the status and the {@code WWW-Authenticate: Bearer ...} header (RFC 6750); this adds
 * the body.
 */
public final class SecurityProblems implements RequestRejectedHandler, AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final FilterProblems problems;

    SecurityProblems(FilterProblems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        problems.write(request, response, ProblemType.MALFORMED_REQUEST,
                       "the request's method, path or headers are not allowed");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearerEntryPoint.commence(request, response, failure);
        String detail = failure instanceof InvalidBearerTokenException invalid
                ? "the bearer token is not valid: " + invalid.getMessage()
                : "a valid bearer token is required (Authorization: Bearer <token>)";
        problems.write(request, response, ProblemType.UNAUTHENTICATED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerAccessDenied.handle(request, response, denied);
        String who = Caller.current().map(caller -> "role " + caller.role()).orElse("the caller");
        problems.write(request, response, ProblemType.FORBIDDEN,
                       who + " may not " + request.getMethod() + " " + request.getRequestURI());
    }
}
