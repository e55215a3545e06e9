package vn.province.govtrack.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Reports as CSV: any record with a list of row records, its header from the row's component names, a
 * total row when the report has one, RFC 4180 quoting, text that a spreadsheet would run as a formula
 * defused, and a body written a buffer at a time.
 */
class CsvReportsTest {

    private static final String BOM = "\uFEFF";

    private final CsvReports csv = new CsvReports(new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    record Row(String key, long received, Double onTimeRate, int gap, LocalDate since) {
    }

    @CsvReport
    record Report(LocalDate from, LocalDate to, List<Row> rows, Row total) {
    }

    /** Holds a list of records like a report, but is none: a list endpoint's page. */
    record Page(List<Row> content, long total) {
    }

    @CsvReport
    record Listing(LocalDate asOf, List<String> notes, List<Row> units, @CsvRows List<Row> accounts, String next) {
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_report_is_a_header_its_rows_and_its_total_in_utf8_with_a_bom_and_crlf() throws IOException {
        asked("/api/v1/timeliness");
        Report report = new Report(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31), List.of(
                new Row("Xã Tân Lập", 120, 0.9583, -2, LocalDate.of(2025, 7, 1)),
                new Row("Phường Hòa Bình", 0, null, 0, null)),
                new Row("total", 120, 0.9583, -2, null));

        MockHttpOutputMessage written = write(report);

        assertThat(written.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(BOM
                + "key,received,onTimeRate,gap,since\r\n"
                + "Xã Tân Lập,120,0.9583,-2,2025-07-01\r\n"
                + "Phường Hòa Bình,0,,0,\r\n"
                + "total,120,0.9583,-2,\r\n");
        assertThat(written.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(written.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(written.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("timeliness-2025-07-01-2025-07-31.csv");
    }

    @Test
    void cells_with_commas_quotes_or_line_breaks_are_quoted_and_formulas_are_defused() throws IOException {
        asked("/api/v1/personnel/audit");
        Report report = new Report(null, null, List.of(
                new Row("Sở \"Nội vụ\", tỉnh", 1, null, 0, null),
                new Row("two\r\nlines", 1, null, 0, null),
                new Row("=HYPERLINK(\"http://x\")", 1, null, 0, null),
                new Row("+1", 1, null, 0, null),
                new Row("-1", 1, null, -1, null),
                new Row("@SUM(A1)", 1, null, 0, null)), null);

        String body = write(report).getBodyAsString(StandardCharsets.UTF_8);

        assertThat(body.lines().skip(1).toList()).containsExactly(
                "\"Sở \"\"Nội vụ\"\", tỉnh\",1,,0,",
                "\"two",
                "lines\",1,,0,",
                "\"'=HYPERLINK(\"\"http://x\"\")\",1,,0,",
                "'+1,1,,0,",
                "'-1,1,,-1,",
                "'@SUM(A1),1,,0,");
    }

    @Test
    void a_report_of_a_day_is_named_after_its_path_and_day_and_carries_the_rows_marked_for_csv() throws IOException {
        asked("/api/v1/personnel/accounts");
        Listing listing = new Listing(LocalDate.of(2025, 9, 1), List.of("ignored"),
                List.of(new Row("unit", 1, null, 0, null)), List.of(new Row("cb1.xa", 2, null, 0, null)), null);

        MockHttpOutputMessage written = write(listing);

        assertThat(written.getBodyAsString(StandardCharsets.UTF_8))
                .isEqualTo(BOM + "key,received,onTimeRate,gap,since\r\ncb1.xa,2,,0,\r\n");
        assertThat(written.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("personnel-accounts-2025-09-01.csv");
    }

    @Test
    void only_records_declared_reports_and_holding_a_list_of_records_are_written_as_csv() {
        assertThat(csv.canWrite(Report.class, CsvReports.TEXT_CSV)).isTrue();
        assertThat(csv.canWrite(Page.class, CsvReports.TEXT_CSV)).as("a page of a list that is no report").isFalse();
        assertThat(csv.canWrite(Row.class, CsvReports.TEXT_CSV)).isFalse();
        assertThat(csv.canWrite(String.class, CsvReports.TEXT_CSV)).isFalse();
        assertThat(csv.canWrite(Report.class, org.springframework.http.MediaType.APPLICATION_JSON)).isFalse();
        assertThat(csv.canRead(Report.class, CsvReports.TEXT_CSV)).isFalse();
    }

    @Test
    void a_large_report_reaches_the_response_a_buffer_at_a_time_never_whole() throws IOException {
        asked("/api/v1/timeliness");
        int rows = 200_000;
        CountingBody body = new CountingBody();
        long[] receivedWhenHalfWasRead = {-1};
        List<Row> source = new AbstractList<>() {
            @Override
            public Row get(int i) {
                if (i == rows / 2) {
                    receivedWhenHalfWasRead[0] = body.bytes;
                }
                return new Row("U-" + i, i, 0.5, i % 7 - 3, null);
            }

            @Override
            public int size() {
                return rows;
            }
        };

        csv.write(new Report(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), source, null),
                  CsvReports.TEXT_CSV, body);

        assertThat(body.lines).as("every row and the header").isEqualTo(rows + 1);
        assertThat(body.bytes).isGreaterThan(4_000_000);
        assertThat(receivedWhenHalfWasRead[0]).as("bytes the response had when the writer read the middle row")
                .isGreaterThan(2_000_000).isLessThan(body.bytes - 2_000_000);
        assertThat(body.largestWrite).as("bytes in the largest single write")
                .isLessThanOrEqualTo(4 * CsvReports.BUFFER);
    }

    private void asked(String path) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", path)));
    }

    private MockHttpOutputMessage write(Object report) throws IOException {
        MockHttpOutputMessage message = new MockHttpOutputMessage();
        csv.write(report, CsvReports.TEXT_CSV, message);
        return message;
    }

    /** A response body that counts what it gets: bytes, lines and the largest single write. */
    private static final class CountingBody extends OutputStream implements HttpOutputMessage {
        final HttpHeaders headers = new HttpHeaders();
        long bytes;
        long largestWrite;
        long lines;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            largestWrite = Math.max(largestWrite, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public OutputStream getBody() {
            return this;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
