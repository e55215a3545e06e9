package vn.province.govtrack.query.audit;

import java.time.Clock;

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

/** Turns stored event messages into {@link AuditedEvent}s: payload and metadata as JSON, time in the business zone. */
@Component
class AuditedEvents {

    private final Serializer eventSerializer;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    AuditedEvents(@Qualifier("eventSerializer") Serializer eventSerializer, ObjectMapper objectMapper, Clock clock) {
        this.eventSerializer = eventSerializer;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    AuditedEvent of(EventMessage<?> message) {
        Object payload = message.getPayload();
        SerializedType type = payload instanceof UnknownSerializedType unknown
                ? unknown.serializedType()
                : eventSerializer.typeForClass(message.getPayloadType());
        JsonNode payloadJson = payload instanceof UnknownSerializedType unknown
                ? unknown.readData(JsonNode.class)
                : objectMapper.valueToTree(payload);
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        return new AuditedEvent(positionOf(message),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getSequenceNumber(),
                message.getIdentifier(),
                simpleName(type.getName()),
                type.getRevision(),
                message.getTimestamp().atZone(clock.getZone()).toOffsetDateTime(),
                payloadJson,
                objectMapper.valueToTree(message.getMetaData()));
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
