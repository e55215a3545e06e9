package vn.province.govtrack.command.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.kernel.calendar.HolidaysSetEvent;
import vn.province.govtrack.kernel.calendar.SetHolidaysCommand;

@Tag(name = "calendar", description = "The public holidays that deadlines skip")
@RestController
@RequestMapping("/api/v1/calendar/holidays")
class HolidayController {

    private final CommandSender commands;

    HolidayController(CommandSender commands) {
        this.commands = commands;
    }

    /** Replaces the year's holidays with the given dates (a JSON array of {@code YYYY-MM-DD}). */
    @PutMapping("/{year}")
    @Operation(summary = "Replace a year's public holidays, which deadlines skip")
    HolidaysSet set(@PathVariable @Min(HolidayCalendar.FIRST_YEAR) @Max(HolidayCalendar.LAST_YEAR) int year,
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                            name = "2025", summary = "The holidays of 2025 (Tết: 25 January to 2 February)",
                            value = """
                                    ["2025-01-01", "2025-01-25", "2025-01-26", "2025-01-27", "2025-01-28",
                                     "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02",
                                     "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-05-03",
                                     "2025-05-04", "2025-08-30", "2025-08-31", "2025-09-01", "2025-09-02"]""")))
                    @RequestBody @NotNull @Size(max = 366) List<@NotNull LocalDate> holidays) {
        Accepted<HolidaysSetEvent> accepted = commands.send(() -> new SetHolidaysCommand(year, holidays),
                                                            HolidaysSetEvent.class);
        HolidaysSetEvent e = accepted.answer();
        return new HolidaysSet(e.year(), e.holidays(), accepted.position());
    }

    @Schema(example = """
            {"year": 2025, "holidays": ["2025-01-01", "2025-01-25", "2025-04-07", "2025-09-02"], "position": 3}""")
    record HolidaysSet(int year, List<LocalDate> holidays, long position) {
    }
}
