package vn.province.govtrack.kernel.procedure;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.axonframework.serialization.Revision;

import vn.province.govtrack.kernel.BusinessEvent;

/** A procedure is published with the terms every dossier under it is judged by. */
@Revision("1")
public record ProcedurePublishedEvent(String code, String name, String field, String level,
                                      int processingHours, LocalTime cutoff, boolean online) implements BusinessEvent {

    /** Empty: it took effect when it was decided, its message's timestamp. */
    @Override
    public Optional<Instant> occurredAt(ZoneId businessZone) {
        return Optional.empty();
    }
}
