package vn.province.govtrack.query.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.kernel.feedback.FeedbackStatus;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.query.web.UnitScope;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.web.ProblemType;

/**
 * Citizens' feedback about the units' service and its answers, as the feedback projection holds them. Every
 * role but CLIENT reads it (a subject is a citizen's free text: the command side refuses id and phone numbers in
 * it, but cannot tell a name); a CLERK or UNIT_HEAD only the feedback about its own unit.
 * {@code overdue} is judged when asked, from the service's clock.
 */
@Tag(name = "feedback", description = "Citizens' suggestions and complaints about a unit's service: due, answered,"
                   + " on time or overdue")
@RestController
@RequestMapping("/api/v1/feedback")
class FeedbackController {

    static final int DEFAULT_SIZE = 50;

    private final FeedbackLookup feedback;
    private final Clock clock;

    FeedbackController(FeedbackLookup feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @GetMapping("/{feedbackId}")
    @Operation(summary = "One piece of feedback: its unit, due time, answer and whether it is overdue",
               description = "A CLERK or UNIT_HEAD reading feedback about another unit gets a 403.")
    @ProjectionQuery(FeedbackProjection.PROCESSING_GROUP)
    FeedbackResponse feedback(@PathVariable String feedbackId, @AuthenticationPrincipal Caller caller) {
        return feedback.feedback(feedbackId)
                       .map(view -> UnitScope.readable(caller, view, view.unitCode(),
                                                       "feedback '" + view.feedbackId() + "'"))
                       .map(view -> FeedbackResponse.of(view, clock.instant(), clock.getZone()))
                       .orElseThrow(() -> ProblemType.NOT_FOUND.exception(
                               "No feedback '" + feedbackId + "' in the feedback projection"));
    }

    /**
     * A page of feedback.
     *
     * @param totalElements how many match in all
     * @param next          the following page's path with the same filters, or null on the last page
     * @param asOf          the instant {@code overdue} was judged at
     */
    @Schema(example = """
            {"content": [{"feedbackId": "GY-2025-0042", "kind": "COMPLAINT", "unitCode": "XA-TAN-LAP",
            "dossierId": "HS-2025-000123", "subject": "Chờ lâu ở bộ phận một cửa",
            "receivedAt": "2025-07-04T10:00:00+07:00", "dueAt": "2025-07-18T10:00:00+07:00", "status": "OPEN",
            "overdue": true}], "page": 0, "size": 1, "totalElements": 12, "totalPages": 12,
            "next": "/api/v1/feedback?unitCode=XA-TAN-LAP&status=OPEN&page=1&size=1",
            "asOf": "2025-07-21T09:00:00+07:00"}""")
    record FeedbackPage(List<FeedbackResponse> content, int page, int size, long totalElements, long totalPages,
                        String next, OffsetDateTime asOf) {
    }

    @GetMapping
    @Operation(summary = "Feedback by unit and status, a page at a time, in id order",
               description = "unitCode keeps the feedback about that unit; for a CLERK or UNIT_HEAD always its own "
                       + "(another is a 403). status is OPEN or ANSWERED. page counts from 0; size is 1 to "
                       + Paging.MAX_SIZE + "; follow next for the following page.")
    @ProjectionQuery(FeedbackProjection.PROCESSING_GROUP)
    FeedbackPage list(@RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String unitCode,
                      @RequestParam(required = false) String status,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size,
                      @AuthenticationPrincipal Caller caller) {
        Paging paging = Paging.of(page, size);
        String unit = UnitScope.unitFilter(caller, unitCode == null || unitCode.isBlank() ? null : unitCode, "feedback");
        Paging.Page<FeedbackView> found = feedback.feedback(unit, status(status), paging);
        Instant now = clock.instant();
        return new FeedbackPage(found.content().stream().map(view -> FeedbackResponse.of(view, now, clock.getZone()))
                                     .toList(),
                                page, size, found.total(), paging.pages(found.total()), paging.next(found.total()),
                                now.atZone(clock.getZone()).toOffsetDateTime());
    }

    /** Null for none; an unknown name is a 400. */
    private static FeedbackStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(FeedbackStatus.values())
                     .filter(candidate -> candidate.name().equals(value.trim().toUpperCase(Locale.ROOT)))
                     .findFirst()
                     .orElseThrow(() -> ProblemType.INVALID_INPUT.exception(
                             "status must be one of " + Arrays.toString(FeedbackStatus.values()) + "; got '"
                             + (value.length() > 50 ? value.substring(0, 50) + "…" : value) + "'"));
    }
}
