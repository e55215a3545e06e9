package vn.province.govtrack.command.calendar;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * When the province's offices count time: the business time zone and the sessions of a working
 * day. The defaults, Asia/Ho_Chi_Minh with 08:00–12:00 and 13:00–17:00, are <em>assumed</em>
 * office hours and can be configured ({@code govtrack.calendar.*}).
 *
 * @param sessions the working sessions of one day, in order and not overlapping
 */
public record WorkingHours(ZoneId zone, List<Session> sessions) {

    public static final WorkingHours PROVINCE_DEFAULT = new WorkingHours(
            ZoneId.of("Asia/Ho_Chi_Minh"),
            List.of(Session.parse("08:00-12:00"), Session.parse("13:00-17:00")));

    public WorkingHours {
        Objects.requireNonNull(zone, "zone");
        sessions = List.copyOf(sessions);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("a working day needs at least one session");
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
                throw new IllegalArgumentException("working sessions must be in order and must not overlap: " + sessions);
            }
        }
    }

    /** The opening time of a working day. */
    public LocalTime opening() {
        return sessions.get(0).start();
    }

    /** A span of working time within one day, {@code start} inclusive, {@code end} exclusive. */
    public record Session(LocalTime start, LocalTime end) {

        public Session {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a session must start before it ends: " + start + "-" + end);
            }
        }

        /** Reads {@code "HH:mm-HH:mm"}, e.g. {@code "08:00-12:00"}. */
        public static Session parse(String text) {
            String[] bounds = text.trim().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("a session reads HH:mm-HH:mm, not " + text);
            }
            return new Session(LocalTime.parse(bounds[0].trim()), LocalTime.parse(bounds[1].trim()));
        }
    }
}
