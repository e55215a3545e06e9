package vn.province.govtrack.kernel.applicant;

import java.util.regex.Pattern;

/**
 * Identifiers of applicants. A citizen is identified by a 12-digit national ID number, which is
 * personal data and therefore never a stream id; the erasure of an applicant's data is recorded in
 * the stream of the applicant's key, {@code "applicant:" + keyId}. ':' occurs in no dossier or
 * staff id and no other stream prefix is {@value #PREFIX}, so this stream collides with nothing.
 */
public final class ApplicantIds {

    /** The national ID number: exactly 12 digits (usable in Bean Validation). */
    public static final String ID_NUMBER_PATTERN = "[0-9]{12}";

    private static final String PREFIX = "applicant:";
    private static final Pattern ID_NUMBER = Pattern.compile(ID_NUMBER_PATTERN);

    private ApplicantIds() {
    }

    public static boolean isValidIdNumber(String idNumber) {
        return idNumber != null && ID_NUMBER.matcher(idNumber).matches();
    }

    public static String streamOf(String keyId) {
        return PREFIX + keyId;
    }
}
