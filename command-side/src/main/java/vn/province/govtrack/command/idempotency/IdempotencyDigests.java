package vn.province.govtrack.command.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The two digests an idempotent request leaves in the events of its command: the commit key, of the
 * caller's scope and key, and the request fingerprint, of method, path with query, and body (a JSON body
 * by its content, object members sorted by name, so the same request serialized differently is the same
 * request; any other body byte for byte). The claim documents use the same fingerprint.
 *
 * <p>Both are lower-case hex HMAC-SHA256 under a key derived from the lookup pepper
 * ({@code govtrack.personal-data.lookup-pepper}). Events outlive every erasure, and requests carry personal
 * data (an ID number in a submission's body or in the erasure's path; a client may even build its keys from
 * one): a plain hash of such a request could be reversed by trying candidates, as ADR 0004 says of ID
 * numbers. Without the pepper these digests reveal nothing. The pepper never changes, so neither do they.
 */
@Component
class IdempotencyDigests {

    /** Keeps these digests apart from the lookup hashes made under the same pepper. */
    private static final String PURPOSE = "govtrack/idempotency/v1";

    private final SecretKeySpec key;
    private final ObjectMapper canonicalJson;

    IdempotencyDigests(@Value("${govtrack.personal-data.lookup-pepper:}") String pepper, ObjectMapper json) {
        if (pepper.isEmpty()) {
            throw new IllegalStateException("idempotent requests need govtrack.personal-data.lookup-pepper");
        }
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                                          PURPOSE.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        this.canonicalJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** The commit key of {@code key} in {@code scope}: what the command's events carry, unique in the event store. */
    String commitKey(String scope, String key) {
        byte[] scoped = ("key\n" + scope + "\n" + key).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(hmac(this.key, scoped));
    }

    /** The fingerprint of the request with this body. */
    String fingerprint(HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query != null ? "?" + query : "");
        byte[] head = ("request\n" + request.getMethod() + " " + target + "\n").getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(hmac(key, head, canonical(body)));
    }

    private byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            return canonicalJson.writeValueAsBytes(canonicalJson.readValue(body, Object.class));
        } catch (IOException | RuntimeException notJson) {
            return body;
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides HMAC-SHA256", e);
        }
    }
}
