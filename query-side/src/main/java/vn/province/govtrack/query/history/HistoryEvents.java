package vn.province.govtrack.query.history;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.province.govtrack.kernel.BusinessEvent;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.query.applicant.ApplicantDisclosure;
import vn.province.govtrack.query.applicant.ApplicantView;
import vn.province.govtrack.query.applicant.PersonalDataReader;

/**
 * Turns stored event messages into {@link HistoryEvent}s: payload and metadata as JSON, times in the
 * business zone, the business time ({@link #occurredAt}) beside the timestamp. A payload's
 * {@code applicant} (sealed in the store) is shown opened to readers allowed to see personal data, as
 * {@link ApplicantView} (clear, or the erased marker), and left out for everyone else: the sealed form
 * itself is shown to nobody, since its key id links an applicant's dossiers even after erasure.
 */
@Component
class HistoryEvents {

    static final String APPLICANT = "applicant";

    private final Serializer eventSerializer;
    private final ObjectMapper objectMapper;
    private final ApplicantDisclosure disclosure;
    private final Clock clock;

    HistoryEvents(@Qualifier("eventSerializer") Serializer eventSerializer, ObjectMapper objectMapper,
                  ApplicantDisclosure disclosure, Clock clock) {
        this.eventSerializer = eventSerializer;
        this.objectMapper = objectMapper;
        this.disclosure = disclosure;
        this.clock = clock;
    }

    /** The messages as {@code reader} may see them, without recording times. */
    List<HistoryEvent> all(List<? extends EventMessage<?>> messages, PersonalDataReader reader) {
        return all(messages, Map.of(), reader);
    }

    /**
     * The messages as {@code reader} may see them; their applicants' keys are read in one query.
     *
     * @param recordedAt when the store recorded each, by position ({@link EventLog#recordedAt})
     */
    List<HistoryEvent> all(List<? extends EventMessage<?>> messages, Map<Long, Instant> recordedAt,
                           PersonalDataReader reader) {
        List<HistoryEvent> events = messages.stream().map(message -> withSealedPayload(message, recordedAt)).toList();
        List<ObjectNode> withApplicant = events.stream().map(HistoryEvent::payload)
                                               .filter(payload -> payload.isObject() && payload.has(APPLICANT))
                                               .map(ObjectNode.class::cast).toList();
        if (withApplicant.isEmpty()) {
            return events;
        }
        if (!reader.sees(null)) {
            withApplicant.forEach(payload -> payload.remove(APPLICANT));
            return events;
        }
        Map<SealedApplicant, ApplicantView> opened = disclosure.open(
                withApplicant.stream().map(HistoryEvents::sealedApplicantOf).filter(Objects::nonNull)
                             .toList());
        for (ObjectNode payload : withApplicant) {
            SealedApplicant sealed = sealedApplicantOf(payload);
            ApplicantView shown = sealed == null ? null : opened.get(sealed);
            payload.set(APPLICANT, objectMapper.valueToTree(shown != null ? shown : ApplicantView.UNREADABLE));
        }
        return events;
    }

    /** The payload type's simple name, e.g. {@code DossierReceivedEvent}. */
    String typeOf(EventMessage<?> message) {
        return withSealedPayload(message, Map.of()).type();
    }

    /** The applicant a payload carries in sealed form; null for anything else (no applicant, or another form). */
    private static SealedApplicant sealedApplicantOf(JsonNode payload) {
        JsonNode applicant = payload.get(APPLICANT);
        if (applicant == null || !applicant.isObject() || !applicant.path("keyId").isTextual()
            || !applicant.path("ciphertext").isTextual()) {
            return null;
        }
        return new SealedApplicant(applicant.get("keyId").asText(), applicant.get("ciphertext").asText());
    }

    /** Only {@link #all} may let this leave the class: it still holds the sealed applicant. */
    private HistoryEvent withSealedPayload(EventMessage<?> message, Map<Long, Instant> recordedAt) {
        Object payload = message.getPayload();
        SerializedType type = payload instanceof UnknownSerializedType unknown
                ? unknown.serializedType()
                : eventSerializer.typeForClass(message.getPayloadType());
        JsonNode payloadJson = payload instanceof UnknownSerializedType unknown
                ? unknown.readData(JsonNode.class).deepCopy()
                : objectMapper.valueToTree(payload);
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Long position = positionOf(message);
        Instant recorded = position == null ? null : recordedAt.get(position);
        return new HistoryEvent(position,
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getSequenceNumber(),
                message.getIdentifier(),
                simpleName(type.getName()),
                type.getRevision(),
                inZone(message.getTimestamp()),
                recorded == null ? null : inZone(recorded),
                inZone(occurredAt(message)),
                payloadJson,
                objectMapper.valueToTree(message.getMetaData()));
    }

    /**
     * When the message's event happened, its business time: as its payload says
     * ({@link BusinessEvent#occurredAt}), or the message's timestamp for a payload that carries no time of
     * its own or that this version cannot read.
     */
    Instant occurredAt(EventMessage<?> message) {
        Object payload = message.getPayload();
        Optional<Instant> occurredAt = payload instanceof BusinessEvent event
                ? event.occurredAt(clock.getZone())
                : Optional.empty();
        return occurredAt.orElseGet(message::getTimestamp);
    }

    OffsetDateTime inZone(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }

    static Long positionOf(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            if (token != null && token.position().isPresent()) {
                return token.position().getAsLong();
            }
        }
        return null;
    }

    private static String simpleName(String typeName) {
        int lastSeparator = Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$'));
        return typeName.substring(lastSeparator + 1);
    }
}
