package vn.province.govtrack.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call the requests matching {@code method} (null: any) and {@code path} (an Ant-style
 * pattern, e.g. {@code /api/v1/dossiers/*}/extensions}).
 *
 * @param roles the roles allowed; empty means open to anyone, without a token
 * @param note  why, or what else is checked (e.g. unit scoping), for the API documentation; may be empty
 */
public record EndpointRule(HttpMethod method, String path, Set<Role> roles, String note) {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    public EndpointRule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        note = note == null ? "" : note;
    }

    public static EndpointRule allow(HttpMethod method, String path, Role... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("name the roles allowed, or use open(...)");
        }
        return new EndpointRule(method, path, Set.of(roles), "");
    }

    /** Anyone, without a token. */
    public static EndpointRule open(HttpMethod method, String path) {
        return new EndpointRule(method, path, Set.of(), "");
    }

    public EndpointRule because(String note) {
        return new EndpointRule(method, path, roles, note);
    }

    /** Whether this rule covers a request of {@code requestMethod} to the concrete {@code requestPath}. */
    public boolean matches(HttpMethod requestMethod, String requestPath) {
        return (method == null || method.equals(requestMethod)) && PATHS.match(path, requestPath);
    }

    /** Whether a caller in {@code role} may make the requests this rule covers. */
    public boolean allows(Role role) {
        return roles.isEmpty() || roles.contains(role);
    }

    /** Whether this rule covers an operation of the API documentation, {@code {variables}} in its path. */
    boolean covers(HttpMethod operationMethod, String pathTemplate) {
        return (method == null || method.equals(operationMethod))
               && PATHS.match(path, pathTemplate.replaceAll("\\{[^}]*}", "x"));
    }

    /** The rule as the API documentation states it. */
    String describe() {
        String who = roles.isEmpty() ? "open to anyone, no token needed"
                : Arrays.stream(Role.values()).filter(roles::contains).map(Role::name)
                        .collect(Collectors.joining(", "));
        return "Roles: " + who + "." + (note.isEmpty() ? "" : " " + note);
    }
}
