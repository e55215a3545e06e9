package vn.province.govtrack.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the {@code Accept} header of API requests before anything runs: the API answers JSON (and, on
 * the endpoints a service declares with {@link AlsoAnswered}, that type too), so a command whose answer the
 * client would refuse is not executed (406), and an unparsable header is a malformed request (400). Both
 * answers are problem+json whatever the client accepts.
 */
class AcceptHeaderFilter extends OncePerRequestFilter {

    private static final List<MediaType> ANSWERED = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    private final FilterProblems problems;
    private final List<AlsoAnswered> alsoAnswered;

    AcceptHeaderFilter(FilterProblems problems) {
        this(problems, List.of());
    }

    AcceptHeaderFilter(FilterProblems problems, List<AlsoAnswered> alsoAnswered) {
        this.problems = problems;
        this.alsoAnswered = List.copyOf(alsoAnswered);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders("Accept"));
        if (!accept.isEmpty()) {
            List<MediaType> acceptable;
            try {
                acceptable = MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                problems.write(request, response, ProblemType.MALFORMED_REQUEST, "the Accept header is malformed");
                return;
            }
            List<MediaType> answered = answered(request);
            if (!acceptable.isEmpty() && acceptable.stream().noneMatch(type -> answered.stream().anyMatch(type::isCompatibleWith))) {
                problems.write(request, response, ProblemType.NOT_ACCEPTABLE, "this endpoint answers "
                        + MediaType.toString(answered) + " (application/problem+json for errors) only");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private List<MediaType> answered(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<MediaType> answered = new ArrayList<>(ANSWERED);
        alsoAnswered.stream().filter(also -> also.answers(request.getMethod(), path))
                    .forEach(also -> answered.add(also.type()));
        return answered;
    }
}
