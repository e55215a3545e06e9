package vn.province.govtrack.kernel.applicant;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * An applicant's personal data was erased on request: the key with id {@code keyId} is destroyed,
 * so every {@link SealedApplicant} sealed under it is unreadable from now on. Carries no personal
 * data; it tells auditors that, and when, an erasure happened.
 */
@Revision("1")
public record ApplicantDataErasedEvent(String keyId, Instant erasedAt) {
}
