package vn.province.govtrack.eventstore;

/**
 * One event exactly as the log stores it, for auditors: no upcasting, no deserialisation.
 *
 * @param position the event's global position
 * @param seq      its sequence in its aggregate's stream, -1 without aggregate
 * @param payload  the serializer's JSON text, as stored (sealed personal data stays sealed)
 * @param meta     the metadata's JSON text, as stored
 * @param digest   the stored digest {@code h}, or null when the event has none
 */
public record LoggedEvent(long position, String id, String agg, String aggType, long seq, String type, String rev,
                          String ts, String payload, String meta, byte[] digest) {

    /**
     * An event known by its position and digest only: an export of a single stream carries the other
     * events of the commits it shows this way, so the chain can be recomputed without showing them.
     */
    public static LoggedEvent opaque(long position, byte[] digest) {
        return new LoggedEvent(position, null, null, null, -1, null, null, null, null, null, digest);
    }

    /** Whether this event is known by its digest only ({@link #opaque}). */
    public boolean opaque() {
        return id == null && type == null && payload == null && meta == null;
    }

    /** The digest recomputed from the stored fields (compare it with {@link #digest()}). */
    public byte[] recomputeDigest(LogDigests digests) {
        return digestAt(position, digests);
    }

    /** The digest this event's fields would have at another position. */
    byte[] digestAt(long atPosition, LogDigests digests) {
        return digests.eventDigest(atPosition, id, agg, aggType, seq, type, rev, ts, payload, meta);
    }
}
