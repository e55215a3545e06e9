package vn.province.govtrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LocalSecretsTest {

    private static final String JWT = "govtrack.security.jwt.secret";
    private static final String PEPPER = "govtrack.personal-data.lookup-pepper";

    @Test
    void two_fresh_data_directories_get_different_secrets(@TempDir Path one, @TempDir Path other) {
        StandardEnvironment first = localEnvironment(one, Map.of());
        StandardEnvironment second = localEnvironment(other, Map.of());

        assertThat(first.getProperty(JWT)).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second.getProperty(JWT));
        assertThat(first.getProperty(PEPPER)).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second.getProperty(PEPPER))
                                             .isNotEqualTo(first.getProperty(JWT));
    }

    @Test
    void a_second_start_on_the_same_data_directory_keeps_the_secrets_and_only_the_owner_may_read_them(
            @TempDir Path data) throws Exception {
        String secret = localEnvironment(data, Map.of()).getProperty(JWT);

        assertThat(localEnvironment(data, Map.of()).getProperty(JWT)).isEqualTo(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(LocalSecrets.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void services_starting_at_once_share_the_secrets_of_whichever_created_the_file_first(@TempDir Path data) {
        List<CompletableFuture<Properties>> starts = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> LocalSecrets.load(data.resolve(LocalSecrets.FILE_NAME))))
                .toList();

        assertThat(starts.stream().map(CompletableFuture::join).map(p -> p.getProperty(JWT)).distinct()).hasSize(1);
        assertThat(data.toFile().list()).containsExactly(LocalSecrets.FILE_NAME);
    }

    @Test
    void a_configured_secret_wins_and_other_profiles_get_nothing_generated(@TempDir Path data) {
        StandardEnvironment configured = localEnvironment(data, Map.of(JWT, "configured-by-the-operator-0123456789abcdef"));
        assertThat(configured.getProperty(JWT)).isEqualTo("configured-by-the-operator-0123456789abcdef");
        assertThat(configured.getProperty(PEPPER)).isNotBlank();

        StandardEnvironment production = new StandardEnvironment();
        production.getPropertySources().addFirst(new MapPropertySource("test", Map.of(LocalSecrets.DATA_DIR,
                                                                                      data.resolve("elsewhere").toString())));
        new LocalSecrets().postProcessEnvironment(production, new SpringApplication());
        assertThat(production.getProperty(JWT)).isNull();
        assertThat(data.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void the_local_profile_gets_one_ed25519_key_pair_for_the_log_checkpoints_kept_across_starts(@TempDir Path data)
            throws Exception {
        StandardEnvironment first = localEnvironment(data, Map.of(LocalSecrets.SIGNING_ENABLED, "true"));
        String signingKey = first.getProperty(LocalSecrets.SIGNING_KEY);
        String publicKey = first.getProperty(LocalSecrets.PUBLIC_KEY);

        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(ed25519.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signingKey))));
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(ed25519.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).as("the two halves are of one pair").isTrue();

        StandardEnvironment again = localEnvironment(data, Map.of(LocalSecrets.SIGNING_ENABLED, "true"));
        assertThat(again.getProperty(LocalSecrets.SIGNING_KEY)).isEqualTo(signingKey);
        assertThat(again.getProperty(LocalSecrets.PUBLIC_KEY)).isEqualTo(publicKey);
        StandardEnvironment verifying = localEnvironment(data, Map.of());
        assertThat(verifying.getProperty(LocalSecrets.PUBLIC_KEY)).isEqualTo(publicKey);
        assertThat(verifying.getProperty(LocalSecrets.SIGNING_KEY)).as("a service that does not sign").isNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve(LocalSecrets.AUDIT_KEYS_FILE_NAME)))).isEqualTo("rw-------");

        StandardEnvironment configured = localEnvironment(data, Map.of(LocalSecrets.PUBLIC_KEY, "configured"));
        assertThat(configured.getProperty(LocalSecrets.PUBLIC_KEY)).isEqualTo("configured");
        assertThat(configured.getProperty(LocalSecrets.SIGNING_KEY)).as("never half of a generated pair").isNull();
    }

    private static StandardEnvironment localEnvironment(Path data, Map<String, Object> configured) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("local");
        Map<String, Object> properties = new HashMap<>(configured);
        properties.put(LocalSecrets.DATA_DIR, data.toString());
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new LocalSecrets().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
