package vn.province.govtrack.query.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ExactDaysTest {

    @Test
    void a_sum_equals_the_sum_of_the_decimals_the_values_print_as_whatever_is_added_and_taken_away() {
        Random random = new Random(20);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextInt(480 * 200) / 480.0);
        }
        long high = 0;
        long low = 0;
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            high = ExactDays.sumHigh(high, low, ExactDays.high(value), ExactDays.low(value));
            low += ExactDays.low(value);
            expected = expected.add(BigDecimal.valueOf(value));
            if (i % 3 == 0) {
                double removed = values.get(random.nextInt(i + 1));
                long removedHigh = ExactDays.high(removed);
                long removedLow = ExactDays.low(removed);
                high = ExactDays.sumHigh(high, low, ExactDays.negatedHigh(removedHigh, removedLow), -removedLow);
                low -= removedLow;
                expected = expected.subtract(BigDecimal.valueOf(removed));
            }
        }

        assertThat(ExactDays.toBigDecimal(high, low)).isEqualByComparingTo(expected);
    }

    @Test
    void a_value_with_more_decimals_than_kept_or_too_large_is_refused_rather_than_rounded() {
        assertThatThrownBy(() -> ExactDays.low(1e-25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExactDays.low(1e11)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ExactDays.toBigDecimal(ExactDays.high(1 / 480.0), ExactDays.low(1 / 480.0)))
                .isEqualByComparingTo(BigDecimal.valueOf(1 / 480.0));
    }
}
