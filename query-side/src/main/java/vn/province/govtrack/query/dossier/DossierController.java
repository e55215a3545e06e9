package vn.province.govtrack.query.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.query.applicant.PersonalDataReader;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.query.web.UnitScope;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.web.ProblemType;

@Tag(name = "dossiers", description = "Dossiers as the projection holds them: one, or lists by unit, status"
                   + " and due date")
@RestController
@RequestMapping("/api/v1/dossiers")
class DossierController {

    static final int DEFAULT_SIZE = 50;
    /** A year and a day: far enough for any appointment date a procedure can set. */
    static final int MAX_DUE_WITHIN_HOURS = 366 * 24;

    private final DossierLookup views;
    private final DossierResponses responses;
    private final Clock clock;

    DossierController(DossierLookup views, DossierResponses responses, Clock clock) {
        this.views = views;
        this.responses = responses;
        this.clock = clock;
    }

    /** The dossier; its {@code applicant} only for readers allowed to see personal data ({@link PersonalDataReader}). */
    @GetMapping("/{dossierId}")
    @Operation(summary = "One dossier: its status, unit, due date and timeliness")
    @ProjectionQuery(DossierProjection.PROCESSING_GROUP)
    DossierResponse dossier(@PathVariable String dossierId, @AuthenticationPrincipal Caller caller) {
        return views.dossier(dossierId)
                    .map(view -> UnitScope.readable(caller, view, view.unitCode(), "dossier '" + view.dossierId() + "'"))
                    .map(view -> responses.of(view, PersonalDataReader.of(caller)))
                    .orElseThrow(() -> ProblemType.DOSSIER_NOT_FOUND.exception(
                            "No dossier '" + dossierId + "' in the dossier projection"));
    }

    /**
     * A page of dossiers.
     *
     * @param totalElements how many dossiers match in all
     * @param next          the following page's path with the same filters, or null on the last page
     * @param asOf          the instant {@code overdue} and {@code dueWithinHours} were judged at
     */
    @Schema(example = """
            {"content": [{"dossierId": "HS42-0000000", "status": "RETURNED", "statusCode": 10,
            "procedureCode": "1.027986", "field": "INDUSTRY_TRADE", "unitCode": "TT-21",
            "channel": "ONLINE", "applicant": {"idNumber": "068195658867", "fullName": "Võ Thanh Anh",
            "phone": "0394455719"}, "submittedAt": "2025-07-01T10:43:22+07:00",
            "receivedAt": "2025-07-02T09:02:14+07:00", "clockStartsAt": "2025-07-02T09:02:14+07:00",
            "processingHours": 40, "dueAt": "2025-07-09T09:02:14+07:00", "clockRunning": false,
            "assignedStaffId": "CB-TT-21-3", "supplementRequests": 0, "extensions": 0, "transfers": 0,
            "amountRequested": 0, "amountPaid": 0, "amountPaidOnline": 0,
            "resolvedAt": "2025-07-03T15:45:41+07:00",
            "outcome": "APPROVED", "timeliness": "EARLY", "processingDays": 1.7145833333333333,
            "returnedAt": "2025-07-07T15:52:20+07:00", "lastPosition": 12893}], "page": 0, "size": 1,
            "totalElements": 200, "totalPages": 200, "next": "/api/v1/dossiers?page=1&size=1",
            "asOf": "2026-12-03T21:38:35.707869784+07:00"}""")
    record DossierPage(List<DossierResponse> content, int page, int size, long totalElements, long totalPages,
                       String next, OffsetDateTime asOf) {
    }

    /**
     * Dossiers matching every given filter; an empty parameter counts as absent.
     *
     * <ul>
     *   <li>{@code unitCode}: the unit holding the dossier now (after transfers); for a CLERK or
     *       UNIT_HEAD always its own unit (another is a 403);</li>
     *   <li>{@code status}: one or more statuses, by name or national code, comma-separated or repeated;</li>
     *   <li>{@code overdue=true}: the clock runs (received, not ended, no supplement outstanding) and the
     *       appointment date has passed; {@code overdue=false}: every other dossier. A dossier waiting
     *       for a supplement is never overdue: its clock is paused and its due date will move;</li>
     *   <li>{@code dueWithinHours=N}: the clock runs and the appointment date lies between now and
     *       N hours from now ("due soon"; overdue ones are not included);</li>
     *   <li>{@code page} (from 0) and {@code size} (1 to {@value Paging#MAX_SIZE}): deadline lists
     *       ({@code overdue=true} or {@code dueWithinHours}) are ordered soonest due first, others by
     *       dossier id; follow {@code next} for the following page.</li>
     * </ul>
     */
    @GetMapping
    @Operation(summary = "Dossiers by unit and status, or overdue and due soon, a page at a time")
    @ProjectionQuery(DossierProjection.PROCESSING_GROUP)
    DossierPage dossiers(@RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String unitCode,
                         @RequestParam(required = false) @Size(max = 20) List<@Size(max = 200) String> status,
                         @RequestParam(required = false) Boolean overdue,
                         @RequestParam(required = false) Integer dueWithinHours,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size,
                         @AuthenticationPrincipal Caller caller) {
        Paging paging = Paging.of(page, size);
        if (dueWithinHours != null && (dueWithinHours < 1 || dueWithinHours > MAX_DUE_WITHIN_HOURS)) {
            throw ProblemType.INVALID_INPUT.exception("dueWithinHours must be between 1 and " + MAX_DUE_WITHIN_HOURS
                    + "; got " + dueWithinHours);
        }
        if (Boolean.TRUE.equals(overdue) && dueWithinHours != null) {
            throw ProblemType.INVALID_INPUT.exception(
                    "overdue=true and dueWithinHours select disjoint sets of dossiers "
                    + "(past due, and not yet due); ask for one of them");
        }
        String unit = UnitScope.unitFilter(caller, unitCode == null || unitCode.isBlank() ? null : unitCode.trim(),
                "dossiers");
        DossierFilter filter = new DossierFilter(unit, statuses(status), overdue, dueWithinHours);
        Instant now = clock.instant();
        Paging.Page<DossierView> found = views.dossiers(filter, now, paging);
        String next = paging.hasNext(found.total()) ? link(filter, page + 1, size) : null;
        return new DossierPage(responses.all(found.content(), PersonalDataReader.of(caller)),
                page, size, found.total(), paging.pages(found.total()), next,
                now.atZone(clock.getZone()).toOffsetDateTime());
    }

    private static Set<DossierStatus> statuses(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        Set<DossierStatus> statuses = EnumSet.noneOf(DossierStatus.class);
        for (String value : values) {
            for (String one : value.split(",")) {
                if (!one.isBlank()) {
                    statuses.add(status(one.trim()));
                }
            }
        }
        return statuses;
    }

    private static DossierStatus status(String value) {
        for (DossierStatus candidate : DossierStatus.values()) {
            if (candidate.name().equals(value.toUpperCase(Locale.ROOT))
                    || Integer.toString(candidate.code()).equals(value)) {
                return candidate;
            }
        }
        throw ProblemType.INVALID_INPUT.exception("status must be a dossier status name or its national code ("
                + Arrays.stream(DossierStatus.values()).map(s -> s.name() + "=" + s.code())
                        .collect(Collectors.joining(", ")) + "); got '" + value + "'");
    }

    private static String link(DossierFilter filter, int page, int size) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/api/v1/dossiers");
        if (filter.unitCode() != null) {
            link.queryParam("unitCode", filter.unitCode());
        }
        if (!filter.statuses().isEmpty()) {
            link.queryParam("status", filter.statuses().stream().sorted().map(Enum::name)
                                            .collect(Collectors.joining(",")));
        }
        if (filter.overdue() != null) {
            link.queryParam("overdue", filter.overdue());
        }
        if (filter.dueWithinHours() != null) {
            link.queryParam("dueWithinHours", filter.dueWithinHours());
        }
        return link.queryParam("page", page).queryParam("size", size).encode().build().toUriString();
    }
}
