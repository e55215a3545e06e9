package vn.province.govtrack.query.personnel;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.client.model.Projections;

import io.swagger.v3.oas.annotations.Operation;

import vn.province.govtrack.query.personnel.Rebalancing.Proposal;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.staff.BusinessDays;
import vn.province.govtrack.query.staff.StaffRecord;
import vn.province.govtrack.query.staff.StaffRecords;
import vn.province.govtrack.query.staff.StaffStatus;
import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.web.ProblemType;
import vn.province.govtrack.query.web.QueryParameters;

/**
 * The personnel reports the Department of Home Affairs was asked for. Every report is of one day,
 * {@code asOf} (YYYY-MM-DD, default today in the business zone): movements count from their
 * effective dates, so a past day shows the staffing as it was, and a future day as it will be by
 * the movements already decided.
 */
@RestController
@RequestMapping("/api/v1/personnel")
class PersonnelController {

    /** What the audit and rebalancing read of a staff record. */
    private static final Bson STAFFING = Projections.include("staffId", "assignments", "secondments", "departure");
    private static final Bson STAFFING_AND_NAME =
            Projections.include("staffId", "fullName", "assignments", "secondments", "departure");
    private static final Bson STAFFING_AND_ACCOUNTS =
            Projections.include("staffId", "fullName", "assignments", "secondments", "departure", "accounts");

    private final PersonnelProjection projection;
    private final Clock clock;

    PersonnelController(PersonnelProjection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    /**
     * Staffing per unit and field: quota, own staff, seconded in and out, effective headcount
     * ({@code own - secondedOut + secondedIn}), gap ({@code effective - quota}) and state. The rows are
     * filtered by {@code unitCode}, {@code field} and {@code state} and paged; {@code totals} are the
     * province totals per field over all units (filtered by {@code field} only).
     */
    @GetMapping("/audit")
    @Operation(summary = "Staffing per unit and field on a day, with province totals per field",
               description = "effective = own - secondedOut + secondedIn; gap = effective - quota; state SHORTAGE "
                       + "(gap < 0), SURPLUS (gap > 0) or BALANCED; DISSOLVED from the unit's dissolution date on, "
                       + "when its quota counts as 0 (never a shortage) and staff still counted there are its gap, "
                       + "a surplus that rebalancing may move. asOf (YYYY-MM-DD, default today) answers what "
                       + "staffing looked like, or will look like, on that day: every movement counts from its "
                       + "effective date, a secondment from its first to its last day. Totals are province-wide "
                       + "per field, whatever unitCode and state select.")
    @ProjectionQuery(PersonnelProjection.PROCESSING_GROUP)
    AuditReport audit(@RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String unitCode, @RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String field,
                      @RequestParam(required = false) StaffingState state,
                      @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String asOf,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        LocalDate day = BusinessDays.asOf(asOf, clock);
        Paging paging = Paging.of(page, size);
        List<AuditRow> province = rowsOn(day).stream()
                .filter(row -> field == null || row.field().equals(field))
                .toList();
        List<AuditRow> rows = province.stream()
                .filter(row -> unitCode == null || row.unitCode().equals(unitCode))
                .filter(row -> state == null || row.state() == state)
                .toList();
        return new AuditReport(day, unitCode, field, state, paging.slice(rows), StaffingAudit.totals(province),
                               paging.page(), paging.size(), rows.size(), paging.next(rows.size()));
    }

    /**
     * Secondments running on {@code asOf}; with {@code endingWithinDays} only those whose last day is
     * at most that many days later (0: ending that day). {@code unitCode} keeps those from or to that unit.
     * Ordered by last day, then staff id.
     */
    @GetMapping("/secondments")
    @Operation(summary = "Secondments running on a day (default today), optionally only those ending soon",
               description = "endingWithinDays=N keeps those whose last day is at most N days after asOf "
                       + "(0: ending that day); unitCode keeps those from or to that unit.")
    @ProjectionQuery(PersonnelProjection.PROCESSING_GROUP)
    SecondmentList secondments(@RequestParam(required = false) Integer endingWithinDays,
                               @RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String unitCode,
                               @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String asOf,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "100") int size) {
        if (endingWithinDays != null && (endingWithinDays < 0 || endingWithinDays > 3660)) {
            throw ProblemType.INVALID_INPUT.exception("endingWithinDays must be between 0 and 3660; got " + endingWithinDays);
        }
        LocalDate day = BusinessDays.asOf(asOf, clock);
        Paging paging = Paging.of(page, size);
        List<ActiveSecondment> running = new ArrayList<>();
        for (StaffRecord person : staff(unitCode == null ? new Document() : eq(StaffRecords.UNITS, unitCode),
                                        STAFFING_AND_NAME)) {
            person.secondmentOn(day).ifPresent(s -> {
                long daysLeft = ChronoUnit.DAYS.between(day, s.lastDay());
                boolean endingSoonEnough = endingWithinDays == null || daysLeft <= endingWithinDays;
                boolean atUnit = unitCode == null || unitCode.equals(s.toUnitCode()) || unitCode.equals(s.homeUnitCode());
                if (endingSoonEnough && atUnit) {
                    running.add(new ActiveSecondment(person.staffId(), person.fullName(), s.secondmentNo(),
                            s.homeUnitCode(), s.field(), s.toUnitCode(), s.toField(), s.from(), s.until(),
                            s.lastDay(), daysLeft, s.decisionNo()));
                }
            });
        }
        running.sort(Comparator.comparing(ActiveSecondment::lastDay).thenComparing(ActiveSecondment::staffId));
        return new SecondmentList(day, endingWithinDays, unitCode, paging.slice(running), paging.page(), paging.size(),
                                  running.size(), paging.next(running.size()));
    }

    /**
     * Proposals to move staff from units with a surplus to units short of staff, per field (or for
     * {@code field} only), on {@code asOf}. The rule, also returned as {@code rule}: within a field,
     * units short of staff are served in turn (communes, wards and special zones first, then the
     * largest shortage, then unit code); each takes from the unit with the largest remaining surplus
     * (among equals provincial units first, then unit code) the smaller of its remaining shortage and
     * that surplus, until its shortage is met or no surplus is left. No unit gives more than its
     * surplus or receives more than its shortage; see {@link Rebalancing}.
     */
    @GetMapping("/rebalancing")
    @Operation(summary = "Proposals moving staff from units with a surplus to units short, within a field",
               description = Rebalancing.RULE)
    @ProjectionQuery(PersonnelProjection.PROCESSING_GROUP)
    RebalancingReport rebalancing(@RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String field,
                                  @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String asOf) {
        LocalDate day = BusinessDays.asOf(asOf, clock);
        Map<String, List<AuditRow>> byField = rowsOn(day).stream()
                .filter(row -> field == null || row.field().equals(field))
                .collect(Collectors.groupingBy(AuditRow::field, TreeMap::new, Collectors.toList()));
        List<Proposal> proposals = new ArrayList<>();
        List<FieldBalance> balances = new ArrayList<>();
        byField.forEach((name, rows) -> {
            List<Proposal> ofField = Rebalancing.propose(rows);
            int shortage = rows.stream().filter(row -> row.gap() < 0).mapToInt(row -> -row.gap()).sum();
            int surplus = rows.stream().filter(row -> row.gap() > 0).mapToInt(AuditRow::gap).sum();
            int proposed = ofField.stream().mapToInt(Proposal::count).sum();
            proposals.addAll(ofField);
            balances.add(new FieldBalance(name, shortage, surplus, proposed, shortage - proposed, surplus - proposed));
        });
        return new RebalancingReport(day, field, Rebalancing.RULE, proposals, balances);
    }

    /**
     * Portal accounts active on {@code asOf}, by the unit each is held for: the count per unit, and a
     * page of the accounts (of {@code unitCode} only, when given) with their holders' standing that day.
     */
    @GetMapping("/accounts")
    @Operation(summary = "Portal accounts active on a day, counted per unit, with a page of the accounts")
    @ProjectionQuery(PersonnelProjection.PROCESSING_GROUP)
    AccountsReport accounts(@RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String unitCode,
                            @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String asOf,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        LocalDate day = BusinessDays.asOf(asOf, clock);
        Paging paging = Paging.of(page, size);
        List<AccountRow> accounts = new ArrayList<>();
        for (StaffRecord person : staff(unitCode == null ? new Document() : eq(StaffRecords.ACCOUNT_UNITS, unitCode),
                                        STAFFING_AND_ACCOUNTS)) {
            for (StaffRecord.Account account : person.accounts()) {
                if (account.activeOn(day) && (unitCode == null || unitCode.equals(account.unitCode()))) {
                    StaffStatus standing = person.statusOn(day);
                    accounts.add(new AccountRow(account.account(), account.unitCode(), person.staffId(),
                            person.fullName(), account.provisionedOn(), standing,
                            person.workplaceOn(day).map(account.unitCode()::equals).orElse(false)));
                }
            }
        }
        accounts.sort(Comparator.comparing(AccountRow::unitCode).thenComparing(AccountRow::account)
                                .thenComparing(AccountRow::staffId));
        Map<String, Long> perUnit = accounts.stream()
                .collect(Collectors.groupingBy(AccountRow::unitCode, TreeMap::new, Collectors.counting()));
        List<UnitAccounts> units = perUnit.entrySet().stream()
                .map(entry -> new UnitAccounts(entry.getKey(), entry.getValue().intValue())).toList();
        return new AccountsReport(day, unitCode, accounts.size(), units, paging.slice(accounts), paging.page(),
                                  paging.size(), paging.next(accounts.size()));
    }

    private List<AuditRow> rowsOn(LocalDate day) {
        Map<String, UnitRecord> units = projection.units().findAll(new Document(), null).stream()
                .collect(Collectors.toMap(UnitRecord::code, Function.identity()));
        return StaffingAudit.rows(day, staff(new Document(), STAFFING), projection.quotas().findAll(new Document(), null),
                                  units);
    }

    private List<StaffRecord> staff(Bson filter, Bson fields) {
        return projection.staff().findAll(filter, fields);
    }

    /**
     * @param rows      the page of rows, ordered by unit code then field
     * @param totals    province totals per field, over all units
     * @param totalRows how many rows match the filters
     * @param next      the next page's path and query; null on the last page
     */
    record AuditReport(LocalDate asOf, String unitCode, String field, StaffingState state, List<AuditRow> rows,
                       List<FieldTotal> totals, int page, int size, int totalRows, String next) {
    }

    /**
     * @param lastDay  the last day at the host unit, as far as recorded
     * @param daysLeft days from {@code asOf} to {@code lastDay}; 0 when it ends that day
     */
    record ActiveSecondment(String staffId, String fullName, int secondmentNo, String homeUnitCode, String field,
                            String toUnitCode, String toField, LocalDate from, LocalDate until, LocalDate lastDay,
                            long daysLeft, String decisionNo) {
    }

    record SecondmentList(LocalDate asOf, Integer endingWithinDays, String unitCode, List<ActiveSecondment> secondments,
                          int page, int size, int total, String next) {
    }

    /**
     * @param proposals the proposals of every field asked for, by field in turn
     * @param fields    per field: positions short and staff over quota, how many the proposals move,
     *                  and what is left unmet or unused
     */
    record RebalancingReport(LocalDate asOf, String field, String rule, List<Proposal> proposals,
                             List<FieldBalance> fields) {
    }

    record FieldBalance(String field, int shortage, int surplus, int proposed, int unmetShortage, int unusedSurplus) {
    }

    /**
     * @param holderStatus    the holder's standing on {@code asOf}
     * @param holderWorksHere whether the holder works at the account's unit that day; false flags an
     *                        account left behind by a move or a departure
     */
    record AccountRow(String account, String unitCode, String staffId, String fullName, LocalDate provisionedOn,
                      StaffStatus holderStatus, boolean holderWorksHere) {
    }

    record UnitAccounts(String unitCode, int accounts) {
    }

    /** @param total how many accounts are active that day (at {@code unitCode}, when given) */
    record AccountsReport(LocalDate asOf, String unitCode, int total, List<UnitAccounts> units,
                          List<AccountRow> accounts, int page, int size, String next) {
    }
}
