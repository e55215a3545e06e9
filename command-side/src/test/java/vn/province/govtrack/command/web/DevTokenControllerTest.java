package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import vn.province.govtrack.command.CommandSideHttpTest;

/**
 * {@code POST /dev/tokens} in the local profile that {@code ./run} uses: tokens for any role, which
 * the service then accepts as that role. (In the default profile the path does not exist: see
 * {@link AuthorisationMatrixTest}.)
 *
 * <p>The local profile is a configuration of its own (it adds the path), so this test gets a context and
 * a store of its own. Its requests carry the tokens they say, or none.
 */
@ActiveProfiles("local")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class DevTokenControllerTest extends CommandSideHttpTest {

    /** The context's client, which adds no token. */
    @Autowired
    private TestRestTemplate plain;
    @Autowired
    private JwtDecoder decoder;
    @Autowired
    private MockMvc mvc;

    private ResponseEntity<JsonNode> post(String path, String json, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return plain.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private String tokenFor(String json) {
        ResponseEntity<JsonNode> answer = post("/dev/tokens", json, null);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody().path("token").asText();
    }

    @Test
    void aClerksTokenNamesItsSubjectRoleAndUnit() {
        Jwt jwt = decoder.decode(tokenFor("{\"role\": \"CLERK\", \"unitCode\": \"XA-TAN-LAP\", \"subject\": \"an.nguyen\"}"));

        assertThat(jwt.getSubject()).isEqualTo("an.nguyen");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("CLERK");
        assertThat(jwt.getClaimAsString("unitCode")).isEqualTo("XA-TAN-LAP");
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt());
    }

    @Test
    void theServiceAcceptsAMintedTokenAsItsRole() {
        String admin = tokenFor("{\"role\": \"ADMIN\", \"ttlMinutes\": 5}");
        String auditor = tokenFor("{\"role\": \"AUDITOR\"}");
        String unit = "{\"code\": \"XA-DEV-1\", \"name\": \"Xã Thử\", \"kind\": \"COMMUNE\"}";

        assertThat(post("/api/v1/units", unit, auditor).getStatusCode().value()).isEqualTo(403);
        assertThat(post("/api/v1/units", unit, admin).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aUnitBoundRoleWithoutAUnitOrAnUnknownRoleGetsNoToken() {
        assertThat(post("/dev/tokens", "{\"role\": \"UNIT_HEAD\"}", null).getStatusCode().value()).isEqualTo(400);
        assertThat(post("/dev/tokens", "{\"role\": \"SUPERUSER\"}", null).getStatusCode().value()).isEqualTo(400);
        assertThat(post("/dev/tokens", "{\"role\": \"ADMIN\", \"ttlMinutes\": 0}", null).getStatusCode().value())
                .isEqualTo(400);
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
           .andExpect(MockMvcResultMatchers.jsonPath("$.token").doesNotExist());
        mvc.perform(MockMvcRequestBuilders.post("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                                          .content("{\"role\": \"ADMIN\"}")
                                          .with(request -> {
                                              request.setRemoteAddr("::1");
                                              return request;
                                          }))
           .andExpect(MockMvcResultMatchers.status().isOk());
    }

    @Test
    void aCommandForAnUnknownDossierIsA404WithoutAStackTraceInTheLog(CapturedOutput log) {
        String clerk = tokenFor("{\"role\": \"CLERK\", \"unitCode\": \"XA-TAN-LAP\"}");

        assertThat(post("/api/v1/dossiers/HS-NOBODY/receipt", "{}", clerk).getStatusCode().value()).isEqualTo(404);
        assertThat(log.getAll()).doesNotContain("AggregateNotFoundException").doesNotContain("\tat org.axonframework");
    }
}
