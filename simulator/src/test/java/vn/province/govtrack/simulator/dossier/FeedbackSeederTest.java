package vn.province.govtrack.simulator.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.simulator.province.Holidays;
import vn.province.govtrack.simulator.province.ProvinceCatalogue;

/** The bodies the feedback seeder sends: api.md's {@code POST /feedback} and {@code POST /feedback/{id}/answer}. */
class FeedbackSeederTest {

    private final DossierPlanner planner = new DossierPlanner(ProvinceCatalogue.province(),
                                                              new Scenario(42, 3_000, LocalDate.of(2025, 7, 1), 16),
                                                              new OfficeHours(Holidays.of(2025).orElseThrow()));

    @Test
    void feedback_names_its_unit_and_dossier_and_is_dated_in_the_provinces_zone() {
        FeedbackPlan plan = IntStream.range(0, 3_000).mapToObj(i -> planner.plan(i).feedback())
                .filter(Objects::nonNull).filter(f -> f.answeredAt() != null).findFirst().orElseThrow();

        assertThat(FeedbackSeeder.receipt(plan)).containsOnlyKeys("feedbackId", "kind", "unitCode", "dossierId",
                                                                  "subject", "receivedAt")
                .containsEntry("feedbackId", plan.feedbackId()).containsEntry("unitCode", plan.unitCode())
                .containsEntry("dossierId", plan.dossierId()).containsEntry("kind", plan.kind())
                .containsEntry("receivedAt", plan.receivedAt().atZone(OfficeHours.ZONE).toOffsetDateTime());
        assertThat(((OffsetDateTime) FeedbackSeeder.receipt(plan).get("receivedAt")).getOffset().getTotalSeconds())
                .isEqualTo(7 * 3600);
        assertThat(FeedbackSeeder.answer(plan)).containsOnlyKeys("answer", "answeredAt")
                .containsEntry("answer", plan.answer());
    }
}
