package vn.province.govtrack.query.admin;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.ResultActions;

import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.query.web.QueryWebSlice;
import vn.province.govtrack.query.web.QueryWebSliceTest;
import vn.province.govtrack.security.Role;

/**
 * The rules the web layer applies to the parked events: only ADMIN lists and retries them, and a
 * page out of range is invalid. Every refusal is problem+json and reaches no queue: {@link DeadLetters}
 * is a mock.
 */
@QueryWebSlice(DeadLettersController.class)
class DeadLettersWebRulesTest extends QueryWebSliceTest {

    private static final String LIST = "/api/v1/admin/dead-letters";
    private static final String RETRY = "/api/v1/admin/dead-letters/0123456789abcdef01234567/retry";

    @MockitoBean
    private DeadLetters deadLetters;

    @Test
    void without_a_token_the_list_and_a_retry_are_401_with_a_bearer_challenge() throws Exception {
        for (ResultActions answer : List.of(as(null, get(LIST)), as(null, post(RETRY)))) {
            answer.andExpect(status().isUnauthorized())
                  .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                  .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verifyNoInteractions(deadLetters);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void only_an_admin_lists_and_retries_parked_events(Role role) throws Exception {
        as(role, get(LIST)).andExpect(problem(403, "forbidden"));
        as(role, post(RETRY)).andExpect(problem(403, "forbidden"));
        verifyNoInteractions(deadLetters);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=1001", "page=first"})
    void a_page_out_of_range_is_invalid_and_reads_nothing(String query) throws Exception {
        as(Role.ADMIN, get(LIST + "?" + query)).andExpect(problem(400, "invalid-input"));
        verify(deadLetters, never()).page(any(), any());
    }

    @Test
    void an_admin_gets_a_page_with_the_link_to_the_next_one() throws Exception {
        when(deadLetters.page(eq("dossiers"), eq(new Paging(0, 1)))).thenReturn(new Paging.Page<>(List.of(), 3));

        as(Role.ADMIN, get(LIST + "?projection=dossiers&size=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(3))
                .andExpect(jsonPath("$.next").value(LIST + "?projection=dossiers&page=1&size=1"));
    }

    @Test
    void an_admins_retry_answers_the_outcome() throws Exception {
        when(deadLetters.retry("0123456789abcdef01234567"))
                .thenReturn(new DeadLetters.Retry("PROCESSED", "dossiers", "HS-1", 2, 0, null));

        as(Role.ADMIN, post(RETRY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("PROCESSED"))
                .andExpect(jsonPath("$.processed").value(2));
    }
}
