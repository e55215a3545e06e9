package vn.province.govtrack.benchmarks;

/** Keeps the JIT from discarding work whose result the benchmark does not otherwise use. */
final class Blackhole {

    private static volatile int sink;

    private Blackhole() {
    }

    static void consume(int value) {
        sink ^= value;
    }

    static void consume(Object value) {
        sink ^= System.identityHashCode(value);
    }
}
