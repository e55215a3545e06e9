package vn.province.govtrack.query.applicant;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.province.govtrack.kernel.dossier.Applicant;

/**
 * The applicant as a response shows it to a reader allowed to see personal data, in one of three
 * forms: {@code {idNumber, fullName, phone}} while the data is readable; {@code {erased: true,
 * erasedAt}} after the applicant's data was erased; {@code {unreadable: true}} when the sealed record
 * cannot be opened (its key is unknown to the key store, or the record was altered).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicantView(String idNumber, String fullName, String phone, Boolean erased,
                            OffsetDateTime erasedAt, Boolean unreadable) {

    /** The form for a record that cannot be opened. */
    public static final ApplicantView UNREADABLE = new ApplicantView(null, null, null, null, null, true);

    static ApplicantView clear(Applicant applicant) {
        return new ApplicantView(applicant.idNumber(), applicant.fullName(), applicant.phone(), null, null, null);
    }

    static ApplicantView erased(OffsetDateTime erasedAt) {
        return new ApplicantView(null, null, null, true, erasedAt, null);
    }
}
