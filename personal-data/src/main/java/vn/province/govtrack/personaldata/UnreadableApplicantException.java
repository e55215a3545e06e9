package vn.province.govtrack.personaldata;

/** A sealed applicant that does not open under the key it names: altered, or moved to another key id. */
public class UnreadableApplicantException extends RuntimeException {

    public UnreadableApplicantException(String message) {
        super(message);
    }
}
