package vn.province.govtrack.simulator.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The due dates the simulator works out must be the ones the command side decides, to the second. */
class DueDatesTest {

    private static final OfficeHours HOURS = new OfficeHours(List.of());

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    @Test
    void a_supplement_moves_the_due_date_by_whole_minutes_of_working_time_paused_after_the_clocks_start() {
        DossierPlan.DueDates dues = new DossierPlan.DueDates(HOURS, LocalTime.of(15, 0), 8);
        // received after the cut-off on Tuesday: the clock starts Wednesday 08:00, due Wednesday 17:00
        dues.after(new Step.Submit(at("2025-07-01T16:00:00"), "HS-1", "KS", "XA-1", Step.Channel.IN_PERSON,
                                   new Step.Applicant("001203004567", "A", null)));
        assertThat(dues.dueAt()).isEqualTo(at("2025-07-02T17:00:00"));

        // asked at 16:30 Tuesday, before the clock ran; supplied Wednesday 09:10:30: 70 minutes paused
        dues.after(new Step.RequestSupplement(at("2025-07-01T16:30:00"), "Thiếu giấy tờ"));
        assertThat(dues.dueAtEndingAt(at("2025-07-02T09:10:30"))).isEqualTo(at("2025-07-03T09:10:00"));
        dues.after(new Step.ProvideSupplement(at("2025-07-02T09:10:30"), null));

        assertThat(dues.dueAt()).isEqualTo(at("2025-07-03T09:10:00"));
    }
}
