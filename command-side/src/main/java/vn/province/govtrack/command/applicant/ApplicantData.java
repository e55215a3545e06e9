package vn.province.govtrack.command.applicant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.province.govtrack.command.rejection.Require;
import vn.province.govtrack.kernel.applicant.ApplicantDataErasedEvent;
import vn.province.govtrack.kernel.applicant.ApplicantIds;
import vn.province.govtrack.kernel.applicant.EraseApplicantDataCommand;

/**
 * The personal data sealed under one applicant key, as far as the history needs it: whether and
 * when it was erased. Its stream is {@code ApplicantIds.streamOf(keyId)} and holds no personal data.
 */
@Aggregate
class ApplicantData {

    @AggregateIdentifier
    private String streamId;
    private Instant erasedAt;

    ApplicantData() {
        // for Axon: no erasure recorded yet
    }

    /**
     * Records the erasure once. Asking again (a retry after the key's destruction failed) records
     * nothing new and answers the first erasure, so the key's tombstone can carry its time.
     *
     * @return the erasure as recorded
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ApplicantDataErasedEvent handle(EraseApplicantDataCommand command) {
        if (erasedAt != null) {
            return new ApplicantDataErasedEvent(command.keyId(), erasedAt);
        }
        ApplicantDataErasedEvent erased = new ApplicantDataErasedEvent(Require.text(command.keyId(), "keyId"),
                                                                       Require.present(command.erasedAt(), "erasedAt"));
        apply(erased);
        return erased;
    }

    @EventSourcingHandler
    void on(ApplicantDataErasedEvent event) {
        streamId = ApplicantIds.streamOf(event.keyId());
        erasedAt = event.erasedAt();
    }
}
