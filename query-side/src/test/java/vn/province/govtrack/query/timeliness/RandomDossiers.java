package vn.province.govtrack.query.timeliness;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierExtendedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierReturnedEvent;
import vn.province.govtrack.kernel.dossier.DossierStoppedEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.SupplementProvidedEvent;
import vn.province.govtrack.kernel.dossier.SupplementRequestedEvent;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * Random dossier histories, as event streams, for comparing the index with the report counted fact by
 * fact: receipts spread over a range of local dates, transfers, supplements (some never supplied),
 * extensions, resolutions, stops, returns with and without a resolution, events after the end, a
 * receipt recorded again, dossiers left open. Times never go backwards within a dossier and often
 * fall on a local midnight, a nanosecond either side of one, or on the instant of the previous event,
 * where off-by-one mistakes would show.
 *
 * @param units      unit codes, e.g. {@code U-0}
 * @param procedures procedure codes; each has a field, and a dossier's field is occasionally another
 */
record RandomDossiers(ZoneId zone, LocalDate firstDay, LocalDate lastDay, int units, int procedures) {

    private static final String[] FIELDS = {"LAND", "JUSTICE", "CULTURE", "FINANCE"};
    private static final SealedApplicant APPLICANT = new SealedApplicant("key-test", "c2VhbGVk");

    /** Each dossier's events in stream order, {@code count} dossiers named {@code D-0}, {@code D-1}, ... */
    Map<String, List<Object>> streams(int count, Random random) {
        Map<String, List<Object>> streams = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            streams.put("D-" + i, stream("D-" + i, random));
        }
        return streams;
    }

    /** The dossier's fact after all of {@code events}, at positions 1, 2, ...; null when it never was received. */
    static DossierFact fold(List<Object> events) {
        DossierFact fact = null;
        long position = 0;
        for (Object event : events) {
            fact = TimelinessFold.evolve(fact, event, ++position);
        }
        return fact;
    }

    static List<DossierFact> facts(Map<String, List<Object>> streams) {
        return streams.values().stream().map(RandomDossiers::fold).filter(Objects::nonNull).toList();
    }

    String unit(int number) {
        return "U-" + number;
    }

    private List<Object> stream(String id, Random random) {
        List<Object> events = new ArrayList<>();
        Clock clock = new Clock(random);
        String unit = unit(random.nextInt(units));
        int procedure = random.nextInt(procedures);
        String field = random.nextInt(20) == 0 ? FIELDS[random.nextInt(FIELDS.length)]
                : FIELDS[procedure % FIELDS.length];
        String procedureCode = "P-" + procedure;
        if (random.nextInt(30) == 0) {
            events.add(new DossierTransferredEvent(id, unit, unit(random.nextInt(units)), "before receipt", clock.now));
        }
        Instant due = clock.later(Duration.ofDays(random.nextInt(15)));
        events.add(new DossierReceivedEvent(id, procedureCode, field, unit, Channel.IN_PERSON, APPLICANT, clock.now,
                8 * (1 + random.nextInt(5)), clock.now, due));
        int steps = random.nextInt(5);
        for (int step = 0; step < steps; step++) {
            clock.advance();
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    String to = unit(random.nextInt(units));
                    events.add(new DossierTransferredEvent(id, unit, to, "competent unit", clock.now));
                    unit = to;
                }
                case 2 -> {
                    events.add(new SupplementRequestedEvent(id, "missing document", clock.now, step + 1));
                    if (random.nextInt(4) > 0) {
                        clock.advance();
                        due = clock.later(Duration.ofDays(random.nextInt(10)));
                        events.add(new SupplementProvidedEvent(id, "supplied", clock.now, 8.0, due));
                    }
                }
                case 3 -> {
                    Instant newDue = clock.later(Duration.ofDays(random.nextInt(20)));
                    events.add(new DossierExtendedEvent(id, due, newDue, "apology", clock.now));
                    due = newDue;
                }
                default -> {
                    if (random.nextInt(3) == 0) {
                        events.add(new DossierReceivedEvent(id, procedureCode, field, unit, Channel.IN_PERSON,
                                APPLICANT, clock.now, 8, clock.now, clock.later(Duration.ofDays(3))));
                    }
                }
            }
        }
        int ending = random.nextInt(10);
        if (ending < 7) {
            clock.advance();
            Timeliness verdict = Timeliness.values()[random.nextInt(Timeliness.values().length)];
            double processingDays = random.nextInt(8) == 0 ? 0 : random.nextInt(60 * 8 * 30) / 480.0;
            events.add(ending < 5
                    ? new DossierResolvedEvent(id, Outcome.APPROVED, "decided", clock.now, due, verdict, processingDays)
                    : new DossierStoppedEvent(id, "withdrawn", clock.now, due, verdict, processingDays));
            if (random.nextBoolean()) {
                clock.advance();
                events.add(new DossierReturnedEvent(id, clock.now));
            }
            if (random.nextInt(5) == 0) {
                clock.advance();
                events.add(new DossierTransferredEvent(id, unit, unit(random.nextInt(units)), "after the end",
                        clock.now));
            }
        } else if (ending == 7) {
            clock.advance();
            events.add(new DossierReturnedEvent(id, clock.now));
        }
        return events;
    }

    /** A dossier's own time: starts on a random day of the range and only moves forward. */
    private final class Clock {
        private final Random random;
        private Instant now;

        Clock(Random random) {
            this.random = random;
            long days = lastDay.toEpochDay() - firstDay.toEpochDay() + 1;
            this.now = near(firstDay.plusDays(random.nextLong(days)).atStartOfDay(zone).toInstant());
        }

        void advance() {
            now = later(Duration.ofHours(random.nextInt(24 * 6)));
        }

        /** An instant at or after now, about {@code span} later, or a sharp one nearby. */
        Instant later(Duration span) {
            return switch (random.nextInt(8)) {
                case 0 -> now;
                case 1 -> {
                    Instant midnight = LocalDate.ofInstant(now.plus(span), zone).plusDays(1).atStartOfDay(zone)
                                                .toInstant();
                    yield max(now, midnight.plusNanos(random.nextInt(3) - 1));
                }
                default -> now.plus(span).plusSeconds(random.nextInt(24 * 3600)).plusNanos(random.nextInt(1000));
            };
        }

        /** Somewhere in the day starting at {@code midnight}, or right at it, or a nanosecond before. */
        private Instant near(Instant midnight) {
            return switch (random.nextInt(6)) {
                case 0 -> midnight;
                case 1 -> midnight.minusNanos(1);
                default -> midnight.plusSeconds(random.nextInt(24 * 3600)).plusNanos(random.nextInt(1000));
            };
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
