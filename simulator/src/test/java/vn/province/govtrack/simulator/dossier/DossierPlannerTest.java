package vn.province.govtrack.simulator.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.simulator.province.Field;
import vn.province.govtrack.simulator.province.Holidays;
import vn.province.govtrack.simulator.province.ProcedureSpec;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;
import vn.province.govtrack.simulator.province.UnitSpec;

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
    void the_national_index_inputs_come_out_at_the_provinces_rates() {
        DossierProfile.Inputs inputs = PROFILE.inputs();

        assertThat(share(inputs.fullyDigitised(), inputs.received())).as("fully digitised").isBetween(0.76, 0.84);
        assertThat(share(inputs.reused(), inputs.received())).as("reusing data").isBetween(0.31, 0.39);
        assertThat(share(inputs.populationData(), inputs.received())).as("population data").isBetween(0.60, 0.72);
        assertThat(share(inputs.electronicResults(), inputs.resolved())).as("electronic results").isBetween(0.65, 0.75);
        assertThat(share(inputs.paidOnline(), inputs.payments())).as("paid online").isBetween(0.39, 0.51);
        assertThat(share(inputs.ratings(), inputs.returned())).as("rated").isBetween(0.21, 0.29);
        assertThat(share(inputs.satisfied(), inputs.ratings())).as("rated 4 or 5").isBetween(0.85, 0.94);
        assertThat(inputs.received()).isGreaterThan(5_500);
        assertThat(inputs.payments()).isGreaterThan(1_000);
    }

    @Test
    void civil_status_dossiers_take_the_applicants_data_from_the_population_database_more_often() {
        DossierPlanner planner = new DossierPlanner(PROVINCE, SCENARIO, HOURS);
        int[] civil = new int[2];
        int[] other = new int[2];
        for (int i = 0; i < SCENARIO.dossiers(); i++) {
            DossierPlan plan = planner.plan(i);
            for (Step step : plan.steps()) {
                if (step instanceof Step.Digitise digitise) {
                    int[] counts = plan.field() == Field.JUSTICE_CIVIL_STATUS
                            ? civil : other;
                    counts[0] += digitise.populationDataUsed() ? 1 : 0;
                    counts[1]++;
                }
            }
        }

        assertThat(share(civil[0], civil[1])).isBetween(0.74, 0.86);
        assertThat(share(other[0], other[1])).isBetween(0.52, 0.64);
    }

    @Test
    void about_three_in_four_hundred_dossiers_draw_feedback_mostly_complaints_mostly_answered_on_time() {
        Scenario month = new Scenario(42, 30_000, LocalDate.of(2025, 7, 1), 16);
        DossierPlanner planner = new DossierPlanner(PROVINCE, month, HOURS);
        List<FeedbackPlan> feedback = IntStream.range(0, month.dossiers()).mapToObj(planner::plan)
                .map(DossierPlan::feedback).filter(Objects::nonNull).toList();

        assertThat(share(feedback.size(), month.dossiers())).isBetween(0.005, 0.01);
        assertThat(share((int) feedback.stream().filter(FeedbackPlan::complaint).count(), feedback.size()))
                .isBetween(0.5, 0.7);
        long onTime = feedback.stream().filter(f -> f.answeredAt() != null && !f.answeredAt().isAfter(
                HOURS.plusWorkingSeconds(f.receivedAt(), DossierPlanner.FEEDBACK_DUE_SECONDS))).count();
        long open = feedback.stream().filter(f -> f.answeredAt() == null).count();
        assertThat(share((int) onTime, feedback.size())).isBetween(0.78, 0.92);
        assertThat(open).isPositive();
        assertThat(share((int) open, feedback.size())).isLessThan(0.08);
        assertThat(feedback).allSatisfy(f -> {
            DossierPlan about = planner.plan(Integer.parseInt(f.dossierId().substring(f.dossierId().indexOf('-') + 1)));
            assertThat(f.feedbackId()).matches("PA42-\\d{7}");
            assertThat(f.receivedAt()).isAfter(about.steps().get(0).at());
            assertThat(f.answeredAt() == null || f.answeredAt().isAfter(f.receivedAt())).isTrue();
            assertThat(f.subject()).isNotBlank().hasSizeLessThanOrEqualTo(500);
        });
    }

    @Test
    void digitisation_follows_the_receipt_the_electronic_result_the_resolution_and_the_rating_the_return() {
        DossierPlanner planner = new DossierPlanner(PROVINCE, SCENARIO, HOURS);

        for (int i = 0; i < 2_000; i++) {
            DossierPlan plan = planner.plan(i);
            List<Step> steps = plan.realize(HOURS, SCENARIO.horizon());
            for (int s = 0; s < steps.size(); s++) {
                Step step = steps.get(s);
                if (step instanceof Step.Digitise digitise) {
                    Step before = steps.get(s - 1);
                    assertThat(before instanceof Step.Receive
                               || before instanceof Step.Submit && plan.channel() != Step.Channel.ONLINE).isTrue();
                    assertThat(HOURS.workingSecondsBetween(before.at(), digitise.at())).isBetween(0L, 1200L);
                    assertThat(digitise.parts()).isBetween(1, 6);
                    assertThat(digitise.digitisedParts()).isBetween(0, digitise.parts());
                    assertThat(digitise.reusedParts()).isBetween(0, digitise.digitisedParts());
                }
                if (step instanceof Step.IssueElectronicResult) {
                    assertThat(steps.subList(0, s)).anyMatch(Step.Resolve.class::isInstance)
                                                   .noneMatch(Step.Return.class::isInstance);
                }
                if (step instanceof Step.Rate rate) {
                    assertThat(steps.get(s - 1)).isInstanceOf(Step.Return.class);
                    assertThat(rate.score()).isBetween(1, 5);
                }
            }
            assertThat(steps.stream().filter(Step.Digitise.class::isInstance).count()).isLessThanOrEqualTo(1);
            if (steps.stream().anyMatch(Step.Refuse.class::isInstance)) {
                assertThat(steps).noneMatch(Step.Digitise.class::isInstance);
            }
        }
    }

    @Test
    void desks_differ_in_how_far_they_digitise_so_the_ranking_is_not_flat() {
        Map<String, UnitSpec> units = PROVINCE.unitsByCode();
        List<Double> ahead = new ArrayList<>();
        List<Double> behind = new ArrayList<>();
        double lowest = 1;
        double highest = 0;
        for (Map.Entry<String, DossierProfile.Inputs> unit : PROFILE.inputsByUnit().entrySet()) {
            DossierProfile.Inputs inputs = unit.getValue();
            if (inputs.received() < 60) {
                continue;
            }
            double digitised = share(inputs.fullyDigitised(), inputs.received());
            lowest = Math.min(lowest, digitised);
            highest = Math.max(highest, digitised);
            double maturity = units.get(unit.getKey()).digitalMaturity();
            (maturity > 0.8 ? ahead : maturity < -0.8 ? behind : new ArrayList<Double>()).add(digitised);
        }

        assertThat(highest - lowest).isGreaterThan(0.15);
        assertThat(ahead).isNotEmpty();
        assertThat(behind).isNotEmpty();
        assertThat(average(ahead)).isGreaterThan(average(behind) + 0.08);
    }

    private static double share(int part, int whole) {
        return DossierProfile.Inputs.share(part, whole);
    }

    private static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
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
