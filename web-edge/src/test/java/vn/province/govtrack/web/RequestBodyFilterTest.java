package vn.province.govtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** What the edge refuses of a request body before any endpoint, or authentication, sees it. */
class RequestBodyFilterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final RequestBodyFilter filter = new RequestBodyFilter(DataSize.ofKilobytes(1), new FilterProblems(json));

    private record Outcome(MockHttpServletResponse response, boolean passedOn) {

        JsonNode problem(ObjectMapper json) throws Exception {
            return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        }
    }

    private Outcome send(String path, String contentType, byte[] body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(contentType);
        request.setContent(body);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Outcome(response, chain.getRequest() != null);
    }

    private Outcome send(String path, String contentType, String body) throws Exception {
        return send(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wellFormedJsonIsPassedOnWhateverItsFields() throws Exception {
        assertThat(send("/api/v1/anything", "application/json", "{\"unknown\": [1, {\"a\": null}]}").passedOn())
                .isTrue();
    }

    @Test
    void jsonWithASyntaxErrorIsAMalformedRequestOnAnyPath() throws Exception {
        Outcome outcome = send("/api/v1/nothing-here", "application/json", "{\"code\": \"XA-1\", ");

        assertThat(outcome.passedOn()).isFalse();
        assertThat(outcome.response().getStatus()).isEqualTo(400);
        assertThat(outcome.response().getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = outcome.problem(json);
        assertThat(problem.path("type").asText()).isEqualTo("https://govtrack.example/problems/malformed-request");
        assertThat(problem.path("title").asText()).isEqualTo("Malformed request");
        assertThat(problem.path("detail").asText()).isEqualTo("the request body is not well-formed JSON");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void aDuplicateKeyOrTooDeepANestingIsMalformed() throws Exception {
        Outcome duplicate = send("/api/v1/units", "application/json", "{\"code\": \"A\", \"code\": \"B\"}");
        Outcome deep = send("/api/v1/units", "application/json",
                            "[".repeat(StrictJsonConfiguration.MAX_NESTING_DEPTH + 1)
                            + "]".repeat(StrictJsonConfiguration.MAX_NESTING_DEPTH + 1));

        assertThat(duplicate.response().getStatus()).isEqualTo(400);
        assertThat(duplicate.passedOn()).isFalse();
        assertThat(deep.response().getStatus()).isEqualTo(400);
        assertThat(deep.passedOn()).isFalse();
        assertThat(deep.problem(json).path("type").asText()).endsWith("/malformed-request");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeForTheApi() throws Exception {
        Outcome outcome = send("/api/v1/units", "text/plain", "code=XA");

        assertThat(outcome.passedOn()).isFalse();
        assertThat(outcome.response().getStatus()).isEqualTo(415);
        assertThat(outcome.problem(json).path("type").asText())
                .isEqualTo("https://govtrack.example/problems/unsupported-media-type");
    }

    @Test
    void aBodyWithoutAContentTypeIsAnUnsupportedMediaTypeForTheApi() throws Exception {
        assertThat(send("/api/v1/units", null, "{}").response().getStatus()).isEqualTo(415);
    }

    @Test
    void bodiesOutsideTheApiAreLeftToTheirEndpoints() throws Exception {
        assertThat(send("/actuator/anything", "text/plain", "x").passedOn()).isTrue();
    }

    @Test
    void jsonThatIsNotUtf8IsMalformed() throws Exception {
        Outcome outcome = send("/api/v1/units", "application/json",
                               new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAE, '"', '}'});

        assertThat(outcome.response().getStatus()).isEqualTo(400);
        assertThat(outcome.problem(json).path("detail").asText()).isEqualTo("the request body is not well-formed UTF-8");
    }

    @Test
    void aBodyOverTheBoundIsTooLarge() throws Exception {
        Outcome outcome = send("/api/v1/units", "application/json", "[" + "1,".repeat(600) + "1]");

        assertThat(outcome.response().getStatus()).isEqualTo(413);
        assertThat(outcome.problem(json).path("type").asText()).endsWith("/payload-too-large");
    }
}
