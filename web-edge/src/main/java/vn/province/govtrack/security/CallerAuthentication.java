package vn.province.govtrack.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** An authenticated bearer token: the principal is the {@link Caller}, the authority its role's. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Jwt token;

    private CallerAuthentication(Caller caller, Jwt token) {
        super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    /**
     * The caller a validated token names.
     *
     * @throws InvalidBearerTokenException (401) when it lacks a subject, names an unknown role, or
     *                                     a unit-bound role without a unit
     */
    static CallerAuthentication of(Jwt token) {
        String roleName = token.getClaimAsString("role");
        Role role = Role.named(roleName);
        if (roleName != null && role == null) {
            throw new InvalidBearerTokenException("the token names an unknown role");
        }
        try {
            return new CallerAuthentication(new Caller(token.getSubject(), role, token.getClaimAsString("unitCode")),
                                            token);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException(e.getMessage());
        }
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
