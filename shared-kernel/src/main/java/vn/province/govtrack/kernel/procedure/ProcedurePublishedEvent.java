package vn.province.govtrack.kernel.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * A procedure is published with the terms every dossier under it is judged by, and with what the
 * national service-quality index reads of it: how far it is offered online, when it was published, when
 * it takes effect, and which of its elements are disclosed.
 *
 * <p>Events recorded before the last four fields existed carry them as null; {@link #level()},
 * {@link #announcedOn()} and {@link #disclosed()} say how such an event is read.
 *
 * @param online        whether a dossier may be submitted online: {@code onlineLevel().online()}
 * @param onlineLevel   how far it is offered online; null in events recorded before it existed
 * @param publishedOn   the day it was published; null in earlier events, which were published when recorded
 * @param effectiveFrom the day its legal basis takes effect; null in earlier events
 * @param content       the elements it discloses; null in earlier events, which recorded none
 */
@Revision("1")
public record ProcedurePublishedEvent(String code, String name, String field, String level,
                                      int processingHours, LocalTime cutoff, boolean online,
                                      OnlineLevel onlineLevel, LocalDate publishedOn, LocalDate effectiveFrom,
                                      Set<ProcedureContent> content) implements BusinessEvent {

    /** The online level; for an earlier event, {@code PARTIAL} when it was online, else {@code NONE}. */
    public OnlineLevel offered() {
        if (onlineLevel != null) {
            return onlineLevel;
        }
        return online ? OnlineLevel.PARTIAL : OnlineLevel.NONE;
    }

    /** The disclosed elements; none for an earlier event. */
    public Set<ProcedureContent> disclosed() {
        return content == null || content.isEmpty() ? EnumSet.noneOf(ProcedureContent.class) : EnumSet.copyOf(content);
    }

    /** The start of {@code publishedOn}; empty for an earlier event, published when it was recorded. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return publishedOn == null ? Optional.empty() : BusinessEvent.startOf(publishedOn, businessZone);
    }
}
