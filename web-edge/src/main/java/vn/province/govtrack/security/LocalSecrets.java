package vn.province.govtrack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The local profile's secrets, made at random on first start and kept in the data directory, so
 * that no secret of any installation is in the repository and two installations never share one.
 *
 * <p>Only in the {@code local} profile, and only for a secret not configured otherwise: the token
 * secret both services check bearer tokens with ({@code govtrack.security.jwt.secret}) and the
 * pepper under which the command side hashes ID numbers ({@code govtrack.personal-data.lookup-pepper}).
 * They live in {@code <govtrack.local.data-dir>/local-secrets.properties} (default {@code data/}, the
 * directory {@code ./run} keeps the embedded database in), readable by its owner only. The file is
 * created whole or not at all: the two services start at once, and whichever links its file first
 * gives both their secrets. Deleting the file invalidates every local token; the pepper must then be
 * the old one again, or applicants stored before can no longer be found by ID number.
 *
 * <p>The same way, in {@code audit-keys.properties}, an Ed25519 key pair for the event log's signed
 * checkpoints: {@code govtrack.audit.signing-key} (PKCS#8, Base64), with which the command side signs,
 * given only to a service with {@code govtrack.audit.signing-enabled=true}, and
 * {@code govtrack.audit.public-key} (X.509, Base64), which the query side publishes and verifies with.
 * A pair is made whole, once, so the two services can never get halves of different pairs. Deleting the file makes a new pair: checkpoints signed before then verify only under the old public
 * key, which an auditor who took it away still has.
 */
public class LocalSecrets implements EnvironmentPostProcessor, Ordered {

    static final String DATA_DIR = "govtrack.local.data-dir";
    static final String FILE_NAME = "local-secrets.properties";
    static final List<String> SECRETS = List.of("govtrack.security.jwt.secret", "govtrack.personal-data.lookup-pepper");
    static final String AUDIT_KEYS_FILE_NAME = "audit-keys.properties";
    static final String SIGNING_KEY = "govtrack.audit.signing-key";
    static final String PUBLIC_KEY = "govtrack.audit.public-key";
    static final String SIGNING_ENABLED = "govtrack.audit.signing-enabled";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("local"))) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "data"));
        Map<String, Object> values = new HashMap<>();
        List<String> missing = SECRETS.stream().filter(key -> isBlank(environment.getProperty(key))).toList();
        if (!missing.isEmpty()) {
            Properties stored = load(dataDir.resolve(FILE_NAME), LocalSecrets::randomSecrets);
            missing.forEach(key -> values.put(key, stored.getProperty(key)));
        }
        if (isBlank(environment.getProperty(SIGNING_KEY)) && isBlank(environment.getProperty(PUBLIC_KEY))) {
            Properties keys = load(dataDir.resolve(AUDIT_KEYS_FILE_NAME), LocalSecrets::auditKeyPair);
            // the private half only to the service that signs (the command side); the others verify
            if (environment.getProperty(SIGNING_ENABLED, Boolean.class, false)) {
                values.put(SIGNING_KEY, keys.getProperty(SIGNING_KEY));
            }
            values.put(PUBLIC_KEY, keys.getProperty(PUBLIC_KEY));
        }
        if (!values.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("localSecrets", values));
        }
    }

    /** The secrets in {@code file}, creating it with fresh random ones first if it does not exist. */
    static Properties load(Path file) {
        return load(file, LocalSecrets::randomSecrets);
    }

    /** The properties in {@code file}, creating it with {@code fresh} ones first if it does not exist. */
    static Properties load(Path file, Supplier<Properties> fresh) {
        try {
            if (!Files.exists(file)) {
                create(file, fresh.get());
            }
            Properties properties = new Properties();
            try (var reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local secrets in " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path file, Properties fresh) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new");
        try {
            Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's access rules apply
        }
        try {
            try (Writer writer = Files.newBufferedWriter(draft, StandardCharsets.ISO_8859_1)) {
                fresh.store(writer, "Made at random by the first start in the local profile; never commit or share it");
            }
            // A hard link appears whole and fails if the file exists: the first of two starting services wins.
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException anotherServiceWasFirst) {
            // read theirs
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static Properties randomSecrets() {
        Properties fresh = new Properties();
        SECRETS.forEach(key -> fresh.setProperty(key, randomSecret()));
        return fresh;
    }

    /** A new Ed25519 key pair from the JDK: the private key as PKCS#8, the public one as X.509, both Base64. */
    static Properties auditKeyPair() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Properties fresh = new Properties();
            fresh.setProperty(SIGNING_KEY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            fresh.setProperty(PUBLIC_KEY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            return fresh;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no Ed25519 (Java 15 and later have)", e);
        }
    }

    /** 32 random bytes (256 bits), URL-safe Base64: 43 characters, above every minimum the services check. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** After the configuration files are read and the profiles known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
