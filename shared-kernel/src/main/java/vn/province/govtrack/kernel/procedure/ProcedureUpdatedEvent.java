package vn.province.govtrack.kernel.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * A change of a published procedure was announced on {@code updatedOn}, taking effect on
 * {@code effectiveFrom}: it is offered online at {@code onlineLevel} and discloses {@code content} from
 * then on (both as they stand after the change, whether they changed or not).
 */
@Revision("1")
public record ProcedureUpdatedEvent(String code, OnlineLevel onlineLevel, Set<ProcedureContent> content,
                                    LocalDate updatedOn, LocalDate effectiveFrom, String reason)
        implements BusinessEvent {

    /** The start of {@code updatedOn}. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return BusinessEvent.startOf(updatedOn, businessZone);
    }
}
