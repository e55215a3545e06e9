package vn.province.govtrack.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of a request, from its bearer token.
 *
 * @param subject  the token's {@code sub}: who acts, recorded as the events' actor
 * @param role     what the caller may do
 * @param unitCode the unit a unit-bound role acts for; null for the other roles
 */
public record Caller(String subject, Role role, String unitCode) {

    /** @throws IllegalArgumentException without a subject or role, or a unit-bound role without a unit */
    public Caller {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("the token names no subject (sub)");
        }
        if (role == null) {
            throw new IllegalArgumentException("the token names no role");
        }
        if (role.unitBound() && (unitCode == null || unitCode.isBlank())) {
            throw new IllegalArgumentException("role " + role + " needs a unitCode");
        }
        if (!role.unitBound()) {
            unitCode = null;
        }
    }

    /** The caller of the request this thread serves, if it is authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    /** Whether the caller may act on what is at {@code unit}: always, unless its role is bound to another unit. */
    public boolean actsFor(String unit) {
        return !role.unitBound() || unitCode.equals(unit);
    }
}
