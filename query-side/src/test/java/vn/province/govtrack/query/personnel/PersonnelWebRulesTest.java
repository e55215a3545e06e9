package vn.province.govtrack.query.personnel;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.query.web.QueryWebSlice;
import vn.province.govtrack.query.web.QueryWebSliceTest;
import vn.province.govtrack.security.Role;

/**
 * The rules the web layer applies to the personnel reports: the staffing review and the rebalancing are
 * for Home Affairs, auditors and clients; the lists that name staff (secondments, accounts) for Home
 * Affairs and auditors only; every parameter is checked before the read model is asked. Every refusal
 * is problem+json and reaches no read model: {@link PersonnelOnADay} is a mock.
 */
@QueryWebSlice(PersonnelController.class)
@Import(PersonnelWebRulesTest.OnTheSixteenthOfJuly.class)
class PersonnelWebRulesTest extends QueryWebSliceTest {

    private static final String REVIEW = "/api/v1/personnel/audit";
    private static final String SECONDMENTS = "/api/v1/personnel/secondments";
    private static final String ACCOUNTS = "/api/v1/personnel/accounts";
    private static final LocalDate JULY_16 = LocalDate.parse("2025-07-16");

    @TestConfiguration(proxyBeanMethods = false)
    static class OnTheSixteenthOfJuly {
        @Bean
        @Primary
        Clock onTheSixteenthOfJuly() {
            return Clock.fixed(Instant.parse("2025-07-16T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    @MockitoBean
    private PersonnelOnADay personnel;

    /** {@code request} with the query parameter {@code nameAndValue}, "name=value", its value as given. */
    private static MockHttpServletRequestBuilder withParameter(MockHttpServletRequestBuilder request, String nameAndValue) {
        int equals = nameAndValue.indexOf('=');
        return request.param(nameAndValue.substring(0, equals), nameAndValue.substring(equals + 1));
    }

    @Test
    void without_a_token_every_personnel_report_is_401_with_a_bearer_challenge() throws Exception {
        for (String path : List.of(REVIEW, SECONDMENTS, ACCOUNTS, "/api/v1/personnel/rebalancing")) {
            as(null, get(path)).andExpect(status().isUnauthorized())
                               .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                               .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verifyNoInteractions(personnel);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CLERK", "UNIT_HEAD", "ADMIN"})
    void desk_staff_and_administrators_read_no_personnel_report(Role role) throws Exception {
        for (String path : List.of(REVIEW, SECONDMENTS, ACCOUNTS)) {
            as(role, get(path)).andExpect(problem(403, "forbidden"));
        }
        verifyNoInteractions(personnel);
    }

    @Test
    void a_client_reads_the_staffing_review_but_no_list_that_names_staff() throws Exception {
        as(Role.CLIENT, get(SECONDMENTS)).andExpect(problem(403, "forbidden"));
        as(Role.CLIENT, get(ACCOUNTS)).andExpect(problem(403, "forbidden"));
        verifyNoInteractions(personnel);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unitCode=W BA DINH", "field=<script>", "state=FULL", "asOf=16/07/2025",
                            "asOf=2025-02-30", "page=-1", "size=0", "size=1001", "page=one"})
    void a_malformed_parameter_of_the_staffing_review_is_invalid_and_asks_nothing(String parameter) throws Exception {
        as(Role.HOME_AFFAIRS, withParameter(get(REVIEW), parameter)).andExpect(problem(400, "invalid-input"));
        verifyNoInteractions(personnel);
    }

    @ParameterizedTest
    @ValueSource(strings = {"endingWithinDays=soon", "unitCode=W BA", "asOf=yesterday", "size=5000"})
    void a_malformed_parameter_of_the_secondment_list_is_invalid_and_asks_nothing(String parameter) throws Exception {
        as(Role.AUDITOR, withParameter(get(SECONDMENTS), parameter)).andExpect(problem(400, "invalid-input"));
        verifyNoInteractions(personnel);
    }

    @Test
    void the_staffing_review_asks_the_read_model_for_the_day_and_page_asked_and_says_where_the_next_page_is()
            throws Exception {
        when(personnel.staffingReview(eq(LocalDate.parse("2025-07-01")), eq("W-BA-DINH"), isNull(),
                                      eq(StaffingState.SHORTAGE), eq(OptionalLong.empty()), eq(Paging.of(1, 2))))
                .thenReturn(new PersonnelOnADay.StaffingReviewPage(List.of(), List.of(), 5));

        as(Role.CLIENT, get(REVIEW + "?unitCode=W-BA-DINH&state=SHORTAGE&asOf=2025-07-01&page=1&size=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2025-07-01"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalRows").value(5))
                .andExpect(jsonPath("$.next").isNotEmpty());
    }

    @Test
    void without_asOf_a_report_is_of_today_in_the_business_zone() throws Exception {
        when(personnel.secondmentsRunning(eq(JULY_16), isNull(), isNull(), any()))
                .thenReturn(new Paging.Page<>(List.of(), 0));

        as(Role.HOME_AFFAIRS, get(SECONDMENTS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2025-07-16"))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void known_at_an_instant_without_asOf_the_review_is_of_the_day_it_was_then() throws Exception {
        when(personnel.staffingReview(eq(LocalDate.parse("2025-07-01")), isNull(), isNull(), isNull(),
                                      eq(OptionalLong.of(0)), any()))
                .thenReturn(new PersonnelOnADay.StaffingReviewPage(List.of(), List.of(), 0));

        as(Role.AUDITOR, get(REVIEW).param("knownAt", "2025-07-01T23:30:00+07:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2025-07-01"))
                .andExpect(header().string("X-Known-At-Position", "0"));
    }

    // ------------------------------------------------------------------ CSV

    private static final List<StaffingRow> TWO_ROWS = List.of(
            new StaffingRow("X-TAN-LAP", "Xã Tân Lập, huyện cũ", UnitKind.COMMUNE, "INFORMATION_TECHNOLOGY", 2, 0, 1, 0, 1,
                            -1, StaffingState.SHORTAGE),
            new StaffingRow("W-BA-DINH", "=Phường Ba Đình", UnitKind.WARD, "INFORMATION_TECHNOLOGY", 1, 1, 0, 0, 1, 0,
                            StaffingState.BALANCED));

    @Test
    void asked_for_csv_the_staffing_review_is_an_attachment_of_its_rows_named_after_the_report_and_its_day()
            throws Exception {
        when(personnel.staffingReview(eq(JULY_16), isNull(), isNull(), isNull(), eq(OptionalLong.empty()), any()))
                .thenReturn(new PersonnelOnADay.StaffingReviewPage(TWO_ROWS, List.of(), 2));
        String csv = "\uFEFF"
                + "unitCode,unitName,unitKind,field,quota,own,secondedIn,secondedOut,effective,gap,state\r\n"
                + "X-TAN-LAP,\"Xã Tân Lập, huyện cũ\",COMMUNE,INFORMATION_TECHNOLOGY,2,0,1,0,1,-1,SHORTAGE\r\n"
                + "W-BA-DINH,'=Phường Ba Đình,WARD,INFORMATION_TECHNOLOGY,1,1,0,0,1,0,BALANCED\r\n";

        for (MockHttpServletRequestBuilder request : List.of(get(REVIEW).accept("text/csv"),
                                                             get(REVIEW + "?format=csv"))) {
            as(Role.AUDITOR, request)
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("text/csv;charset=UTF-8"))
                    .andExpect(header().string("Content-Disposition",
                                               "attachment; filename=\"personnel-audit-2025-07-16.csv\""))
                    .andExpect(content().bytes(csv.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void a_refused_or_invalid_request_for_csv_is_still_answered_in_problem_json() throws Exception {
        as(Role.AUDITOR, get(REVIEW + "?asOf=yesterday").accept("text/csv")).andExpect(problem(400, "invalid-input"));
        as(Role.AUDITOR, get(REVIEW + "?asOf=yesterday&format=csv")).andExpect(problem(400, "invalid-input"));
        as(Role.AUDITOR, get(REVIEW + "?format=xml")).andExpect(problem(400, "invalid-input"));
        as(Role.CLERK, get(REVIEW).accept("text/csv")).andExpect(problem(403, "forbidden"));
        as(Role.AUDITOR, get(REVIEW).param("knownAt", "2025-07-16T11:00:00+07:00").accept("text/csv"))
                .andExpect(problem(400, "invalid-input"));
        verifyNoInteractions(personnel);
    }

    @Test
    void a_type_no_report_answers_is_still_not_acceptable() throws Exception {
        as(Role.AUDITOR, get(REVIEW).accept("text/html")).andExpect(problem(406, "not-acceptable"));
        as(Role.AUDITOR, get(REVIEW).accept("application/xml")).andExpect(problem(406, "not-acceptable"));
        verifyNoInteractions(personnel);
    }
}
