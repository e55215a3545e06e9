package vn.province.govtrack.command.history;

/** The import stopped before the end of the file; {@link #soFar()} says what it did until then. */
class ImportFailedException extends RuntimeException {

    private final transient ImportReport soFar;

    ImportFailedException(String message, ImportReport soFar, Throwable cause) {
        super(message, cause);
        this.soFar = soFar;
    }

    ImportReport soFar() {
        return soFar;
    }
}
