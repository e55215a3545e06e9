package vn.province.govtrack.command.dossier;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.province.govtrack.command.calendar.WorkingCalendar;
import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.unit.RegisteredUnit;

/** Reference data held in memory, set up by each test as the province it needs. */
class FakeReferenceData implements ReferenceData {

    private final Map<String, RegisteredUnit> units = new HashMap<>();
    private final Map<String, ProcedureTerms> procedures = new HashMap<>();
    private final Map<Integer, Set<LocalDate>> holidays = new HashMap<>();

    FakeReferenceData withUnit(String code) {
        units.put(code, new RegisteredUnit(code, null));
        return this;
    }

    FakeReferenceData withUnitDissolvedFrom(String code, LocalDate dissolvedOn) {
        units.put(code, new RegisteredUnit(code, dissolvedOn));
        return this;
    }

    FakeReferenceData withProcedure(ProcedureTerms terms) {
        procedures.put(terms.code(), terms);
        return this;
    }

    FakeReferenceData withHolidays(int year, Set<LocalDate> days) {
        holidays.put(year, days);
        return this;
    }

    @Override
    public Optional<RegisteredUnit> unit(String unitCode) {
        return Optional.ofNullable(units.get(unitCode));
    }

    @Override
    public Optional<ProcedureTerms> procedure(String procedureCode) {
        return Optional.ofNullable(procedures.get(procedureCode));
    }

    @Override
    public WorkingCalendar workingCalendar() {
        return new WorkingCalendar(WorkingHours.PROVINCE_DEFAULT, year -> holidays.getOrDefault(year, Set.of()));
    }
}
