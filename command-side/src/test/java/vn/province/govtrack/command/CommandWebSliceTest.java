package vn.province.govtrack.command;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;

/**
 * What the command side's web slices ({@link CommandWebSlice}) share: requests sent with a role's token,
 * problem checks, and a mock command sender that no request of these tests may reach, since each is
 * refused by the web layer's rules before any command is sent.
 */
public abstract class CommandWebSliceTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected TokenMinter minter;
    @MockitoBean
    protected CommandSender commands;

    @AfterEach
    void noCommandWasSent() {
        verifyNoInteractions(commands);
    }

    /** Sends {@code json} as {@code role} of {@code unitCode}, or without a token when {@code role} is null. */
    protected ResultActions send(MockHttpServletRequestBuilder request, String json, Role role, String unitCode)
            throws Exception {
        request.contentType(MediaType.APPLICATION_JSON).content(json);
        return mvc.perform(role == null ? request
                : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ActingOfficials.token(minter, role, unitCode)));
    }

    /** A problem+json answer with this status and type. */
    protected static void refused(ResultActions answer, int status, String slug) throws Exception {
        answer.andExpect(status().is(status))
              .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
              .andExpect(jsonPath("$.type").value(CommandSideHttpTest.PROBLEMS + slug))
              .andExpect(jsonPath("$.status").value(status));
    }
}
