package vn.province.govtrack.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Instant;

/**
 * A signed statement that the log's chain hash after {@code position} was {@code hash} at
 * {@code signedAt}. The signature is Ed25519 over
 * {@code "govtrack-checkpoint/1" ‖ position int64 ‖ hash ‖ signedAt epoch millis int64} (big-endian).
 *
 * @param position  the last position of a commit
 * @param hash      the chain hash H after that commit
 * @param signedAt  when it was signed, to the millisecond
 * @param signature the Ed25519 signature
 * @param keyId     {@link AuditKeys#keyId} of the signing key's public half
 */
public record Checkpoint(long position, byte[] hash, Instant signedAt, byte[] signature, String keyId) {

    private static final byte[] DOMAIN = "govtrack-checkpoint/1".getBytes(StandardCharsets.US_ASCII);

    /** Signs a checkpoint with the private half of {@code keyId}'s key pair; {@code signedAt} is kept to the millisecond. */
    public static Checkpoint sign(long position, byte[] hash, Instant signedAt, PrivateKey key, String keyId) {
        Instant at = Instant.ofEpochMilli(signedAt.toEpochMilli());
        try {
            Signature signer = Signature.getInstance(AuditKeys.ALGORITHM);
            signer.initSign(key);
            signer.update(signedBytes(position, hash, at));
            return new Checkpoint(position, hash.clone(), at, signer.sign(), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the checkpoint at position " + position, e);
        }
    }

    /** Whether the signature is valid under {@code trustedKey} for this position, hash and time. */
    public boolean signedBy(PublicKey trustedKey) {
        try {
            Signature verifier = Signature.getInstance(AuditKeys.ALGORITHM);
            verifier.initVerify(trustedKey);
            verifier.update(signedBytes(position, hash, signedAt));
            return signature != null && verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no " + AuditKeys.ALGORITHM, e);
        }
    }

    /** The bytes the signature covers. */
    public static byte[] signedBytes(long position, byte[] hash, Instant signedAt) {
        return ByteBuffer.allocate(DOMAIN.length + 8 + hash.length + 8)
                         .put(DOMAIN).putLong(position).put(hash).putLong(signedAt.toEpochMilli())
                         .array();
    }
}
