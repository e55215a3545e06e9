package vn.province.govtrack.query.web;

/**
 * Forms of query parameters, for Bean Validation; a value of another form is a 400. Path ids are not
 * constrained: any string is looked up as it is, and one no resource can have is simply not found (404).
 */
public final class QueryParameters {

    /** Unit codes and fields: the alphabet the command side accepts for codes (empty: absent). */
    public static final String CODE = "[A-Za-z0-9._-]{0,64}";

    /** The longest date, date-time or keyword parameter worth parsing. */
    public static final int MAX_TIME = 64;

    private QueryParameters() {
    }
}
