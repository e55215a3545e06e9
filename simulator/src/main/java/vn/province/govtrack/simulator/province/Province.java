package vn.province.govtrack.simulator.province;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The simulated province: its units and published procedures. */
public record Province(List<UnitSpec> units, List<ProcedureSpec> procedures) {

    public Province {
        units = List.copyOf(units);
        procedures = List.copyOf(procedures);
    }

    public List<UnitSpec> localUnits() {
        return units.stream().filter(unit -> unit.kind().local()).toList();
    }

    public List<UnitSpec> provincialUnits() {
        return units.stream().filter(unit -> !unit.kind().local()).toList();
    }

    public Map<String, UnitSpec> unitsByCode() {
        return units.stream().collect(Collectors.toMap(UnitSpec::code, Function.identity()));
    }

    /** The decreed holidays of the years {@code first} to {@code last}, for the years {@link Holidays} knows. */
    public static Map<Integer, List<LocalDate>> holidays(LocalDate first, LocalDate last) {
        return java.util.stream.IntStream.rangeClosed(first.getYear(), last.getYear()).boxed()
                .filter(year -> Holidays.of(year).isPresent())
                .collect(Collectors.toMap(year -> year, year -> Holidays.of(year).orElseThrow()));
    }
}
