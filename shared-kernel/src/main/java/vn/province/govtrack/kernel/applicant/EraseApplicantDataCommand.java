package vn.province.govtrack.kernel.applicant;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the erasure of the personal data sealed under the key {@code keyId}. */
public record EraseApplicantDataCommand(String keyId, Instant erasedAt) {

    @TargetAggregateIdentifier
    public String streamId() {
        return ApplicantIds.streamOf(keyId);
    }
}
