package vn.province.govtrack.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;

class AcceptedTest {

    private static final UnitDissolvedEvent DISSOLVED =
            new UnitDissolvedEvent("XA-TAN-HOA", LocalDate.parse("2025-11-01"), "88/NQ-HĐND");

    @Test
    void aPendingAcceptanceHasNoPositionUntilItsCommitSettlesIt() {
        Accepted<UnitDissolvedEvent> accepted = Accepted.pending(DISSOLVED);

        assertThatThrownBy(accepted::position).isInstanceOf(IllegalStateException.class)
                                              .hasMessageContaining("not committed yet");
        accepted.settle(42);

        assertThat(accepted.position()).isEqualTo(42);
        assertThat(accepted).isEqualTo(Accepted.at(DISSOLVED, 42));
    }

    @Test
    void anAcceptanceIsSettledOnce() {
        Accepted<UnitDissolvedEvent> accepted = Accepted.pending(DISSOLVED);
        accepted.settle(42);

        assertThatThrownBy(() -> accepted.settle(43)).isInstanceOf(IllegalStateException.class);
        assertThat(accepted.position()).isEqualTo(42);
    }

    @Test
    void aCommandThatAppendedNothingIsAcceptedAtPositionZeroButNoPositionIsNegative() {
        assertThat(Accepted.at(DISSOLVED, 0).position()).isZero();
        assertThatThrownBy(() -> Accepted.at(DISSOLVED, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Accepted.pending(DISSOLVED).settle(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAnswerIsCheckedAgainstTheTypeTheCallerExpects() {
        Accepted<Object> accepted = Accepted.at(DISSOLVED, 7);

        assertThat(accepted.answering(UnitDissolvedEvent.class).answer()).isEqualTo(DISSOLVED);
        assertThatThrownBy(() -> accepted.answering(LocalDate.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected the handler to answer LocalDate, it answered UnitDissolvedEvent");
        assertThatThrownBy(() -> Accepted.at(null, 7).answering(LocalDate.class))
                .hasMessageContaining("it answered nothing");
    }

    /** A distributed bus serializes the result after the commit, and the dispatching node reads it back. */
    @Test
    void aSettledAcceptanceTravelsThroughTheMessageSerializerWithItsAnswerTypeAndPosition() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        Accepted<UnitDissolvedEvent> accepted = Accepted.pending(DISSOLVED);
        accepted.settle(42);

        SerializedObject<byte[]> serialized = serializer.serialize(accepted, byte[].class);
        Accepted<?> received = serializer.deserialize(serialized);

        assertThat(received).isEqualTo(accepted);
        assertThat(received.answer()).isInstanceOf(UnitDissolvedEvent.class);
    }
}
