package vn.province.govtrack.eventstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 keys that sign the log's checkpoints, from the JDK alone. A private key travels as Base64
 * of its PKCS#8 encoding ({@code govtrack.audit.signing-key}), a public key as Base64 of its X.509
 * encoding ({@code govtrack.audit.public-key}, the one to publish).
 *
 * <p>{@link #writeKeyPair} writes a new pair to {@code DIR/audit-signing.key} (readable by its owner only)
 * and {@code DIR/audit-public.key}; the auditors' tool does so with {@code ./audit keygen DIR}.
 */
public final class AuditKeys {

    static final String ALGORITHM = "Ed25519";

    private AuditKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no " + ALGORITHM, e);
        }
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A private key from Base64 of its PKCS#8 encoding (whitespace ignored). */
    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a Base64 PKCS#8 " + ALGORITHM + " private key", e);
        }
    }

    /** A public key from Base64 of its X.509 encoding (whitespace ignored). */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a Base64 X.509 " + ALGORITHM + " public key", e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of the public key's X.509 encoding: names the key in checkpoints. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Whether the private key signs what the public key verifies: the two halves of one pair. */
    public static boolean arePair(PrivateKey privateKey, PublicKey publicKey) {
        try {
            byte[] probe = "govtrack-key-pair-probe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(probe);
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Writes a new key pair to {@code directory}; answers the key identifier. */
    public static String writeKeyPair(Path directory) throws IOException {
        KeyPair pair = generate();
        Files.createDirectories(directory);
        Path signing = directory.resolve("audit-signing.key");
        try {
            // readable by its owner from the start, before the key is in it
            Files.createFile(signing, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect the key
            Files.createFile(signing);
        }
        Files.writeString(signing, encode(pair.getPrivate()) + "\n");
        Files.writeString(directory.resolve("audit-public.key"), encode(pair.getPublic()) + "\n");
        return keyId(pair.getPublic());
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    }
}
