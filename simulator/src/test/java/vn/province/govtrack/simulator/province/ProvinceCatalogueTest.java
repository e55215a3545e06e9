package vn.province.govtrack.simulator.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.simulator.province.Disclosure.OnlineLevel;

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
    void about_a_third_of_the_procedures_are_fully_online_two_fifths_partly_and_a_quarter_not_as_the_online_flag_says() {
        List<ProcedureSpec> procedures = province.procedures();

        assertThat(procedures).allSatisfy(procedure -> assertThat(procedure.disclosure().currentOnlineLevel().online())
                .isEqualTo(procedure.online()));
        assertThat(share(procedures, p -> p.disclosure().currentOnlineLevel() == OnlineLevel.FULL)).isBetween(0.31, 0.39);
        assertThat(share(procedures, p -> p.disclosure().currentOnlineLevel() == OnlineLevel.PARTIAL)).isBetween(0.35, 0.43);
        assertThat(share(procedures, p -> p.disclosure().currentOnlineLevel() == OnlineLevel.NONE)).isBetween(0.22, 0.30);
    }

    @Test
    void procedures_were_published_before_the_reform_most_on_time_and_most_with_complete_content() {
        List<ProcedureSpec> procedures = province.procedures();

        assertThat(procedures).allSatisfy(procedure -> {
            Disclosure disclosure = procedure.disclosure();
            assertThat(disclosure.publishedOn()).isBetween(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 6, 30));
            assertThat(disclosure.effectiveFrom()).isAfter(LocalDate.of(2000, 1, 1));
            assertThat(disclosure.currentContent()).contains("NAME").hasSizeGreaterThanOrEqualTo(10);
            assertThat(Disclosure.ELEMENTS).containsAll(disclosure.content());
        });
        assertThat(share(procedures, p -> p.disclosure().publishedOnTime())).isBetween(0.87, 0.93);
        assertThat(share(procedures, p -> p.disclosure().complete())).isBetween(0.85, 0.91);
    }

    @Test
    void a_tenth_of_the_procedures_were_updated_in_the_year_before_july_2025_mostly_on_time_each_update_a_change() {
        List<ProcedureSpec> updated = province.procedures().stream()
                .filter(procedure -> !procedure.disclosure().updates().isEmpty()).toList();
        List<Disclosure.Update> updates = updated.stream().flatMap(p -> p.disclosure().updates().stream()).toList();

        assertThat(updated.size() / (double) province.procedures().size()).isBetween(0.08, 0.12);
        assertThat(updated).allSatisfy(procedure -> {
            Disclosure disclosure = procedure.disclosure();
            Disclosure.Update update = disclosure.updates().get(0);
            assertThat(update.updatedOn()).isBetween(LocalDate.of(2024, 8, 1), LocalDate.of(2025, 7, 15))
                                          .isAfter(disclosure.publishedOn());
            assertThat(update.effectiveFrom()).isAfterOrEqualTo(disclosure.publishedOn());
            assertThat(update.reason()).isNotBlank();
            boolean raisesLevel = update.onlineLevel() != null && update.onlineLevel() != disclosure.onlineLevel();
            boolean addsContent = update.content() != null && !update.content().equals(disclosure.content());
            assertThat(raisesLevel || addsContent).as("the update changes something").isTrue();
        });
        assertThat(updates.stream().filter(Disclosure.Update::onTime).count() / (double) updates.size())
                .isBetween(0.78, 0.92);
    }

    @Test
    void desks_differ_in_digital_maturity_by_a_clamped_standard_score() {
        List<Double> maturities = province.units().stream().map(UnitSpec::digitalMaturity).toList();

        assertThat(maturities).allSatisfy(m -> assertThat(m).isBetween(-2.5, 2.5));
        double mean = maturities.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isBetween(-0.25, 0.25);
        assertThat(maturities.stream().filter(m -> m > 1).count()).isGreaterThan(10);
        assertThat(maturities.stream().filter(m -> m < -1).count()).isGreaterThan(10);
    }

    private static double share(List<ProcedureSpec> procedures, Predicate<ProcedureSpec> which) {
        return procedures.stream().filter(which).count() / (double) procedures.size();
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
