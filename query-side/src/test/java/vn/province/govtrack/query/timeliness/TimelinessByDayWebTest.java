package vn.province.govtrack.query.timeliness;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.TreeMap;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import vn.province.govtrack.query.web.QueryWebSlice;
import vn.province.govtrack.query.web.QueryWebSliceTest;
import vn.province.govtrack.security.Role;

/**
 * {@code groupBy=day} on the timeliness report, through the controller: the index's figures by day
 * ({@link TimelinessIndex#figuresByDay}, counted in {@code TimelinessIndexTest}) as rows keyed by date,
 * for periods of at most a year; a longer period is a 400 that reaches no index.
 */
@QueryWebSlice(TimelinessController.class)
class TimelinessByDayWebTest extends QueryWebSliceTest {

    @MockitoBean
    private TimelinessIndex index;

    @Test
    void by_day_the_rows_are_the_days_and_the_total_is_the_periods() throws Exception {
        TreeMap<String, Tally> days = new TreeMap<>();
        days.put("2025-07-01", tally(3, 1, 4));
        days.put("2025-07-02", tally(0, 2, 2));
        when(index.figuresByDay(eq(Period.of(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 2),
                                             HandMadeProvince.ZONE)), isNull(), any()))
                .thenReturn(new TimelinessFigures(days, tally(3, 3, 2), null));

        as(Role.CLIENT, get("/api/v1/timeliness?groupBy=DAY&from=2025-07-01&to=2025-07-02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupBy").value("day"))
                .andExpect(jsonPath("$.rows[*].key").value(Matchers.contains("2025-07-01", "2025-07-02")))
                .andExpect(jsonPath("$.rows[*].received").value(Matchers.contains(3, 0)))
                .andExpect(jsonPath("$.rows[*].pending").value(Matchers.contains(4, 2)))
                .andExpect(jsonPath("$.total.key").value("PROVINCE"))
                .andExpect(jsonPath("$.total.received").value(3))
                .andExpect(jsonPath("$.total.pending").value(2));
    }

    @Test
    void by_day_a_year_with_a_leap_day_is_answered_and_a_longer_period_is_refused() throws Exception {
        when(index.figuresByDay(any(), eq("W-BA-DINH"), any()))
                .thenReturn(new TimelinessFigures(new TreeMap<>(), new Tally(), "W-BA-DINH"));
        as(Role.CLIENT, get("/api/v1/timeliness?groupBy=day&from=2024-01-01&to=2024-12-31&unitCode=W-BA-DINH"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.key").value("W-BA-DINH"));

        as(Role.CLIENT, get("/api/v1/timeliness?groupBy=day&from=2025-01-01&to=2026-01-02"))
                .andExpect(problem(400, "invalid-input"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("at most 366 days")));
    }

    @Test
    void by_day_as_the_store_knew_it_a_month_is_answered_and_a_longer_period_is_refused() throws Exception {
        when(index.figuresByDay(any(), isNull(), any()))
                .thenReturn(new TimelinessFigures(new TreeMap<>(), new Tally(), null));
        as(Role.AUDITOR, get("/api/v1/timeliness?groupBy=day&from=2025-07-01&to=2025-07-31"
                             + "&knownAt=2025-08-01T00:00:00Z"))
                .andExpect(status().isOk());

        as(Role.AUDITOR, get("/api/v1/timeliness?groupBy=day&from=2025-07-01&to=2025-08-01"
                             + "&knownAt=2025-08-02T00:00:00Z"))
                .andExpect(problem(400, "invalid-input"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("at most 31 days with knownAt")));
    }

    @Test
    void an_unknown_grouping_names_the_four_there_are() throws Exception {
        as(Role.CLIENT, get("/api/v1/timeliness?groupBy=week"))
                .andExpect(problem(400, "invalid-input"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("unit, field, procedure or day")));
        verifyNoInteractions(index);
    }

    private static Tally tally(long received, long resolved, long pending) {
        Tally tally = new Tally();
        tally.received = received;
        tally.resolved = resolved;
        tally.onTime = resolved;
        tally.pending = pending;
        return tally;
    }
}
