package vn.province.govtrack.query.dossier;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.province.govtrack.query.projection.PeriodicCheck;

/**
 * Removes the tombstones of closed dossiers from {@code dossier_open} once they are older than
 * {@code govtrack.query.dossiers.tombstone-grace}, every {@code govtrack.query.dossiers.tombstone-purge}.
 * A tombstone only has to outlive the writers that may still write an older entry of its dossier
 * (see {@link DossierViews}): those that lost their claim on the token, which times out after 10 s, and
 * were stalled between their view and entry writes. The grace is far longer than that; a writer stalled
 * longer is the risk that remains. Every instance runs it; removing a tombstone twice removes nothing.
 */
@Component
class OpenEntryTombstones extends PeriodicCheck {

    private final DossierViews views;
    private final Clock clock;
    private final Duration grace;

    OpenEntryTombstones(DossierViews views, Clock clock,
                        @Value("${govtrack.query.dossiers.tombstone-grace:10m}") Duration grace,
                        @Value("${govtrack.query.dossiers.tombstone-purge:1m}") Duration period) {
        super("dossier-tombstones", period);
        this.views = views;
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    protected void check() {
        views.removeTombstonesClosedBefore(clock.instant().minus(grace));
    }
}
