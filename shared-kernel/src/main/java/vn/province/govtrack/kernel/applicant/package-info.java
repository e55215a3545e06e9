/**
 * Applicants' personal data as the published language carries it: sealed under a key per
 * applicant ({@link vn.province.govtrack.kernel.applicant.SealedApplicant}), never in clear, and
 * the record of its erasure ({@link vn.province.govtrack.kernel.applicant.ApplicantDataErasedEvent}).
 */
package vn.province.govtrack.kernel.applicant;
