package vn.province.govtrack.benchmarks;

/**
 * What one trial measured, in nanoseconds: wall time and CPU time (benchmark JVM plus server
 * process; -1 when the server's is unknown) of append and of replay, and the commands each sent.
 */
record Measurement(int events, long appendNanos, long appendCpuNanos, long replayNanos, long replayCpuNanos,
                   long appendCommands, long replayCommands) {

    /** Events per second of {@code nanos}, or NaN when unknown. */
    double perSecond(long nanos) {
        return nanos < 0 ? Double.NaN : events / (nanos / 1e9);
    }
}
