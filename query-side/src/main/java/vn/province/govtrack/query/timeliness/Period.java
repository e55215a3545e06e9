package vn.province.govtrack.query.timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A reporting period: the local dates {@code from} to {@code to}, both included, in the business
 * time zone; as instants, from {@code start} (midnight opening {@code from}) up to but excluding
 * {@code end} (midnight closing {@code to}).
 */
record Period(LocalDate from, LocalDate to, Instant start, Instant end) {

    static Period of(LocalDate from, LocalDate to, ZoneId zone) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        return new Period(from, to, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
