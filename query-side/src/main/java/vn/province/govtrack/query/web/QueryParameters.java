package vn.province.govtrack.query.web;

/** Forms of path variables and query parameters, for Bean Validation; a value of another form is a 400. */
public final class QueryParameters {

    /** Unit codes, fields, projection names: the alphabet the command side accepts for codes (empty: absent). */
    public static final String CODE = "[A-Za-z0-9._-]{0,64}";

    /** Event-stream ids: a dossier id, or a prefixed one such as {@code staff:CB-1} or {@code unit:XA-1}. */
    public static final String STREAM = "[A-Za-z0-9._:-]{1,100}";

    /** The longest date, date-time or keyword parameter worth parsing. */
    public static final int MAX_TIME = 64;

    private QueryParameters() {
    }
}
