package vn.province.govtrack.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govtrack.security.jwt.secret}: the shared secret HS256 tokens are signed with (environment
 * {@code GOVTRACK_SECURITY_JWT_SECRET}). Both services need the same one.
 */
@ConfigurationProperties("govtrack.security.jwt")
record JwtSecretProperties(String secret) {

    /** HS256 needs a key at least as long as its hash: 256 bits. */
    static final int MINIMUM_BYTES = 32;

    /** @throws IllegalStateException when the secret is missing or shorter than {@value #MINIMUM_BYTES} bytes */
    SecretKey key() {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException(
                    "No bearer-token validation is configured. Set govtrack.security.jwt.secret (environment "
                    + "GOVTRACK_SECURITY_JWT_SECRET, at least " + MINIMUM_BYTES + " bytes) for HS256 tokens, or "
                    + "spring.security.oauth2.resourceserver.jwt.jwk-set-uri or issuer-uri for an issuer's keys.");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_BYTES) {
            throw new IllegalStateException("govtrack.security.jwt.secret is " + bytes.length + " bytes long; HS256 "
                                            + "needs at least " + MINIMUM_BYTES + " bytes (256 bits)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
