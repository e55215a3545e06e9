package vn.province.govtrack.query.admin;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One event processor as operators see it.
 *
 * @param position     the global position it has processed up to (from the shared token store)
 * @param headPosition the newest committed event's position
 * @param replaying    a rebuild's replay has not yet reached the position it started from
 * @param progress     0–100: position as a share of the head; 100 once caught up
 * @param state        RESETTING (this instance is starting a rebuild of it), REQUESTED (a rebuild asked
 *                     of some instance waits for the instance holding the projection to start it), STOPPED,
 *                     ERROR, REPLAYING, CATCHING_UP or CAUGHT_UP
 * @param deadLetters  how many of its events are parked now ({@code GET /api/v1/admin/dead-letters}); for
 *                     "timeliness-index", this instance's, kept in its memory
 */
@Schema(example = """
        {"name": "dossiers", "position": 13716, "headPosition": 13716, "replaying": false,
        "progress": 100, "state": "CAUGHT_UP", "deadLetters": 0}""")
record ProjectionStatus(String name, long position, long headPosition, boolean replaying, int progress,
                        String state, long deadLetters) {
}
