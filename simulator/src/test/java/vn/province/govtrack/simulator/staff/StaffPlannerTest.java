package vn.province.govtrack.simulator.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.province.govtrack.simulator.province.Field.INFORMATION_TECHNOLOGY;
import static vn.province.govtrack.simulator.province.Field.NATURAL_RESOURCES_ENVIRONMENT;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.simulator.province.Field;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;
import vn.province.govtrack.simulator.province.UnitSpec;

class StaffPlannerTest {

    private static final Province PROVINCE = ProvinceCatalogue.province();
    private static final StaffPlan PLAN = new StaffPlanner(PROVINCE, 42).plan();
    /** The last day of the demo's period: quotas, staff and most secondments in force. */
    private static final LocalDate DEMO_DAY = LocalDate.of(2025, 7, 16);

    @Test
    void the_same_seed_draws_the_same_staff_and_another_seed_other_staff() {
        StaffPlan again = new StaffPlanner(PROVINCE, 42).plan();
        StaffPlan other = new StaffPlanner(PROVINCE, 7).plan();

        assertThat(again).isEqualTo(PLAN);
        assertThat(other.people()).isNotEqualTo(PLAN.people());
    }

    @Test
    void every_one_of_the_166_units_has_quotas_from_1_july_2025_under_a_decision() {
        Set<String> units = PLAN.quotas().stream().map(Quota::unitCode).collect(Collectors.toSet());

        assertThat(units).hasSize(166).isEqualTo(PROVINCE.unitsByCode().keySet());
        assertThat(PLAN.quotas()).allSatisfy(quota -> {
            assertThat(quota.effectiveDate()).isEqualTo(StaffPlanner.QUOTA_DATE);
            assertThat(quota.decisionNo()).matches("\\d+/QĐ-UBND");
            assertThat(quota.positions()).isPositive();
        });
        Map<String, Integer> perLocalUnit = PLAN.quotas().stream()
                .filter(quota -> PROVINCE.unitsByCode().get(quota.unitCode()).kind().local())
                .collect(Collectors.groupingBy(Quota::unitCode, Collectors.summingInt(Quota::positions)));
        assertThat(perLocalUnit).hasSize(124);
        assertThat(perLocalUnit.values()).allSatisfy(total -> assertThat(total).isBetween(20, 25));
    }

    @Test
    void staff_work_in_every_field_are_recruited_before_july_2025_and_have_unique_ids() {
        assertThat(PLAN.people().stream().map(Person::field).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Field.values());
        assertThat(PLAN.people()).allSatisfy(person -> {
            assertThat(person.recruitedOn()).isBefore(StaffPlanner.QUOTA_DATE);
            assertThat(person.staffId()).matches("[A-Za-z0-9._-]{1,64}");
        });
        assertThat(PLAN.people().stream().map(Person::staffId).distinct()).hasSameSizeAs(PLAN.people());
    }

    @Test
    void the_staff_hold_about_5400_distinct_portal_accounts_one_or_more_each() {
        List<String> accounts = PLAN.people().stream().flatMap(person -> person.accounts().stream()).toList();

        assertThat((double) PLAN.accounts()).isCloseTo(5_400, within(108.0));
        assertThat(accounts).doesNotHaveDuplicates().allSatisfy(account -> assertThat(account)
                .matches("[a-z0-9.]{1,128}"));
        assertThat(PLAN.people()).allSatisfy(person -> assertThat(person.accounts()).isNotEmpty());
        assertThat(PROVINCE.units()).allSatisfy(unit -> assertThat(PLAN.people())
                .anyMatch(person -> person.unitCode().equals(unit.code())));
    }

    @Test
    void many_communes_are_short_of_it_and_environment_staff_while_some_units_have_more_than_their_quota() {
        for (LocalDate day : List.of(DEMO_DAY, LocalDate.of(2026, 12, 1))) {
            for (Field field : List.of(INFORMATION_TECHNOLOGY, NATURAL_RESOURCES_ENVIRONMENT)) {
                long shortLocalUnits = PROVINCE.localUnits().stream()
                        .filter(unit -> PLAN.gap(unit.code(), field, day) < 0).count();
                long surplusUnits = PROVINCE.units().stream()
                        .filter(unit -> PLAN.gap(unit.code(), field, day) > 0).count();

                assertThat(shortLocalUnits).as("%s short on %s", field, day).isGreaterThanOrEqualTo(124 * 3 / 10);
                assertThat(surplusUnits).as("%s surplus on %s", field, day).isPositive();
            }
        }
    }

    @Test
    void other_fields_have_surpluses_at_wards_and_departments() {
        List<Field> others = Arrays.stream(Field.values())
                .filter(field -> field != INFORMATION_TECHNOLOGY && field != NATURAL_RESOURCES_ENVIRONMENT).toList();
        List<UnitSpec> withSurplus = PROVINCE.units().stream()
                .filter(unit -> others.stream().anyMatch(field -> PLAN.gap(unit.code(), field, DEMO_DAY) > 0))
                .toList();

        assertThat(withSurplus).anyMatch(unit -> unit.kind().local());
        assertThat(withSurplus).anyMatch(unit -> !unit.kind().local());
    }

    @Test
    void a_few_dozen_provincial_staff_are_seconded_to_local_units_from_july_2025_for_at_most_three_years() {
        Map<String, UnitSpec> units = PROVINCE.unitsByCode();
        List<Person> seconded = PLAN.people().stream().filter(person -> person.secondment() != null).toList();

        assertThat(seconded).hasSizeBetween(30, 60);
        assertThat(seconded).allSatisfy(person -> {
            Secondment secondment = person.secondment();
            assertThat(units.get(person.unitCode()).kind().local()).isFalse();
            assertThat(units.get(secondment.toUnitCode()).kind().local()).isTrue();
            assertThat(secondment.from()).isBetween(StaffPlanner.QUOTA_DATE, LocalDate.of(2025, 8, 31));
            assertThat(secondment.until()).isAfter(secondment.from())
                    .isBefore(secondment.from().plusYears(3));
            assertThat(secondment.decisionNo()).matches("\\d+/QĐ-UBND");
        });
        assertThat(seconded).anyMatch(person -> person.secondment().until().isBefore(LocalDate.of(2025, 11, 1)));
        assertThat(seconded).anyMatch(person -> person.secondment().until().isAfter(LocalDate.of(2027, 6, 30)));
        assertThat(seconded.stream().map(person -> person.field()).collect(Collectors.toSet()))
                .contains(INFORMATION_TECHNOLOGY, NATURAL_RESOURCES_ENVIRONMENT);
    }

    @Test
    void an_account_name_is_the_given_name_then_the_initials_without_diacritics() {
        assertThat(StaffNames.accountStem("Nguyễn Văn An")).isEqualTo("annv");
        assertThat(StaffNames.accountStem("Đặng Thị Hương")).isEqualTo("huongdt");
    }
}
