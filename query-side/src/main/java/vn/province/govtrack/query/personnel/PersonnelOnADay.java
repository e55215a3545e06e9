package vn.province.govtrack.query.personnel;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

import vn.province.govtrack.query.staff.StaffStatus;
import vn.province.govtrack.query.web.Paging;

/**
 * The questions the personnel reports ask of the personnel read model, each about one day: movements
 * count from their effective dates, so a past day answers as staffing was, a future day as the
 * movements already decided will make it. The storage stays behind it ({@link StoredPersonnel}).
 */
interface PersonnelOnADay {

    /**
     * The staffing review of {@code day}: a page of the rows (one per unit and field with a quota in
     * force or staff that day, ordered by unit code then field) of {@code unitCode}, {@code field} and
     * {@code state} when given, with the province totals per field over every unit ({@code field}
     * alone narrows them). See {@link StaffingReview} for how a row is counted.
     *
     * @param knownAt a global position: the review as the events recorded up to it made it, those recorded
     *                later left out whatever day they take effect; empty for every event processed
     */
    StaffingReviewPage staffingReview(LocalDate day, String unitCode, String field, StaffingState state,
                                      OptionalLong knownAt, Paging paging);

    /**
     * Every row of the staffing review of {@code day}, of {@code field} only when given, as known at
     * {@code knownAt} when given (see {@link #staffingReview}).
     */
    List<StaffingRow> staffing(LocalDate day, String field, OptionalLong knownAt);

    /**
     * A page of the secondments running on {@code day}, ordered by last day, then staff id: with
     * {@code endingWithinDays}, only those whose last day is at most that many days later; with
     * {@code unitCode}, only those from or to that unit.
     */
    Paging.Page<ActiveSecondment> secondmentsRunning(LocalDate day, Integer endingWithinDays, String unitCode,
                                                     Paging paging);

    /**
     * The portal accounts active on {@code day} (held for {@code unitCode}, when given): how many per
     * unit, and a page of them ordered by unit, account and holder, with their holders' status that day.
     */
    ActiveAccounts accountsActive(LocalDate day, String unitCode, Paging paging);

    /**
     * @param rows      the page of rows, ordered by unit code then field
     * @param totals    province totals per field, over all units
     * @param totalRows how many rows match the filters
     */
    record StaffingReviewPage(List<StaffingRow> rows, List<FieldTotal> totals, long totalRows) {
    }

    /**
     * @param lastDay  the last day at the host unit, as far as recorded
     * @param daysLeft days from {@code asOf} to {@code lastDay}; 0 when it ends that day
     */
    record ActiveSecondment(String staffId, String fullName, int secondmentNo, String homeUnitCode, String field,
                            String toUnitCode, String toField, LocalDate from, LocalDate until, LocalDate lastDay,
                            long daysLeft, String decisionNo) {
    }

    /**
     * @param units    accounts per unit, ordered by unit code
     * @param total    how many accounts are active that day
     * @param accounts the page of accounts
     */
    record ActiveAccounts(List<UnitAccounts> units, long total, List<AccountRow> accounts) {
    }

    record UnitAccounts(String unitCode, int accounts) {
    }

    /**
     * @param holderStatus    the holder's status on {@code asOf}
     * @param holderWorksHere whether the holder works at the account's unit that day; false flags an
     *                        account left behind by a move or a departure
     */
    record AccountRow(String account, String unitCode, String staffId, String fullName, LocalDate provisionedOn,
                      StaffStatus holderStatus, boolean holderWorksHere) {
    }
}
