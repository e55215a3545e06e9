package vn.province.govtrack.query.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Any report as CSV: a report is a record with a list of row records, and the same GET that answers it
 * as JSON answers {@code text/csv} when the client asks for it ({@code Accept: text/csv}, or
 * {@code format=csv}). One converter for every report, so no controller knows about CSV.
 *
 * <p>What is written, by RFC 4180: a header row of the row record's component names, then one line per
 * row, and, when the report also has a single record of the row type (a {@code total}), that record as
 * the last line. The rows are the component marked {@link CsvRows}, else the report's first list of
 * records. Values are those of the JSON answer, each row mapped by the application's mapper: text as
 * is, numbers and booleans as JSON writes them, null as an empty cell, anything nested as its JSON.
 * Lines end in CRLF; a cell with a comma, quote, CR or LF is quoted, its quotes doubled. A text cell
 * that a spreadsheet would read as a formula (it starts with {@code = + - @}, a tab or a CR) gets a
 * leading single quote; numbers are never touched, so a negative gap stays a number.
 *
 * <p>The body is UTF-8 with a byte order mark: without one, Excel, which the province's offices open CSV
 * files with, reads UTF-8 as the Windows code page and garbles every Vietnamese letter with a diacritic;
 * every other consumer of CSV ignores or strips the mark.
 *
 * <p>Rows are written one at a time through a small buffer straight to the response, so the CSV text is
 * never held whole: the largest single write to the response is {@value #BUFFER} characters' worth,
 * whatever the report's size. {@code Content-Disposition} names the file after the report's path and its
 * period, e.g. {@code timeliness-2025-07-01-2025-07-31.csv} or {@code personnel-audit-2025-09-01.csv}.
 */
public final class CsvReports implements HttpMessageConverter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv");
    static final int BUFFER = 8 * 1024;
    private static final String API = "/api/v1/";
    private static final char BOM = '\uFEFF';

    private final ObjectMapper json;

    public CsvReports(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return (mediaType == null || TEXT_CSV.isCompatibleWith(mediaType)) && rowsOf(clazz).isPresent();
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return List.of(TEXT_CSV);
    }

    @Override
    public Object read(Class<?> clazz, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("CSV is only written", inputMessage);
    }

    @Override
    public void write(Object report, MediaType contentType, HttpOutputMessage outputMessage) throws IOException {
        Table table = rowsOf(report.getClass()).orElseThrow();
        HttpHeaders headers = outputMessage.getHeaders();
        headers.setContentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName(report)).build());
        Writer out = new BufferedWriter(new OutputStreamWriter(outputMessage.getBody(), StandardCharsets.UTF_8),
                                        BUFFER);
        out.write(BOM);
        List<String> columns = Arrays.stream(table.rowType().getRecordComponents()).map(RecordComponent::getName)
                                     .toList();
        for (int i = 0; i < columns.size(); i++) {
            out.write(i == 0 ? "" : ",");
            out.write(cell(columns.get(i)));
        }
        out.write("\r\n");
        for (Object row : (Collection<?>) value(table.rows(), report)) {
            writeRow(out, columns, row);
        }
        if (table.total() != null && value(table.total(), report) != null) {
            writeRow(out, columns, value(table.total(), report));
        }
        out.flush();
    }

    private void writeRow(Writer out, List<String> columns, Object row) throws IOException {
        JsonNode mapped = json.valueToTree(row);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            JsonNode value = mapped.get(columns.get(i));
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                out.write(cell(guarded(value.asText())));
            } else if (value.isValueNode()) {
                out.write(value.asText());
            } else {
                out.write(cell(json.writeValueAsString(value)));
            }
        }
        out.write("\r\n");
    }

    /** A spreadsheet reads text starting with these as a formula; a leading quote makes it text again. */
    static String guarded(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** The cell as RFC 4180 writes it: quoted, its quotes doubled, when it holds a comma, quote, CR or LF. */
    static String cell(String text) {
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** The report's path under {@code /api/v1/}, its segments joined by '-', then its days: from-to, or asOf. */
    private static String fileName(Object report) {
        String name = "report";
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String path = attributes.getRequest().getRequestURI()
                                    .substring(attributes.getRequest().getContextPath().length());
            if (path.startsWith(API)) {
                name = path.substring(API.length()).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            }
        }
        Object from = component(report, "from");
        Object to = component(report, "to");
        Object asOf = component(report, "asOf");
        if (from instanceof LocalDate && to instanceof LocalDate) {
            return name + "-" + from + "-" + to + ".csv";
        }
        return asOf instanceof LocalDate ? name + "-" + asOf + ".csv" : name + ".csv";
    }

    private static Object component(Object report, String name) {
        return Arrays.stream(report.getClass().getRecordComponents()).filter(c -> c.getName().equals(name))
                     .findFirst().map(c -> value(c, report)).orElse(null);
    }

    /**
     * The table a report type ({@link CsvReport}) holds: its rows component ({@link CsvRows}, else the first list of records),
     * and a component holding one record of the row type, if any.
     */
    static Optional<Table> rowsOf(Class<?> reportType) {
        if (!reportType.isRecord() || !reportType.isAnnotationPresent(CsvReport.class)) {
            return Optional.empty();
        }
        RecordComponent[] components = reportType.getRecordComponents();
        RecordComponent rows = Arrays.stream(components).filter(c -> c.isAnnotationPresent(CsvRows.class))
                                     .filter(c -> rowType(c) != null).findFirst()
                                     .orElseGet(() -> Arrays.stream(components).filter(c -> rowType(c) != null)
                                                            .findFirst().orElse(null));
        if (rows == null) {
            return Optional.empty();
        }
        Class<?> rowType = rowType(rows);
        RecordComponent total = Arrays.stream(components).filter(c -> c.getType() == rowType).findFirst()
                                      .orElse(null);
        return Optional.of(new Table(rows, rowType, total));
    }

    /** The record type of a {@code List<R>} component; null for any other. */
    private static Class<?> rowType(RecordComponent component) {
        if (!List.class.isAssignableFrom(component.getType())
            || !(component.getGenericType() instanceof ParameterizedType list)) {
            return null;
        }
        Type element = list.getActualTypeArguments()[0];
        return element instanceof Class<?> type && type.isRecord() ? type : null;
    }

    private static Object value(RecordComponent component, Object report) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(report);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of a report", e);
        }
    }

    record Table(RecordComponent rows, Class<?> rowType, RecordComponent total) {
    }
}
