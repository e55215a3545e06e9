package vn.province.govtrack.command.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import vn.province.govtrack.web.DatabaseUnavailable;

/**
 * Times every command, accepted or refused, in one place: the timer {@value #COMMANDS} (a histogram),
 * tagged {@code command} with the method and route of its endpoint ({@code POST
 * /api/v1/dossiers/{dossierId}/resolution}: a few dozen values, never an id) and {@code outcome}:
 * {@code accepted} (2xx), {@code replayed} (an idempotent retry answered with the first answer, which
 * appended nothing), or the refusal's status ({@code 400}, {@code 401}, {@code 403}, {@code 404}, {@code 409},
 * {@code 413}, {@code 415} from the web edge's body filter, {@code 422}, {@code 503} …, the database out of reach
 * also when the failure escaped to the error page; {@code 500} for any other fault). A 405 or a 415 that
 * Spring MVC's own handler lookup answers matches no command endpoint and is not counted. docs/operations.md
 * lists it.
 *
 * <p>It runs first among the filters, so it also counts the commands refused before they reach a controller
 * (by the web edge's filters, the security rules or the idempotency filter): their route is then looked up
 * in the handler mapping, as the dispatcher would. A request that matches no command endpoint (an unknown
 * path or method) is not a command and is not counted; Spring's {@code http.server.requests} has it.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not in the import and backup commands
@Order(Ordered.HIGHEST_PRECEDENCE)
final class CommandMeters extends OncePerRequestFilter {

    static final String COMMANDS = "govtrack.commands";
    /** The idempotency filter's mark on a replayed answer. */
    private static final String REPLAYED = "Idempotent-Replayed";

    private final MeterRegistry registry;
    private final RequestMappingHandlerMapping handlers;

    CommandMeters(MeterRegistry registry,
                  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        this.registry = registry;
        this.handlers = handlers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(registry);
        String outcome = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException fault) {
            // answered by the error page as the web edge maps it: a database out of reach is a 503
            outcome = DatabaseUnavailable.causedByUnavailableDatabase(fault) ? "503" : "500";
            throw fault;
        } finally {
            String route = route(request);
            if (route != null) {
                sample.stop(Timer.builder(COMMANDS)
                                 .description("Commands by endpoint and outcome, from arrival to answer")
                                 .tag("command", route)
                                 .tag("outcome", outcome != null ? outcome : outcome(response))
                                 .publishPercentileHistogram()
                                 .register(registry));
            }
        }
    }

    private static String outcome(HttpServletResponse response) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return "true".equals(response.getHeader(REPLAYED)) ? "replayed" : "accepted";
        }
        return String.valueOf(status);
    }

    /** "METHOD /route" of the command endpoint the request is for, or null if it is for none. */
    private String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            pattern = lookedUp(request);
        }
        return pattern == null ? null : request.getMethod() + " " + pattern;
    }

    /** The route of a request that never reached the dispatcher, as its handler mapping matches it. */
    private Object lookedUp(HttpServletRequest request) {
        Object previousPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            return handlers.getHandler(request) == null
                    ? null
                    : request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        } catch (Exception noCommand) { // a method no endpoint of the path takes, an unreadable media type …
            return null;
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previousPath);
        }
    }
}
