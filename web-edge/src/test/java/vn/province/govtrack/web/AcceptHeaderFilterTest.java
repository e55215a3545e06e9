package vn.province.govtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code Accept} check: JSON everywhere, and a type a service declares ({@link AlsoAnswered}) on the
 * GETs of its paths only; anything else is 406 problem+json before the request goes further.
 */
class AcceptHeaderFilterTest {

    private static final AlsoAnswered CSV = new AlsoAnswered(MediaType.parseMediaType("text/csv"),
                                                              List.of("/api/v1/timeliness", "/api/v1/personnel/*"));

    private final AcceptHeaderFilter filter = new AcceptHeaderFilter(new FilterProblems(new ObjectMapper()),
                                                                     List.of(CSV));

    @Test
    void a_declared_type_goes_through_to_the_gets_of_the_declared_paths() throws Exception {
        assertThat(status("GET", "/api/v1/personnel/audit", "text/csv")).isEqualTo(200);
        assertThat(status("GET", "/api/v1/timeliness", "text/csv, application/json;q=0.5")).isEqualTo(200);
        assertThat(status("GET", "/api/v1/timeliness", "application/json")).isEqualTo(200);
    }

    @Test
    void a_declared_type_is_not_acceptable_elsewhere_nor_for_another_method() throws Exception {
        assertThat(status("GET", "/api/v1/dossiers", "text/csv")).isEqualTo(406);
        assertThat(status("GET", "/api/v1/timeliness/other/path", "text/csv")).isEqualTo(406);
        assertThat(status("POST", "/api/v1/personnel/audit", "text/csv")).isEqualTo(406);
        assertThat(status("GET", "/api/v1/personnel/audit", "text/html")).isEqualTo(406);
    }

    @Test
    void without_a_declared_type_only_json_is_answered() throws Exception {
        AcceptHeaderFilter jsonOnly = new AcceptHeaderFilter(new FilterProblems(new ObjectMapper()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/personnel/audit");
        request.addHeader("Accept", "text/csv");
        MockHttpServletResponse response = new MockHttpServletResponse();

        jsonOnly.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(406);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    private int status(String method, String path, String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", accept);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        if (response.getStatus() == 406) {
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
        return response.getStatus();
    }
}
