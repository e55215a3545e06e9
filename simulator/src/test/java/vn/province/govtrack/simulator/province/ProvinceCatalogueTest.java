package vn.province.govtrack.simulator.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ProvinceCatalogueTest {

    private final Province province = ProvinceCatalogue.province();

    @Test
    void the_province_has_124_local_units_and_42_provincial_departments_and_centres() {
        assertThat(province.units()).hasSize(166);
        assertThat(province.localUnits()).hasSize(124);
        assertThat(province.localUnits()).filteredOn(unit -> unit.kind() == UnitKind.WARD).hasSize(20);
        assertThat(province.localUnits()).filteredOn(unit -> unit.kind() == UnitKind.SPECIAL_ZONE).hasSize(1);
        assertThat(province.provincialUnits()).hasSize(42);
        assertThat(province.units().stream().map(UnitSpec::code).distinct()).hasSize(166);
        assertThat(province.units().stream().map(UnitSpec::name).distinct()).hasSize(166);
        assertThat(province.localUnits()).allSatisfy(unit ->
                assertThat(unit.name()).matches("(Xã|Phường|Đặc khu) \\p{Lu}\\p{L}* \\p{Lu}\\p{L}*"));
    }

    @Test
    void it_publishes_2225_procedures_with_unique_codes_in_every_field_that_has_procedures() {
        assertThat(province.procedures()).hasSize(2225);
        assertThat(province.procedures().stream().map(ProcedureSpec::code).distinct()).hasSize(2225);
        assertThat(province.procedures()).allSatisfy(procedure ->
                assertThat(procedure.code()).matches("[12]\\.\\d{6}"));
        Set<Field> fields = province.procedures().stream().map(ProcedureSpec::field).collect(Collectors.toSet());
        assertThat(fields).hasSize(Field.values().length - 1).doesNotContain(Field.ONE_STOP_DESK);
    }

    @Test
    void processing_times_are_whole_or_half_working_days_and_cutoffs_mostly_fifteen_hundred() {
        assertThat(province.procedures()).allSatisfy(procedure -> {
            assertThat(procedure.processingHours()).isPositive().isLessThanOrEqualTo(2400);
            assertThat(procedure.processingHours() % 4).isZero();
        });
        assertThat(province.procedures()).anySatisfy(p -> assertThat(p.processingHours()).isEqualTo(4));
        long atThree = province.procedures().stream().filter(p -> p.cutoff().equals(LocalTime.of(15, 0))).count();
        assertThat(atThree).isBetween(1600L, 1950L);
        long online = province.procedures().stream().filter(ProcedureSpec::online).count();
        assertThat(online).isBetween(1300L, 1800L);
    }

    @Test
    void the_catalogue_is_the_same_on_every_call() {
        assertThat(ProvinceCatalogue.province()).isEqualTo(province);
    }

    @Test
    void every_provincial_procedure_field_has_a_provincial_unit_receiving_it() {
        province.procedures().stream().filter(p -> !p.communeLevel()).map(ProcedureSpec::field).distinct()
                .forEach(field -> assertThat(province.provincialUnits())
                        .anySatisfy(unit -> assertThat(unit.fields()).contains(field)));
    }

    @Test
    void the_2025_calendar_holds_the_decreed_days_off() {
        assertThat(Holidays.of(2025).orElseThrow())
                .contains(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 27), LocalDate.of(2025, 1, 31),
                          LocalDate.of(2025, 4, 7), LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 1),
                          LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 2))
                .doesNotContain(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 3), LocalDate.of(2025, 7, 1));
        assertThat(Holidays.of(1999)).isEmpty();
    }
}
