package vn.province.govtrack.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * HS256 tokens with the shared secret, unless Spring Boot already built a decoder from
 * {@code spring.security.oauth2.resourceserver.jwt.*} (an issuer's JWKS), which then wins. Without
 * either, start-up fails with a message saying what to configure. In the {@code local} profile, also
 * {@code POST /dev/tokens} ({@link DevTokenController}), which needs the secret to sign with.
 */
@AutoConfiguration(after = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(JwtSecretProperties.class)
class JwtSecretAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder sharedSecretJwtDecoder(JwtSecretProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(properties.key())
                                                   .macAlgorithm(MacAlgorithm.HS256).build();
        // a token without an expiry would never expire: refuse it
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(), new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull)));
        return decoder;
    }

    @Bean
    @ConditionalOnProperty("govtrack.security.jwt.secret")
    @ConditionalOnMissingBean
    TokenMinter tokenMinter(JwtSecretProperties properties) {
        // the real clock, as the decoder judges expiry by it; not a business clock that may be set to a day in the past
        return new TokenMinter(properties.key(), Clock.systemUTC());
    }

    /** Tokens for any role, from the loopback interface: the local profile of {@code ./run} only, never elsewhere. */
    @Bean
    @Profile("local")
    DevTokenController devTokenController(TokenMinter minter) {
        return new DevTokenController(minter);
    }
}
