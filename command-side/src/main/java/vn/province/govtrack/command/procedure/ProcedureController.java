package vn.province.govtrack.command.procedure;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.QuerySideLinks;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;
import vn.province.govtrack.kernel.procedure.PublishProcedureCommand;
import vn.province.govtrack.kernel.procedure.UpdateProcedureCommand;

/**
 * Procedures: publication, and the announced updates of how far one is offered online and what it
 * discloses, which the national service-quality index reads (docs/index-766.md). Days are business days
 * (Asia/Ho_Chi_Minh); "today" is today there.
 */
@Tag(name = "procedures", description = "Administrative procedures: their legal processing times, online level and "
                                        + "disclosed content, and updates of these")
@RestController
@RequestMapping("/api/v1/procedures")
class ProcedureController {

    private final CommandSender commands;
    private final QuerySideLinks links;

    ProcedureController(CommandSender commands, QuerySideLinks links) {
        this.commands = commands;
        this.links = links;
    }

    @PostMapping
    @Operation(summary = "Publish an administrative procedure with its legal processing time",
               description = "onlineLevel (FULL, PARTIAL, NONE) says how far it is offered online; without it, "
                       + "online true means PARTIAL and false or absent NONE, and both given must agree (else 400). "
                       + "publishedOn (default today) must not lie in the future nor before 2000-01-01; "
                       + "effectiveFrom (default publishedOn), the day its legal basis takes effect, lies between "
                       + "2000-01-01 and 2100-12-31; content names the elements it discloses (Decree 63/2010, "
                       + "Article 8), none by default. 409 when the code is already published.")
    ResponseEntity<ProcedurePublished> publish(@Valid @RequestBody PublishProcedureRequest request) {
        OnlineLevel onlineLevel = request.offered();
        Accepted<ProcedurePublishedEvent> accepted = commands.send(() -> new PublishProcedureCommand(
                request.code(), request.name(), request.field(), request.level(), request.processingHours(),
                LocalTime.parse(request.cutoff()), onlineLevel, request.publishedOn(), request.effectiveFrom(),
                request.content()), ProcedurePublishedEvent.class);
        ProcedurePublishedEvent e = accepted.answer();
        return ResponseEntity
                .created(links.procedure(e.code()))
                .body(new ProcedurePublished(e.code(), e.name(), e.field(), e.level(), e.processingHours(),
                                             request.cutoff(), e.online(), e.offered(), e.publishedOn(),
                                             e.effectiveFrom(), e.disclosed(), accepted.position()));
    }

    @PostMapping("/{code}/updates")
    @Operation(summary = "Announce an update of a procedure's online level or disclosed content",
               description = "onlineLevel and content, when given, replace the procedure's; what is left out stays. "
                       + "updatedOn (default today) is the day the update was announced, effectiveFrom (default "
                       + "updatedOn) the day it takes effect: the index counts it on time when announced on or before "
                       + "that day. 404 unknown procedure; 409 when the update changes neither the online level nor "
                       + "the content, or is announced before the procedure was published or before its last update.")
    ProcedureUpdated update(@PathVariable @Pattern(regexp = Patterns.CODE) String code,
                            @Valid @RequestBody UpdateProcedureRequest request) {
        Accepted<ProcedureUpdatedEvent> accepted = commands.send(() -> new UpdateProcedureCommand(
                code, request.onlineLevel(), request.content(), request.updatedOn(), request.effectiveFrom(),
                request.reason()), ProcedureUpdatedEvent.class);
        ProcedureUpdatedEvent e = accepted.answer();
        return new ProcedureUpdated(e.code(), e.onlineLevel(), inOrder(e.content()), e.updatedOn(),
                                    e.effectiveFrom(), accepted.position());
    }

    /** The elements in their declaration order, whichever set the event was read back as. */
    private static Set<ProcedureContent> inOrder(Set<ProcedureContent> content) {
        return content == null || content.isEmpty() ? EnumSet.noneOf(ProcedureContent.class) : EnumSet.copyOf(content);
    }

    /**
     * @param processingHours legal processing time in working hours (8 = one working day, 4 = half a day)
     * @param cutoff          local time after which a dossier counts from the next working day, e.g. "15:00"
     * @param online          whether the procedure may be submitted online; absent means false, or as onlineLevel says
     * @param onlineLevel     how far it is offered online; absent means PARTIAL when online, else NONE
     * @param publishedOn     the day it was published; today when absent
     * @param effectiveFrom   the day its legal basis takes effect; publishedOn when absent
     * @param content         the elements it discloses; none when absent
     */
    @Schema(example = """
            {"code": "KS-01", "name": "Đăng ký khai sinh", "field": "JUSTICE_CIVIL_STATUS",
             "level": "COMMUNE", "processingHours": 8, "cutoff": "15:00", "onlineLevel": "FULL",
             "publishedOn": "2025-06-20", "effectiveFrom": "2025-07-01",
             "content": ["NAME", "STEPS", "METHOD", "DOSSIER_COMPOSITION", "PROCESSING_TIME", "APPLICANTS", "AGENCY",
                         "RESULT", "FEES", "FORMS", "REQUIREMENTS", "LEGAL_BASIS"]}""")
    record PublishProcedureRequest(@NotNull @Pattern(regexp = Patterns.CODE) String code,
                                   @NotBlank @Size(max = 500) String name,
                                   @NotBlank @Size(max = 200) String field,
                                   @NotBlank @Size(max = 50) String level,
                                   @NotNull @Positive @Max(Procedure.MAX_PROCESSING_HOURS) Integer processingHours,
                                   @NotNull @Pattern(regexp = Patterns.TIME_OF_DAY, message = "must be a time of day HH:mm")
                                   String cutoff,
                                   Boolean online,
                                   OnlineLevel onlineLevel,
                                   LocalDate publishedOn,
                                   LocalDate effectiveFrom,
                                   Set<@NotNull ProcedureContent> content) {

        /** The online level given, or the one {@code online} stands for; a 400 when the two disagree. */
        OnlineLevel offered() {
            if (onlineLevel == null) {
                return Boolean.TRUE.equals(online) ? OnlineLevel.PARTIAL : OnlineLevel.NONE;
            }
            if (online != null && online != onlineLevel.online()) {
                throw new InvalidCommandException("online " + online + " disagrees with onlineLevel " + onlineLevel
                                                  + "; give one, or both alike");
            }
            return onlineLevel;
        }
    }

    @Schema(example = """
            {"code": "KS-01", "name": "Đăng ký khai sinh", "field": "JUSTICE_CIVIL_STATUS", "level": "COMMUNE",
             "processingHours": 8, "cutoff": "15:00", "online": true, "onlineLevel": "FULL",
             "publishedOn": "2025-06-20", "effectiveFrom": "2025-07-01", "content": ["NAME", "STEPS", "FEES"],
             "position": 1207}""")
    record ProcedurePublished(String code, String name, String field, String level, int processingHours,
                              String cutoff, boolean online, OnlineLevel onlineLevel, LocalDate publishedOn,
                              LocalDate effectiveFrom, Set<ProcedureContent> content, long position) {
    }

    /**
     * @param onlineLevel   the new online level; absent leaves it as it is
     * @param content       every element the procedure discloses from now on; absent leaves them as they are
     * @param updatedOn     the day the update was announced; today when absent
     * @param effectiveFrom the day it takes effect; updatedOn when absent
     * @param reason        why, e.g. the decision announcing it
     */
    @Schema(example = """
            {"onlineLevel": "FULL", "updatedOn": "2025-07-10", "effectiveFrom": "2025-07-15",
             "reason": "Decision 1520/QĐ-UBND: offered fully online from 15 July"}""")
    record UpdateProcedureRequest(OnlineLevel onlineLevel,
                                  Set<@NotNull ProcedureContent> content,
                                  LocalDate updatedOn,
                                  LocalDate effectiveFrom,
                                  @NotBlank @Size(max = 2000) String reason) {
    }

    /** The procedure's online level and content as they stand after the update. */
    @Schema(example = """
            {"code": "KS-01", "onlineLevel": "FULL", "content": ["NAME", "STEPS", "FEES"], "updatedOn": "2025-07-10",
             "effectiveFrom": "2025-07-15", "position": 5120}""")
    record ProcedureUpdated(String code, OnlineLevel onlineLevel, Set<ProcedureContent> content, LocalDate updatedOn,
                            LocalDate effectiveFrom, long position) {
    }
}
