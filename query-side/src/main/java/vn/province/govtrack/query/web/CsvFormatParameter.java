package vn.province.govtrack.query.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import vn.province.govtrack.web.FilterProblems;
import vn.province.govtrack.web.ProblemType;

/**
 * {@code format=csv} on a report (a GET of one of {@code reports}) is {@code Accept: text/csv}: the request
 * goes on with that header instead of the client's, and content negotiation, the one way an answer's type
 * is chosen, does the rest. {@code format=json} changes nothing; any other value is 400, before anything
 * runs. Elsewhere {@code format} is no parameter of the API and is ignored like any other unknown one.
 * (Spring's own parameter strategy would answer an unknown value with an exception that its error
 * handling, negotiating the same way, cannot answer either: a 500.)
 */
final class CsvFormatParameter extends OncePerRequestFilter {

    static final String PARAMETER = "format";

    private final List<String> reports;
    private final FilterProblems problems;

    CsvFormatParameter(List<String> reports, FilterProblems problems) {
        this.reports = List.copyOf(reports);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getParameter(PARAMETER) == null
               || !reports.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String format = request.getParameter(PARAMETER).trim();
        if (format.equalsIgnoreCase("json")) {
            chain.doFilter(request, response);
        } else if (format.equalsIgnoreCase("csv")) {
            chain.doFilter(new AcceptingCsv(request), response);
        } else {
            problems.write(request, response, ProblemType.INVALID_INPUT,
                           "format must be csv or json (the default); got '" + format + "'");
        }
    }

    private static final class AcceptingCsv extends HttpServletRequestWrapper {

        AcceptingCsv(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? CsvReports.TEXT_CSV.toString() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(CsvReports.TEXT_CSV.toString())) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(HttpHeaders.ACCEPT::equalsIgnoreCase)) {
                names.add(HttpHeaders.ACCEPT);
            }
            return Collections.enumeration(names);
        }
    }
}
