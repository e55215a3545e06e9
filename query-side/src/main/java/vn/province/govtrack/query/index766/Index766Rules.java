package vn.province.govtrack.query.index766;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

import vn.province.govtrack.kernel.unit.UnitKind;

/**
 * The national service-quality index's rules (docs/index-766.md), in the one place a change of a weight, a
 * threshold or a formula is made: the five groups and their indicators with their points, what each indicator
 * divides by what, the 50 % and 90 % thresholds, the satisfaction formula, the rounding, and the rule for an
 * indicator with nothing to count. Pure functions from counts to points; what is counted where, and when, is
 * {@link Index766Ledger}'s and the timeliness index's.
 *
 * <p>Rounding: each indicator's points are rounded half-up to 2 decimals from the exact ratio, a group's are
 * the sum of its indicators' rounded points and the total the sum of the groups', so the figures add up.
 * Ratios are shown rounded half-up to 4 decimals.
 */
final class Index766Rules {

    /** The points of the whole index. */
    static final int MAX_SCORE = 100;
    /** Full points at this share of dossiers submitted online. */
    static final BigDecimal ONLINE_FULL_AT = new BigDecimal("0.5");
    /** Full points at this satisfaction. */
    static final BigDecimal SATISFACTION_FULL_AT = new BigDecimal("0.9");

    private static final int POINTS_DECIMALS = 2;
    private static final int RATIO_DECIMALS = 4;

    private Index766Rules() {
    }

    /** The five groups, in the order every answer lists them. */
    enum Group {
        DISCLOSURE(18), PROGRESS(20), DIGITISATION(22), ONLINE(22), SATISFACTION(18);

        final int maxPoints;

        Group(int maxPoints) {
            this.maxPoints = maxPoints;
        }

        List<Indicator> indicators() {
            return Arrays.stream(Indicator.values()).filter(indicator -> indicator.group == this).toList();
        }
    }

    /**
     * The indicators, in the order docs/index-766.md lists them. Those counted from the ledger name the
     * {@link Input} of their numerator and denominator; the others are computed from the procedures, the
     * feedback or the timeliness index.
     */
    enum Indicator {
        PUBLISHED_ON_TIME(Group.DISCLOSURE, 6),
        UPDATED_ON_TIME(Group.DISCLOSURE, 6),
        CONTENT_COMPLETE(Group.DISCLOSURE, 6),
        ON_TIME(Group.PROGRESS, 20),
        ELECTRONIC_RESULTS(Group.DIGITISATION, 6, Input.ELECTRONIC_RESULT, Input.RESOLVED),
        DIGITISED_DOSSIERS(Group.DIGITISATION, 6, Input.DIGITISED, Input.RECEIVED),
        REUSED_DATA(Group.DIGITISATION, 5, Input.REUSED, Input.RECEIVED),
        POPULATION_DATA(Group.DIGITISATION, 5, Input.POPULATION_DATA, Input.RECEIVED),
        PROCEDURES_ONLINE(Group.ONLINE, 6),
        ONLINE_DOSSIERS(Group.ONLINE, 10, Input.RECEIVED_ONLINE, Input.RECEIVED_ONLINE_ELIGIBLE),
        ONLINE_PAYMENTS(Group.ONLINE, 6, Input.ONLINE_PAYMENTS, Input.PAYMENTS),
        FEEDBACK_ON_TIME(Group.SATISFACTION, 6),
        SERVICE_SATISFACTION(Group.SATISFACTION, 6),
        RATINGS(Group.SATISFACTION, 6, Input.SATISFIED_RATINGS, Input.RATINGS);

        final Group group;
        final int maxPoints;
        /** Null for the indicators not counted from the ledger. */
        final Input numerator;
        final Input denominator;

        Indicator(Group group, int maxPoints) {
            this(group, maxPoints, null, null);
        }

        Indicator(Group group, int maxPoints, Input numerator, Input denominator) {
            this.group = group;
            this.maxPoints = maxPoints;
            this.numerator = numerator;
            this.denominator = denominator;
        }

        /** The share at which it scores full points; null when its points are proportional to its ratio. */
        BigDecimal fullAt() {
            return switch (this) {
                case ONLINE_DOSSIERS -> ONLINE_FULL_AT;
                case SERVICE_SATISFACTION -> SATISFACTION_FULL_AT;
                default -> null;
            };
        }

        boolean fromLedger() {
            return numerator != null;
        }
    }

    /**
     * What the ledger counts per month and unit: a dossier's receipt and what it brought, its resolution and
     * electronic result, each payment and rating, each complaint. {@link #entity} says what a count is of.
     */
    enum Input {
        /** A dossier received in the month, at the receiving unit. */
        RECEIVED(Entity.DOSSIER),
        /** Of those, one under a procedure offered online when received, or submitted online. */
        RECEIVED_ONLINE_ELIGIBLE(Entity.DOSSIER),
        /** Of those, one submitted online. */
        RECEIVED_ONLINE(Entity.DOSSIER),
        /** Of those received, one whose last digitisation record has every part digitised. */
        DIGITISED(Entity.DOSSIER),
        /** Of those received, one whose last digitisation record reused a part digitised before. */
        REUSED(Entity.DOSSIER),
        /** Of those received, one whose applicant data came from the national population database. */
        POPULATION_DATA(Entity.DOSSIER),
        /** A dossier resolved in the month ({@code resolvedAt}), at the unit holding it then. */
        RESOLVED(Entity.DOSSIER),
        /** Of those resolved, one whose result was issued electronically (whenever it was recorded). */
        ELECTRONIC_RESULT(Entity.DOSSIER),
        /** A payment recorded in the month ({@code paidAt}), at the unit holding the dossier then. */
        PAYMENTS(Entity.PAYMENT),
        /** Of those, one paid online. */
        ONLINE_PAYMENTS(Entity.PAYMENT),
        /** A rating given in the month, at the unit holding the dossier then. */
        RATINGS(Entity.RATING),
        /** Of those, one of 4 or 5. */
        SATISFIED_RATINGS(Entity.RATING),
        /** A complaint received in the month, at the unit it is about. */
        COMPLAINTS(Entity.FEEDBACK);

        final Entity entity;

        Input(Entity entity) {
            this.entity = entity;
        }
    }

    /** What a count or an evidence row is of; the evidence answer's {@code kind}. */
    enum Entity {
        DOSSIER, PAYMENT, RATING, FEEDBACK, PROCEDURE, UPDATE
    }

    /** A rating counts as satisfied from this score on (4 satisfied, 5 very satisfied). */
    static boolean satisfied(int score) {
        return score >= 4;
    }

    /** A deduction of the satisfaction: its own fraction; {@code ratio} null when {@code denominator} is 0. */
    record Deduction(String name, long numerator, long denominator, BigDecimal ratio) {
    }

    /**
     * One indicator's score.
     *
     * @param numerator   null for {@link Indicator#SERVICE_SATISFACTION}, which is not one fraction
     * @param ratio       numerator / denominator (the satisfaction for SERVICE_SATISFACTION), 4 decimals; null
     *                    when there was nothing to count
     * @param counted     false when there was nothing to count: full points
     * @param deductions  SERVICE_SATISFACTION's late and complaint rates; null for the others
     */
    record Score(Indicator indicator, BigDecimal points, Long numerator, Long denominator, BigDecimal ratio,
                 boolean counted, List<Deduction> deductions) {

        BigDecimal pointsLost() {
            return BigDecimal.valueOf(indicator.maxPoints).setScale(POINTS_DECIMALS).subtract(points);
        }
    }

    /**
     * An indicator that is one fraction: {@code maxPoints × min(1, ratio / fullAt)}, or
     * {@code maxPoints × ratio} without a threshold; full points, not counted, when {@code denominator} is 0.
     */
    static Score fraction(Indicator indicator, long numerator, long denominator) {
        if (indicator == Indicator.SERVICE_SATISFACTION) {
            throw new IllegalStateException("SERVICE_SATISFACTION is not one fraction: see satisfaction()");
        }
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            // the ledger's counts are wrong, not the question: a fault (500, logged), never a 400
            throw new IllegalStateException(indicator + ": " + numerator + " / " + denominator);
        }
        if (denominator == 0) {
            return new Score(indicator, full(indicator), 0L, 0L, null, false, null);
        }
        BigDecimal exact = BigDecimal.valueOf(indicator.maxPoints).multiply(BigDecimal.valueOf(numerator));
        BigDecimal divisor = BigDecimal.valueOf(denominator);
        if (indicator.fullAt() != null) {
            divisor = divisor.multiply(indicator.fullAt());
        }
        BigDecimal points = exact.divide(divisor, POINTS_DECIMALS, RoundingMode.HALF_UP).min(full(indicator));
        return new Score(indicator, points, numerator, denominator, ratio(numerator, denominator), true, null);
    }

    /**
     * {@code SERVICE_SATISFACTION}: satisfaction = 1 − late rate − complaint rate, points
     * {@code 6 × clamp(satisfaction / 0.9, 0, 1)}. A rate whose denominator is 0 is 0 (nothing ended, or nothing
     * received, in the month: nothing went wrong); with both denominators 0 the indicator is not counted.
     *
     * @param late       dossiers judged LATE whose processing ended in the month
     * @param ended      dossiers whose processing ended in the month
     * @param complaints complaints received in the month
     * @param received   dossiers received in the month
     */
    static Score satisfaction(long late, long ended, long complaints, long received) {
        Indicator indicator = Indicator.SERVICE_SATISFACTION;
        List<Deduction> deductions = List.of(
                new Deduction("LATE", late, ended, ended == 0 ? null : ratio(late, ended)),
                new Deduction("COMPLAINTS", complaints, received, received == 0 ? null : ratio(complaints, received)));
        if (ended == 0 && received == 0) {
            return new Score(indicator, full(indicator), null, null, null, false, deductions);
        }
        // satisfaction = (E·R − L·R − C·E) / (E·R), a rate with a zero denominator taken as 0
        BigDecimal e = BigDecimal.valueOf(Math.max(ended, 1));
        BigDecimal r = BigDecimal.valueOf(Math.max(received, 1));
        BigDecimal l = BigDecimal.valueOf(ended == 0 ? 0 : late);
        BigDecimal c = BigDecimal.valueOf(received == 0 ? 0 : complaints);
        BigDecimal denominator = e.multiply(r);
        BigDecimal numerator = denominator.subtract(l.multiply(r)).subtract(c.multiply(e));
        BigDecimal points = BigDecimal.valueOf(indicator.maxPoints).multiply(numerator)
                                      .divide(denominator.multiply(indicator.fullAt()), POINTS_DECIMALS,
                                              RoundingMode.HALF_UP)
                                      .max(BigDecimal.ZERO.setScale(POINTS_DECIMALS))
                                      .min(full(indicator));
        BigDecimal satisfaction = numerator.divide(denominator, RATIO_DECIMALS, RoundingMode.HALF_UP);
        return new Score(indicator, points, null, null, satisfaction, true, deductions);
    }

    /** The sum of rounded points: a group's of its indicators', the total of the groups'. */
    static BigDecimal sum(List<BigDecimal> points) {
        return points.stream().reduce(BigDecimal.ZERO.setScale(POINTS_DECIMALS), BigDecimal::add);
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO_DECIMALS,
                                                    RoundingMode.HALF_UP);
    }

    private static BigDecimal full(Indicator indicator) {
        return BigDecimal.valueOf(indicator.maxPoints).setScale(POINTS_DECIMALS);
    }

    /**
     * Whether a procedure of {@code level} is in a unit's scope: a commune-level unit's are the procedures
     * of level COMMUNE, a provincial unit's (DEPARTMENT, CENTER) the others.
     */
    static boolean inTier(String procedureLevel, boolean communeLevelUnit) {
        return "COMMUNE".equalsIgnoreCase(procedureLevel) == communeLevelUnit;
    }

    /** Whether a unit of this kind is commune-level (COMMUNE, WARD, SPECIAL_ZONE). */
    static boolean communeLevel(UnitKind kind) {
        return switch (kind) {
            case COMMUNE, WARD, SPECIAL_ZONE -> true;
            case DEPARTMENT, CENTER -> false;
        };
    }
}
