package vn.province.govtrack.kernel.feedback;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * A citizen's feedback about unit {@code unitCode} was received; it must be answered by {@code dueAt},
 * decided here from the working calendar and recorded, never recomputed.
 *
 * @param dossierId the dossier it is about, or null
 */
@Revision("1")
public record FeedbackReceivedEvent(String feedbackId, FeedbackKind kind, String unitCode, String dossierId,
                                    String subject, Instant receivedAt, Instant dueAt) implements BusinessEvent {

    /** {@code receivedAt}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.of(receivedAt);
    }
}
