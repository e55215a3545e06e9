package vn.province.govtrack.query.evidence;

import java.security.PublicKey;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.province.govtrack.eventstore.AuditKeys;
import vn.province.govtrack.eventstore.spring.AuditProperties;

/**
 * The public key this service publishes and verifies checkpoints under ({@code govtrack.audit.public-key}),
 * from its configuration, never from the database: a key read from the store it vouches for would prove
 * nothing. Absent, checkpoints are listed but not checked, and verification says so.
 */
@Component
class TrustedKey {

    private final PublicKey key;
    private final String encoded;

    TrustedKey(AuditProperties properties) {
        String configured = properties.publicKey();
        this.key = configured == null || configured.isBlank() ? null : AuditKeys.publicKey(configured);
        this.encoded = key == null ? null : AuditKeys.encode(key);
    }

    Optional<PublicKey> key() {
        return Optional.ofNullable(key);
    }

    /** Base64 of the key's X.509 encoding, as auditors pass it to the command-line tool. */
    Optional<String> encoded() {
        return Optional.ofNullable(encoded);
    }

    Optional<String> keyId() {
        return key().map(AuditKeys::keyId);
    }
}
