package vn.province.govtrack.kernel.calendar;

/** Event-stream identifiers of the yearly holiday calendars. */
public final class CalendarIds {
    private static final String PREFIX = "calendar:";

    private CalendarIds() {
    }

    public static String streamOf(int year) {
        return PREFIX + year;
    }
}
