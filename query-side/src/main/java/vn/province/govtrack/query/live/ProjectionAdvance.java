package vn.province.govtrack.query.live;

/**
 * The data of one {@code projection} event of the stream: a projection's position and the head of the
 * event log, as read together. Names and positions only, never anything of a dossier or a person.
 *
 * @param projection the event processor's name, as {@code GET /api/v1/admin/projections} lists it
 * @param position   the global position it has processed up to
 * @param head       the newest committed event's position when it was read; {@code head - position} is the
 *                   projection's lag in events (never negative: the head is read after the positions)
 */
record ProjectionAdvance(String projection, long position, long head) {
}
