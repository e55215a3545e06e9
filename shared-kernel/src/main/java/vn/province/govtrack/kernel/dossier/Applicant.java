package vn.province.govtrack.kernel.dossier;

/** The citizen who applied: 12-digit national ID number, full name and phone. Personal data. */
public record Applicant(String idNumber, String fullName, String phone) {
}
