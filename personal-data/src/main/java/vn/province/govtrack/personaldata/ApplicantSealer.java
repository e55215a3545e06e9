package vn.province.govtrack.personaldata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Applicant;

/**
 * Seals an {@link Applicant} under the applicant's key and opens it again, with the JDK's
 * AES/GCM/NoPadding: a fresh random 12-byte nonce per seal, a 128-bit tag, and the key id as
 * associated data, so a ciphertext moved under another key id fails to open. The plaintext is the
 * applicant's JSON. Stateless and thread-safe.
 */
public final class ApplicantSealer {

    /** AES-256. */
    public static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random;
    private final ObjectMapper json = new ObjectMapper();

    public ApplicantSealer(SecureRandom random) {
        this.random = random;
    }

    public ApplicantSealer() {
        this(new SecureRandom());
    }

    /** A new random AES-256 key. */
    public byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    public SealedApplicant seal(Applicant applicant, ApplicantKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(applicant));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return new SealedApplicant(key.keyId(), Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /**
     * The applicant sealed in {@code sealed}.
     *
     * @throws UnreadableApplicantException when the record was not sealed under {@code key} (another
     *                                      key, another key id, or altered ciphertext)
     */
    public Applicant open(SealedApplicant sealed, ApplicantKey key) {
        if (!key.keyId().equals(sealed.keyId())) {
            throw new UnreadableApplicantException("sealed under key " + sealed.keyId() + ", not " + key.keyId());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException | NullPointerException e) { // not Base64, or no ciphertext at all
            throw new UnreadableApplicantException("the ciphertext is not Base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableApplicantException("the ciphertext is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return json.readValue(plain, Applicant.class);
        } catch (GeneralSecurityException | IOException e) {
            throw new UnreadableApplicantException("the ciphertext does not open under key " + key.keyId());
        }
    }

    private static Cipher cipher(int mode, ApplicantKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key.key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(key.keyId().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
