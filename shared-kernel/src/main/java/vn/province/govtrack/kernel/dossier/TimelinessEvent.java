package vn.province.govtrack.kernel.dossier;

/**
 * A dossier event that bears on the dossier's timeliness as the national index counts it: the receipt
 * that starts its processing clock, a transfer, a supplement request or provision that pauses or resumes
 * it, an extension that moves its due date, and the resolution, stop or return that ends it. The
 * timeliness projections handle these alone, by this type; an event processor then skips the other
 * dossier events by their stored type name, without reading them.
 */
public sealed interface TimelinessEvent extends DossierEvent
        permits DossierReceivedEvent, DossierTransferredEvent, SupplementRequestedEvent, SupplementProvidedEvent,
                DossierExtendedEvent, DossierResolvedEvent, DossierStoppedEvent, DossierReturnedEvent {
}
