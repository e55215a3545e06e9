package vn.province.govtrack.command.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.messaging.Accepted;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.kernel.calendar.HolidaysSetEvent;
import vn.province.govtrack.kernel.calendar.SetHolidaysCommand;

@RestController
@RequestMapping("/api/v1/calendar/holidays")
class HolidayController {

    private final CommandSender commands;

    HolidayController(CommandSender commands) {
        this.commands = commands;
    }

    /** Replaces the year's holidays with the given dates (a JSON array of {@code YYYY-MM-DD}). */
    @PutMapping("/{year}")
    HolidaysSet set(@PathVariable @Min(HolidayCalendar.FIRST_YEAR) @Max(HolidayCalendar.LAST_YEAR) int year,
                    @RequestBody @NotNull @Size(max = 366) List<@NotNull LocalDate> holidays) {
        Accepted<HolidaysSetEvent> accepted = commands.send(() -> new SetHolidaysCommand(year, holidays),
                                                            HolidaysSetEvent.class);
        HolidaysSetEvent e = accepted.answer();
        return new HolidaysSet(e.year(), e.holidays(), accepted.position());
    }

    record HolidaysSet(int year, List<LocalDate> holidays, long position) {
    }
}
