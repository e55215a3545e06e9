package vn.province.govtrack.command.dossier;

/**
 * How long an applicant has to supply what a supplement request asked for: {@code deadlineWorkingDays}
 * working days from the request (<em>assumed</em>, configurable as
 * {@code govtrack.dossier.supplement-deadline-working-days}). A supplement that arrives later is
 * refused (409) and appends nothing; the dossier stays SUPPLEMENT_REQUESTED, with its clock paused,
 * until the office stops it ({@code POST /dossiers/{id}/stop}).
 */
record SupplementPolicy(int deadlineWorkingDays) {

    SupplementPolicy {
        if (deadlineWorkingDays <= 0) {
            throw new IllegalArgumentException("the supplement deadline must be at least one working day, not "
                                               + deadlineWorkingDays);
        }
    }
}
