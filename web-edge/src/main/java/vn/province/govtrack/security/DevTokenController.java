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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "dev", description = "Local tokens for trying the API (local profile only)")
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

    @Schema(example = """
            {"token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXYtY2xlcmstWEEtVEFOLUxBUCIsInJvbGUiOiJDTEVSSyJ9.3q2-7wLh",
             "subject": "dev-clerk-XA-TAN-LAP", "role": "CLERK", "unitCode": "XA-TAN-LAP",
             "expiresInSeconds": 28800}""")
    record TokenAnswer(String token, String subject, Role role, String unitCode, long expiresInSeconds) {
    }

    /**
     * Answers only requests from the loopback interface that name this machine in their {@code Host}: a token
     * for any role, ADMIN included, must never be handed to another machine, even when the service was asked to
     * listen on others, nor to a foreign web page that reaches it through the browser.
     */
    @PostMapping("/dev/tokens")
    @Operation(summary = "Mint a token for any role (local profile only)")
    TokenAnswer token(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                              @ExampleObject(name = "ADMIN", value = "{\"role\": \"ADMIN\"}"),
                              @ExampleObject(name = "CLERK", summary = "A clerk of unit XA-TAN-LAP",
                                             value = "{\"role\": \"CLERK\", \"unitCode\": \"XA-TAN-LAP\"}"),
                              @ExampleObject(name = "UNIT_HEAD", summary = "The head of unit XA-TAN-LAP",
                                             value = "{\"role\": \"UNIT_HEAD\", \"unitCode\": \"XA-TAN-LAP\"}"),
                              @ExampleObject(name = "HOME_AFFAIRS", value = "{\"role\": \"HOME_AFFAIRS\"}"),
                              @ExampleObject(name = "AUDITOR", value = "{\"role\": \"AUDITOR\"}"),
                              @ExampleObject(name = "CLIENT", value = "{\"role\": \"CLIENT\"}"),
                              @ExampleObject(name = "named", summary = "A named clerk, for an hour",
                                             value = "{\"role\": \"CLERK\", \"unitCode\": \"XA-TAN-LAP\", "
                                                     + "\"subject\": \"an.nguyen\", \"ttlMinutes\": 60}")}))
                      @Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        if (!fromLoopback(http)) {
            throw ProblemType.FORBIDDEN.exception("POST /dev/tokens answers requests from this machine's loopback "
                                                  + "interface only");
        }
        if (!addressedToLoopback(http)) {
            throw ProblemType.FORBIDDEN.exception("POST /dev/tokens answers requests addressed to localhost or a "
                                                  + "loopback address only");
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

    /**
     * Whether the request names this machine in its {@code Host}: {@code localhost} or a loopback address.
     * A web page whose own name an attacker re-pointed to 127.0.0.1 (DNS rebinding) sends requests that come
     * from loopback and that the browser deems same-origin, so it could read a token; they carry the
     * attacker's name in {@code Host}, which this refuses. No name is looked up: only IP literals are parsed.
     */
    static boolean addressedToLoopback(HttpServletRequest http) {
        String host = http.getServerName();
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+") && !name.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
