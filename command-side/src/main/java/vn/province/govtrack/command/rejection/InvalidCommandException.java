package vn.province.govtrack.command.rejection;

/** The command is invalid in itself, whatever the current state (HTTP 400). */
public class InvalidCommandException extends CommandRejectedException {

    public InvalidCommandException(String message) {
        super(message);
    }
}
