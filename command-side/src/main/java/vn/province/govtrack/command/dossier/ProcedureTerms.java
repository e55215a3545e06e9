package vn.province.govtrack.command.dossier;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Predicate;

/**
 * The terms of a published procedure that a dossier's deadline is decided by, which never change, and
 * whether a dossier may be submitted online under it on a day, which updates may change from the day
 * they take effect: {@link #online(LocalDate)} is asked of the reference data when a decision needs it,
 * so that the decisions that do not (every one but an online submission) read nothing for it.
 */
final class ProcedureTerms {

    private final String code;
    private final String field;
    private final int processingHours;
    private final LocalTime cutoff;
    private final Predicate<LocalDate> online;

    /** Terms offered online or not, once and for all. */
    ProcedureTerms(String code, String field, int processingHours, LocalTime cutoff, boolean online) {
        this(code, field, processingHours, cutoff, day -> online);
    }

    /** @param online whether the procedure is offered online on a day, as known when asked */
    ProcedureTerms(String code, String field, int processingHours, LocalTime cutoff, Predicate<LocalDate> online) {
        this.code = code;
        this.field = field;
        this.processingHours = processingHours;
        this.cutoff = cutoff;
        this.online = online;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    /** The legal processing time in working hours. */
    int processingHours() {
        return processingHours;
    }

    /** The local time after which a dossier received counts from the next working day. */
    LocalTime cutoff() {
        return cutoff;
    }

    /**
     * Whether its online level on {@code day} (a business day) is FULL or PARTIAL: the publication's
     * level, replaced by the last update taking effect on or before that day, as known now.
     */
    boolean online(LocalDate day) {
        return online.test(day);
    }
}
