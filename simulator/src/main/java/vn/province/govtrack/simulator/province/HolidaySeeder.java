package vn.province.govtrack.simulator.province;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.province.govtrack.simulator.Seeder;
import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.http.Official;

/**
 * Sets the decreed holidays of every year the simulated period touches, before any dossier is
 * received (due dates are decided at receipt): {@code PUT /calendar/holidays/{year}}.
 */
public final class HolidaySeeder implements Seeder {

    @Override
    public String name() {
        return "holidays";
    }

    @Override
    public void seed(Seeding seeding) {
        LocalDate first = seeding.scenario().firstDay();
        LocalDate last = seeding.scenario().lastDay().plusMonths(3); // dossiers received late in the period end after it
        Map<Integer, List<LocalDate>> holidays = Province.holidays(first, last);
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            List<LocalDate> days = holidays.get(year);
            if (days == null) {
                seeding.out().printf("holidays   %d: not in the simulator's table; that year counts weekends only%n", year);
                continue;
            }
            seeding.put(Official.ADMIN, "holidays", String.valueOf(year), "/calendar/holidays/" + year, days);
            seeding.out().printf("holidays   %d: %d days off set%n", year, days.size());
        }
    }
}
