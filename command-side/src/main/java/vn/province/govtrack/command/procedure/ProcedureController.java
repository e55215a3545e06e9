package vn.province.govtrack.command.procedure;

import java.time.LocalTime;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.command.web.QuerySideLinks;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.PublishProcedureCommand;

@Tag(name = "procedures", description = "Administrative procedures and their legal processing times")
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
    @Operation(summary = "Publish an administrative procedure with its legal processing time")
    ResponseEntity<ProcedurePublished> publish(@Valid @RequestBody PublishProcedureRequest request) {
        boolean online = Boolean.TRUE.equals(request.online());
        Accepted<ProcedurePublishedEvent> accepted = commands.send(() -> new PublishProcedureCommand(
                request.code(), request.name(), request.field(), request.level(), request.processingHours(),
                LocalTime.parse(request.cutoff()), online ? OnlineLevel.PARTIAL : OnlineLevel.NONE, null, null, null),
                ProcedurePublishedEvent.class);
        ProcedurePublishedEvent e = accepted.answer();
        return ResponseEntity
                .created(links.procedure(e.code()))
                .body(new ProcedurePublished(e.code(), e.name(), e.field(), e.level(), e.processingHours(),
                                             request.cutoff(), e.online(), accepted.position()));
    }

    /**
     * @param processingHours legal processing time in working hours (8 = one working day, 4 = half a day)
     * @param cutoff          local time after which a dossier counts from the next working day, e.g. "15:00"
     * @param online          whether the procedure may be submitted online; absent means false
     */
    @Schema(example = """
            {"code": "KS-01", "name": "Đăng ký khai sinh", "field": "JUSTICE_CIVIL_STATUS",
             "level": "COMMUNE", "processingHours": 8, "cutoff": "15:00", "online": true}""")
    record PublishProcedureRequest(@NotNull @Pattern(regexp = Patterns.CODE) String code,
                                   @NotBlank @Size(max = 500) String name,
                                   @NotBlank @Size(max = 200) String field,
                                   @NotBlank @Size(max = 50) String level,
                                   @NotNull @Positive @Max(Procedure.MAX_PROCESSING_HOURS) Integer processingHours,
                                   @NotNull @Pattern(regexp = Patterns.TIME_OF_DAY, message = "must be a time of day HH:mm")
                                   String cutoff,
                                   Boolean online) {
    }

    @Schema(example = """
            {"code": "KS-01", "name": "Đăng ký khai sinh", "field": "JUSTICE_CIVIL_STATUS", "level": "COMMUNE",
             "processingHours": 8, "cutoff": "15:00", "online": true, "position": 1207}""")
    record ProcedurePublished(String code, String name, String field, String level, int processingHours,
                              String cutoff, boolean online, long position) {
    }
}
