package vn.province.govtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** The answers to failures that a single HTTP request cannot provoke on demand. */
class ProblemAdviceTest {

    /** What a service contributes for an exception of its own: here, a lost race. */
    static final class LostRace extends RuntimeException {
    }

    private final ProblemAdvice advice = new ProblemAdvice(List.of(
            failure -> failure instanceof LostRace
                    ? Optional.of(ProblemType.CONCURRENT_CHANGE.exception("another command came first"))
                    : Optional.empty()));
    private final MockHttpServletRequest servletRequest = new MockHttpServletRequest("POST", "/api/v1/units");
    private final ServletWebRequest request = new ServletWebRequest(servletRequest);

    @Test
    void anUnexpectedFaultIsAnsweredWithoutItsInternals() {
        ResponseEntity<Object> answer = advice.mappedOrFault(new IllegalStateException("secret internals"), request);

        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(problem.getType()).isEqualTo(URI.create("https://govtrack.example/problems/internal-error"));
        assertThat(problem.getTitle()).isEqualTo("Internal error");
        assertThat(problem.getDetail()).doesNotContain("secret");
    }

    @Test
    void aServicesOwnFailureIsAnsweredAsItsMappingSaysAndMarkedForARetry() {
        ResponseEntity<Object> answer = advice.mappedOrFault(new LostRace(), request);

        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo(URI.create("https://govtrack.example/problems/concurrent-change"));
        assertThat(problem.getTitle()).isEqualTo("Concurrent change");
        assertThat(problem.getDetail()).isEqualTo("another command came first");
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/v1/units"));
        assertThat(servletRequest.getAttribute(FilterProblems.RETRY_MAY_SUCCEED)).isEqualTo(true);
    }

    @Test
    void aProblemExceptionKeepsItsMembersAndTheInstanceItNames() {
        ResponseEntity<Object> answer = advice.problem(ProblemType.APPLICANT_NOT_FOUND.exception("none held")
                .with("hint", "erased already?").at(URI.create("/api/v1/applicants")), request);

        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(problem.getType()).isEqualTo(URI.create("https://govtrack.example/problems/applicant-not-found"));
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/v1/applicants"));
        assertThat(problem.getProperties()).containsEntry("hint", "erased already?");
        assertThat(servletRequest.getAttribute(FilterProblems.RETRY_MAY_SUCCEED)).isNull();
    }

    @Test
    void inputThatOnlyBreaksOnTheWayToADecisionIsInvalidInputNotAFault() {
        ResponseEntity<Object> answer = advice.unprocessableInput(new ArithmeticException("long overflow"), request);

        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo(URI.create("https://govtrack.example/problems/invalid-input"));
        assertThat(problem.getDetail()).doesNotContain("overflow");
    }

    @Test
    void everyTypeLivesUnderTheOneBaseAndNoSlugIsUsedTwice() {
        assertThat(ProblemType.values()).allSatisfy(type ->
                assertThat(type.uri().toString()).isEqualTo("https://govtrack.example/problems/" + type.slug()));
        assertThat(List.of(ProblemType.values()).stream().map(ProblemType::slug).distinct())
                .hasSize(ProblemType.values().length);
    }
}
