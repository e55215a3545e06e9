package vn.province.govtrack.query.admin;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
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

import vn.province.govtrack.query.web.QueryWebSlice;
import vn.province.govtrack.query.web.QueryWebSliceTest;
import vn.province.govtrack.security.Role;

/**
 * The rules the web layer applies to the projection admin endpoints: only ADMIN rebuilds, ADMIN and
 * AUDITOR read the projections' state, and a rebuild's {@code from} must be a past instant with an
 * offset. Every refusal is problem+json and reaches no projection: {@link Projections} is a mock.
 */
@QueryWebSlice(ProjectionsController.class)
class ProjectionsWebRulesTest extends QueryWebSliceTest {

    private static final String REBUILD = "/api/v1/admin/projections/dossiers/rebuild";

    @MockitoBean
    private Projections projections;

    @Test
    void without_a_token_a_rebuild_and_the_projections_state_are_401_with_a_bearer_challenge() throws Exception {
        for (ResultActions answer : List.of(as(null, post(REBUILD)), as(null, get("/api/v1/admin/projections")))) {
            answer.andExpect(status().isUnauthorized())
                  .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                  .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verify(projections, never()).rebuild(any(), any());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void only_an_admin_rebuilds(Role role) throws Exception {
        as(role, post(REBUILD)).andExpect(problem(403, "forbidden"));
        verify(projections, never()).rebuild(any(), any());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "AUDITOR"}, mode = EnumSource.Mode.EXCLUDE)
    void only_an_admin_or_an_auditor_reads_the_projections_state(Role role) throws Exception {
        as(role, get("/api/v1/admin/projections")).andExpect(problem(403, "forbidden"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "AUDITOR"})
    void an_admin_and_an_auditor_read_the_projections_state(Role role) throws Exception {
        when(projections.all()).thenReturn(List.of(new ProjectionStatus("dossiers", 7, 7, false, 100, "CAUGHT_UP", 0)));

        as(role, get("/api/v1/admin/projections"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.projections[0].name").value("dossiers"))
                .andExpect(header().string("X-Projection-Position", "0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-07-01", "2025-07-01T00:00:00", "9999-01-01T00:00:00Z"})
    void a_rebuild_from_a_malformed_or_future_instant_is_invalid_and_rebuilds_nothing(String from) throws Exception {
        as(Role.ADMIN, post(REBUILD).param("from", from)).andExpect(problem(400, "invalid-input"));
        verify(projections, never()).rebuild(any(), any());
    }

    @Test
    void a_from_longer_than_any_instant_is_invalid_and_rebuilds_nothing() throws Exception {
        as(Role.ADMIN, post(REBUILD).param("from", "2025-07-01T00:00:00Z".repeat(10)))
                .andExpect(problem(400, "invalid-input"));
        verify(projections, never()).rebuild(any(), any());
    }

    @Test
    void an_admins_rebuild_is_accepted_and_points_at_the_projections_state() throws Exception {
        when(projections.rebuild(eq("dossiers"), any()))
                .thenReturn(new ProjectionStatus("dossiers", 0, 7, true, 0, "REPLAYING", 0));

        as(Role.ADMIN, post(REBUILD))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/admin/projections/dossiers"))
                .andExpect(jsonPath("$.state").value("REPLAYING"));
    }

    @Test
    void a_position_to_wait_for_that_is_not_a_number_is_invalid() throws Exception {
        as(Role.AUDITOR, get("/api/v1/admin/projections").param("minPosition", "ten"))
                .andExpect(problem(400, "invalid-input"));
    }
}
