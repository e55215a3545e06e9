package vn.province.govtrack.simulator.staff;

import java.time.LocalDate;

/**
 * A secondment to record for a person: {@code POST /staff/{id}/secondments}, in the person's own field.
 *
 * @param until the last day at the host unit
 */
record Secondment(String toUnitCode, LocalDate from, LocalDate until, String decisionNo) {

    boolean runsOn(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(until);
    }
}
