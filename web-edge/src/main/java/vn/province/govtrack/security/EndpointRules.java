package vn.province.govtrack.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;

/**
 * A service's endpoints and the roles that may call them, declared once as a bean. The shared
 * filter chain applies the rules in order (the first that matches a request decides), after the
 * open paths (health, API documentation); a request none matches needs only a valid token, so that
 * unknown paths answer 404 and wrong methods 405. Every handler of a service must therefore be
 * named by a rule, which the service's authorisation matrix test checks. The published OpenAPI
 * document states each operation's roles from the same rules.
 */
@FunctionalInterface
public interface EndpointRules {

    List<EndpointRule> rules();

    /**
     * The rule that decides a request, the first that matches it as in the filter chain; empty when
     * none does. For callers that act as a request would without being one (a bulk import).
     */
    default Optional<EndpointRule> ruleFor(HttpMethod method, String path) {
        return rules().stream().filter(rule -> rule.matches(method, path)).findFirst();
    }
}
