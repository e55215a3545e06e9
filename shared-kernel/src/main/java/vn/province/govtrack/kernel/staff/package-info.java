/**
 * Staff members (cán bộ, công chức) and their movements, each backed by a numbered decision with
 * an effective date.
 *
 * <p>Date conventions shared by every message here, all dates in the business time zone:
 * <ul>
 *   <li>a recruitment's or transfer's {@code effectiveDate} is the first day at the new assignment;</li>
 *   <li>a secondment runs from {@code from} to {@code until}, both days included;</li>
 *   <li>a secondment's {@code endedOn} is the first day back at the home unit;</li>
 *   <li>a departure's {@code effectiveDate} is the first day no longer in service.</li>
 * </ul>
 * Effective dates may lie in the future: a movement counts from its effective date, not from when
 * it was recorded.
 */
package vn.province.govtrack.kernel.staff;
