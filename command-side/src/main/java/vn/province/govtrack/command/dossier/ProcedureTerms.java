package vn.province.govtrack.command.dossier;

import java.time.LocalTime;
import java.util.function.BooleanSupplier;

/**
 * The terms of a published procedure that a dossier's deadline is decided by, which never change, and
 * whether a dossier may be submitted online under it, which an update may change: {@link #online()} is
 * asked of the reference data when a decision needs it, so that the decisions that do not (every one but
 * an online submission) read nothing for it.
 */
final class ProcedureTerms {

    private final String code;
    private final String field;
    private final int processingHours;
    private final LocalTime cutoff;
    private final BooleanSupplier online;

    /** Terms offered online or not, once and for all. */
    ProcedureTerms(String code, String field, int processingHours, LocalTime cutoff, boolean online) {
        this(code, field, processingHours, cutoff, () -> online);
    }

    /** @param online whether the procedure is offered online when asked */
    ProcedureTerms(String code, String field, int processingHours, LocalTime cutoff, BooleanSupplier online) {
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

    /** Whether its online level, as published or last updated, is FULL or PARTIAL. */
    boolean online() {
        return online.getAsBoolean();
    }
}
