package vn.province.govtrack.simulator.province;

import java.time.LocalTime;

/**
 * One published procedure: the fields of api.md's {@code POST /procedures}, plus the simulation's
 * profile of it.
 *
 * @param level           {@code COMMUNE} or {@code PROVINCE}
 * @param processingHours legal processing time in working hours (8 = one working day, 4 = half a day)
 * @param fee             whether dossiers pay a fee or financial obligation
 * @param online          whether dossiers may be submitted online (its {@link Disclosure#onlineLevel()} is not NONE)
 * @param popularity      relative number of dossiers among the procedures of its level
 * @param disclosure      what it discloses on the national portal, and the updates announced since
 */
public record ProcedureSpec(String code, String name, Field field, String level, int processingHours,
                            LocalTime cutoff, boolean online, boolean fee, double popularity, Disclosure disclosure) {

    public static final String COMMUNE = "COMMUNE";
    public static final String PROVINCE = "PROVINCE";

    public boolean communeLevel() {
        return COMMUNE.equals(level);
    }
}
