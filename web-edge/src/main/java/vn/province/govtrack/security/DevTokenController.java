package vn.province.govtrack.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.web.ProblemType;

/**
 * Local tokens for trying the API: {@code POST /dev/tokens} with a role (and a unit for CLERK and
 * UNIT_HEAD) answers a token signed with the shared secret, so both services accept it. Both services
 * answer it alike (the dashboard on the query side mints its tokens there). Exists only in the
 * {@code local} profile that {@code ./run} uses, where {@link JwtSecretAutoConfiguration} registers
 * it; anyone who can reach it can be anyone.
 */
@RestController
class DevTokenController {

    /** A unit code as both services take it; not {@code .} or {@code ..}, which would name no path segment. */
    private static final String CODE = "(?!\\.\\.?$)[A-Za-z0-9._-]{1,64}";

    private final TokenMinter minter;

    DevTokenController(TokenMinter minter) {
        this.minter = minter;
    }

    /**
     * @param subject    who the token names (its {@code sub}); default {@code dev-<role>[-<unit>]}
     * @param ttlMinutes how long it is valid, 1 to 1440 minutes; default 480 (a working day)
     */
    record TokenRequest(@NotNull Role role, @Pattern(regexp = CODE) String unitCode,
                        @Pattern(regexp = "[A-Za-z0-9._:@-]{1,128}") String subject,
                        @Min(1) @Max(1440) Integer ttlMinutes) {
    }

    record TokenAnswer(String token, String subject, Role role, String unitCode, long expiresInSeconds) {
    }

    /**
     * Answers only requests from the loopback interface: a token for any role, ADMIN included, must
     * never be handed to another machine, even when the service was asked to listen on others.
     */
    @PostMapping("/dev/tokens")
    TokenAnswer token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        if (!fromLoopback(http)) {
            throw ProblemType.FORBIDDEN.exception("POST /dev/tokens answers requests from this machine's loopback "
                                                  + "interface only");
        }
        if (request.role().unitBound() && request.unitCode() == null) {
            throw ProblemType.INVALID_INPUT.exception("unitCode is required for role " + request.role());
        }
        String unit = request.role().unitBound() ? request.unitCode() : null;
        String subject = request.subject() != null ? request.subject()
                : "dev-" + request.role().name().toLowerCase(Locale.ROOT) + (unit != null ? "-" + unit : "");
        Duration ttl = Duration.ofMinutes(request.ttlMinutes() != null ? request.ttlMinutes() : 480);
        Caller caller = new Caller(subject, request.role(), unit);
        return new TokenAnswer(minter.mint(caller, ttl), subject, request.role(), unit, ttl.toSeconds());
    }

    private static boolean fromLoopback(HttpServletRequest http) {
        try {
            // The peer's address as the connection gives it (no forwarding headers are trusted); an IP
            // literal, so this is no name lookup.
            return InetAddress.getByName(http.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
