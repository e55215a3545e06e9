package vn.province.govtrack.command.rejection;

/**
 * The caller may not give this command, e.g. a clerk acting on a dossier held by another unit
 * (HTTP 403). Decided from the command's actor metadata against the current state.
 */
public class ForbiddenCommandException extends CommandRejectedException {

    public ForbiddenCommandException(String message) {
        super(message);
    }
}
