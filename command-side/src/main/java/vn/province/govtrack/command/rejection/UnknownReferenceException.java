package vn.province.govtrack.command.rejection;

/** The command names a unit, procedure or other resource that does not exist (HTTP 404). */
public class UnknownReferenceException extends CommandRejectedException {

    public UnknownReferenceException(String kind, String reference) {
        super("unknown " + kind + " '" + reference + "'");
    }
}
