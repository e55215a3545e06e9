package vn.province.govtrack.query.timeliness;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import vn.province.govtrack.query.web.QueryWebSlice;
import vn.province.govtrack.query.web.QueryWebSliceTest;
import vn.province.govtrack.security.Role;

/**
 * The timeliness reports as CSV, through the controller unchanged: the rows and the province total as the
 * last line, the ranking's units, each an attachment named after the report and its period.
 */
@QueryWebSlice(TimelinessController.class)
class TimelinessCsvTest extends QueryWebSliceTest {

    private static final String BOM = "\uFEFF";
    private static final String HEADER = "key,received,resolved,early,onTime,late,pending,overdue,onTimeRate,"
            + "avgProcessingDays,progressScore,maxScore\r\n";

    @MockitoBean
    private TimelinessIndex index;

    @BeforeEach
    void twoCommunesInJuly() {
        TreeMap<String, Tally> tallies = new TreeMap<>();
        tallies.put("X-MINH-PHU", tally(10, 8, 2, 5, 1, 2, 0, "12.5", 8));
        tallies.put("X-TAN-LAP", tally(4, 4, 0, 4, 0, 0, 0, "4", 4));
        when(index.figures(any(), eq(GroupBy.UNIT), isNull(), any())).thenReturn(new TimelinessFigures(tallies, null));
    }

    @Test
    void the_report_is_its_rows_and_the_province_total_as_the_last_line() throws Exception {
        as(Role.CLIENT, get("/api/v1/timeliness?from=2025-07-01&to=2025-07-31").accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                                           "attachment; filename=\"timeliness-2025-07-01-2025-07-31.csv\""))
                .andExpect(content().bytes((BOM + HEADER
                        + "X-MINH-PHU,10,8,2,5,1,2,0,0.875,1.56,17.5,20\r\n"
                        + "X-TAN-LAP,4,4,0,4,0,0,0,1.0,1.0,20.0,20\r\n"
                        + "PROVINCE,14,12,2,9,1,2,0,0.9167,1.38,18.33,20\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_ranking_is_a_line_per_unit_in_rank_order() throws Exception {
        as(Role.CLIENT, get("/api/v1/timeliness/ranking?from=2025-07-01&to=2025-07-31&format=csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                                           "attachment; filename=\"timeliness-ranking-2025-07-01-2025-07-31.csv\""))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith(BOM
                        + "rank,unitCode,onTimeRate,progressScore,received,resolved,early,onTime,late,pending,overdue,"
                        + "avgProcessingDays\r\n1,X-TAN-LAP,")));
    }

    private static Tally tally(long received, long resolved, long early, long onTime, long late, long pending,
                               long overdue, String daysSum, long daysCount) {
        Tally tally = new Tally();
        tally.received = received;
        tally.resolved = resolved;
        tally.early = early;
        tally.onTime = onTime;
        tally.late = late;
        tally.pending = pending;
        tally.overdue = overdue;
        tally.processingDaysSum = new BigDecimal(daysSum);
        tally.processingDaysCount = daysCount;
        return tally;
    }
}
