package vn.province.govtrack.personaldata;

import java.util.Arrays;

/**
 * One applicant's live AES-256 key and its id. {@link #toString()} never shows the key.
 *
 * @param keyId the key's random id, which sealed records name; not derived from personal data
 * @param key   the 32 key bytes
 */
public record ApplicantKey(String keyId, byte[] key) {

    public ApplicantKey {
        if (key == null || key.length != ApplicantSealer.KEY_BYTES) {
            throw new IllegalStateException("an applicant key has " + ApplicantSealer.KEY_BYTES + " bytes");
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApplicantKey that && keyId.equals(that.keyId) && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "ApplicantKey[" + keyId + "]";
    }
}
