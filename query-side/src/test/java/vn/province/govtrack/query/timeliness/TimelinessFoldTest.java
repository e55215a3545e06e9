package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.BA_DINH;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.HOAN_KIEM;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.SOC_SON;
import static vn.province.govtrack.query.timeliness.HandMadeProvince.at;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.dossier.DossierEvents;

class TimelinessFoldTest {

    @Test
    void a_received_dossier_is_held_by_its_receiving_unit_and_due_as_decided_at_receipt() {
        DossierFact fact = fold("HS-01", 1);

        assertThat(fact.receivedAt()).isEqualTo(at("2025-07-01T09:00"));
        assertThat(fact.field()).isEqualTo("LAND");
        assertThat(fact.procedureCode()).isEqualTo("1.004227");
        assertThat(fact.holdings()).containsExactly(new DossierFact.Holding(at("2025-07-01T09:00"), BA_DINH, 1));
        assertThat(fact.deadlines()).containsExactly(
                new DossierFact.Deadline(at("2025-07-01T09:00"), at("2025-07-04T09:00"), 1));
        assertThat(fact.pauses()).isEmpty();
        assertThat(fact.ended()).isFalse();
    }

    @Test
    void a_resolution_ends_processing_with_the_verdict_and_days_it_recorded() {
        DossierFact fact = fold("HS-01", 2);

        assertThat(fact.endedAt()).isEqualTo(at("2025-07-03T16:30"));
        assertThat(fact.endedAs()).isEqualTo(DossierStatus.RESOLVED);
        assertThat(fact.verdict()).isEqualTo(Timeliness.EARLY);
        assertThat(fact.processingDays()).isEqualTo(2.94);
    }

    @Test
    void each_supplement_pauses_the_clock_until_it_arrives_and_sets_the_due_date_in_force_from_then() {
        DossierFact fact = fold("HS-03", 5);

        assertThat(fact.pauses()).containsExactly(
                new DossierFact.Pause(at("2025-07-03T09:00"), at("2025-07-07T09:00"), 2, 3),
                new DossierFact.Pause(at("2025-07-08T09:00"), at("2025-07-09T09:00"), 4, 5));
        assertThat(fact.deadlines()).extracting(DossierFact.Deadline::dueAt).containsExactly(
                at("2025-07-04T10:00"), at("2025-07-08T10:00"), at("2025-07-10T10:00"));
    }

    @Test
    void a_supplement_not_yet_supplied_leaves_its_pause_open() {
        DossierFact fact = fold("HS-07", 2);

        assertThat(fact.pauses()).containsExactly(new DossierFact.Pause(at("2025-07-10T09:00"), null, 2, 0));
    }

    @Test
    void an_extension_sets_a_new_due_date_from_the_moment_of_the_letter() {
        DossierFact fact = fold("HS-08", 2);

        assertThat(fact.deadlines()).containsExactly(
                new DossierFact.Deadline(at("2025-06-25T09:00"), at("2025-06-30T09:00"), 1),
                new DossierFact.Deadline(at("2025-06-30T08:00"), at("2025-07-09T17:00"), 2));
    }

    @Test
    void a_transfer_adds_the_new_unit_from_the_moment_of_the_transfer() {
        DossierFact fact = fold("HS-11", 2);

        assertThat(fact.holdings()).containsExactly(
                new DossierFact.Holding(at("2025-07-01T09:00"), HOAN_KIEM, 1),
                new DossierFact.Holding(at("2025-07-04T15:00"), SOC_SON, 2));
        assertThat(fact.receivingUnit()).isEqualTo(HOAN_KIEM);
    }

    @Test
    void a_stop_ends_processing_with_its_verdict() {
        DossierFact fact = fold("HS-10", 3);

        assertThat(fact.endedAs()).isEqualTo(DossierStatus.STOPPED);
        assertThat(fact.endedAt()).isEqualTo(at("2025-07-16T10:00"));
        assertThat(fact.verdict()).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void a_return_after_the_resolution_does_not_move_the_end_of_processing() {
        DossierFact resolved = fold("HS-15", 2);
        DossierFact returned = fold("HS-15", 3);

        assertThat(returned).isEqualTo(resolved);
        assertThat(returned.endedAs()).isEqualTo(DossierStatus.RESOLVED);
    }

    @Test
    void a_return_that_ends_processing_ends_it_without_a_verdict() {
        DossierFact fact = TimelinessFold.evolve(
                TimelinessFold.evolve(null, DossierEvents.received("HS-1"), 1), DossierEvents.returned("HS-1"), 2);

        assertThat(fact.endedAs()).isEqualTo(DossierStatus.RETURNED);
        assertThat(fact.endedAt()).isEqualTo(DossierEvents.RETURNED_AT);
        assertThat(fact.verdict()).isNull();
    }

    @Test
    void nothing_counts_before_receipt_so_a_refused_online_submission_has_no_fact() {
        DossierFact fact = null;
        long position = 0;
        for (Object event : HandMadeProvince.streams().get("HS-14")) {
            fact = TimelinessFold.evolve(fact, event, ++position);
        }

        assertThat(fact).isNull();
        assertThat(TimelinessFold.evolve(null,
                new DossierTransferredEvent("HS-1", BA_DINH, HOAN_KIEM, "Competent unit", at("2025-07-01T08:00")), 1))
                .isNull();
    }

    @Test
    void events_after_the_end_of_processing_change_nothing() {
        DossierFact ended = fold("HS-01", 2);

        DossierFact after = TimelinessFold.evolve(ended,
                new DossierTransferredEvent("HS-01", BA_DINH, HOAN_KIEM, "Archive", at("2025-07-05T09:00")), 3);

        assertThat(after).isSameAs(ended);
    }

    @Test
    void an_event_the_fold_does_not_know_leaves_the_fact_as_it_was() {
        DossierFact fact = fold("HS-01", 1);

        assertThat(TimelinessFold.evolve(fact, new UnitRegisteredEvent(BA_DINH, "Phường Ba Đình", UnitKind.WARD), 2))
                .isSameAs(fact);
        assertThat(TimelinessFold.evolve(fact, DossierEvents.assigned("HS-01", "CB-01"), 3)).isSameAs(fact);
    }

    // ------------------------------------------------------------------ the fact as of an instant

    @Test
    void the_unit_at_an_instant_includes_a_transfer_at_that_instant_and_the_unit_before_does_not() {
        DossierFact fact = fold("HS-11", 2);
        var transfer = at("2025-07-04T15:00");

        assertThat(fact.unitAt(transfer)).isEqualTo(SOC_SON);
        assertThat(fact.unitBefore(transfer)).isEqualTo(HOAN_KIEM);
        assertThat(fact.unitBefore(transfer.plusSeconds(1))).isEqualTo(SOC_SON);
        assertThat(fact.unitAt(at("2025-06-01T00:00"))).isEqualTo(HOAN_KIEM);
    }

    @Test
    void the_due_date_before_an_instant_is_the_one_set_last_before_it() {
        DossierFact fact = fold("HS-03", 6);

        assertThat(fact.dueBefore(at("2025-07-07T09:00"))).isEqualTo(at("2025-07-04T10:00"));
        assertThat(fact.dueBefore(at("2025-07-07T09:01"))).isEqualTo(at("2025-07-08T10:00"));
        assertThat(fact.dueBefore(at("2025-07-20T00:00"))).isEqualTo(at("2025-07-10T10:00"));
    }

    @Test
    void the_clock_is_paused_before_an_instant_from_the_request_up_to_and_including_the_arrival() {
        DossierFact fact = fold("HS-03", 3);

        assertThat(fact.pausedBefore(at("2025-07-03T09:00"))).isFalse();
        assertThat(fact.pausedBefore(at("2025-07-03T09:01"))).isTrue();
        assertThat(fact.pausedBefore(at("2025-07-07T09:00"))).isTrue();
        assertThat(fact.pausedBefore(at("2025-07-07T09:01"))).isFalse();
    }

    /** The fact after the first {@code count} events of a dossier of the hand-made province, at positions 1, 2, ... */
    private static DossierFact fold(String dossierId, int count) {
        return RandomDossiers.fold(HandMadeProvince.streams().get(dossierId).subList(0, count));
    }
}
