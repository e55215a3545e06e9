package vn.province.govtrack.kernel.dossier;

import vn.province.govtrack.kernel.BusinessEvent;

/**
 * An event of one dossier's stream. Projections and folds keyed by dossier handle every dossier
 * event through this type, in one handler; being sealed, the list of dossier events is this
 * {@code permits} clause (with {@link TimelinessEvent}'s, the events that bear on timeliness) and
 * nowhere else.
 *
 * <p>Implementing it changes neither an event's class name nor its JSON, so stored events and
 * their upcasters are unaffected. Every dossier event carries the instant it happened, its
 * {@link BusinessEvent#occurredAt business time}, as the command gave it.
 */
public sealed interface DossierEvent extends BusinessEvent
        permits TimelinessEvent, DossierSubmittedOnlineEvent, DossierRefusedEvent, DossierAssignedEvent,
                PaymentRequestedEvent, PaymentRecordedEvent, DossierWithdrawalRequestedEvent, DossierDigitisedEvent,
                ElectronicResultIssuedEvent, DossierRatedEvent {

    /** The dossier the event belongs to, which is also its stream's aggregate id. */
    String dossierId();
}
