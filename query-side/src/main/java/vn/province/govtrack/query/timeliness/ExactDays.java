package vn.province.govtrack.query.timeliness;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Sums of processing days kept in two {@code long}s, as exactly as {@link Tally} sums them: each
 * value counts as the decimal its {@code double} prints as ({@link BigDecimal#valueOf(double)}), and
 * the sum is held as a 128-bit two's-complement number of {@code 10^-20} days ({@link #high},
 * {@link #low}). So the index's average equals the report's to the last rounded digit, without a
 * {@code BigDecimal} per counter.
 *
 * <p>Every value the command side records fits: it is whole working minutes divided by 480, which
 * prints with at most 19 decimals. A value that does not fit (more than 20 decimals, or beyond
 * {@code 10^10} days) is refused rather than rounded.
 */
final class ExactDays {

    static final int SCALE = 20;

    /** Values stay below 2^100 units, so that sums of tens of millions of them stay below 2^127. */
    private static final int MAX_BITS = 100;

    private ExactDays() {
    }

    /** The high 64 bits of {@code days} in units of {@code 10^-20}. */
    static long high(double days) {
        return units(days).shiftRight(Long.SIZE).longValue();
    }

    /** The low 64 bits of {@code days} in units of {@code 10^-20}. */
    static long low(double days) {
        return units(days).longValue();
    }

    /** The high half of the sum of two 128-bit numbers: the low halves' carry included. */
    static long sumHigh(long high, long low, long otherHigh, long otherLow) {
        long sumLow = low + otherLow;
        return high + otherHigh + (Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0);
    }

    /** The high half of the negated 128-bit number. */
    static long negatedHigh(long high, long low) {
        return ~high + (low == 0 ? 1 : 0);
    }

    static BigDecimal toBigDecimal(long high, long low) {
        BigInteger units = BigInteger.valueOf(high).shiftLeft(Long.SIZE)
                                     .add(new BigInteger(Long.toUnsignedString(low)));
        return new BigDecimal(units, SCALE);
    }

    private static BigInteger units(double days) {
        try {
            BigInteger units = BigDecimal.valueOf(days).setScale(SCALE).unscaledValue();
            if (units.bitLength() < MAX_BITS) {
                return units;
            }
        } catch (ArithmeticException e) {
            // more than SCALE decimals: refused below
        }
        throw new IllegalArgumentException("processing days " + days + " cannot be summed exactly: at most " + SCALE
                                           + " decimals and 10^10 days");
    }
}
