package vn.province.govtrack.simulator.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.simulator.province.Holidays;
import vn.province.govtrack.simulator.province.ProcedureSpec;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;

class DossierPlannerTest {

    private static final Province PROVINCE = ProvinceCatalogue.province();
    private static final OfficeHours HOURS = new OfficeHours(Holidays.of(2025).orElseThrow());
    private static final Scenario SCENARIO = new Scenario(42, 6_000, LocalDate.of(2025, 7, 1), 16);
    /** Drawn once: the profile of the scenario's 6,000 dossiers. */
    private static final DossierProfile PROFILE = DossierProfile.of(new DossierPlanner(PROVINCE, SCENARIO, HOURS));

    @Test
    void the_same_seed_draws_the_same_dossiers_and_another_seed_other_ones() {
        DossierPlanner planner = new DossierPlanner(PROVINCE, SCENARIO, HOURS);
        DossierPlanner again = new DossierPlanner(PROVINCE, SCENARIO, HOURS);
        DossierPlanner other = new DossierPlanner(PROVINCE, new Scenario(7, 6_000, LocalDate.of(2025, 7, 1), 16), HOURS);

        List<DossierPlan> plans = IntStream.range(0, 500).mapToObj(planner::plan).toList();

        assertThat(IntStream.range(0, 500).mapToObj(again::plan).toList()).isEqualTo(plans);
        assertThat(IntStream.range(0, 500).map(i -> 499 - i).mapToObj(again::plan).toList()).containsAll(plans);
        assertThat(other.plan(10).steps()).isNotEqualTo(plans.get(10).steps());
        assertThat(plans.get(10).dossierId()).isEqualTo("HS42-0000010");
        assertThat(other.plan(10).dossierId()).isEqualTo("HS7-0000010");
    }

    @Test
    void the_channel_mix_is_about_sixty_percent_in_person_thirty_five_online_five_by_post() {
        DossierProfile profile = PROFILE;

        assertThat(profile.dossiers()).isEqualTo(6_000);
        assertThat(profile.share(Step.Channel.IN_PERSON)).isCloseTo(0.60, within(0.03));
        assertThat(profile.share(Step.Channel.ONLINE)).isCloseTo(0.35, within(0.03));
        assertThat(profile.share(Step.Channel.POSTAL)).isCloseTo(0.05, within(0.015));
    }

    @Test
    void supplements_refusals_transfers_payments_and_withdrawals_happen_at_realistic_rates() {
        DossierProfile profile = PROFILE;
        Map<String, Integer> commands = profile.commands();
        int online = profile.channels().get(Step.Channel.ONLINE);

        assertThat(commands.get("submission")).isEqualTo(6_000);
        assertThat(commands.get("refusal") / (double) online).isCloseTo(0.06, within(0.02));
        assertThat(commands.get("supplement-request") / 6_000.0).isBetween(0.04, 0.09);
        assertThat(commands.get("transfer") / 6_000.0).isCloseTo(0.02, within(0.01));
        assertThat(commands.get("payment-request") / 6_000.0).isBetween(0.15, 0.4);
        assertThat(commands.get("withdrawal")).isPositive();
        assertThat(commands.get("stop")).isGreaterThan(commands.get("withdrawal"));
        assertThat(commands.get("extension")).isPositive();
        assertThat(commands.get("resolution") / 6_000.0).isBetween(0.75, 0.95);
        assertThat(commands.get("return")).isLessThan(commands.get("resolution"));
    }

    @Test
    void about_ninety_seven_percent_of_the_dossiers_that_end_in_the_period_are_meant_to_be_on_time() {
        DossierProfile profile = PROFILE;

        double onTime = (profile.ended() - profile.endedLate()) / (double) profile.ended();
        assertThat(onTime).isCloseTo(0.97, within(0.01));
        assertThat(profile.endStates().get("submission") + profile.endStates().get("receipt")
                   + profile.endStates().get("assignment"))
                .as("dossiers still open at the period's end").isGreaterThan(100);
    }

    @Test
    void every_history_runs_forward_in_time_within_the_period() {
        DossierPlanner planner = new DossierPlanner(PROVINCE, SCENARIO, HOURS);
        Instant start = SCENARIO.firstDay().atStartOfDay(OfficeHours.ZONE).toInstant();
        Map<String, ProcedureSpec> procedures = PROVINCE.procedures().stream()
                .collect(Collectors.toMap(ProcedureSpec::code, Function.identity()));

        for (int i = 0; i < 2_000; i++) {
            DossierPlan plan = planner.plan(i);
            List<Step> steps = plan.realize(HOURS, SCENARIO.horizon());
            assertThat(steps.get(0)).isInstanceOf(Step.Submit.class);
            assertThat(steps.get(0).at()).isAfterOrEqualTo(start).isBefore(SCENARIO.horizon());
            for (int s = 1; s < steps.size(); s++) {
                assertThat(steps.get(s).at()).isAfterOrEqualTo(steps.get(s - 1).at());
            }
            ProcedureSpec procedure = procedures.get(plan.procedureCode());
            if (plan.channel() == Step.Channel.ONLINE) {
                assertThat(procedure.online()).isTrue();
            }
        }
    }

    @Test
    void desks_work_office_hours_and_deadlines_skip_weekends_and_holidays() {
        Instant fridayAfternoon = LocalDate.of(2025, 8, 29).atTime(16, 0).atZone(OfficeHours.ZONE).toInstant();

        // After the 15:00 cut-off on Friday 29 August; 30 Aug to 2 Sep are off: the clock starts Wednesday 3 September.
        assertThat(HOURS.estimatedDueAt(fridayAfternoon, java.time.LocalTime.of(15, 0), 8))
                .isEqualTo(LocalDate.of(2025, 9, 3).atTime(17, 0).atZone(OfficeHours.ZONE).toInstant());
        assertThat(HOURS.plusWorkingSeconds(fridayAfternoon, 2 * 3600))
                .isEqualTo(LocalDate.of(2025, 9, 3).atTime(9, 0).atZone(OfficeHours.ZONE).toInstant());
        assertThat(HOURS.workingSecondsBetween(fridayAfternoon,
                LocalDate.of(2025, 9, 3).atTime(9, 0).atZone(OfficeHours.ZONE).toInstant())).isEqualTo(2 * 3600);
    }
}
