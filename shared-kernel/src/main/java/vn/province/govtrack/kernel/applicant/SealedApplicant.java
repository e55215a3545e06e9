package vn.province.govtrack.kernel.applicant;

/**
 * An applicant's personal data ({@link vn.province.govtrack.kernel.dossier.Applicant}) encrypted
 * under the applicant's own key, which is all events and read models ever hold of it. Destroying
 * the key (erasure) leaves this record unreadable for good while everything around it stays.
 *
 * @param keyId      the id of the applicant's key in the key store; not personal data
 * @param ciphertext Base64 of the 12-byte nonce followed by the AES-GCM ciphertext and tag
 */
public record SealedApplicant(String keyId, String ciphertext) {
}
