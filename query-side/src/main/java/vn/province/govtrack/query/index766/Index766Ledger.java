package vn.province.govtrack.query.index766;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.kernel.dossier.DossierResolvedEvent;
import vn.province.govtrack.kernel.dossier.DossierTransferredEvent;
import vn.province.govtrack.kernel.dossier.ElectronicResultIssuedEvent;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.index766.Index766Rules.Entity;
import vn.province.govtrack.query.index766.Index766Rules.Indicator;
import vn.province.govtrack.query.index766.Index766Rules.Input;

/**
 * This instance's ledger of the index's inputs, in memory, kept by the "index-766" processor from the first
 * event on ({@link Index766Projection}), and what it knew at every position.
 *
 * <p>Dossier counts: per month (in the business zone), an append-only log of count changes in position
 * order, each a unit, an {@link Input}, the dossier (or feedback) it is of and +1 or −1, held in parallel
 * primitive arrays (18 bytes an entry). Each dossier keeps a small state (its receipt's month and unit,
 * whether it was eligible for and submitted online, its last digitisation, its resolution's month and unit,
 * its electronic result, the unit holding it); an event computes the dossier's counts before and after it and
 * appends the differences at its position. A question about month M as known at position P sums M's log up
 * to P: its cost grows with the month's events, not with the history. Payments, ratings and complaints are
 * one-off +1s. Feedback due (few), units and procedures (about 2,225) keep their versions with their positions
 * and are judged when asked.
 *
 * <p>Idempotent per event position: an event at or before the last position its dossier, feedback, unit
 * or procedure took is ignored, so a redelivered event changes nothing. Readers and the writer share a
 * read-write lock, as in the timeliness index.
 */
final class Index766Ledger {

    /** Every version known. */
    static final long PRESENT = Long.MAX_VALUE;

    private static final Set<ProcedureContent> EVERY_ELEMENT = EnumSet.allOf(ProcedureContent.class);
    private static final Input[] INPUTS = Input.values();

    private final ZoneId zone;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private final Map<String, Integer> unitSlots = new HashMap<>();
    private final List<UnitHistory> units = new ArrayList<>();
    private final Map<String, DossierState> dossiers = new HashMap<>();
    private final List<String> dossierIds = new ArrayList<>();
    private final Map<String, FeedbackRecord> feedback = new HashMap<>();
    private final List<String> feedbackIds = new ArrayList<>();
    private final Map<YearMonth, List<FeedbackRecord>> feedbackDue = new HashMap<>();
    private final Map<String, ProcedureHistory> procedures = new TreeMap<>();
    private final Map<YearMonth, MonthLog> months = new HashMap<>();
    private long events;

    Index766Ledger(ZoneId zone) {
        this.zone = zone;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Takes one event at its global position; {@code recordedAt} (its timestamp) dates a procedure published
     * without a publication day. Events of other types are ignored.
     */
    void apply(long position, Object event, Instant recordedAt) {
        Lock write = lock.writeLock();
        write.lock();
        try {
            if (event instanceof UnitRegisteredEvent registered) {
                UnitHistory unit = units.get(unitSlot(registered.code()));
                if (position > unit.lastPosition()) {
                    unit.registrations.add(new Registration(position, registered.name(), registered.kind()));
                }
            } else if (event instanceof UnitDissolvedEvent dissolved) {
                UnitHistory unit = units.get(unitSlot(dissolved.code()));
                if (position > unit.lastPosition()) {
                    unit.dissolutions.add(new Dissolution(position, dissolved.effectiveDate()));
                }
            } else if (event instanceof ProcedurePublishedEvent published) {
                ProcedureHistory procedure = procedures.computeIfAbsent(published.code(), ProcedureHistory::new);
                if (position > procedure.lastPosition()) {
                    LocalDate publishedOn = published.publishedOn() != null ? published.publishedOn()
                            : LocalDate.ofInstant(recordedAt, zone);
                    procedure.publications.add(new Publication(position, published.level(), publishedOn,
                            published.effectiveFrom() != null ? published.effectiveFrom() : publishedOn,
                            published.offered(), published.disclosed()));
                }
            } else if (event instanceof ProcedureUpdatedEvent updated) {
                ProcedureHistory procedure = procedures.computeIfAbsent(updated.code(), ProcedureHistory::new);
                if (position > procedure.lastPosition()) {
                    procedure.updates.add(new Update(position, updated.updatedOn(), updated.effectiveFrom(),
                            updated.onlineLevel() != null ? updated.onlineLevel() : procedure.lastOnlineLevel(),
                            updated.content() == null
                                    ? EnumSet.noneOf(ProcedureContent.class) : Set.copyOf(updated.content())));
                }
            } else if (event instanceof FeedbackReceivedEvent received) {
                receive(position, received);
            } else if (event instanceof FeedbackAnsweredEvent answered) {
                FeedbackRecord record = feedback.get(answered.feedbackId());
                if (record != null && position > record.receivedPosition && record.answeredPosition < 0) {
                    record.answeredPosition = position;
                    record.onTime = answered.onTime();
                }
            } else {
                applyToDossier(position, event);
            }
            events++;
        } finally {
            write.unlock();
        }
    }

    private void receive(long position, FeedbackReceivedEvent received) {
        if (feedback.containsKey(received.feedbackId())) {
            return;
        }
        FeedbackRecord record = new FeedbackRecord(received.feedbackId(), feedbackIds.size(),
                unitSlot(received.unitCode()), received.kind(), received.dueAt(), position);
        feedback.put(record.id, record);
        feedbackIds.add(record.id);
        feedbackDue.computeIfAbsent(month(received.dueAt()), month -> new ArrayList<>()).add(record);
        if (received.kind() == FeedbackKind.COMPLAINT) {
            log(month(received.receivedAt())).append(position, record.unit, Input.COMPLAINTS, record.slot, 1);
        }
    }

    private void applyToDossier(long position, Object event) {
        String dossierId = dossierIdOf(event);
        if (dossierId == null) {
            return;
        }
        DossierState dossier = dossiers.get(dossierId);
        if (dossier == null) {
            if (!(event instanceof DossierReceivedEvent)) {
                return;
            }
            dossier = new DossierState(dossierIds.size());
            dossiers.put(dossierId, dossier);
            dossierIds.add(dossierId);
        }
        if (position <= dossier.lastPosition) {
            return;
        }
        dossier.lastPosition = position;
        if (event instanceof PaymentRecordedEvent payment) {
            MonthLog log = log(month(payment.paidAt()));
            log.append(position, dossier.currentUnit, Input.PAYMENTS, dossier.slot, 1);
            if (payment.paidOnline()) {
                log.append(position, dossier.currentUnit, Input.ONLINE_PAYMENTS, dossier.slot, 1);
            }
            return;
        }
        if (event instanceof DossierRatedEvent rated) {
            MonthLog log = log(month(rated.ratedAt()));
            log.append(position, dossier.currentUnit, Input.RATINGS, dossier.slot, 1);
            if (Index766Rules.satisfied(rated.score())) {
                log.append(position, dossier.currentUnit, Input.SATISFIED_RATINGS, dossier.slot, 1);
            }
            return;
        }
        long[] before = dossier.counts();
        if (event instanceof DossierReceivedEvent received) {
            dossier.receiptMonth = month(received.receivedAt());
            dossier.receiptUnit = unitSlot(received.unitCode());
            dossier.currentUnit = dossier.receiptUnit;
            dossier.online = received.channel() == Channel.ONLINE;
            dossier.eligible = dossier.online || offeredOnline(received.procedureCode(),
                    LocalDate.ofInstant(received.receivedAt(), zone));
        } else if (event instanceof DossierTransferredEvent transferred) {
            dossier.currentUnit = unitSlot(transferred.toUnitCode());
        } else if (event instanceof DossierDigitisedEvent digitised) {
            dossier.digitised = digitised.fullyDigitised();
            dossier.reused = digitised.reusedParts() > 0;
            dossier.populationData = digitised.populationDataUsed();
        } else if (event instanceof DossierResolvedEvent resolved) {
            dossier.resolutionMonth = month(resolved.resolvedAt());
            dossier.resolutionUnit = dossier.currentUnit;
        } else if (event instanceof ElectronicResultIssuedEvent) {
            dossier.electronicResult = true;
        }
        long[] after = dossier.counts();
        appendDifferences(position, dossier.slot, before, -1, after);
        appendDifferences(position, dossier.slot, after, 1, before);
    }

    /** Appends {@code sign} for each count of {@code these} that {@code others} lacks. */
    private void appendDifferences(long position, int slot, long[] these, int sign, long[] others) {
        for (long count : these) {
            if (Arrays.stream(others).noneMatch(other -> other == count)) {
                YearMonth month = YearMonth.of((int) (count >>> 40), (int) (count >>> 32 & 0xFF));
                log(month).append(position, (int) (count >>> 8 & 0xFFFFFF), INPUTS[(int) (count & 0xFF)], slot, sign);
            }
        }
    }

    private static String dossierIdOf(Object event) {
        if (event instanceof DossierReceivedEvent e) {
            return e.dossierId();
        } else if (event instanceof DossierTransferredEvent e) {
            return e.dossierId();
        } else if (event instanceof DossierDigitisedEvent e) {
            return e.dossierId();
        } else if (event instanceof DossierResolvedEvent e) {
            return e.dossierId();
        } else if (event instanceof ElectronicResultIssuedEvent e) {
            return e.dossierId();
        } else if (event instanceof PaymentRecordedEvent e) {
            return e.dossierId();
        } else if (event instanceof DossierRatedEvent e) {
            return e.dossierId();
        }
        return null;
    }

    /**
     * Whether the procedure was offered online on {@code day}, as known now: its publication's level, or the
     * level of the last update in force by then (taking effect on or before it).
     */
    private boolean offeredOnline(String procedureCode, LocalDate day) {
        ProcedureHistory procedure = procedures.get(procedureCode);
        if (procedure == null || procedure.publications.isEmpty()) {
            return false;
        }
        OnlineLevel level = procedure.publications.get(procedure.publications.size() - 1).online;
        LocalDate latest = null;
        for (Update update : procedure.updates) {
            if (!update.effectiveFrom.isAfter(day) && (latest == null || !update.effectiveFrom.isBefore(latest))) {
                latest = update.effectiveFrom;
                level = update.online;
            }
        }
        return level.online();
    }

    /** Forgets everything: the replay from the first event that follows rebuilds it. */
    void clear() {
        Lock write = lock.writeLock();
        write.lock();
        try {
            unitSlots.clear();
            units.clear();
            dossiers.clear();
            dossierIds.clear();
            feedback.clear();
            feedbackIds.clear();
            feedbackDue.clear();
            procedures.clear();
            months.clear();
            events = 0;
        } finally {
            write.unlock();
        }
    }

    private int unitSlot(String code) {
        return unitSlots.computeIfAbsent(code, known -> {
            units.add(new UnitHistory(known));
            return units.size() - 1;
        });
    }

    private YearMonth month(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    private MonthLog log(YearMonth month) {
        return months.computeIfAbsent(month, key -> new MonthLog());
    }

    // ---------------------------------------------------------------- reading

    /**
     * What the index counts for {@code month} as known at {@code position} ({@link #PRESENT} for all),
     * feedback judged past due as of {@code asked}.
     */
    MonthCounts counts(YearMonth month, long position, Instant asked) {
        Lock read = lock.readLock();
        read.lock();
        try {
            Map<String, long[]> inputs = new HashMap<>();
            long[] province = new long[INPUTS.length];
            MonthLog log = months.get(month);
            if (log != null) {
                long[][] bySlot = new long[units.size()][];
                for (int i = 0; i < log.size && log.positions[i] <= position; i++) {
                    int unit = log.units[i];
                    if (bySlot[unit] == null) {
                        bySlot[unit] = new long[INPUTS.length];
                    }
                    bySlot[unit][log.inputs[i]] += log.deltas[i];
                    province[log.inputs[i]] += log.deltas[i];
                }
                for (int unit = 0; unit < bySlot.length; unit++) {
                    if (bySlot[unit] != null) {
                        inputs.put(units.get(unit).code, bySlot[unit]);
                    }
                }
            }
            Map<String, long[]> feedbackByUnit = new HashMap<>();
            long[] provinceFeedback = new long[2];
            for (FeedbackRecord record : feedbackDue.getOrDefault(month, List.of())) {
                Boolean onTime = record.judged(position, asked);
                if (onTime != null) {
                    long[] unit = feedbackByUnit.computeIfAbsent(units.get(record.unit).code, code -> new long[2]);
                    unit[0] += onTime ? 1 : 0;
                    unit[1]++;
                    provinceFeedback[0] += onTime ? 1 : 0;
                    provinceFeedback[1]++;
                }
            }
            ProcedureFigures[] tiers = {new ProcedureFigures(), new ProcedureFigures(), new ProcedureFigures()};
            forEachInScope(month, position, (procedure, known) -> {
                tiers[0].add(known);
                tiers[Index766Rules.inTier(known.publication.level, true) ? 1 : 2].add(known);
            });
            return new MonthCounts(scoredUnits(month, position), inputs, province, feedbackByUnit, provinceFeedback,
                    tiers[0], tiers[1], tiers[2]);
        } finally {
            read.unlock();
        }
    }

    /**
     * The rows behind {@code indicator}'s numerator and denominator for {@code month} as known at
     * {@code position}, of one unit or (null) the province, in position order. Not for ON_TIME, whose
     * dossiers the timeliness report lists. SERVICE_SATISFACTION's are its complaint deduction's: the
     * complaints (numerator) and the dossiers received (denominator).
     */
    List<EvidenceRow> evidence(YearMonth month, Indicator indicator, String unitCode, long position, Instant asked,
                               UnitKind unitKind) {
        Lock read = lock.readLock();
        read.lock();
        try {
            Integer unit = unitCode == null ? null : unitSlots.getOrDefault(unitCode, -1);
            List<EvidenceRow> rows = new ArrayList<>();
            switch (indicator) {
                case ON_TIME -> throw new IllegalStateException("ON_TIME's dossiers are the timeliness report's");
                case FEEDBACK_ON_TIME -> {
                    for (FeedbackRecord record : feedbackDue.getOrDefault(month, List.of())) {
                        Boolean onTime = record.judged(position, asked);
                        if (onTime != null && (unit == null || unit == record.unit)) {
                            long at = record.answeredPosition >= 0 && record.answeredPosition <= position
                                    ? record.answeredPosition : record.receivedPosition;
                            rows.add(new EvidenceRow(Entity.FEEDBACK, record.id, at, onTime, true));
                        }
                    }
                }
                case PUBLISHED_ON_TIME, UPDATED_ON_TIME, CONTENT_COMPLETE, PROCEDURES_ONLINE ->
                        forEachInScope(month, position, (procedure, known) -> {
                            if (unitKind != null && !Index766Rules.inTier(known.publication.level,
                                    Index766Rules.communeLevel(unitKind))) {
                                return;
                            }
                            switch (indicator) {
                                case PUBLISHED_ON_TIME -> rows.add(new EvidenceRow(Entity.PROCEDURE, procedure.code,
                                        known.publication.position, known.publication.onTime(), true));
                                case CONTENT_COMPLETE -> rows.add(new EvidenceRow(Entity.PROCEDURE, procedure.code,
                                        known.statePosition, known.complete(), true));
                                case PROCEDURES_ONLINE -> rows.add(new EvidenceRow(Entity.PROCEDURE, procedure.code,
                                        known.statePosition, known.online.online(), true));
                                default -> known.updatesInWindow.forEach(update -> rows.add(new EvidenceRow(
                                        Entity.UPDATE, procedure.code, update.position, update.onTime(), true)));
                            }
                        });
                default -> rows.addAll(loggedEvidence(month, indicator, unit, position));
            }
            rows.sort(Comparator.comparingLong(EvidenceRow::position).thenComparing(EvidenceRow::id));
            return rows;
        } finally {
            read.unlock();
        }
    }

    private List<EvidenceRow> loggedEvidence(YearMonth month, Indicator indicator, Integer unit, long position) {
        Input numerator = indicator == Indicator.SERVICE_SATISFACTION ? Input.COMPLAINTS : indicator.numerator;
        Input denominator = indicator == Indicator.SERVICE_SATISFACTION ? Input.RECEIVED : indicator.denominator;
        MonthLog log = months.get(month);
        if (log == null) {
            return List.of();
        }
        // a dossier's or complaint's counts net out over its entries; a payment or rating is one event
        Map<List<Long>, long[]> nets = new HashMap<>();
        for (int i = 0; i < log.size && log.positions[i] <= position; i++) {
            Input input = INPUTS[log.inputs[i]];
            if ((input != numerator && input != denominator) || (unit != null && log.units[i] != unit)) {
                continue;
            }
            Entity entity = input.entity;
            boolean oneEvent = entity == Entity.PAYMENT || entity == Entity.RATING;
            List<Long> key = List.of((long) entity.ordinal(), (long) log.entities[i], oneEvent ? log.positions[i] : 0);
            long[] net = nets.computeIfAbsent(key, k -> new long[3]);
            net[input == numerator ? 0 : 1] += log.deltas[i];
            if (log.deltas[i] > 0) {
                net[2] = Math.max(net[2], log.positions[i]);
            }
        }
        List<EvidenceRow> rows = new ArrayList<>();
        nets.forEach((key, net) -> {
            if (net[0] > 0 || net[1] > 0) {
                Entity entity = Entity.values()[key.get(0).intValue()];
                int slot = key.get(1).intValue();
                String id = entity == Entity.FEEDBACK ? feedbackIds.get(slot) : dossierIds.get(slot);
                rows.add(new EvidenceRow(entity, id, net[2], net[0] > 0, net[1] > 0));
            }
        });
        return rows;
    }

    /** The units scored for {@code month}: registered as known, and not dissolved on or before its first day. */
    private List<ScoredUnit> scoredUnits(YearMonth month, long position) {
        List<ScoredUnit> scored = new ArrayList<>();
        for (UnitHistory unit : units) {
            Registration registration = null;
            for (Registration each : unit.registrations) {
                if (each.position <= position) {
                    registration = each;
                }
            }
            boolean dissolved = unit.dissolutions.stream().anyMatch(each -> each.position <= position
                    && !each.effectiveDate.isAfter(month.atDay(1)));
            if (registration != null && !dissolved) {
                scored.add(new ScoredUnit(unit.code, registration.name, registration.kind));
            }
        }
        scored.sort(Comparator.comparing(ScoredUnit::code));
        return scored;
    }

    /** A unit's name and kind as known at {@code position}; null for a unit never registered by then. */
    ScoredUnit unit(String code, long position) {
        Lock read = lock.readLock();
        read.lock();
        try {
            Integer slot = unitSlots.get(code);
            if (slot == null) {
                return null;
            }
            Registration registration = null;
            for (Registration each : units.get(slot).registrations) {
                if (each.position <= position) {
                    registration = each;
                }
            }
            return registration == null ? null : new ScoredUnit(code, registration.name, registration.kind);
        } finally {
            read.unlock();
        }
    }

    /**
     * The procedures in scope for {@code month} as known at {@code position}: published on or before its last
     * day, each as it stood at the month's end (its publication, and the last update announced by then), with
     * its updates announced in the 12 months ending with it.
     */
    private void forEachInScope(YearMonth month, long position, ProcedureVisitor visitor) {
        LocalDate last = month.atEndOfMonth();
        LocalDate windowStart = month.minusMonths(11).atDay(1);
        for (ProcedureHistory procedure : procedures.values()) {
            Publication publication = null;
            for (Publication each : procedure.publications) {
                if (each.position <= position) {
                    publication = each;
                }
            }
            if (publication == null || publication.publishedOn.isAfter(last)) {
                continue;
            }
            Update state = null;
            List<Update> inWindow = new ArrayList<>();
            for (Update update : procedure.updates) {
                if (update.position > position || update.updatedOn.isAfter(last)) {
                    continue;
                }
                if (state == null || !update.updatedOn.isBefore(state.updatedOn)) {
                    state = update;
                }
                if (!update.updatedOn.isBefore(windowStart)) {
                    inWindow.add(update);
                }
            }
            visitor.visit(procedure, new KnownProcedure(publication,
                    state == null ? publication.online : state.online,
                    state == null ? publication.content : state.content,
                    state == null ? publication.position : state.position, inWindow));
        }
    }

    /** How many events the ledger has taken since it was last cleared. */
    long events() {
        Lock read = lock.readLock();
        read.lock();
        try {
            return events;
        } finally {
            read.unlock();
        }
    }

    /** How many dossiers it holds. */
    int dossiers() {
        Lock read = lock.readLock();
        read.lock();
        try {
            return dossiers.size();
        } finally {
            read.unlock();
        }
    }

    // ---------------------------------------------------------------- what it answers

    record ScoredUnit(String code, String name, UnitKind kind) {
    }

    /**
     * @param inputs           counts per unit code (only units something was counted for), indexed by
     *                         {@link Input#ordinal()}
     * @param feedbackByUnit   FEEDBACK_ON_TIME's numerator and denominator per unit code
     * @param communeTier      the procedures in a commune-level unit's scope
     * @param provincialTier   those in a provincial unit's scope
     */
    record MonthCounts(List<ScoredUnit> units, Map<String, long[]> inputs, long[] provinceInputs,
                       Map<String, long[]> feedbackByUnit, long[] provinceFeedback, ProcedureFigures province,
                       ProcedureFigures communeTier, ProcedureFigures provincialTier) {
    }

    /** The procedure indicators' counts over some procedures in scope. */
    static final class ProcedureFigures {
        long inScope;
        long publishedOnTime;
        long complete;
        long online;
        long updates;
        long updatesOnTime;

        private void add(KnownProcedure known) {
            inScope++;
            publishedOnTime += known.publication.onTime() ? 1 : 0;
            complete += known.complete() ? 1 : 0;
            online += known.online.online() ? 1 : 0;
            updates += known.updatesInWindow.size();
            updatesOnTime += known.updatesInWindow.stream().filter(Update::onTime).count();
        }
    }

    /** One row of evidence: what was counted, the position of the event that counted it, and where. */
    record EvidenceRow(Entity kind, String id, long position, boolean inNumerator, boolean inDenominator) {
    }

    // ---------------------------------------------------------------- the state

    /** A month's count changes in position order, in parallel arrays. */
    private static final class MonthLog {
        long[] positions = new long[64];
        int[] units = new int[64];
        byte[] inputs = new byte[64];
        int[] entities = new int[64];
        byte[] deltas = new byte[64];
        int size;

        void append(long position, int unit, Input input, int entity, int delta) {
            if (unit < 0) {
                return;
            }
            if (size == positions.length) {
                int grown = size * 2;
                positions = Arrays.copyOf(positions, grown);
                units = Arrays.copyOf(units, grown);
                inputs = Arrays.copyOf(inputs, grown);
                entities = Arrays.copyOf(entities, grown);
                deltas = Arrays.copyOf(deltas, grown);
            }
            positions[size] = position;
            units[size] = unit;
            inputs[size] = (byte) input.ordinal();
            entities[size] = entity;
            deltas[size] = (byte) delta;
            size++;
        }
    }

    /** What the ledger remembers of a dossier to compute its counts. */
    private static final class DossierState {
        final int slot;
        long lastPosition = -1;
        YearMonth receiptMonth;
        int receiptUnit = -1;
        boolean eligible;
        boolean online;
        boolean digitised;
        boolean reused;
        boolean populationData;
        YearMonth resolutionMonth;
        int resolutionUnit = -1;
        boolean electronicResult;
        int currentUnit = -1;

        DossierState(int slot) {
            this.slot = slot;
        }

        /** Its counts, each month, unit and input packed in a long. */
        long[] counts() {
            long[] counts = new long[9];
            int n = 0;
            if (receiptMonth != null && receiptUnit >= 0) {
                counts[n++] = pack(receiptMonth, receiptUnit, Input.RECEIVED);
                if (eligible) {
                    counts[n++] = pack(receiptMonth, receiptUnit, Input.RECEIVED_ONLINE_ELIGIBLE);
                }
                if (online) {
                    counts[n++] = pack(receiptMonth, receiptUnit, Input.RECEIVED_ONLINE);
                }
                if (digitised) {
                    counts[n++] = pack(receiptMonth, receiptUnit, Input.DIGITISED);
                }
                if (reused) {
                    counts[n++] = pack(receiptMonth, receiptUnit, Input.REUSED);
                }
                if (populationData) {
                    counts[n++] = pack(receiptMonth, receiptUnit, Input.POPULATION_DATA);
                }
            }
            if (resolutionMonth != null && resolutionUnit >= 0) {
                counts[n++] = pack(resolutionMonth, resolutionUnit, Input.RESOLVED);
                if (electronicResult) {
                    counts[n++] = pack(resolutionMonth, resolutionUnit, Input.ELECTRONIC_RESULT);
                }
            }
            return Arrays.copyOf(counts, n);
        }

        private static long pack(YearMonth month, int unit, Input input) {
            return (long) month.getYear() << 40 | (long) month.getMonthValue() << 32 | (long) unit << 8
                   | input.ordinal();
        }
    }

    private static final class FeedbackRecord {
        final String id;
        final int slot;
        final int unit;
        final FeedbackKind kind;
        final Instant dueAt;
        final long receivedPosition;
        long answeredPosition = -1;
        boolean onTime;

        FeedbackRecord(String id, int slot, int unit, FeedbackKind kind, Instant dueAt, long receivedPosition) {
            this.id = id;
            this.slot = slot;
            this.unit = unit;
            this.kind = kind;
            this.dueAt = dueAt;
            this.receivedPosition = receivedPosition;
        }

        /**
         * As known at {@code position} and asked at {@code asked}: true answered on time, false answered late or
         * past due unanswered, null not counted (unknown then, or unanswered and not yet due).
         */
        Boolean judged(long position, Instant asked) {
            if (receivedPosition > position) {
                return null;
            }
            if (answeredPosition >= 0 && answeredPosition <= position) {
                return onTime;
            }
            return asked.isAfter(dueAt) ? Boolean.FALSE : null;
        }
    }

    private record Registration(long position, String name, UnitKind kind) {
    }

    private record Dissolution(long position, LocalDate effectiveDate) {
    }

    private static final class UnitHistory {
        final String code;
        final List<Registration> registrations = new ArrayList<>();
        final List<Dissolution> dissolutions = new ArrayList<>();

        UnitHistory(String code) {
            this.code = code;
        }

        long lastPosition() {
            long last = -1;
            for (Registration each : registrations) {
                last = Math.max(last, each.position);
            }
            for (Dissolution each : dissolutions) {
                last = Math.max(last, each.position);
            }
            return last;
        }
    }

    private record Publication(long position, String level, LocalDate publishedOn, LocalDate effectiveFrom,
                               OnlineLevel online, Set<ProcedureContent> content) {

        /** Published on or before the day its legal basis took effect. */
        boolean onTime() {
            return !publishedOn.isAfter(effectiveFrom);
        }
    }

    private record Update(long position, LocalDate updatedOn, LocalDate effectiveFrom, OnlineLevel online,
                          Set<ProcedureContent> content) {

        /** Announced on or before the day it took effect. */
        boolean onTime() {
            return !updatedOn.isAfter(effectiveFrom);
        }
    }

    private static final class ProcedureHistory {
        final String code;
        final List<Publication> publications = new ArrayList<>();
        final List<Update> updates = new ArrayList<>();

        ProcedureHistory(String code) {
            this.code = code;
        }

        /** The online level of its last version; NONE before it is published. */
        OnlineLevel lastOnlineLevel() {
            if (!updates.isEmpty()) {
                return updates.get(updates.size() - 1).online;
            }
            return publications.isEmpty() ? OnlineLevel.NONE : publications.get(publications.size() - 1).online;
        }

        long lastPosition() {
            long last = -1;
            for (Publication each : publications) {
                last = Math.max(last, each.position);
            }
            for (Update each : updates) {
                last = Math.max(last, each.position);
            }
            return last;
        }
    }

    /**
     * A procedure in scope as it stood at a month's end.
     *
     * @param statePosition the position of the version its online level and content come from
     */
    private record KnownProcedure(Publication publication, OnlineLevel online, Set<ProcedureContent> content,
                                  long statePosition, List<Update> updatesInWindow) {

        boolean complete() {
            return content.containsAll(EVERY_ELEMENT);
        }
    }

    @FunctionalInterface
    private interface ProcedureVisitor {
        void visit(ProcedureHistory procedure, KnownProcedure known);
    }
}
