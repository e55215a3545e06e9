package vn.province.govtrack.kernel.dossier;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The office apologised and set a new appointment date (Circular 03/2025 form 04).
 */
@Revision("1")
public record DossierExtendedEvent(String dossierId, Instant previousDueAt, Instant newDueAt, String apology, Instant extendedAt)
        implements TimelinessEvent {
}
