package vn.province.govtrack.command.rejection;

/** The presence checks a handler makes on command fields before deciding anything. */
public final class Require {

    private Require() {
    }

    /** {@code value} when it has non-blank text, else an {@link InvalidCommandException} naming {@code field}. */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field + " must not be blank");
        }
        return value;
    }

    /** {@code value} when it is not null, else an {@link InvalidCommandException} naming {@code field}. */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidCommandException(field + " is required");
        }
        return value;
    }
}
