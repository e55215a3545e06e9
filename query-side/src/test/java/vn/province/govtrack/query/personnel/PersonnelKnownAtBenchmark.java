package vn.province.govtrack.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.staff.SecondmentEndReason;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffDepartedEvent;
import vn.province.govtrack.kernel.staff.StaffIds;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;
import vn.province.govtrack.kernel.staff.StaffTransferredEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitIds;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.QuerySideHttpTest;

/**
 * A rerunnable measurement, not a test: no build runs it (its name does not end in Test) and it asserts
 * nothing about time. It boots the query side on the tests' MongoDB ({@code TestMongo}: {@code MONGODB_URI},
 * or the embedded wire-protocol server), appends a province's personnel through the real event store
 * (166 units, 7 fields, quotas for each, 5,400 staff recruited before 2025 as the province's 5,397 portal
 * accounts suggest) and then a year of movements (2025: transfers, secondments, early ends, departures,
 * recruitments and quota changes, their effective dates anywhere in the year, so many are backdated), waits
 * for the personnel projection, and times {@code GET /personnel/audit} over HTTP, plain and with
 * {@code knownAt} at the instant half the year had been recorded, alternating, after a warm-up. It prints
 * p50 / p99 / max in milliseconds.
 *
 * <pre>
 * ./mvnw -o -pl query-side -am test -Dtest=PersonnelKnownAtBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgovtrack.benchmark.staff=5400 -Dgovtrack.benchmark.queries=200
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.data.mongodb.database=personnel-benchmark")
class PersonnelKnownAtBenchmark extends QuerySideHttpTest {

    private static final int STAFF = Integer.getInteger("govtrack.benchmark.staff", 5_400);
    private static final int QUERIES = Integer.getInteger("govtrack.benchmark.queries", 200);
    private static final int UNITS = 166;
    private static final String[] FIELDS = {"LAND_ADMINISTRATION", "NATURAL_RESOURCES_ENVIRONMENT",
            "JUSTICE_CIVIL_STATUS", "CULTURE_SOCIETY", "INFORMATION_TECHNOLOGY", "FINANCE_PLANNING", "ONE_STOP_DESK"};
    private static final LocalDate YEAR = LocalDate.of(2025, 1, 1);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;

    private final Map<String, Long> sequences = new HashMap<>();

    @Test
    void measure() throws IOException {
        System.out.printf("%nmachine: %d CPUs, %s %s, %s %s; load average at the start %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), System.getProperty("os.name"),
                System.getProperty("os.version"), loadAverage());
        Random random = new Random(2025);
        long started = System.nanoTime();
        for (int u = 0; u < UNITS; u++) {
            append(UnitIds.streamOf(unit(u)), "Unit", new UnitRegisteredEvent(unit(u), "Unit " + u,
                    u < 124 ? UnitKind.COMMUNE : UnitKind.DEPARTMENT));
            for (String field : FIELDS) {
                append(UnitIds.streamOf(unit(u)), "Unit", new StaffingQuotaSetEvent(unit(u), field,
                        3 + random.nextInt(6), LocalDate.of(2024, 1, 1), "Q/" + u + "/" + field));
            }
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < STAFF; i++) {
            Person person = new Person("CB-" + i, unit(random.nextInt(UNITS)), FIELDS[random.nextInt(FIELDS.length)]);
            people.add(person);
            staff(person, new StaffRecruitedEvent(person.staffId, "Officer " + i, person.unitCode, person.field,
                    "officer", LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1_400)), "R/" + i));
        }
        long beforeTheYear = head();
        List<Runnable> year = aYearOfMovements(random, people);
        Instant halfYearKnown = null;
        for (int i = 0; i < year.size(); i++) {
            year.get(i).run();
            if (i == year.size() / 2) {
                halfYearKnown = Instant.now();
            }
        }
        long last = head();
        double appendSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%n%d units, %,d staff, %,d events before 2025 and %,d in 2025 appended in %.1f s%n",
                UNITS, STAFF, beforeTheYear, last - beforeTheYear, appendSeconds);

        started = System.nanoTime();
        while (get("/api/v1/personnel/audit?minPosition=" + last).getStatusCode() != HttpStatus.OK
               || Long.parseLong(get("/api/v1/personnel/audit?minPosition=" + last).getHeaders()
                                         .getFirst("X-Projection-Position")) < last) {
            sleep();
        }
        System.out.printf("personnel projection caught up with position %,d after a further %.1f s%n", last,
                (System.nanoTime() - started) / 1e9);

        String plain = "/api/v1/personnel/audit?asOf=2025-12-31";
        String knownAt = plain + "&knownAt=" + halfYearKnown.atOffset(ZoneOffset.ofHours(7)).toString()
                                                            .replace("+", "%2B");
        ResponseEntity<String> known = get(knownAt);
        assertThat(known.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(known.getBody()).isNotEqualTo(get(plain).getBody());
        System.out.printf("knownAt %s stands for position %s; %,d bytes a plain answer%n", halfYearKnown,
                known.getHeaders().getFirst("X-Known-At-Position"), get(plain).getBody().length());
        for (int i = 0; i < 30; i++) {
            get(plain);
            get(knownAt);
        }
        double[] plainMillis = new double[QUERIES];
        double[] knownMillis = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            plainMillis[i] = timed(plain);
            knownMillis[i] = timed(knownAt);
        }
        System.out.println("GET /api/v1/personnel/audit latency over HTTP, ms (p50 / p99 / max), " + QUERIES
                           + " each, alternating:");
        System.out.println("  plain                 " + summary(plainMillis));
        System.out.println("  knownAt (half a year) " + summary(knownMillis));
        System.out.println("load average at the end " + loadAverage());
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }

    /**
     * Movements of 2025 in a random order of recording, effective anywhere in the year; at most one per
     * person, a secondment and its early end recorded one after the other.
     */
    private List<Runnable> aYearOfMovements(Random random, List<Person> people) {
        List<Runnable> year = new ArrayList<>();
        int n = 0;
        for (Person person : people) {
            int draw = random.nextInt(100);
            LocalDate on = YEAR.plusDays(random.nextInt(300));
            int no = ++n;
            if (draw < 10) {
                String to = unit(random.nextInt(UNITS));
                String from = person.unitCode;
                person.unitCode = to;
                year.add(() -> staff(person, new StaffTransferredEvent(person.staffId, from, person.field, to,
                        person.field, "officer", on, "T/" + no)));
            } else if (draw < 16) {
                String to = unit(random.nextInt(UNITS));
                LocalDate until = on.plusDays(60 + random.nextInt(300));
                String home = person.unitCode;
                LocalDate end = random.nextInt(3) == 0 ? on.plusDays(1 + random.nextInt(50)) : null;
                year.add(() -> {
                    staff(person, new StaffSecondedEvent(person.staffId, 1, home, person.field, to, person.field, on,
                            until, "S/" + no));
                    if (end != null) {
                        staff(person, new SecondmentEndedEvent(person.staffId, 1, to, end,
                                SecondmentEndReason.DECIDED, "E/" + no));
                    }
                });
            } else if (draw < 19) {
                String home = person.unitCode;
                year.add(() -> staff(person, new StaffDepartedEvent(person.staffId, home, on, "retirement",
                        "D/" + no)));
            }
        }
        for (int i = 0; i < STAFF / 50; i++) {
            Person person = new Person("CB-2025-" + i, unit(random.nextInt(UNITS)),
                    FIELDS[random.nextInt(FIELDS.length)]);
            LocalDate on = YEAR.plusDays(random.nextInt(360));
            year.add(() -> staff(person, new StaffRecruitedEvent(person.staffId, "Officer " + person.staffId,
                    person.unitCode, person.field, "officer", on, "R/2025/" + person.staffId)));
        }
        for (int i = 0; i < UNITS; i++) {
            String unit = unit(random.nextInt(UNITS));
            String field = FIELDS[random.nextInt(FIELDS.length)];
            LocalDate on = YEAR.plusDays(random.nextInt(360));
            int positions = 3 + random.nextInt(6);
            year.add(() -> append(UnitIds.streamOf(unit), "Unit", new StaffingQuotaSetEvent(unit, field, positions,
                    on, "Q/2025/" + unit + "/" + on)));
        }
        Collections.shuffle(year, random);
        return year;
    }

    private double timed(String path) {
        long started = System.nanoTime();
        ResponseEntity<String> response = get(path);
        double millis = (System.nanoTime() - started) / 1e6;
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return millis;
    }

    private static String summary(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return "%7.1f / %7.1f / %7.1f".formatted(sorted[sorted.length / 2],
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)],
                sorted[sorted.length - 1]);
    }

    private ResponseEntity<String> get(String path) {
        return rest.exchange(URI.create(rest.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(new HttpHeaders()),
                             String.class);
    }

    private long head() {
        var head = engine.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unit(int u) {
        return "U-" + u;
    }

    private void staff(Person person, Object event) {
        append(StaffIds.streamOf(person.staffId), "Staff", event);
    }

    private void append(String streamId, String type, Object payload) {
        long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>(type, streamId, sequence, payload,
                                                           Map.of(EventMetadata.ACTOR, "hr.officer"),
                                                           UUID.randomUUID().toString(), Instant.now()));
    }

    private static final class Person {
        final String staffId;
        String unitCode;
        final String field;

        Person(String staffId, String unitCode, String field) {
            this.staffId = staffId;
            this.unitCode = unitCode;
            this.field = field;
        }
    }
}
