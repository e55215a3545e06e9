package vn.province.govtrack.kernel.dossier;

/**
 * The progress verdict of Decision 766: processing that ended before the appointment
 * date's working day is EARLY, on that day (not after the appointment time) ON_TIME, after it LATE.
 */
public enum Timeliness {
    EARLY, ON_TIME, LATE
}
