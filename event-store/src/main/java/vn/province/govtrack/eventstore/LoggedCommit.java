package vn.province.govtrack.eventstore;

import java.time.Instant;
import java.util.List;

/**
 * One commit (or void slot) exactly as the log stores it, for auditors.
 *
 * @param first      its first position (the document's {@code _id})
 * @param last       its last position
 * @param recordedAt when the writer recorded it ({@code committedAt}); null on a void slot written without one
 * @param key        its commit key, or null
 * @param fence      whether it is a void slot (no events)
 * @param hash       the stored chain hash {@code H} after it, or null when it has none
 * @param events     its events in position order; empty for a void slot
 * @param digest     the commit digest D as given, for an <b>opaque</b> commit only (one an export of a single
 *                   stream carries without its fields and events: the chain passes through it, and what it
 *                   holds is not shown); null for every commit read with its fields
 */
public record LoggedCommit(long first, long last, Instant recordedAt, String key, boolean fence, byte[] hash,
                           List<LoggedEvent> events, byte[] digest) {

    /** The encoding of a missing recording time in the commit digest. */
    static final long NO_TIME = Long.MIN_VALUE;

    public LoggedCommit {
        events = List.copyOf(events);
    }

    /** A commit with its fields and events, as the log stores it. */
    public LoggedCommit(long first, long last, Instant recordedAt, String key, boolean fence, byte[] hash,
                        List<LoggedEvent> events) {
        this(first, last, recordedAt, key, fence, hash, events, null);
    }

    /** A commit known by its positions, its commit digest D and its chain hash only. */
    public static LoggedCommit opaque(long first, long last, byte[] digest, byte[] hash) {
        return new LoggedCommit(first, last, null, null, false, hash, List.of(), digest);
    }

    /** Whether this commit is known by its digest only ({@link #opaque}). */
    public boolean opaque() {
        return digest != null;
    }

    /** The commit digest D over the given event digests (those recomputed, not those stored). */
    public byte[] commitDigest(LogDigests digests, List<byte[]> eventDigests) {
        return digests.commitDigest(first, last, recordedAt == null ? NO_TIME : recordedAt.toEpochMilli(), key, fence,
                                    eventDigests);
    }
}
