package vn.province.govtrack.command.rejection;

/** The current state forbids the command, e.g. resolving a dossier twice (HTTP 409). */
public class RuleViolationException extends CommandRejectedException {

    public RuleViolationException(String message) {
        super(message);
    }
}
