package vn.province.govtrack.kernel.dossier;

/**
 * The citizen who applied: 12-digit national ID number, full name and phone. Personal data: messages
 * and read models carry it only sealed ({@link vn.province.govtrack.kernel.applicant.SealedApplicant}),
 * as the JSON of this record encrypted under the applicant's key.
 */
public record Applicant(String idNumber, String fullName, String phone) {
}
