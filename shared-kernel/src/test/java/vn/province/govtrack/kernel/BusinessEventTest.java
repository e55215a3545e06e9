package vn.province.govtrack.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;

/**
 * Every event of the kernel says when it happened ({@link BusinessEvent}), at the instant the domain
 * names, and saying so changed none of their stored JSON.
 */
class BusinessEventTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant FIRST_INSTANT = Instant.parse("2025-07-01T01:00:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 7, 1);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
                                                               .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Each event and the component that says when it happened; none for those that take effect when decided. */
    private static final Map<String, String> HAPPENED_AT = new TreeMap<>(Map.ofEntries(
            Map.entry("ApplicantDataErasedEvent", "erasedAt"),
            Map.entry("HolidaysSetEvent", "-"),
            Map.entry("DossierAssignedEvent", "assignedAt"),
            Map.entry("DossierExtendedEvent", "extendedAt"),
            Map.entry("DossierReceivedEvent", "receivedAt"),
            Map.entry("DossierRefusedEvent", "refusedAt"),
            Map.entry("DossierResolvedEvent", "resolvedAt"),
            Map.entry("DossierReturnedEvent", "returnedAt"),
            Map.entry("DossierStoppedEvent", "stoppedAt"),
            Map.entry("DossierSubmittedOnlineEvent", "submittedAt"),
            Map.entry("DossierTransferredEvent", "transferredAt"),
            Map.entry("DossierWithdrawalRequestedEvent", "requestedAt"),
            Map.entry("PaymentRecordedEvent", "paidAt"),
            Map.entry("PaymentRequestedEvent", "requestedAt"),
            Map.entry("SupplementProvidedEvent", "providedAt"),
            Map.entry("SupplementRequestedEvent", "requestedAt"),
            Map.entry("DossierDigitisedEvent", "digitisedAt"),
            Map.entry("DossierRatedEvent", "ratedAt"),
            Map.entry("ElectronicResultIssuedEvent", "issuedAt"),
            Map.entry("FeedbackAnsweredEvent", "answeredAt"),
            Map.entry("FeedbackReceivedEvent", "receivedAt"),
            Map.entry("ProcedurePublishedEvent", "publishedOn"),
            Map.entry("ProcedureUpdatedEvent", "updatedOn"),
            Map.entry("PortalAccountProvisionedEvent", "provisionedOn"),
            Map.entry("PortalAccountRevokedEvent", "revokedOn"),
            Map.entry("SecondmentEndedEvent", "endedOn"),
            Map.entry("StaffDepartedEvent", "effectiveDate"),
            Map.entry("StaffRecruitedEvent", "effectiveDate"),
            Map.entry("StaffSecondedEvent", "from"),
            Map.entry("StaffTransferredEvent", "effectiveDate"),
            Map.entry("TrainingCompletedEvent", "completedOn"),
            Map.entry("StaffingQuotaSetEvent", "effectiveDate"),
            Map.entry("UnitDissolvedEvent", "effectiveDate"),
            Map.entry("UnitRegisteredEvent", "-")));

    @Test
    void every_class_of_the_kernel_named_an_event_says_when_it_happened() {
        List<String> forgetful = kernelClassesNamedEvent().filter(type -> !BusinessEvent.class.isAssignableFrom(type))
                                                          .map(Class::getName).toList();

        assertThat(forgetful).as("classes named ...Event that do not implement BusinessEvent").isEmpty();
    }

    @Test
    void every_event_record_of_the_kernel_has_its_business_time_listed_here() {
        assertThat(eventRecords().map(Class::getSimpleName)).containsExactlyInAnyOrderElementsOf(HAPPENED_AT.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventRecords")
    void an_event_happened_at_the_instant_or_the_start_of_the_day_it_names(Class<?> type) throws Exception {
        Object event = sample(type);
        String component = HAPPENED_AT.get(type.getSimpleName());

        Optional<Instant> occurredAt = ((BusinessEvent) event).occurredAt(VIETNAM);

        if ("-".equals(component)) {
            assertThat(occurredAt).as("no time of its own: it happened when decided").isEmpty();
            return;
        }
        Object named = type.getMethod(component).invoke(event);
        Instant expected = named instanceof LocalDate day ? day.atStartOfDay(VIETNAM).toInstant() : (Instant) named;
        assertThat(occurredAt).contains(expected);
    }

    /**
     * The stored JSON of an event is its components, by name and in order, and nothing else: the
     * tamper-evidence chain hashes it, so saying when an event happened must not add a property.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eventRecords")
    void an_events_json_is_its_components_and_nothing_more(Class<?> type) throws Exception {
        JsonNode json = JSON.valueToTree(sample(type));

        List<String> properties = new ArrayList<>();
        json.fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsExactlyElementsOf(
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void a_received_dossier_serialises_exactly_as_before() throws Exception {
        var event = new DossierReceivedEvent(
                "HS-1", "1.004227", "JUSTICE", "W-BA-DINH", Channel.IN_PERSON,
                new SealedApplicant("key-1", "c2VhbGVk"),
                Instant.parse("2025-07-01T02:00:00Z"), 24, Instant.parse("2025-07-01T02:00:00Z"),
                Instant.parse("2025-07-04T02:00:00Z"));

        assertThat(JSON.writeValueAsString(event)).isEqualTo("""
                {"dossierId":"HS-1","procedureCode":"1.004227","field":"JUSTICE","unitCode":"W-BA-DINH",\
                "channel":"IN_PERSON","applicant":{"keyId":"key-1","ciphertext":"c2VhbGVk"},\
                "receivedAt":"2025-07-01T02:00:00Z","processingHours":24,"clockStartsAt":"2025-07-01T02:00:00Z",\
                "dueAt":"2025-07-04T02:00:00Z"}""");
    }

    static Stream<Class<?>> eventRecords() {
        return kernelClassesNamedEvent().filter(Class::isRecord);
    }

    private static Stream<Class<?>> kernelClassesNamedEvent() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                      .importPackages("vn.province.govtrack.kernel").stream()
                                      .filter(type -> type.getSimpleName().endsWith("Event"))
                                      .map(JavaClass::reflect)
                                      .sorted(Comparator.comparing(Class::getName))
                                      .map(type -> (Class<?>) type);
    }

    /** An instance whose components all differ: instants and days one apart in the order of the components. */
    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType(), i);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return canonical.newInstance(values);
    }

    private static Object value(Class<?> type, int index) throws Exception {
        if (type == String.class) {
            return "text-" + index;
        } else if (type == int.class || type == Integer.class) {
            return index + 1;
        } else if (type == long.class || type == Long.class) {
            return index + 1L;
        } else if (type == double.class || type == Double.class) {
            return index + 0.5;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == Instant.class) {
            return FIRST_INSTANT.plus(index, ChronoUnit.HOURS);
        } else if (type == LocalDate.class) {
            return FIRST_DAY.plusDays(index);
        } else if (type == LocalTime.class) {
            return LocalTime.of(15, 0);
        } else if (type == List.class) {
            return List.of();
        } else if (type == Set.class) {
            return Set.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type.isRecord()) {
            return sample(type);
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }
}
