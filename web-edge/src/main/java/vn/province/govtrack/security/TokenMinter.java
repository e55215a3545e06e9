package vn.province.govtrack.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs HS256 tokens with the configured secret, for {@code POST /dev/tokens} in the local profile
 * and for tests. A bean only when {@code govtrack.security.jwt.secret} is set; production tokens
 * come from the province's identity provider.
 */
public final class TokenMinter {

    private final NimbusJwtEncoder encoder;
    private final Clock clock;

    /** @throws IllegalStateException when {@code secret} is shorter than 32 bytes */
    public TokenMinter(String secret, Clock clock) {
        this(new JwtSecretProperties(secret).key(), clock);
    }

    TokenMinter(SecretKey key, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.clock = clock;
    }

    /** A token naming {@code caller}, valid from now for {@code ttl}. */
    public String mint(Caller caller, Duration ttl) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(caller.subject())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("role", caller.role().name());
        if (caller.unitCode() != null) {
            claims.claim("unitCode", caller.unitCode());
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
