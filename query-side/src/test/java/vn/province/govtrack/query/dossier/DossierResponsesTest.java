package vn.province.govtrack.query.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.query.applicant.PersonalDataReader;

/** A response is the view by field name, its times in the business time zone, as the public API shows it. */
class DossierResponsesTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final DossierResponses responses =
            new DossierResponses(null, Clock.fixed(Instant.parse("2025-07-02T00:00:00Z"), HANOI), json);

    @Test
    void every_field_of_the_view_shows_by_name_with_times_in_the_business_zone() {
        DossierView view = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"))
                                      .atPosition(4);

        DossierResponse response = responses.of(view, PersonalDataReader.NOBODY);

        assertThat(response.dossierId()).isEqualTo("HS-1");
        assertThat(response.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(response.statusCode()).isEqualTo(2);
        assertThat(response.receivedAt()).isEqualTo(OffsetDateTime.parse("2025-07-01T09:00:00+07:00"));
        assertThat(response.receivedAt().getOffset()).isEqualTo(HANOI.getRules().getOffset(DossierEvents.RECEIVED_AT));
        assertThat(response.dueAt().toInstant()).isEqualTo(DossierEvents.DUE_AT);
        assertThat(response.clockRunning()).isTrue();
        assertThat(response.processingHours()).isEqualTo(24);
        assertThat(response.unitCode()).isEqualTo("W-BA-DINH");
        assertThat(response.applicant()).as("not for a reader who sees no personal data").isNull();
        assertThat(response.lastPosition()).isEqualTo(4);
    }

    @Test
    void the_json_of_a_response_names_the_fields_of_the_public_contract() {
        DossierView view = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"));

        JsonNode body = json.valueToTree(responses.all(List.of(view), PersonalDataReader.NOBODY).get(0));

        assertThat(body.fieldNames()).toIterable().containsExactly("dossierId", "status", "statusCode",
                "procedureCode", "field", "unitCode", "channel", "submittedAt", "refusedAt", "receivedAt",
                "clockStartsAt", "processingHours", "dueAt", "clockRunning", "assignedStaffId",
                "supplementRequests", "pausedSince", "extensions", "transfers", "amountRequested", "amountPaid",
                "withdrawalRequestedAt", "resolvedAt", "outcome", "timeliness", "processingDays", "returnedAt",
                "stoppedAt", "lastPosition");
    }
}
