package vn.province.govtrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import vn.province.govtrack.web.WebEdgeAutoConfiguration;

/** How a service gets its token decoder: the shared secret, an issuer's keys, or a clear refusal to start. */
class JwtSecretAutoConfigurationTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-for-tests";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class,
                                  WebEdgeAutoConfiguration.class, WebSecurityAutoConfiguration.class,
                                  OAuth2ResourceServerAutoConfiguration.class, JwtSecretAutoConfiguration.class));

    @Test
    void withoutASecretOrAnIssuerTheServiceDoesNotStartAndSaysWhatToConfigure() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("govtrack.security.jwt.secret")
                .hasMessageContaining("GOVTRACK_SECURITY_JWT_SECRET")
                .hasMessageContaining("jwk-set-uri"));
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedAtStartUp() {
        runner.withPropertyValues("govtrack.security.jwt.secret=too-short")
              .run(context -> assertThat(context).getFailure().rootCause()
                      .hasMessageContaining("is 9 bytes long; HS256 needs at least 32 bytes"));
    }

    @Test
    void anIssuersKeySetReplacesTheSharedSecret() {
        runner.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://sso.example/keys")
              .run(context -> {
                  assertThat(context).hasSingleBean(JwtDecoder.class);
                  assertThat(context).hasBean("jwtDecoderByJwkKeySetUri").doesNotHaveBean("sharedSecretJwtDecoder");
                  assertThat(context).doesNotHaveBean(TokenMinter.class);
              });
    }

    @Test
    void aMintedTokenNamesItsCallerWithTheRolesAuthority() {
        runner.withPropertyValues("govtrack.security.jwt.secret=" + SECRET).run(context -> {
            String token = context.getBean(TokenMinter.class)
                                  .mint(new Caller("an.nguyen", Role.CLERK, "XA-TAN-LAP"), Duration.ofMinutes(5));
            Jwt jwt = context.getBean(JwtDecoder.class).decode(token);
            CallerAuthentication authentication = CallerAuthentication.of(jwt);

            assertThat(authentication.getPrincipal()).isEqualTo(new Caller("an.nguyen", Role.CLERK, "XA-TAN-LAP"));
            assertThat(authentication.getName()).isEqualTo("an.nguyen");
            assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                                                       .containsExactly("ROLE_CLERK");
        });
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        runner.withPropertyValues("govtrack.security.jwt.secret=" + SECRET).run(context -> {
            String forged = new TokenMinter("another-secret-of-at-least-thirty-two-bytes", java.time.Clock.systemUTC())
                    .mint(new Caller("forger", Role.ADMIN, null), Duration.ofMinutes(5));

            assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode(forged)).isInstanceOf(JwtException.class);
        });
    }

    @Test
    void aClerkWithoutAUnitIsNoCaller() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("x").claim("role", "CLERK").build();

        assertThatThrownBy(() -> CallerAuthentication.of(jwt)).isInstanceOf(InvalidBearerTokenException.class)
                                                              .hasMessage("role CLERK needs a unitCode");
    }

    @Test
    void anUnknownRoleIsNoCaller() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("x").claim("role", "ROOT").build();

        assertThatThrownBy(() -> CallerAuthentication.of(jwt)).isInstanceOf(InvalidBearerTokenException.class)
                                                              .hasMessage("the token names an unknown role");
    }
}
