package vn.province.govtrack.query.projection;

/**
 * Published on this instance once a rebuild of {@code processorName} has been started and recorded
 * in the {@link RebuildLog}, before the request that asked for it is answered: what depends on that
 * projection here can follow at once, where other instances learn of it from the log.
 */
public record ProjectionRebuilt(String processorName) {
}
