package vn.province.govtrack.personaldata;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The store of applicants' keys, one per applicant (ID number). It holds no ID number: an applicant
 * is found by {@link LookupHash} of the ID number. Erasing destroys the key and leaves a tombstone,
 * so readers can tell an erased applicant from a key that never existed. Implementations read the
 * store on every call and cache nothing, so an erasure takes effect at once for every reader.
 */
public interface ApplicantKeys {

    /** The applicant's live key, created on first use; safe when several callers race to create it. */
    ApplicantKey keyFor(String idNumber);

    /**
     * The live keys of several applicants by ID number, each created on first use, as {@link #keyFor}
     * would give them one by one; implementations may read and create them together.
     */
    default Map<String, ApplicantKey> keysFor(Collection<String> idNumbers) {
        Map<String, ApplicantKey> keys = new HashMap<>();
        idNumbers.forEach(idNumber -> keys.computeIfAbsent(idNumber, this::keyFor));
        return keys;
    }

    /** The id of the applicant's live key; empty when the applicant has none (never seen, or erased). */
    Optional<String> liveKeyIdOf(String idNumber);

    /** The records of those of {@code keyIds} the store knows, by key id, read in one query. */
    Map<String, KeyRecord> find(Collection<String> keyIds);

    /**
     * Destroys the key: the key bytes and the lookup value are removed, a tombstone with
     * {@code erasedAt} stays. Idempotent: an already erased key keeps its first {@code erasedAt}.
     *
     * @return whether the store knew {@code keyId}
     */
    boolean destroy(String keyId, Instant erasedAt);
}
