package vn.province.govtrack.personaldata;

import java.time.Instant;

/**
 * What the key store holds under one key id: the live key, or the tombstone of an erased one.
 *
 * @param key      the live key; null once erased
 * @param erasedAt when the key was destroyed; null while it lives
 */
public record KeyRecord(String keyId, ApplicantKey key, Instant erasedAt) {

    public boolean erased() {
        return key == null;
    }
}
