package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.province.govtrack.simulator.dossier.Scenario;

/** The pieces of the benchmark that read other programs' output or build requests. */
class MeasurementParsingTest {

    @Test
    void the_heap_used_is_survivors_eden_and_old_generation_of_jstat_gc() {
        String header = "    S0C         S1C         S0U         S1U          EC           EU           OC           OU"
                        + "          MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC    CGCT"
                        + "       GCT   ";
        String line = "    12864.0     12864.0       100.0         0.0     103360.0      65860.2     258048.0      18668.1"
                      + "    35840.0    35494.1    4800.0    4666.4      4     0.049     2     0.070     -         -"
                      + "     0.119";

        ResourceMonitor.JstatGc sample = ResourceMonitor.JstatGc.parse(header, line);

        assertThat(sample.usedBytes()).isEqualTo(Math.round((100.0 + 65860.2 + 18668.1) * 1024));
        assertThat(sample.oldBytes()).isEqualTo(Math.round(18668.1 * 1024));
        assertThat(ResourceMonitor.JstatGc.parse(header, "12345 not found")).isNull();
    }

    @Test
    void the_importers_summary_gives_its_own_time_and_its_rejections_whatever_the_digit_grouping() {
        assertThat(DossierImport.importSeconds(
                "Imported /tmp/h.ndjson: 131,511 lines, 131,511 records in 24.2 s (5,437 records/s)")).isEqualTo(24.2);
        assertThat(DossierImport.importSeconds(
                "Imported /tmp/h.ndjson: 3.131.511 lines, 3.131.511 records in 1.234,5 s (2.536 records/s)"))
                .isEqualTo(1234.5);
        assertThat(DossierImport.importSeconds("import    53,096 / 131,511 lines  40% [####]  4,538 events/s")).isNull();
        assertThat(DossierImport.rejected("  rejected                   0 records")).isZero();
        assertThat(DossierImport.rejected("  rejected              1,204 records (listed above on standard error): {}"))
                .isEqualTo(1204);
        assertThat(DossierImport.rejected("rejected line 6, record R-A/3: rule-violation: already assigned"))
                .isEqualTo(-1);
    }

    @Test
    void what_an_answer_holds_is_its_total_match_or_its_rows() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(EndpointLatencies.answered(json.readTree("{\"content\":[{}],\"totalElements\":5045}")))
                .isEqualTo(5045);
        assertThat(EndpointLatencies.answered(json.readTree("{\"rows\":[{},{}],\"total\":{\"received\":3}}")))
                .isEqualTo(2);
        assertThat(EndpointLatencies.answered(json.readTree("{\"units\":[{},{},{}]}"))).isEqualTo(3);
        assertThat(EndpointLatencies.answered(json.readTree("{\"rows\":[{}],\"size\":100,\"totalRows\":1204}")))
                .isEqualTo(1204);
        assertThat(EndpointLatencies.answered(json.readTree("{\"status\":\"UP\"}"))).isEqualTo(-1);
    }

    @Test
    void every_period_of_the_timed_requests_ends_on_the_last_day_and_each_report_is_asked_province_wide_and_for_one_unit() {
        Scenario scenario = new Scenario(42, 30_000, LocalDate.of(2025, 7, 1), 16);

        List<EndpointLatencies.Endpoint> endpoints = EndpointLatencies.endpoints(scenario, "TT-21");

        assertThat(endpoints).hasSize(3 * 4 * 2 + 4 + 3 + 3);
        assertThat(endpoints).extracting(EndpointLatencies.Endpoint::path)
                .contains("/api/v1/timeliness?groupBy=unit&from=2025-07-16&to=2025-07-16",
                          "/api/v1/timeliness?groupBy=field&from=2025-07-10&to=2025-07-16&unitCode=TT-21",
                          "/api/v1/timeliness?groupBy=procedure&from=2025-06-17&to=2025-07-16",
                          "/api/v1/timeliness/ranking?from=2024-07-17&to=2025-07-16",
                          "/api/v1/dossiers?overdue=true", "/api/v1/dossiers?dueWithinHours=24",
                          "/api/v1/personnel/audit", "/api/v1/index-766?period=2025-07",
                          "/api/v1/index-766?period=2025-07&groupBy=unit")
                .doesNotHaveDuplicates();
        assertThat(endpoints).extracting(EndpointLatencies.Endpoint::name)
                .contains("/timeliness by procedure, year, one unit", "/timeliness/ranking, week")
                .doesNotHaveDuplicates();
    }
}
