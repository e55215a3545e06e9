package vn.province.govtrack.query.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.dossier.DossierEvents.DUE_AT;
import static vn.province.govtrack.query.dossier.DossierEvents.RECEIVED_AT;
import static vn.province.govtrack.query.dossier.DossierEvents.RESOLVED_AT;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.Timeliness;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

class DossierFoldTest {

    @Test
    void a_received_dossier_is_in_status_received_with_the_terms_decided_at_receipt() {
        DossierView view = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"));

        assertThat(view.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(view.status().code()).isEqualTo(2);
        assertThat(view.procedureCode()).isEqualTo("1.004227");
        assertThat(view.field()).isEqualTo("LAND");
        assertThat(view.unitCode()).isEqualTo("W-BA-DINH");
        assertThat(view.channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(view.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(view.clockStartsAt()).isEqualTo(RECEIVED_AT);
        assertThat(view.processingHours()).isEqualTo(24);
        assertThat(view.dueAt()).isEqualTo(DUE_AT);
        assertThat(view.resolvedAt()).isNull();
        assertThat(view.timeliness()).isNull();
        assertThat(view.supplementRequests()).isZero();
    }

    @Test
    void an_online_submission_is_new_until_the_desk_receives_it_and_keeps_its_submission_time_after() {
        DossierView submitted = DossierFold.evolve(DossierFold.initial("HS-9"), DossierEvents.submittedOnline("HS-9"));
        DossierView received = DossierFold.evolve(submitted, DossierEvents.receivedOnline("HS-9"));

        assertThat(submitted.status()).isEqualTo(DossierStatus.NEW);
        assertThat(submitted.status().code()).isEqualTo(1);
        assertThat(submitted.channel()).isEqualTo(Channel.ONLINE);
        assertThat(submitted.dueAt()).isNull();
        assertThat(received.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(received.submittedAt()).isEqualTo(DossierEvents.SUBMITTED_AT);
        assertThat(received.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(received.dueAt()).isEqualTo(DUE_AT);
    }

    @Test
    void a_resolved_dossier_carries_the_verdict_recorded_in_the_event() {
        DossierView received = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"));

        DossierView resolved = DossierFold.evolve(received, DossierEvents.resolvedEarly("HS-1"));

        assertThat(resolved.status()).isEqualTo(DossierStatus.RESOLVED);
        assertThat(resolved.status().code()).isEqualTo(9);
        assertThat(resolved.resolvedAt()).isEqualTo(RESOLVED_AT);
        assertThat(resolved.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(resolved.timeliness()).isEqualTo(Timeliness.EARLY);
        assertThat(resolved.processingDays()).isEqualTo(2.94);
        assertThat(resolved.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(resolved.unitCode()).isEqualTo("W-BA-DINH");
    }

    @Test
    void folding_leaves_its_input_untouched_and_gives_equal_results_for_equal_inputs() {
        DossierView received = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"));
        DossierView copy = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"));

        DossierFold.evolve(received, DossierEvents.resolvedEarly("HS-1"));

        assertThat(received).isEqualTo(copy);
        assertThat(received.status()).isEqualTo(DossierStatus.RECEIVED);
    }

    @Test
    void an_event_the_fold_does_not_know_leaves_the_view_as_it_was() {
        DossierView received = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"));

        UnitRegisteredEvent unrelated = new UnitRegisteredEvent("W-BA-DINH", "Phường Ba Đình", UnitKind.WARD);

        DossierView after = DossierFold.evolve(received, unrelated);

        assertThat(after).isSameAs(received);
        assertThat(DossierFold.folds(UnitRegisteredEvent.class)).isFalse();
    }

    @Test
    void the_fold_leaves_the_position_to_its_caller() {
        DossierView received = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"));

        assertThat(received.lastPosition()).isZero();
        assertThat(received.atPosition(7).lastPosition()).isEqualTo(7);
        assertThat(received.atPosition(7)).usingRecursiveComparison().ignoringFields("lastPosition")
                                          .isEqualTo(received);
    }
}
