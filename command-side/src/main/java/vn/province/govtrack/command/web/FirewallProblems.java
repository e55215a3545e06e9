package vn.province.govtrack.command.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers requests that Spring Security's firewall refuses (an unknown HTTP method, a path with
 * encoded separators or control characters, ...) with a 400 problem, as any other malformed input;
 * without it they get an empty 400.
 */
@Component
class FirewallProblems implements RequestRejectedHandler {

    private final FilterProblems problems;

    FirewallProblems(FilterProblems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        problems.write(request, response, 400, "malformed-request", "Malformed request",
                       "the request's method, path or headers are not allowed");
    }
}
