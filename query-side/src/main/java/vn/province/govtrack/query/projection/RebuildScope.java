package vn.province.govtrack.query.projection;

/**
 * What a rebuild recomputes; the reset context every projection's {@code @ResetHandler} receives.
 *
 * <p>Every document that reflects an event after position {@code keptUpTo} is removed, and the replay,
 * which always starts from the first event, writes it anew from its whole history. Every other
 * document (its last event at or before {@code keptUpTo}) is kept, and the replay finds it up to date:
 * the position guard makes each of its events a no-op. So the read model ends up as a full rebuild
 * would leave it, as long as the kept documents were right. {@code keptUpTo} 0 removes everything.
 *
 * <p>Axon stores the reset context in the processor's ReplayToken, serialized with its class name:
 * renaming or moving this record makes the tokens of a rebuild under way unreadable.
 *
 * @param keptUpTo a global position, at least 0
 */
public record RebuildScope(long keptUpTo) {

    public RebuildScope {
        if (keptUpTo < 0) {
            throw new IllegalArgumentException("keptUpTo must be at least 0; got " + keptUpTo);
        }
    }

    /** A full rebuild: nothing is kept. */
    public static RebuildScope everything() {
        return new RebuildScope(0);
    }
}
