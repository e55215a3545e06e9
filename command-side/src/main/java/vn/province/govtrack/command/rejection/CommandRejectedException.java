package vn.province.govtrack.command.rejection;

/**
 * A command refused by its handler before anything was appended. Carries no stack trace: it is
 * an answer to the caller, not a fault.
 */
public abstract class CommandRejectedException extends RuntimeException {

    protected CommandRejectedException(String message) {
        super(message, null, false, false);
    }
}
