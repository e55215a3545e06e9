package vn.province.govtrack.query.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.province.govtrack.query.dossier.DossierEvents.DUE_AT;
import static vn.province.govtrack.query.dossier.DossierEvents.RECEIVED_AT;
import static vn.province.govtrack.query.dossier.DossierEvents.RESOLVED_AT;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierAssignedEvent;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierEvent;
import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierRefusedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierSubmittedOnlineEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.DossierWithdrawalRequestedEvent;
import vn.province.govtrack.kernel.dossier.ElectronicResultIssuedEvent;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRequestedEvent;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
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

    // ------------------------------------------------------------------ the lifecycle after receipt

    @Test
    void a_refused_online_submission_is_not_received_and_never_starts_a_clock() {
        DossierView refused = fold(DossierEvents.submittedOnline("HS-1"), DossierEvents.refused("HS-1"));

        assertThat(refused.status()).isEqualTo(DossierStatus.NOT_RECEIVED);
        assertThat(refused.status().code()).isEqualTo(3);
        assertThat(refused.refusedAt()).isEqualTo(DossierEvents.REFUSED_AT);
        assertThat(refused.open()).isFalse();
        assertThat(refused.clockRunning()).isFalse();
        assertThat(refused.dueAt()).isNull();
    }

    @Test
    void an_assigned_dossier_is_in_processing_with_its_officer() {
        DossierView assigned = fold(DossierEvents.received("HS-1"), DossierEvents.assigned("HS-1", "CB-017"));

        assertThat(assigned.status()).isEqualTo(DossierStatus.IN_PROCESSING);
        assertThat(assigned.status().code()).isEqualTo(4);
        assertThat(assigned.assignedStaffId()).isEqualTo("CB-017");
        assertThat(assigned.clockRunning()).isTrue();
    }

    @Test
    void a_supplement_request_pauses_the_clock_and_counts_the_request() {
        DossierView waiting = fold(DossierEvents.received("HS-1"), DossierEvents.supplementRequested("HS-1", 1));

        assertThat(waiting.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
        assertThat(waiting.status().code()).isEqualTo(5);
        assertThat(waiting.supplementRequests()).isEqualTo(1);
        assertThat(waiting.pausedSince()).isEqualTo(DossierEvents.SUPPLEMENT_REQUESTED_AT);
        assertThat(waiting.open()).isTrue();
        assertThat(waiting.clockRunning()).isFalse();
        assertThat(waiting.dueAt()).isEqualTo(DUE_AT);
    }

    @Test
    void a_supplied_supplement_restarts_the_clock_with_the_due_date_the_event_recorded() {
        DossierView resumed = fold(DossierEvents.received("HS-1"), DossierEvents.supplementRequested("HS-1", 1),
                DossierEvents.supplementProvided("HS-1"));

        assertThat(resumed.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(resumed.dueAt()).isEqualTo(DossierEvents.DUE_AFTER_SUPPLEMENT);
        assertThat(resumed.pausedSince()).isNull();
        assertThat(resumed.clockRunning()).isTrue();
        assertThat(resumed.supplementRequests()).isEqualTo(1);
    }

    @Test
    void a_dossier_with_an_officer_goes_back_to_processing_when_its_supplement_arrives() {
        DossierView resumed = fold(DossierEvents.received("HS-1"), DossierEvents.assigned("HS-1", "CB-017"),
                DossierEvents.supplementRequested("HS-1", 1), DossierEvents.supplementProvided("HS-1"));

        assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROCESSING);
    }

    @Test
    void every_supplement_request_is_counted_as_numbered_by_the_command_side() {
        DossierView twice = fold(DossierEvents.received("HS-1"), DossierEvents.supplementRequested("HS-1", 1),
                DossierEvents.supplementProvided("HS-1"), DossierEvents.supplementRequested("HS-1", 2));

        assertThat(twice.supplementRequests()).isEqualTo(2);
        assertThat(twice.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    }

    @Test
    void a_reassignment_while_waiting_for_a_supplement_keeps_the_clock_paused() {
        DossierView waiting = fold(DossierEvents.received("HS-1"), DossierEvents.supplementRequested("HS-1", 1),
                DossierEvents.assigned("HS-1", "CB-020"));

        assertThat(waiting.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
        assertThat(waiting.assignedStaffId()).isEqualTo("CB-020");
        assertThat(waiting.clockRunning()).isFalse();
    }

    @Test
    void a_payment_request_waits_for_the_fee_with_the_clock_running_and_the_payment_resumes_processing() {
        DossierView requested = fold(DossierEvents.received("HS-1"), DossierEvents.assigned("HS-1", "CB-017"),
                DossierEvents.paymentRequested("HS-1", 50_000));
        DossierView paid = DossierFold.evolve(requested, DossierEvents.paymentRecorded("HS-1", 50_000));

        assertThat(requested.status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
        assertThat(requested.status().code()).isEqualTo(6);
        assertThat(requested.amountRequested()).isEqualTo(50_000);
        assertThat(requested.clockRunning()).isTrue();
        assertThat(paid.status()).isEqualTo(DossierStatus.IN_PROCESSING);
        assertThat(paid.amountPaid()).isEqualTo(50_000);
    }

    @Test
    void a_fee_paid_after_the_resolution_leaves_the_dossier_resolved() {
        DossierView paid = fold(DossierEvents.received("HS-1"), DossierEvents.resolvedEarly("HS-1"),
                DossierEvents.paymentRecorded("HS-1", 30_000));

        assertThat(paid.status()).isEqualTo(DossierStatus.RESOLVED);
        assertThat(paid.amountPaid()).isEqualTo(30_000);
    }

    @Test
    void an_extension_sets_the_new_appointment_date_and_keeps_the_status() {
        DossierView extended = fold(DossierEvents.received("HS-1"), DossierEvents.assigned("HS-1", "CB-017"),
                DossierEvents.extended("HS-1"));

        assertThat(extended.dueAt()).isEqualTo(DossierEvents.EXTENDED_DUE_AT);
        assertThat(extended.extensions()).isEqualTo(1);
        assertThat(extended.status()).isEqualTo(DossierStatus.IN_PROCESSING);
    }

    @Test
    void a_transfer_moves_the_dossier_to_the_receiving_unit_and_keeps_its_status_and_due_date() {
        DossierView moved = fold(DossierEvents.received("HS-1"), DossierEvents.transferred("HS-1", "W-HOAN-KIEM"));

        assertThat(moved.unitCode()).isEqualTo("W-HOAN-KIEM");
        assertThat(moved.transfers()).isEqualTo(1);
        assertThat(moved.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(moved.dueAt()).isEqualTo(DUE_AT);
    }

    @Test
    void a_withdrawal_request_is_status_seven_and_the_clock_keeps_running_until_the_stop() {
        DossierView withdrawing = fold(DossierEvents.received("HS-1"), DossierEvents.withdrawalRequested("HS-1"));
        DossierView stopped = DossierFold.evolve(withdrawing, DossierEvents.stopped("HS-1"));

        assertThat(withdrawing.status()).isEqualTo(DossierStatus.WITHDRAWAL_REQUESTED);
        assertThat(withdrawing.status().code()).isEqualTo(7);
        assertThat(withdrawing.withdrawalRequestedAt()).isEqualTo(DossierEvents.WITHDRAWAL_REQUESTED_AT);
        assertThat(withdrawing.clockRunning()).isTrue();
        assertThat(stopped.status()).isEqualTo(DossierStatus.STOPPED);
        assertThat(stopped.status().code()).isEqualTo(8);
    }

    @Test
    void a_stop_ends_processing_with_the_verdict_it_recorded() {
        DossierView stopped = fold(DossierEvents.received("HS-1"), DossierEvents.stopped("HS-1"));

        assertThat(stopped.stoppedAt()).isEqualTo(DossierEvents.STOPPED_AT);
        assertThat(stopped.timeliness()).isEqualTo(Timeliness.EARLY);
        assertThat(stopped.processingDays()).isEqualTo(1.75);
        assertThat(stopped.resolvedAt()).isNull();
        assertThat(stopped.open()).isFalse();
        assertThat(stopped.clockRunning()).isFalse();
    }

    @Test
    void a_returned_result_is_status_ten_and_keeps_the_verdict_of_its_resolution() {
        DossierView returned = fold(DossierEvents.received("HS-1"), DossierEvents.resolvedEarly("HS-1"),
                DossierEvents.returned("HS-1"));

        assertThat(returned.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(returned.status().code()).isEqualTo(10);
        assertThat(returned.returnedAt()).isEqualTo(DossierEvents.RETURNED_AT);
        assertThat(returned.resolvedAt()).isEqualTo(RESOLVED_AT);
        assertThat(returned.timeliness()).isEqualTo(Timeliness.EARLY);
        assertThat(returned.open()).isFalse();
    }

    @Test
    void payments_show_how_much_was_paid_online_and_the_channel_of_the_last() {
        Instant paidAt = DossierEvents.RECEIVED_AT.plusSeconds(3_600);
        DossierView online = fold(DossierEvents.received("HS-1"), DossierEvents.paymentRequested("HS-1", 50_000),
                new PaymentRecordedEvent("HS-1", 50_000, paidAt, PaymentChannel.ONLINE));
        DossierView thenAtTheDesk = fold(DossierEvents.received("HS-1"), DossierEvents.paymentRequested("HS-1", 50_000),
                new PaymentRecordedEvent("HS-1", 50_000, paidAt, PaymentChannel.ONLINE),
                DossierEvents.paymentRequested("HS-1", 20_000),
                new PaymentRecordedEvent("HS-1", 20_000, paidAt.plusSeconds(60), PaymentChannel.AT_DESK));

        assertThat(online.amountPaidOnline()).isEqualTo(50_000);
        assertThat(online.paymentChannel()).isEqualTo(PaymentChannel.ONLINE);
        assertThat(thenAtTheDesk.amountPaid()).isEqualTo(70_000);
        assertThat(thenAtTheDesk.amountPaidOnline()).isEqualTo(50_000);
        assertThat(thenAtTheDesk.paymentChannel()).isEqualTo(PaymentChannel.AT_DESK);
        assertThat(fold(DossierEvents.received("HS-1")).paymentChannel()).as("before any payment").isNull();
    }

    @Test
    void a_payment_recorded_before_the_channel_existed_reads_as_paid_at_the_desk() {
        DossierView paid = fold(DossierEvents.received("HS-1"), DossierEvents.paymentRequested("HS-1", 50_000),
                new PaymentRecordedEvent("HS-1", 50_000, DossierEvents.RECEIVED_AT.plusSeconds(60), null));

        assertThat(paid.amountPaid()).isEqualTo(50_000);
        assertThat(paid.amountPaidOnline()).isZero();
        assertThat(paid.paymentChannel()).isEqualTo(PaymentChannel.AT_DESK);
    }

    @Test
    void a_digitisation_record_shows_its_parts_and_a_later_one_replaces_it_without_touching_the_status() {
        Instant first = DossierEvents.RECEIVED_AT.plusSeconds(600);
        DossierView once = fold(DossierEvents.received("HS-1"),
                new DossierDigitisedEvent("HS-1", 4, 3, 1, true, first));
        DossierView again = DossierFold.evolve(once, new DossierDigitisedEvent("HS-1", 5, 5, 0, false,
                                                                               first.plusSeconds(600)));

        assertThat(once.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(once.parts()).isEqualTo(4);
        assertThat(once.digitisedParts()).isEqualTo(3);
        assertThat(once.reusedParts()).isEqualTo(1);
        assertThat(once.populationDataUsed()).isTrue();
        assertThat(once.digitisedAt()).isEqualTo(first);
        assertThat(again.parts()).isEqualTo(5);
        assertThat(again.digitisedParts()).isEqualTo(5);
        assertThat(again.reusedParts()).isZero();
        assertThat(again.populationDataUsed()).isFalse();
        assertThat(again.digitisedAt()).isEqualTo(first.plusSeconds(600));
        assertThat(again.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(fold(DossierEvents.received("HS-1")).parts()).as("before any record").isNull();
    }

    @Test
    void an_electronic_result_and_a_rating_are_shown_and_leave_the_returned_dossier_as_it_was() {
        Instant issuedAt = DossierEvents.RETURNED_AT.plusSeconds(60);
        Instant ratedAt = DossierEvents.RETURNED_AT.plusSeconds(120);
        DossierView returned = fold(DossierEvents.received("HS-1"), DossierEvents.resolvedEarly("HS-1"),
                DossierEvents.returned("HS-1"));

        DossierView rated = fold(DossierEvents.received("HS-1"), DossierEvents.resolvedEarly("HS-1"),
                DossierEvents.returned("HS-1"), new ElectronicResultIssuedEvent("HS-1", issuedAt),
                new DossierRatedEvent("HS-1", 4, ratedAt));

        assertThat(rated.electronicResultIssuedAt()).isEqualTo(issuedAt);
        assertThat(rated.ratingScore()).isEqualTo(4);
        assertThat(rated.ratedAt()).isEqualTo(ratedAt);
        assertThat(rated.with(view -> {
            view.electronicResultIssuedAt = null;
            view.ratingScore = null;
            view.ratedAt = null;
        })).isEqualTo(returned);
        assertThat(returned.electronicResultIssuedAt()).isNull();
        assertThat(returned.ratingScore()).isNull();
    }

    @Test
    void the_fold_knows_every_dossier_event_of_the_kernel() {
        List<Class<?>> lifecycle = List.of(DossierSubmittedOnlineEvent.class, DossierReceivedEvent.class,
                DossierRefusedEvent.class, DossierAssignedEvent.class, SupplementRequestedEvent.class,
                SupplementProvidedEvent.class, PaymentRequestedEvent.class, PaymentRecordedEvent.class,
                DossierExtendedEvent.class, DossierTransferredEvent.class, DossierWithdrawalRequestedEvent.class,
                DossierResolvedEvent.class, DossierReturnedEvent.class, DossierStoppedEvent.class,
                DossierDigitisedEvent.class, ElectronicResultIssuedEvent.class, DossierRatedEvent.class);

        assertThat(lifecycle).allMatch(DossierFold::folds);
        assertThat(eventsOf(DossierEvent.class).toList())
                .as("each kernel dossier event has a case in the fold and is listed here")
                .containsExactlyInAnyOrderElementsOf(lifecycle);
    }

    /** The records a sealed event interface permits, through the interfaces it permits. */
    private static Stream<Class<?>> eventsOf(Class<?> type) {
        return type.isSealed() ? Arrays.stream(type.getPermittedSubclasses()).flatMap(DossierFoldTest::eventsOf)
                               : Stream.of(type);
    }

    private static DossierView fold(Object... events) {
        DossierView view = DossierFold.initial("HS-1");
        for (Object event : events) {
            view = DossierFold.evolve(view, event);
        }
        return view;
    }
}
