package vn.province.govtrack.eventstore.spring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tamper-evident log's checkpoints ({@code govtrack.audit.*}; ADR 0010).
 *
 * @param signingEnabled       whether this service signs checkpoints (opt-in; one service is enough)
 * @param signingKey           Base64 PKCS#8 Ed25519 private key (env {@code GOVTRACK_AUDIT_SIGNING_KEY}); never logged
 * @param publicKey            Base64 X.509 Ed25519 public key, the one published (env {@code GOVTRACK_AUDIT_PUBLIC_KEY})
 * @param checkpointEveryEvents events appended that make a checkpoint due
 * @param checkpointEvery      time that makes a checkpoint due once any event was appended
 * @param checkInterval        how often the signer looks at the log
 */
@ConfigurationProperties("govtrack.audit")
public record AuditProperties(boolean signingEnabled, String signingKey, String publicKey,
                              Long checkpointEveryEvents, Duration checkpointEvery, Duration checkInterval) {

    public AuditProperties {
        signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey;
        publicKey = publicKey == null || publicKey.isBlank() ? null : publicKey;
        checkpointEveryEvents = checkpointEveryEvents == null ? 10_000 : checkpointEveryEvents;
        checkpointEvery = checkpointEvery == null ? Duration.ofMinutes(5) : checkpointEvery;
        checkInterval = checkInterval == null ? Duration.ofSeconds(10) : checkInterval;
    }

    @Override
    public String toString() {
        return "AuditProperties[signingEnabled=" + signingEnabled + ", publicKey=" + publicKey
               + ", checkpointEveryEvents=" + checkpointEveryEvents + ", checkpointEvery=" + checkpointEvery + "]";
    }
}
