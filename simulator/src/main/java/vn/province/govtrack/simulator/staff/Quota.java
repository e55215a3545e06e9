package vn.province.govtrack.simulator.staff;

import java.time.LocalDate;

import vn.province.govtrack.simulator.province.Field;

/** A staffing quota to set: {@code PUT /units/{unitCode}/quotas/{field}}. */
record Quota(String unitCode, Field field, int positions, LocalDate effectiveDate, String decisionNo) {
}
