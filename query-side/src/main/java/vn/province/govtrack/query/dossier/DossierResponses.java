package vn.province.govtrack.query.dossier;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.query.applicant.ApplicantDisclosure;
import vn.province.govtrack.query.applicant.ApplicantView;
import vn.province.govtrack.query.applicant.PersonalDataReader;

/**
 * Writes dossier views as responses for one reader: the applicant opened for a reader who may see
 * it (one key-store query for the whole page), left out for everyone else.
 *
 * <p>A response is mapped from its view by field name, instants as date-times in the business time
 * zone, with the view's {@code statusCode} and {@code clockRunning}.
 */
@Component
public class DossierResponses {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ApplicantDisclosure disclosure;
    private final ObjectMapper mapper;

    DossierResponses(ApplicantDisclosure disclosure, Clock clock, ObjectMapper objectMapper) {
        this.disclosure = disclosure;
        this.mapper = objectMapper.copy()
                                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                  .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                                  .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                  .registerModule(instantsIn(clock.getZone()));
    }

    public DossierResponse of(DossierView view, PersonalDataReader reader) {
        return all(List.of(view), reader).get(0);
    }

    public List<DossierResponse> all(List<DossierView> views, PersonalDataReader reader) {
        List<SealedApplicant> visible = views.stream().filter(view -> reader.sees(view.unitCode()))
                                             .map(DossierView::applicant).filter(Objects::nonNull).toList();
        Map<SealedApplicant, ApplicantView> opened = visible.isEmpty() ? Map.of() : disclosure.open(visible);
        return views.stream()
                    .map(view -> response(view, reader.sees(view.unitCode()) && view.applicant() != null
                            ? opened.get(view.applicant()) : null))
                    .toList();
    }

    /** @param applicant null to leave the applicant out */
    private DossierResponse response(DossierView view, ApplicantView applicant) {
        Map<String, Object> fields = mapper.convertValue(view, FIELDS);
        fields.put("statusCode", view.statusCode());
        fields.put("clockRunning", view.clockRunning());
        fields.put("applicant", applicant);
        return mapper.convertValue(fields, DossierResponse.class);
    }

    /** Instants written as the offset date-time of the zone, which a response's date-times read as they are. */
    private static SimpleModule instantsIn(ZoneId zone) {
        return new SimpleModule("instants-in-business-zone")
                .addSerializer(Instant.class, new StdScalarSerializer<>(Instant.class) {
                    @Override
                    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        provider.defaultSerializeValue(value.atZone(zone).toOffsetDateTime(), generator);
                    }
                });
    }
}
