package vn.province.govtrack.command.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.command.web.QuerySideLinks;
import vn.province.govtrack.kernel.feedback.AnswerFeedbackCommand;
import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.kernel.feedback.FeedbackStatus;
import vn.province.govtrack.kernel.feedback.ReceiveFeedbackCommand;

/**
 * Citizens' feedback about a unit's service and the unit's answer, under {@code /api/v1/feedback}. The
 * feedback is due {@value Feedback#HANDLING_WORKING_DAYS} working days after its receipt ({@link Feedback}).
 * Times are answered in the business zone, with their offset; every {@code ...At} is optional (absent means
 * now), for importers replaying dated history. Each handler answers the event that records its decision, and
 * each answer is built from that event alone, so a retry with the same {@code Idempotency-Key} reads the
 * same answer back ({@link CommandSender#send(java.util.function.Supplier, Class)}).
 */
@Tag(name = "feedback", description = "Citizens' suggestions and complaints about a unit's service, and their"
                   + " answers")
@RestController
@RequestMapping("/api/v1/feedback")
class FeedbackController {

    private final CommandSender commands;
    private final QuerySideLinks links;
    private final IdGenerator ids;
    private final ZoneId zone;

    FeedbackController(CommandSender commands, IdGenerator ids, WorkingHours workingHours, QuerySideLinks links) {
        this.commands = commands;
        this.links = links;
        this.ids = ids;
        this.zone = workingHours.zone();
    }

    /**
     * 404 for an unknown unit, 409 for a unit dissolved on the day of receipt or a feedback id used before;
     * a CLERK or UNIT_HEAD records feedback about its own unit only (else 403).
     */
    @PostMapping
    @Operation(summary = "Receive a citizen's suggestion or complaint about a unit, which decides its due time")
    ResponseEntity<Received> receive(@Valid @RequestBody ReceiveRequest request) {
        Accepted<FeedbackReceivedEvent> accepted = commands.send(() -> new ReceiveFeedbackCommand(
                request.feedbackId() != null ? request.feedbackId() : ids.generateId().toString(), request.kind(),
                request.unitCode(), request.dossierId(), request.subject(), instantOf(request.receivedAt())),
                FeedbackReceivedEvent.class);
        FeedbackReceivedEvent e = accepted.answer();
        return ResponseEntity
                .created(links.feedback(e.feedbackId()))
                .body(new Received(e.feedbackId(), e.kind(), e.unitCode(), e.dossierId(), e.subject(),
                                   local(e.receivedAt()), local(e.dueAt()), FeedbackStatus.OPEN, accepted.position()));
    }

    /**
     * 404 for unknown feedback; 409 when it is answered already or {@code answeredAt} is before its receipt.
     * Only a UNIT_HEAD of the unit it is about answers it (else 403).
     */
    @PostMapping("/{feedbackId}/answer")
    @Operation(summary = "Answer a piece of feedback, which closes it, on time or late")
    Answered answer(@PathVariable @Pattern(regexp = Patterns.ID) String feedbackId,
                    @Valid @RequestBody AnswerRequest request) {
        Accepted<FeedbackAnsweredEvent> accepted = commands.send(
                () -> new AnswerFeedbackCommand(feedbackId, request.answer(), instantOf(request.answeredAt())),
                FeedbackAnsweredEvent.class);
        FeedbackAnsweredEvent e = accepted.answer();
        return new Answered(e.feedbackId(), FeedbackStatus.ANSWERED, local(e.answeredAt()), local(e.dueAt()),
                            e.onTime(), accepted.position());
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    private static Instant instantOf(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * @param feedbackId optional (generated when absent)
     * @param dossierId  the dossier the feedback is about, if any
     * @param subject    what it is about, in a few words; no personal data (a number of nine digits or more,
     *                   like an id or phone number, is refused)
     * @param receivedAt optional; absent means now
     */
    @Schema(example = """
            {"kind": "COMPLAINT", "unitCode": "XA-TAN-LAP", "dossierId": "HS-2025-000123",
             "subject": "Hẹn trả kết quả nhiều lần", "receivedAt": "2025-07-04T10:00:00+07:00"}""")
    record ReceiveRequest(@Pattern(regexp = Patterns.ID) String feedbackId,
                          @NotNull FeedbackKind kind,
                          @NotNull @Pattern(regexp = Patterns.CODE) String unitCode,
                          @Pattern(regexp = Patterns.ID) String dossierId,
                          @NotBlank @Size(max = Feedback.MAX_SUBJECT) String subject,
                          OffsetDateTime receivedAt) {
    }

    /** @param answeredAt optional; absent means now */
    @Schema(example = """
            {"answer": "Đơn vị đã rà soát và trả kết quả ngày 07/7/2025.",
             "answeredAt": "2025-07-10T15:00:00+07:00"}""")
    record AnswerRequest(@NotBlank @Size(max = Feedback.MAX_ANSWER) String answer, OffsetDateTime answeredAt) {
    }

    @Schema(example = """
            {"feedbackId": "GY-2025-0042", "kind": "COMPLAINT", "unitCode": "XA-TAN-LAP",
             "dossierId": "HS-2025-000123", "subject": "Hẹn trả kết quả nhiều lần",
             "receivedAt": "2025-07-04T10:00:00+07:00", "dueAt": "2025-07-18T10:00:00+07:00", "status": "OPEN",
             "position": 48310}""")
    record Received(String feedbackId, FeedbackKind kind, String unitCode, String dossierId, String subject,
                    OffsetDateTime receivedAt, OffsetDateTime dueAt, FeedbackStatus status, long position) {
    }

    /** {@code onTime}: answered no later than {@code dueAt}. */
    @Schema(example = """
            {"feedbackId": "GY-2025-0042", "status": "ANSWERED", "answeredAt": "2025-07-10T15:00:00+07:00",
             "dueAt": "2025-07-18T10:00:00+07:00", "onTime": true, "position": 48377}""")
    record Answered(String feedbackId, FeedbackStatus status, OffsetDateTime answeredAt, OffsetDateTime dueAt,
                    boolean onTime, long position) {
    }
}
