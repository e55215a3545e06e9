package vn.province.govtrack.query.web;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.province.govtrack.query.ActingOfficials;
import vn.province.govtrack.query.QuerySideHttpTest;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;

/**
 * What the query side's web slices ({@link QueryWebSlice}) share: requests sent with a role's token and
 * problem checks. Each test mocks the read model its controller asks, and checks that no refused request
 * reached it.
 */
public abstract class QueryWebSliceTest {

    /** The unit a role bound to one acts for. */
    protected static final String UNIT = "W-BA-DINH";

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected TokenMinter minter;

    /** Asks as {@code role} (of {@link #UNIT} where the role is bound to one), or without a token when null. */
    protected ResultActions as(Role role, MockHttpServletRequestBuilder request) throws Exception {
        String token = role == null ? null : ActingOfficials.token(minter, role, UNIT);
        return mvc.perform(token == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    /** A problem+json answer with this status and type, and the request's correlation id. */
    protected static ResultMatcher problem(int status, String slug) {
        return ResultMatcher.matchAll(status().is(status), content().contentTypeCompatibleWith(
                MediaType.APPLICATION_PROBLEM_JSON), jsonPath("$.type").value(QuerySideHttpTest.PROBLEMS + slug),
                jsonPath("$.status").value(status), jsonPath("$.correlationId").isNotEmpty());
    }
}
