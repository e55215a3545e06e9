package vn.province.govtrack.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.VerificationResult;

/**
 * How fast the tamper-evident log verifies (ADR 0010): writes a log of dossier events, half in commits
 * of one event and half in commits of one hundred, into the embedded server (durable H2 backend unless
 * {@code --memory}; or MONGODB_URI when set), then times full verifications of it from the database,
 * as an auditor runs them: every event's digest and every commit's chain hash recomputed. Prints
 * events/s and the client's and the server's CPU time, and writes
 * {@code docs/benchmarks/chain-verification-<h2|memory|mongodb>.json}.
 * <pre>
 * ./benchmarks/run-chain-verification.sh [--events=200000] [--memory] [--runs=3]
 * </pre>
 */
public final class ChainVerificationBenchmark {

    static final String COMMAND = "./benchmarks/run-chain-verification.sh";
    private static final int WRITERS = 4;

    public static void main(String[] args) throws Exception {
        int events = 200_000;
        int runs = 3;
        boolean memory = false;
        for (String arg : args) {
            if (arg.startsWith("--events=")) {
                events = Integer.parseInt(arg.substring("--events=".length()));
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.equals("--memory")) {
                memory = true;
            } else {
                System.err.println("usage: " + COMMAND + " [--events=N] [--runs=N] [--memory]");
                System.exit(2);
            }
        }
        String loadAtStart = Machines.loadAverage();
        String externalUri = System.getenv("MONGODB_URI");
        Path workDir = Files.createTempDirectory("govtrack-chain-benchmark-");
        EmbeddedServerProcess server = externalUri == null ? EmbeddedServerProcess.start(memory, workDir) : null;
        String uri = server == null ? externalUri : server.uri();
        List<Double> rates = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        VerificationResult last = null;
        double writeSeconds;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase database = client.getDatabase("chain_benchmark_" + UUID.randomUUID().toString().substring(0, 8));
            Serializer serializer = EventStoreBenchmark.serializer();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                                                                    .eventSerializer(serializer)
                                                                    .snapshotSerializer(serializer).build();
            long started = System.nanoTime();
            write(engine, events);
            writeSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("wrote %,d events in %.1f s; head %,d%n", events, writeSeconds, engine.headPosition());
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                long clientCpu = processCpuNanos();
                long serverCpu = server == null ? 0 : server.cpuNanos();
                last = engine.verifyLog(null, (done, total) -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                cpu.add(String.format("client %.1f s, server %.1f s", (processCpuNanos() - clientCpu) / 1e9,
                                      server == null ? 0 : (server.cpuNanos() - serverCpu) / 1e9));
                if (!last.intact() || last.eventsChecked() != events) {
                    throw new IllegalStateException("the benchmark's log does not verify: " + last.summary());
                }
                double rate = last.eventsChecked() / seconds;
                rates.add(rate);
                System.out.printf("verification %d: %,d events in %.2f s = %,.0f events/s, CPU %s (%s)%n", run,
                                  last.eventsChecked(), seconds, rate, cpu.get(cpu.size() - 1), last.summary());
            }
            database.drop();
        } finally {
            if (server != null) {
                server.close();
            }
        }
        Results.Machine machine = Machines.describe(loadAtStart, Machines.loadAverage());
        double best = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Double> sorted = rates.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        System.out.printf("best %,.0f events/s, median %,.0f events/s%n", best, median);
        String json = """
                {
                  "benchmark": "chain verification (ADR 0010)",
                  "command": "%s",
                  "revision": "%s",
                  "date": "%s",
                  "server": "%s",
                  "events": %d,
                  "commits": "half of one event, half of one hundred",
                  "writeSeconds": %.1f,
                  "verificationsEventsPerSecond": %s,
                  "verificationsCpu": %s,
                  "bestEventsPerSecond": %.0f,
                  "medianEventsPerSecond": %.0f,
                  "machine": {"processors": %d, "cpu": "%s", "memoryMib": %d, "java": "%s", "os": "%s",
                              "loadAverageAtStart": "%s", "loadAverageAtEnd": "%s",
                              "note": "shared with other work while measured"}
                }
                """.formatted(COMMAND + (args.length == 0 ? "" : " " + String.join(" ", args)),
                              System.getProperty("govtrack.revision", "unknown"), Instant.now(),
                              externalUri != null ? "MONGODB_URI"
                                      : "mongo-java-server 1.47.0 (" + (memory ? "memory" : "durable H2") + " backend)"
                                        + " in a child JVM (" + EmbeddedServerProcess.JVM_OPTIONS + ")",
                              events, writeSeconds,
                              rates.stream().map(rate -> String.format("%.0f", rate)).toList(),
                              cpu.stream().map(c -> "\"" + c + "\"").toList(), best, median,
                              machine.processors(), machine.cpuModel(), machine.memoryMib(), machine.java(), machine.os(),
                              machine.loadAverageAtStart(), machine.loadAverageAtEnd());
        Path results = Path.of("docs", "benchmarks", "chain-verification-"
                                         + (externalUri != null ? "mongodb" : memory ? "memory" : "h2") + ".json");
        Files.createDirectories(results.getParent());
        Files.writeString(results, json, StandardCharsets.UTF_8);
        System.out.println("wrote " + results);
    }

    /**
     * CPU nanoseconds of this JVM, including threads that ended (the log reader's read-ahead threads
     * end when idle, so counting live threads only would lose their time).
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Half the events in commits of one, half in commits of one hundred, appended by a few threads at
     * once (group commits); each half on aggregates of its own.
     */
    private static void write(MongoEventStorageEngine engine, int events) throws Exception {
        List<List<DomainEventMessage<?>>> commits = new ArrayList<>();
        Workload singles = new Workload(events / 2, 1, Duration.ofSeconds(1));
        for (List<? extends DomainEventMessage<?>> commit : singles.commits()) {
            commits.add(commit.stream().<DomainEventMessage<?>>map(ChainVerificationBenchmark::renamed).toList());
        }
        commits.addAll(new Workload(events / 2, 100, Duration.ofSeconds(1)).commits().stream()
                                                                             .map(List::<DomainEventMessage<?>>copyOf)
                                                                             .toList());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                // a writer takes every WRITERS-th aggregate's commits, so each aggregate's stay in order
                for (List<DomainEventMessage<?>> commit : commits) {
                    if (Math.floorMod(commit.get(0).getAggregateIdentifier().hashCode(), WRITERS) == writer) {
                        engine.appendEvents(commit);
                    }
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
    }

    /** The event under an aggregate and identifier of its own: the two halves share neither. */
    private static DomainEventMessage<?> renamed(DomainEventMessage<?> event) {
        return new GenericDomainEventMessage<>(event.getType(), "single-" + event.getAggregateIdentifier(),
                                               event.getSequenceNumber(), event.getPayload(), event.getMetaData(),
                                               "single-" + event.getIdentifier(), event.getTimestamp());
    }
}
