package vn.province.govtrack.simulator.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import vn.province.govtrack.simulator.province.Field;
import vn.province.govtrack.simulator.province.ProcedureSpec;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.UnitKind;
import vn.province.govtrack.simulator.province.UnitSpec;

/**
 * Draws the province's dossiers. Dossier {@code i} depends only on the seed and {@code i} (it has
 * its own random source), so plans can be drawn in any order, on any thread, and a rerun with the
 * same seed draws the same dossiers with the same ids. Dossiers are spread over the period's days
 * in index order, so the seeded history runs roughly forward in time.
 *
 * <p>The rates below are the simulated province's profile, chosen after the figures a province
 * reported for its first two weeks (about 30,000 dossiers, more than 97% on time). Over such a
 * short period the on-time rate is flattered, as it is in reality: a long procedure received in
 * the period can end early within it, but not late. Over a year the same profile comes out near
 * 95% ({@code --dry-run --days 365} shows it).
 */
public final class DossierPlanner {

    /** Shares of the channels over the whole period; weekend and holiday submissions are all online. */
    static final double ONLINE = 0.35;
    static final double POSTAL = 0.05;
    /** Share of dossiers filed under provincial-level procedures (at provincial departments and centres). */
    static final double PROVINCIAL_LEVEL = 0.12;
    /** Online submissions the desk refuses (incomplete, or not competent). */
    static final double ONLINE_REFUSED = 0.06;
    static final double TRANSFERRED = 0.02;
    static final double ASSIGNED = 0.96;
    static final double SUPPLEMENT_REQUESTED = 0.065;
    /** Of the dossiers with a supplement request, those that get a second one (and so count as late). */
    static final double SECOND_SUPPLEMENT = 0.12;
    /** Of the supplement requests, those the applicant never answers. */
    static final double SUPPLEMENT_NEVER_PROVIDED = 0.05;
    static final double WITHDRAWN = 0.006;
    static final double STOPPED = 0.0025;
    /** The base chance of ending late, scaled by the field's and the unit's lateness. */
    static final double LATE = 0.062;
    /** Of the late dossiers, those whose desk sent an apology-and-extension letter first. */
    static final double EXTENDED = 0.35;
    static final double REFUSED_OUTCOME = 0.025;
    /** Of the dossiers under a procedure with a fee, those asked to pay during processing (the rest paid at the desk). */
    static final double PAYMENT_REQUESTED = 0.4;
    static final double RETURNED = 0.93;

    // The national index's inputs (docs/index-766.md). Each rate is the province's average; a unit's
    // digital maturity (UnitSpec#digitalMaturity, in standard deviations) moves it by the matching spread,
    // so that desks differ as they do on the national portal's ranking.

    /** Online dossiers whose every part is held electronically: what was submitted online is digital by nature. */
    static final double FULLY_DIGITISED_ONLINE = 0.97;
    /** Dossiers received at the desk or by post that are scanned completely at receipt (with online ones, about 80%). */
    static final double FULLY_DIGITISED_AT_DESK = 0.74;
    static final double FULLY_DIGITISED_SPREAD = 0.10;
    /** Of the dossiers not fully digitised, those with a digitisation record for some of their parts (the rest: none). */
    static final double PARTLY_DIGITISED = 0.75;
    /** Of the dossiers with a digitised part, those that reuse a part digitised before (about 35% of all received). */
    static final double REUSED = 0.40;
    static final double REUSED_SPREAD = 0.08;
    /** Of the dossiers with a digitisation record, those whose applicant data came from the national population database. */
    static final double POPULATION_DATA = 0.58;
    /** The same for civil status and certification, where the database holds what the form asks (about 65% overall). */
    static final double POPULATION_DATA_CIVIL_STATUS = 0.80;
    static final double POPULATION_DATA_SPREAD = 0.06;
    /** Resolved dossiers whose result is also issued as an electronic document. */
    static final double ELECTRONIC_RESULT = 0.72;
    static final double ELECTRONIC_RESULT_SPREAD = 0.10;
    /** Payments made through the national portal's payment platform, for dossiers submitted online and the others (about 45% overall). */
    static final double PAID_ONLINE_ONLINE = 0.80;
    static final double PAID_ONLINE_AT_DESK = 0.28;
    static final double PAID_ONLINE_SPREAD = 0.08;
    /** Returned dossiers whose applicant rates the service on the desk's device or the portal. */
    static final double RATED = 0.25;
    /** Of the ratings, those satisfied or very satisfied (4 or 5); fewer when the dossier was late. */
    static final double SATISFIED = 0.91;
    static final double SATISFIED_WHEN_LATE = 0.60;
    static final double SATISFIED_SPREAD = 0.03;
    /** Of the satisfied ratings, those of 5 (very satisfied). */
    static final double VERY_SATISFIED = 0.68;
    /** Dossiers that draw feedback, scaled by the square root of the unit's lateness: about 0.75%. */
    static final double FEEDBACK = 0.0072;
    /** Of the feedback, complaints (the rest: suggestions). */
    static final double COMPLAINT = 0.60;
    /** Of the feedback, that answered within the 10 working days; the rest answered late or, a few, left open. */
    static final double FEEDBACK_ANSWERED_ON_TIME = 0.85;
    static final double FEEDBACK_ON_TIME_SPREAD = 0.06;
    static final double FEEDBACK_LEFT_OPEN = 0.03;
    /** Feedback is due 10 working days after it was received (docs/index-766.md). */
    static final long FEEDBACK_DUE_SECONDS = 80 * 3600L;

    /** Officers per unit that dossiers are assigned to: {@link #officerId(String, int)} 1 to this. */
    public static final int OFFICERS_PER_UNIT = 6;

    private static final double[] ONLINE_HOURS = {0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.5, 3, 3.5, 3.5, 3, 2, 2, 3,
                                                  3.5, 3, 2.5, 2, 2.2, 2.5, 2, 1.2, 0.5};
    private static final long[] FEES = {10_000, 20_000, 50_000, 100_000, 150_000, 200_000, 500_000, 1_000_000};
    private static final double[] FEE_WEIGHTS = {10, 8, 20, 15, 8, 10, 6, 3};
    /** Parts (components) of a dossier: 1 to 6, most often two to four. */
    private static final double[] PARTS_WEIGHTS = {10, 25, 30, 20, 10, 5};
    /** Scores 3, 2 and 1 among the ratings that are not satisfied. */
    private static final double[] DISSATISFIED = {60, 25, 15};
    private static final long HOUR = 3600;
    /** The command side's default supplement deadline: 30 working days (govtrack.dossier.supplement-deadline-working-days). */
    private static final long SUPPLEMENT_DEADLINE_SECONDS = 30 * 8 * HOUR;

    private final Scenario scenario;
    private final OfficeHours hours;
    private final LocalDate[] days;
    private final double[] dayCumulative;
    private final double weekdayOnline;
    private final double weekdayPostal;
    private final Choice<ProcedureSpec> communeProcedures;
    private final Choice<ProcedureSpec> communeOnlineProcedures;
    private final Choice<ProcedureSpec> provincialProcedures;
    private final Choice<ProcedureSpec> provincialOnlineProcedures;
    private final Choice<UnitSpec> localUnits;
    private final Map<Field, Choice<UnitSpec>> provincialUnits = new EnumMap<>(Field.class);
    private final Map<String, UnitSpec> unitsByCode;

    public DossierPlanner(Province province, Scenario scenario, OfficeHours hours) {
        this.scenario = scenario;
        this.hours = hours;
        this.unitsByCode = province.unitsByCode();

        days = new LocalDate[scenario.days()];
        double[] weights = new double[scenario.days()];
        double nonWorking = 0;
        double total = 0;
        for (int d = 0; d < days.length; d++) {
            days[d] = scenario.firstDay().plusDays(d);
            weights[d] = dayWeight(days[d]);
            total += weights[d];
            nonWorking += hours.isWorkingDay(days[d]) ? 0 : weights[d];
        }
        dayCumulative = new double[days.length];
        double running = 0;
        for (int d = 0; d < days.length; d++) {
            running += weights[d] / total;
            dayCumulative[d] = running;
        }
        double nonWorkingShare = nonWorking / total;
        weekdayOnline = Math.max(0.05, (ONLINE - nonWorkingShare) / (1 - nonWorkingShare));
        weekdayPostal = POSTAL / (1 - nonWorkingShare);

        List<ProcedureSpec> procedures = province.procedures();
        communeProcedures = Choice.of(procedures.stream().filter(ProcedureSpec::communeLevel).toList(),
                                      ProcedureSpec::popularity);
        communeOnlineProcedures = Choice.of(procedures.stream().filter(p -> p.communeLevel() && p.online()).toList(),
                                            ProcedureSpec::popularity);
        provincialProcedures = Choice.of(procedures.stream().filter(p -> !p.communeLevel()).toList(),
                                         ProcedureSpec::popularity);
        provincialOnlineProcedures = Choice.of(procedures.stream().filter(p -> !p.communeLevel() && p.online()).toList(),
                                               ProcedureSpec::popularity);
        localUnits = Choice.of(province.localUnits(), UnitSpec::volume);
        for (Field field : Field.values()) {
            List<UnitSpec> receiving = province.provincialUnits().stream()
                    .filter(unit -> unit.fields().contains(field)).toList();
            if (!receiving.isEmpty()) {
                provincialUnits.put(field, Choice.of(receiving, DossierPlanner::provincialDeskWeight));
            }
        }
    }

    /** The id officers are known by in the simulation; a staff seeder registers the same ids. */
    public static String officerId(String unitCode, int number) {
        return "CB-" + unitCode + "-" + number;
    }

    /** The id of the feedback about dossier {@code index} under {@code seed} ("phản ánh, kiến nghị"). */
    public static String feedbackId(long seed, int index) {
        return String.format("PA%d-%07d", seed, index);
    }

    /** The id of dossier {@code index} under {@code seed}: the same on every rerun. */
    public static String dossierId(long seed, int index) {
        return String.format("HS%d-%07d", seed, index);
    }

    public Scenario scenario() {
        return scenario;
    }

    public OfficeHours hours() {
        return hours;
    }

    /** Dossier {@code index} (0-based) of the scenario. */
    public DossierPlan plan(int index) {
        SplittableRandom random = new SplittableRandom(scenario.seed() * 0x9E3779B97F4A7C15L + index);
        // The index's inputs are drawn from a source of their own, so that the rest of each dossier is
        // what the same seed drew before they existed.
        SplittableRandom inputs = new SplittableRandom(scenario.seed() * 0x9E3779B97F4A7C15L + index).split();
        LocalDate day = dayOf(index);
        boolean workingDay = hours.isWorkingDay(day);

        Step.Channel channel = channel(random, workingDay);
        boolean provincial = random.nextDouble() < PROVINCIAL_LEVEL;
        ProcedureSpec procedure = (provincial
                ? (channel == Step.Channel.ONLINE ? provincialOnlineProcedures : provincialProcedures)
                : (channel == Step.Channel.ONLINE ? communeOnlineProcedures : communeProcedures)).draw(random);
        UnitSpec unit = provincial ? provincialUnits.get(procedure.field()).draw(random) : localUnits.draw(random);
        Instant submittedAt = submissionTime(random, day, channel);
        String dossierId = dossierId(scenario.seed(), index);

        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Submit(submittedAt, dossierId, procedure.code(), unit.code(), channel,
                                  People.applicant(random)));
        Instant t = submittedAt;
        if (channel == Step.Channel.ONLINE) {
            t = hours.plusWorkingSeconds(hours.nextWorkingMoment(t), 300 + exponential(random, 2 * HOUR, 8 * HOUR));
            if (random.nextDouble() < ONLINE_REFUSED) {
                steps.add(new Step.Refuse(t, pick(random, Texts.REFUSALS)));
                return plan(inputs, index, dossierId, procedure, unit, channel, steps, null);
            }
            steps.add(new Step.Receive(t));
        }

        // Desk work before the decision takes a share of the processing time, so that a half-day
        // procedure is assigned and paid within the half day.
        long processing = procedure.processingHours() * HOUR;
        UnitSpec unitInForce = unit;
        if (random.nextDouble() < TRANSFERRED) {
            t = hours.plusWorkingSeconds(t, uniform(random, 300, Math.min(4 * HOUR, Math.max(600, processing / 7))));
            unitInForce = transferTarget(random, unit, procedure.field());
            steps.add(new Step.Transfer(t, unitInForce.code(), pick(random, Texts.TRANSFERS)));
        }
        if (random.nextDouble() < ASSIGNED) {
            t = hours.plusWorkingSeconds(t, 60 + exponential(random, Math.min(40 * 60, processing / 12), processing / 5));
            steps.add(new Step.Assign(t, officerId(unitInForce.code(), 1 + random.nextInt(OFFICERS_PER_UNIT))));
        }
        if (procedure.fee() && random.nextDouble() < PAYMENT_REQUESTED) {
            long amount = FEES[weighted(random, FEE_WEIGHTS)];
            t = hours.plusWorkingSeconds(t, uniform(random, 120, Math.max(300, Math.min(HOUR, processing / 12))));
            steps.add(new Step.RequestPayment(t, amount, pick(random, Texts.PAYMENTS)));
            t = hours.plusWorkingSeconds(t, 120 + exponential(random, Math.min(3 * HOUR, processing / 10), processing / 4));
            steps.add(new Step.RecordPayment(t, amount, paymentChannel(inputs, unit, channel)));
        }

        double fate = random.nextDouble();
        if (fate < WITHDRAWN) {
            t = hours.plusWorkingSeconds(t, (long) (uniform(random, 0.1, 0.5) * processing));
            steps.add(new Step.RequestWithdrawal(t, pick(random, Texts.WITHDRAWALS)));
            t = hours.plusWorkingSeconds(t, 600 + (long) (uniform(random, 0.05, 0.3) * processing));
            steps.add(new Step.Stop(t, Texts.STOP_AFTER_WITHDRAWAL));
            return plan(inputs, index, dossierId, procedure, unit, channel, steps, null);
        }
        if (fate < WITHDRAWN + STOPPED) {
            t = hours.plusWorkingSeconds(t, (long) (uniform(random, 0.2, 0.8) * processing));
            steps.add(new Step.Stop(t, pick(random, Texts.STOPS)));
            return plan(inputs, index, dossierId, procedure, unit, channel, steps, null);
        }

        if (random.nextDouble() < SUPPLEMENT_REQUESTED) {
            int requests = random.nextDouble() < SECOND_SUPPLEMENT ? 2 : 1;
            for (int request = 0; request < requests; request++) {
                t = hours.plusWorkingSeconds(t, 600 + (long) (uniform(random, 0.05, 0.4) * processing));
                steps.add(new Step.RequestSupplement(t, pick(random, Texts.SUPPLEMENTS)));
                if (random.nextDouble() < SUPPLEMENT_NEVER_PROVIDED) {
                    // The office stops it once the applicant's deadline has passed (in long scenarios).
                    t = hours.plusWorkingSeconds(t, SUPPLEMENT_DEADLINE_SECONDS + uniform(random, HOUR, 5 * 8 * HOUR));
                    steps.add(new Step.Stop(t, Texts.STOP_NO_SUPPLEMENT));
                    return plan(inputs, index, dossierId, procedure, unit, channel, steps, null);
                }
                t = hours.plusWorkingSeconds(t, 1800 + exponential(random, 16 * HOUR, 80 * HOUR));
                steps.add(new Step.ProvideSupplement(t, Texts.SUPPLIED));
            }
        }
        return plan(inputs, index, dossierId, procedure, unit, channel, steps,
                    ending(random, inputs, procedure, unitInForce, channel));
    }

    private Ending ending(SplittableRandom random, SplittableRandom inputs, ProcedureSpec procedure, UnitSpec unit,
                          Step.Channel channel) {
        double lateChance = Math.min(0.5, LATE * procedure.field().lateness() * unit.punctuality());
        long lateSeconds = random.nextDouble() < lateChance ? 1800 + exponential(random, 8 * HOUR, 40 * HOUR) : 0;
        Ending.Extension extension = null;
        if (lateSeconds > 0 && random.nextDouble() < EXTENDED) {
            // The letter's new appointment lies beyond the actual resolution.
            int extraDays = (int) Math.ceil(lateSeconds / (8.0 * HOUR)) + random.nextInt(2);
            extension = new Ending.Extension(uniform(random, 0.8, 0.97), extraDays, Texts.APOLOGY);
        }
        double onTimeFraction = Math.pow(random.nextDouble(), 1.8);
        Step.Outcome outcome = random.nextDouble() < REFUSED_OUTCOME ? Step.Outcome.REFUSED : Step.Outcome.APPROVED;
        long returnAfter = random.nextDouble() >= RETURNED ? -1
                : channel == Step.Channel.POSTAL ? uniform(random, 8 * HOUR, 24 * HOUR)
                : exponential(random, 6 * HOUR, 40 * HOUR);
        long electronicResultAfter = chance(inputs, ELECTRONIC_RESULT, ELECTRONIC_RESULT_SPREAD, unit)
                ? uniform(inputs, 300, 2 * HOUR) : -1;
        Ending.Rating rating = null;
        if (returnAfter >= 0 && inputs.nextDouble() < RATED) {
            boolean satisfied = chance(inputs, lateSeconds > 0 ? SATISFIED_WHEN_LATE : SATISFIED, SATISFIED_SPREAD, unit);
            int score = satisfied ? (inputs.nextDouble() < VERY_SATISFIED ? 5 : 4) : 3 - weighted(inputs, DISSATISFIED);
            rating = new Ending.Rating(score, uniform(inputs, 30, 600));
        }
        return new Ending(outcome, outcome == Step.Outcome.APPROVED ? Texts.APPROVED : Texts.REFUSED, onTimeFraction,
                          lateSeconds, extension, returnAfter, electronicResultAfter, rating);
    }

    private DossierPlan plan(SplittableRandom inputs, int index, String dossierId, ProcedureSpec procedure,
                             UnitSpec unit, Step.Channel channel, List<Step> steps, Ending ending) {
        List<Step> withDigitisation = digitised(inputs, procedure, unit, channel, steps);
        return new DossierPlan(index, dossierId, procedure.code(), procedure.field(), unit.code(), channel,
                               procedure.cutoff(), procedure.processingHours(), withDigitisation, ending,
                               feedback(inputs, index, dossierId, withDigitisation));
    }

    /**
     * The steps with the record of how the dossier's parts are held electronically, made a few minutes
     * after receipt (before the next step): none for a dossier that was never received, and for a few
     * that are handled on paper.
     */
    private List<Step> digitised(SplittableRandom random, ProcedureSpec procedure, UnitSpec unit,
                                 Step.Channel channel, List<Step> steps) {
        int receipt = -1;
        for (int s = 0; s < steps.size() && receipt < 0; s++) {
            Step step = steps.get(s);
            receipt = step instanceof Step.Receive || (step instanceof Step.Submit && channel != Step.Channel.ONLINE)
                    ? s : -1;
        }
        if (receipt < 0) {
            return steps;
        }
        int parts = 1 + weighted(random, PARTS_WEIGHTS);
        boolean fully = chance(random, channel == Step.Channel.ONLINE ? FULLY_DIGITISED_ONLINE : FULLY_DIGITISED_AT_DESK,
                               FULLY_DIGITISED_SPREAD, unit);
        if (!fully && random.nextDouble() >= PARTLY_DIGITISED) {
            return steps;
        }
        int digitisedParts = fully ? parts : random.nextInt(parts);
        int reusedParts = digitisedParts > 0 && chance(random, REUSED, REUSED_SPREAD, unit)
                ? 1 + random.nextInt(Math.min(2, digitisedParts)) : 0;
        boolean populationData = chance(random, procedure.field() == Field.JUSTICE_CIVIL_STATUS
                ? POPULATION_DATA_CIVIL_STATUS : POPULATION_DATA, POPULATION_DATA_SPREAD, unit);
        Instant receivedAt = steps.get(receipt).at();
        Instant at = hours.plusWorkingSeconds(receivedAt, uniform(random, 60, 1200));
        if (receipt + 1 < steps.size() && at.isAfter(steps.get(receipt + 1).at())) {
            at = steps.get(receipt + 1).at();
        }
        List<Step> with = new ArrayList<>(steps);
        with.add(receipt + 1, new Step.Digitise(at, parts, digitisedParts, reusedParts, populationData));
        return with;
    }

    /**
     * The applicant's feedback, for a few dossiers: received by the unit holding the dossier a day or so
     * after its submission, answered by the unit's head within the 10 working days, late, or not at all.
     */
    private FeedbackPlan feedback(SplittableRandom random, int index, String dossierId, List<Step> steps) {
        Step.Submit submit = (Step.Submit) steps.get(0);
        UnitSpec unit = unitsByCode.get(submit.unitCode());
        if (random.nextDouble() >= FEEDBACK * Math.sqrt(unit.punctuality())) {
            return null;
        }
        Instant receivedAt = hours.plusWorkingSeconds(hours.nextWorkingMoment(submit.at()),
                                                      600 + exponential(random, 12 * HOUR, 64 * HOUR));
        String unitCode = submit.unitCode();
        for (Step step : steps) {
            if (step instanceof Step.Transfer transfer && !step.at().isAfter(receivedAt)) {
                unitCode = transfer.toUnitCode();
            }
        }
        boolean complaint = random.nextDouble() < COMPLAINT;
        String subject = pick(random, complaint ? Texts.COMPLAINTS : Texts.SUGGESTIONS);
        // Answered within the 10 working days (most within two or three), after them, or never.
        double draw = random.nextDouble();
        double onTime = clamp(FEEDBACK_ANSWERED_ON_TIME
                              + FEEDBACK_ON_TIME_SPREAD * unitsByCode.get(unitCode).digitalMaturity(),
                              0.5, 1 - FEEDBACK_LEFT_OPEN);
        Instant answeredAt = null;
        if (draw < onTime) {
            answeredAt = hours.plusWorkingSeconds(receivedAt, 1800 + exponential(random, 16 * HOUR,
                                                                                 FEEDBACK_DUE_SECONDS * 9 / 10));
        } else if (draw < 1 - FEEDBACK_LEFT_OPEN) {
            answeredAt = hours.plusWorkingSeconds(receivedAt, FEEDBACK_DUE_SECONDS + uniform(random, 10 * HOUR, 40 * HOUR));
        }
        String answer = answeredAt == null ? null
                : pick(random, complaint ? Texts.COMPLAINT_ANSWERS : Texts.SUGGESTION_ANSWERS);
        return new FeedbackPlan(feedbackId(scenario.seed(), index),
                                complaint ? FeedbackPlan.COMPLAINT : FeedbackPlan.SUGGESTION, unitCode, dossierId,
                                subject, receivedAt, answeredAt, answer);
    }

    private Step.PaymentChannel paymentChannel(SplittableRandom random, UnitSpec unit, Step.Channel channel) {
        return chance(random, channel == Step.Channel.ONLINE ? PAID_ONLINE_ONLINE : PAID_ONLINE_AT_DESK,
                      PAID_ONLINE_SPREAD, unit) ? Step.PaymentChannel.ONLINE : Step.PaymentChannel.AT_DESK;
    }

    /** A draw against {@code rate} moved by {@code spread} per standard deviation of the unit's digital maturity. */
    private static boolean chance(SplittableRandom random, double rate, double spread, UnitSpec unit) {
        return random.nextDouble() < clamp(rate + spread * unit.digitalMaturity(), 0.02, 0.995);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private LocalDate dayOf(int index) {
        double position = (index + 0.5) / Math.max(1, scenario.dossiers());
        for (int d = 0; d < days.length; d++) {
            if (position < dayCumulative[d]) {
                return days[d];
            }
        }
        return days[days.length - 1];
    }

    /** Mondays are busiest; on weekends and holidays only online submissions arrive. */
    private double dayWeight(LocalDate day) {
        if (!hours.isWorkingDay(day)) {
            return switch (day.getDayOfWeek()) {
                case SATURDAY -> 0.10;
                default -> 0.06;
            };
        }
        return switch (day.getDayOfWeek()) {
            case MONDAY -> 1.15;
            case FRIDAY -> 0.95;
            default -> 1.0;
        };
    }

    private Step.Channel channel(SplittableRandom random, boolean workingDay) {
        if (!workingDay) {
            return Step.Channel.ONLINE;
        }
        double draw = random.nextDouble();
        return draw < weekdayOnline ? Step.Channel.ONLINE
                : draw < weekdayOnline + weekdayPostal ? Step.Channel.POSTAL
                : Step.Channel.IN_PERSON;
    }

    /** Desks receive in office hours, more in the morning; online submissions come day and night. */
    private Instant submissionTime(SplittableRandom random, LocalDate day, Step.Channel channel) {
        LocalTime time;
        if (channel == Step.Channel.ONLINE) {
            time = LocalTime.of(weighted(random, ONLINE_HOURS), random.nextInt(60), random.nextInt(60));
        } else if (random.nextDouble() < 0.6) {
            time = LocalTime.of(8, 0).plusSeconds(random.nextInt(4 * 3600 - 900));
        } else {
            time = LocalTime.of(13, 0).plusSeconds(random.nextInt(4 * 3600 - 600));
        }
        return day.atTime(time).atZone(OfficeHours.ZONE).toInstant();
    }

    private UnitSpec transferTarget(SplittableRandom random, UnitSpec from, Field field) {
        Choice<UnitSpec> candidates = from.kind().local() ? localUnits : provincialUnits.get(field);
        for (int attempt = 0; attempt < 20; attempt++) {
            UnitSpec to = candidates.draw(random);
            if (!to.code().equals(from.code())) {
                return to;
            }
        }
        return unitsByCode.get(from.kind().local() ? "PH-01" : "TT-01");
    }

    private static double provincialDeskWeight(UnitSpec unit) {
        if (unit.code().equals("TT-01")) {
            return 4; // the province's public administrative service centre receives for every department
        }
        return unit.kind() == UnitKind.DEPARTMENT ? 5 : 1;
    }

    private static long exponential(SplittableRandom random, long mean, long cap) {
        return Math.min(cap, (long) (-mean * Math.log(1 - random.nextDouble())));
    }

    private static long uniform(SplittableRandom random, long from, long to) {
        return from + (long) (random.nextDouble() * (to - from));
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A weighted choice among fixed items: cumulative weights and a binary search. */
    private static final class Choice<T> {
        private final List<T> items;
        private final double[] cumulative;

        private Choice(List<T> items, double[] cumulative) {
            this.items = items;
            this.cumulative = cumulative;
        }

        static <T> Choice<T> of(List<T> items, ToDoubleFunction<T> weight) {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("nothing to choose from");
            }
            double[] cumulative = new double[items.size()];
            double running = 0;
            for (int i = 0; i < items.size(); i++) {
                running += weight.applyAsDouble(items.get(i));
                cumulative[i] = running;
            }
            return new Choice<>(List.copyOf(items), cumulative);
        }

        T draw(SplittableRandom random) {
            double draw = random.nextDouble() * cumulative[cumulative.length - 1];
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (cumulative[middle] > draw) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return items.get(low);
        }
    }

    /** What clerks and applicants write, in Vietnamese as on the real forms. */
    private static final class Texts {
        static final List<String> REFUSALS = List.of(
                "Hồ sơ không đầy đủ thành phần theo quy định",
                "Thủ tục không thuộc thẩm quyền giải quyết của đơn vị",
                "Thông tin trên tờ khai không khớp với Cơ sở dữ liệu quốc gia về dân cư",
                "Tệp đính kèm không đọc được, đề nghị nộp lại");
        static final List<String> TRANSFERS = List.of(
                "Tiếp nhận không phụ thuộc địa giới hành chính: chuyển đơn vị có thẩm quyền giải quyết",
                "Chuyển về nơi có đất để xác minh, giải quyết",
                "Chuyển về nơi cư trú của người yêu cầu");
        static final List<String> PAYMENTS = List.of(
                "Lệ phí giải quyết thủ tục hành chính", "Phí thẩm định hồ sơ", "Nghĩa vụ tài chính theo quy định");
        static final List<String> SUPPLEMENTS = List.of(
                "Bổ sung bản sao giấy tờ chứng minh nhân thân",
                "Bổ sung sơ đồ, trích lục thửa đất",
                "Bổ sung giấy tờ chứng minh quan hệ nhân thân",
                "Bổ sung văn bản ủy quyền có chứng thực",
                "Hoàn thiện tờ khai theo mẫu quy định");
        static final String SUPPLIED = "Công dân đã bổ sung đầy đủ giấy tờ theo yêu cầu";
        static final List<String> WITHDRAWALS = List.of(
                "Công dân đề nghị rút hồ sơ", "Tổ chức đề nghị rút hồ sơ để hoàn thiện lại");
        static final String STOP_AFTER_WITHDRAWAL = "Dừng xử lý theo đề nghị rút hồ sơ";
        static final String STOP_NO_SUPPLEMENT = "Dừng xử lý: quá thời hạn bổ sung hồ sơ";
        static final List<String> STOPS = List.of(
                "Dừng xử lý: đối tượng không đủ điều kiện theo quy định",
                "Dừng xử lý theo yêu cầu của cơ quan có thẩm quyền");
        static final String APOLOGY = "Phiếu xin lỗi và hẹn lại ngày trả kết quả";
        static final String APPROVED = "Giải quyết xong, đủ điều kiện trả kết quả";
        static final String REFUSED = "Từ chối giải quyết: không đủ điều kiện theo quy định";
        static final List<String> COMPLAINTS = List.of(
                "Chậm trả kết quả so với giấy hẹn",
                "Yêu cầu bổ sung giấy tờ không đúng quy định",
                "Thái độ tiếp nhận hồ sơ chưa đúng mực",
                "Hệ thống dịch vụ công trực tuyến báo lỗi khi nộp hồ sơ",
                "Không được hướng dẫn đầy đủ thành phần hồ sơ ngay từ lần đầu");
        static final List<String> SUGGESTIONS = List.of(
                "Đề nghị bố trí thêm quầy tiếp nhận vào giờ cao điểm",
                "Đề nghị hướng dẫn chi tiết thủ tục trên Cổng Dịch vụ công",
                "Đề nghị mở rộng thanh toán trực tuyến phí, lệ phí",
                "Đề nghị gửi tin nhắn khi có kết quả giải quyết");
        static final List<String> COMPLAINT_ANSWERS = List.of(
                "Đã kiểm tra, chấn chỉnh cán bộ tiếp nhận và xin lỗi công dân",
                "Đã rà soát, giải quyết dứt điểm hồ sơ và thông báo cho công dân",
                "Đã phối hợp đơn vị kỹ thuật khắc phục lỗi hệ thống");
        static final List<String> SUGGESTION_ANSWERS = List.of(
                "Tiếp thu, sẽ bố trí thực hiện trong thời gian tới",
                "Cảm ơn ý kiến đóng góp, đã cập nhật hướng dẫn trên Cổng Dịch vụ công");
    }
}
