package vn.province.govtrack.personaldata;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Applicant;

/**
 * Applicants' personal data as both services use it: the command side seals at its edge, the query
 * side opens at read time, and erasure destroys the applicant's key. Nothing is cached: every call
 * reads the key store, so an erasure is effective at once on every instance.
 */
public class PersonalData {

    private final ApplicantKeys keys;
    private final ApplicantSealer sealer;

    public PersonalData(ApplicantKeys keys, ApplicantSealer sealer) {
        this.keys = keys;
        this.sealer = sealer;
    }

    /** The applicant sealed under the applicant's key, which is created on first use. */
    public SealedApplicant seal(Applicant applicant) {
        return sealer.seal(applicant, keys.keyFor(applicant.idNumber()));
    }

    /**
     * Each of {@code applicants} sealed under its applicant's key, as {@link #seal} would, the keys
     * read and created together (a bulk import's batch). Applicants sharing an ID number share the key.
     */
    public Map<Applicant, SealedApplicant> sealAll(Collection<Applicant> applicants) {
        Map<String, ApplicantKey> keysByIdNumber = keys.keysFor(
                applicants.stream().map(Applicant::idNumber).collect(Collectors.toSet()));
        Map<Applicant, SealedApplicant> sealed = new HashMap<>();
        for (Applicant applicant : applicants) {
            sealed.computeIfAbsent(applicant, clear -> sealer.seal(clear, keysByIdNumber.get(clear.idNumber())));
        }
        return sealed;
    }

    /** What {@code sealed} reveals now. */
    public Disclosure open(SealedApplicant sealed) {
        return openAll(Set.of(sealed)).get(sealed);
    }

    /** What each of {@code sealed} reveals now, the keys read in one query. Nulls are left out. */
    public Map<SealedApplicant, Disclosure> openAll(Collection<SealedApplicant> sealed) {
        Set<SealedApplicant> distinct = sealed.stream().filter(Objects::nonNull)
                                              .collect(Collectors.toCollection(LinkedHashSet::new));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        Map<String, KeyRecord> records = keys.find(distinct.stream().map(SealedApplicant::keyId)
                                                           .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<SealedApplicant, Disclosure> disclosed = new HashMap<>();
        for (SealedApplicant one : distinct) {
            disclosed.put(one, disclose(one, one.keyId() == null ? null : records.get(one.keyId())));
        }
        return disclosed;
    }

    /** The id of the applicant's live key; empty when the store holds no readable data of this applicant. */
    public Optional<String> liveKeyIdOf(String idNumber) {
        return keys.liveKeyIdOf(idNumber);
    }

    /** Destroys the key: everything sealed under it is unreadable from now on (crypto-shredding). */
    public boolean destroyKey(String keyId, Instant erasedAt) {
        return keys.destroy(keyId, erasedAt);
    }

    private Disclosure disclose(SealedApplicant sealed, KeyRecord record) {
        if (record == null) {
            return new Disclosure.Unreadable();
        }
        if (record.erased()) {
            return new Disclosure.Erased(record.erasedAt());
        }
        try {
            return new Disclosure.Clear(sealer.open(sealed, record.key()));
        } catch (UnreadableApplicantException e) {
            return new Disclosure.Unreadable();
        }
    }
}
