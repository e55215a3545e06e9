package vn.province.govtrack.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import vn.province.govtrack.query.QuerySideHttpTest;

/**
 * {@code POST /dev/tokens} on the query side, in the local profile that {@code ./run} uses: the same
 * endpoint as the command side's (web-edge's {@code DevTokenController}), where the dashboard at {@code /}
 * mints its tokens. (In the default profile the path does not exist: see {@code AuthorisationMatrixTest}.)
 *
 * <p>The local profile is a configuration of its own (it adds the path), so this test gets a context and
 * a store of its own. Its requests carry the tokens they say, or none.
 */
@ActiveProfiles("local")
@AutoConfigureMockMvc
class DevTokenControllerTest extends QuerySideHttpTest {

    /** The context's client, which adds no token. */
    @Autowired
    private TestRestTemplate plain;
    @Autowired
    private JwtDecoder decoder;
    @Autowired
    private MockMvc mvc;

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String json, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return plain.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private String tokenFor(String json) {
        ResponseEntity<JsonNode> answer = exchange(HttpMethod.POST, "/dev/tokens", json, null);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody().path("token").asText();
    }

    @Test
    void aUnitHeadsTokenNamesItsSubjectRoleUnitAndLifetime() {
        ResponseEntity<JsonNode> answer = exchange(HttpMethod.POST, "/dev/tokens",
                "{\"role\": \"UNIT_HEAD\", \"unitCode\": \"W-BA-DINH\", \"ttlMinutes\": 30}", null);
        Jwt jwt = decoder.decode(answer.getBody().path("token").asText());

        assertThat(answer.getBody().path("subject").asText()).isEqualTo("dev-unit_head-W-BA-DINH");
        assertThat(answer.getBody().path("expiresInSeconds").asLong()).isEqualTo(1800);
        assertThat(jwt.getSubject()).isEqualTo("dev-unit_head-W-BA-DINH");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("UNIT_HEAD");
        assertThat(jwt.getClaimAsString("unitCode")).isEqualTo("W-BA-DINH");
        assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(1800));
    }

    @Test
    void theQuerySideAcceptsAMintedTokenAsItsRole() {
        String auditor = tokenFor("{\"role\": \"AUDITOR\"}");
        String client = tokenFor("{\"role\": \"CLIENT\", \"unitCode\": \"W-BA-DINH\"}");

        assertThat(exchange(HttpMethod.GET, "/api/v1/audit/events?limit=1", null, auditor).getStatusCode().value())
                .isEqualTo(200);
        assertProblem(exchange(HttpMethod.GET, "/api/v1/audit/events?limit=1", null, client), HttpStatus.FORBIDDEN,
                      "forbidden");
        assertThat(decoder.decode(client).getClaimAsString("unitCode")).as("a unit only for unit-bound roles").isNull();
    }

    @Test
    void theDashboardIsToldWithoutATokenThatLocalTokensAreServedHere() {
        ResponseEntity<JsonNode> config = exchange(HttpMethod.GET, "/dashboard/config", null, null);

        assertThat(config.getStatusCode().value()).isEqualTo(200);
        assertThat(config.getBody().path("devTokens").isBoolean()).isTrue();
        assertThat(config.getBody().path("devTokens").asBoolean()).isTrue();
    }

    @Test
    void aRequestTheRulesRefuseGetsAValidationProblemAndNoToken() {
        for (String body : new String[] {"{\"role\": \"CLERK\"}", "{}",
                                         "{\"role\": \"ADMIN\", \"ttlMinutes\": 0}",
                                         "{\"role\": \"ADMIN\", \"ttlMinutes\": 1441}",
                                         "{\"role\": \"CLERK\", \"unitCode\": \"..\"}",
                                         "{\"role\": \"ADMIN\", \"subject\": \"two words\"}"}) {
            ResponseEntity<JsonNode> answer = exchange(HttpMethod.POST, "/dev/tokens", body, null);
            assertProblem(answer, HttpStatus.BAD_REQUEST, "invalid-input");
            assertThat(answer.getBody().has("token")).as(body).isFalse();
        }
        // not the request's form: a role no enumeration has, a field it has not
        for (String body : new String[] {"{\"role\": \"SUPERUSER\"}", "{\"role\": \"ADMIN\", \"extra\": 1}"}) {
            assertProblem(exchange(HttpMethod.POST, "/dev/tokens", body, null), HttpStatus.BAD_REQUEST,
                          "malformed-request");
        }
    }

    @Test
    void aRequestFromAnotherMachineGetsNoToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                                          .content("{\"role\": \"ADMIN\"}")
                                          .with(request -> {
                                              request.setRemoteAddr("192.0.2.44");
                                              return request;
                                          }))
           .andExpect(MockMvcResultMatchers.status().isForbidden())
           .andExpect(MockMvcResultMatchers.content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(MockMvcResultMatchers.jsonPath("$.type").value(PROBLEMS + "forbidden"))
           .andExpect(MockMvcResultMatchers.jsonPath("$.token").doesNotExist());
        mvc.perform(MockMvcRequestBuilders.post("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                                          .content("{\"role\": \"ADMIN\"}")
                                          .with(request -> {
                                              request.setRemoteAddr("::1");
                                              return request;
                                          }))
           .andExpect(MockMvcResultMatchers.status().isOk());
    }
}
