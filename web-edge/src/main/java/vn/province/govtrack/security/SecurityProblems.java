package vn.province.govtrack.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers refused requests as {@code application/problem+json} (RFC 9457): 401 when the request
 * carries no valid bearer token (missing, expired, forged, or naming no usable role), 403 when the
 * caller's role may not call the endpoint. Spring's bearer-token handlers set the status and the
 * {@code WWW-Authenticate: Bearer ...} header (RFC 6750); this adds the body.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String UNAUTHENTICATED = "https://govtrack.example/problems/unauthenticated";
    public static final String FORBIDDEN = "https://govtrack.example/problems/forbidden";

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearerEntryPoint.commence(request, response, failure);
        String detail = failure instanceof InvalidBearerTokenException invalid
                ? "the bearer token is not valid: " + invalid.getMessage()
                : "a valid bearer token is required (Authorization: Bearer <token>)";
        write(response, request, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Unauthenticated", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerAccessDenied.handle(request, response, denied);
        String who = Caller.current().map(caller -> "role " + caller.role()).orElse("the caller");
        write(response, request, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
              who + " may not " + request.getMethod() + " " + request.getRequestURI());
    }

    private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String type,
                       String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
