package vn.province.govtrack.query.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import vn.province.govtrack.query.personnel.PersonnelOnADay.AccountRow;
import vn.province.govtrack.query.personnel.PersonnelOnADay.ActiveAccounts;
import vn.province.govtrack.query.personnel.PersonnelOnADay.ActiveSecondment;
import vn.province.govtrack.query.personnel.PersonnelOnADay.StaffingReviewPage;
import vn.province.govtrack.query.personnel.PersonnelOnADay.UnitAccounts;
import vn.province.govtrack.query.personnel.Rebalancing.Proposal;
import vn.province.govtrack.query.projection.KnownAt;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.staff.BusinessDays;
import vn.province.govtrack.query.web.CsvReport;
import vn.province.govtrack.query.web.CsvRows;
import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.web.ProblemType;

/**
 * The personnel reports the Department of Home Affairs was asked for. Every report is of one day,
 * {@code asOf} (YYYY-MM-DD, default today in the business zone): movements count from their
 * effective dates, so a past day shows the staffing as it was, and a future day as it will be by
 * the movements already decided. The answers come from {@link PersonnelOnADay}.
 */
@Tag(name = "personnel", description = "The staffing review: quotas against staff, secondments, rebalancing,"
                   + " portal accounts")
@RestController
@RequestMapping("/api/v1/personnel")
class PersonnelController {

    /**
     * {@code knownAt}, read by {@code ReadYourWrites} before the handler runs: the handler answers from the
     * events recorded by that instant ({@link KnownAt#position}).
     */
    static final String KNOWN_AT = "knownAt: ISO-8601 instant with offset, not in the future; the report as the "
            + "store knew it then (recorded time): events recorded later, backdated ones included, are left out, "
            + "and the body is the one the same request got at that instant. asOf stays business time; without "
            + "it the report is of the day it was at knownAt. The position it stands for is in the header "
            + "X-Known-At-Position.";

    private final PersonnelOnADay personnel;
    private final Clock clock;

    PersonnelController(PersonnelOnADay personnel, Clock clock) {
        this.personnel = personnel;
        this.clock = clock;
    }

    /**
     * The staffing review, per unit and field: quota, own staff, seconded in and out, effective headcount
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
                       + "per field, whatever unitCode and state select. " + KNOWN_AT)
    @ProjectionQuery(value = PersonnelProjection.PROCESSING_GROUP, knownAt = true)
    StaffingReviewReport staffingReview(
            @RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String unitCode,
            @RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String field,
            @RequestParam(required = false) StaffingState state,
            @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) @Parameter(description = KNOWN_AT) String knownAt,
            HttpServletRequest request) {
        LocalDate day = day(asOf, knownAt);
        Paging paging = Paging.of(page, size);
        StaffingReviewPage review = personnel.staffingReview(day, unitCode, field, state, KnownAt.position(request),
                                                             paging);
        return new StaffingReviewReport(day, unitCode, field, state, review.rows(), review.totals(), paging.page(),
                                        paging.size(), (int) review.totalRows(), paging.next(review.totalRows()));
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
            throw ProblemType.INVALID_INPUT.exception(
                    "endingWithinDays must be between 0 and 3660; got " + endingWithinDays);
        }
        LocalDate day = BusinessDays.asOf(asOf, clock);
        Paging paging = Paging.of(page, size);
        Paging.Page<ActiveSecondment> running = personnel.secondmentsRunning(day, endingWithinDays, unitCode, paging);
        return new SecondmentList(day, endingWithinDays, unitCode, running.content(), paging.page(), paging.size(),
                                  (int) running.total(), paging.next(running.total()));
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
               description = Rebalancing.RULE + " " + KNOWN_AT)
    @ProjectionQuery(value = PersonnelProjection.PROCESSING_GROUP, knownAt = true)
    RebalancingReport rebalancing(@RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String field,
                                  @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String asOf,
                                  @RequestParam(required = false) @Parameter(description = KNOWN_AT) String knownAt,
                                  HttpServletRequest request) {
        LocalDate day = day(asOf, knownAt);
        Map<String, List<StaffingRow>> byField = personnel.staffing(day, field, KnownAt.position(request)).stream()
                .collect(Collectors.groupingBy(StaffingRow::field, TreeMap::new, Collectors.toList()));
        List<Proposal> proposals = new ArrayList<>();
        List<FieldBalance> balances = new ArrayList<>();
        byField.forEach((name, rows) -> {
            List<Proposal> ofField = Rebalancing.propose(rows);
            int shortage = rows.stream().filter(row -> row.gap() < 0).mapToInt(row -> -row.gap()).sum();
            int surplus = rows.stream().filter(row -> row.gap() > 0).mapToInt(StaffingRow::gap).sum();
            int proposed = ofField.stream().mapToInt(Proposal::count).sum();
            proposals.addAll(ofField);
            balances.add(new FieldBalance(name, shortage, surplus, proposed, shortage - proposed, surplus - proposed));
        });
        return new RebalancingReport(day, field, Rebalancing.RULE, proposals, balances);
    }

    /**
     * Portal accounts active on {@code asOf}, by the unit each is held for: the count per unit, and a
     * page of the accounts (of {@code unitCode} only, when given) with their holders' status that day.
     */
    @GetMapping("/accounts")
    @Operation(summary = "Portal accounts active on a day, counted per unit, with a page of the accounts")
    @ProjectionQuery(PersonnelProjection.PROCESSING_GROUP)
    AccountsReport accounts(@RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String unitCode,
                            @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String asOf,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        LocalDate day = BusinessDays.asOf(asOf, clock);
        Paging paging = Paging.of(page, size);
        ActiveAccounts active = personnel.accountsActive(day, unitCode, paging);
        return new AccountsReport(day, unitCode, (int) active.total(), active.units(), active.accounts(),
                                  paging.page(), paging.size(), paging.next(active.total()));
    }

    /**
     * The report's day: {@code asOf}; without it, today, and with {@code knownAt} the day it was at that
     * instant, which is the day the same request asked then was of.
     */
    private LocalDate day(String asOf, String knownAt) {
        if (asOf == null && knownAt != null && !knownAt.isBlank()) {
            return LocalDate.ofInstant(QueryParameters.instant(KnownAt.PARAMETER, knownAt, clock.getZone()),
                                       clock.getZone());
        }
        return BusinessDays.asOf(asOf, clock);
    }

    /**
     * @param rows      the page of rows, ordered by unit code then field
     * @param totals    province totals per field, over all units
     * @param totalRows how many rows match the filters
     * @param next      the next page's path and query; null on the last page
     */
    @CsvReport
    @Schema(example = """
            {"asOf": "2026-12-03", "unitCode": "XA-001", "rows": [{"unitCode": "XA-001",
            "unitName": "Xã Nam Hòa", "unitKind": "COMMUNE", "field": "CULTURE_SOCIETY", "quota": 3,
            "own": 3, "secondedIn": 0, "secondedOut": 0, "effective": 3, "gap": 0, "state": "BALANCED"}],
            "totals": [{"field": "AGRICULTURE", "units": 5, "quota": 83, "own": 87, "secondedIn": 0,
            "secondedOut": 0, "effective": 87, "gap": 4, "shortage": 0, "surplus": 4, "unitsShort": 0,
            "unitsOver": 2, "state": "SURPLUS"}], "page": 0, "size": 100, "totalRows": 7}""")
    record StaffingReviewReport(LocalDate asOf, String unitCode, String field, StaffingState state,
                                List<StaffingRow> rows, List<FieldTotal> totals, int page, int size, int totalRows,
                                String next) {
    }

    @CsvReport
    @Schema(example = """
            {"asOf": "2025-07-10", "secondments": [{"staffId": "CB-SO-08-042", "fullName": "Nguyễn Hữu Toàn",
            "secondmentNo": 1, "homeUnitCode": "SO-08", "field": "FINANCE_PLANNING", "toUnitCode": "XA-012",
            "toField": "FINANCE_PLANNING", "from": "2025-07-04", "until": "2025-08-05",
            "lastDay": "2025-08-05", "daysLeft": 26, "decisionNo": "2332/QĐ-UBND"}], "page": 0, "size": 100,
            "total": 19}""")
    record SecondmentList(LocalDate asOf, Integer endingWithinDays, String unitCode, List<ActiveSecondment> secondments,
                          int page, int size, int total, String next) {
    }

    /**
     * @param proposals the proposals of every field asked for, by field in turn
     * @param fields    per field: positions short and staff over quota, how many the proposals move,
     *                  and what is left unmet or unused
     */
    @CsvReport
    @Schema(example = """
            {"asOf": "2026-12-03",
            "rule": "Per field: units short of staff (gap < 0) are served in turn, communes, wards and special zones first, then the largest shortage, then unit code; each takes from the unit with the largest remaining surplus (gap > 0; among equals provincial units first, then unit code) the smaller of its remaining shortage and that surplus, until its shortage is met or no surplus is left. No unit gives more than its surplus or receives more than its shortage. A field without a quota has quota 0, and so has a dissolved unit: it never receives, and staff still counted there are a surplus it gives.",
            "proposals": [{"fromUnitCode": "SO-12", "toUnitCode": "PH-09", "field": "CULTURE_SOCIETY",
            "count": 1}], "fields": [{"field": "AGRICULTURE", "shortage": 0, "surplus": 4, "proposed": 0,
            "unmetShortage": 0, "unusedSurplus": 4}]}""")
    record RebalancingReport(LocalDate asOf, String field, String rule, List<Proposal> proposals,
                             List<FieldBalance> fields) {
    }

    record FieldBalance(String field, int shortage, int surplus, int proposed, int unmetShortage, int unusedSurplus) {
    }

    /** @param total how many accounts are active that day (at {@code unitCode}, when given) */
    @CsvReport
    @Schema(example = """
            {"asOf": "2026-12-03", "unitCode": "XA-001", "total": 29, "units": [{"unitCode": "XA-001",
            "accounts": 29}], "accounts": [{"account": "anhnt.xa001", "unitCode": "XA-001",
            "staffId": "CB-XA-001-008", "fullName": "Nguyễn Thu Anh", "provisionedOn": "2026-12-03",
            "holderStatus": "IN_SERVICE", "holderWorksHere": true}], "page": 0, "size": 100}""")
    record AccountsReport(LocalDate asOf, String unitCode, int total, List<UnitAccounts> units,
                          @CsvRows List<AccountRow> accounts, int page, int size, String next) {
    }
}
