package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** The answers to failures that a single HTTP request cannot provoke on demand. */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/v1/units"));

    @Test
    void aCommandThatLostARaceOnItsAggregateIsAConflict() {
        ResponseEntity<Object> answer = advice.concurrentChange(new ConcurrencyException("seq 3 taken"), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) answer.getBody()).getType())
                .isEqualTo(URI.create("https://govtrack.example/problems/concurrent-change"));
    }

    @Test
    void twoCommandsCreatingTheSameStreamAtOnceIsAConflict() {
        ResponseEntity<Object> answer = advice.concurrentChange(
                new AggregateStreamCreationException("Aggregate unit:X already exists"), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void anUnexpectedFaultIsAnsweredWithoutItsInternals() {
        ResponseEntity<Object> answer = advice.lastResort(new IllegalStateException("secret internals"), request);

        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(problem.getType()).isEqualTo(URI.create("https://govtrack.example/problems/internal-error"));
        assertThat(problem.getDetail()).doesNotContain("secret");
    }
}
