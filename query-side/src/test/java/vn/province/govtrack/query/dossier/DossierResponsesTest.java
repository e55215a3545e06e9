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

import vn.province.govtrack.kernel.dossier.DossierDigitisedEvent;
import vn.province.govtrack.kernel.dossier.DossierRatedEvent;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.ElectronicResultIssuedEvent;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.PaymentRecordedEvent;
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
    void the_national_index_inputs_show_with_times_in_the_business_zone() {
        DossierView view = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"));
        for (Object event : List.of(
                new DossierDigitisedEvent("HS-1", 4, 4, 2, true, Instant.parse("2025-07-01T03:00:00Z")),
                DossierEvents.paymentRequested("HS-1", 20_000),
                new PaymentRecordedEvent("HS-1", 20_000, Instant.parse("2025-07-01T04:00:00Z"), PaymentChannel.ONLINE),
                DossierEvents.resolvedEarly("HS-1"),
                new ElectronicResultIssuedEvent("HS-1", Instant.parse("2025-07-03T09:45:00Z")),
                DossierEvents.returned("HS-1"),
                new DossierRatedEvent("HS-1", 5, Instant.parse("2025-07-04T03:05:00Z")))) {
            view = DossierFold.evolve(view, event);
        }

        DossierResponse response = responses.of(view, PersonalDataReader.NOBODY);

        assertThat(response.parts()).isEqualTo(4);
        assertThat(response.digitisedParts()).isEqualTo(4);
        assertThat(response.reusedParts()).isEqualTo(2);
        assertThat(response.populationDataUsed()).isTrue();
        assertThat(response.digitisedAt()).isEqualTo(OffsetDateTime.parse("2025-07-01T10:00:00+07:00"));
        assertThat(response.amountPaidOnline()).isEqualTo(20_000);
        assertThat(response.paymentChannel()).isEqualTo(PaymentChannel.ONLINE);
        assertThat(response.electronicResultIssuedAt()).isEqualTo(OffsetDateTime.parse("2025-07-03T16:45:00+07:00"));
        assertThat(response.ratingScore()).isEqualTo(5);
        assertThat(response.ratedAt()).isEqualTo(OffsetDateTime.parse("2025-07-04T10:05:00+07:00"));
        assertThat(response.status()).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void the_json_of_a_response_names_the_fields_of_the_public_contract() {
        DossierView view = DossierFold.evolve(DossierFold.initial("HS-1"), DossierEvents.received("HS-1"));

        JsonNode body = json.valueToTree(responses.all(List.of(view), PersonalDataReader.NOBODY).get(0));

        assertThat(body.fieldNames()).toIterable().containsExactly("dossierId", "status", "statusCode",
                "procedureCode", "field", "unitCode", "channel", "submittedAt", "refusedAt", "receivedAt",
                "clockStartsAt", "processingHours", "dueAt", "clockRunning", "assignedStaffId",
                "supplementRequests", "pausedSince", "extensions", "transfers", "amountRequested", "amountPaid",
                "amountPaidOnline", "paymentChannel", "withdrawalRequestedAt", "resolvedAt", "outcome", "timeliness",
                "processingDays", "returnedAt", "stoppedAt", "parts", "digitisedParts", "reusedParts",
                "populationDataUsed", "digitisedAt", "electronicResultIssuedAt", "ratingScore", "ratedAt",
                "lastPosition");
    }
}
