package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class TimeOrderedIdentifierFactoryTest {

    private final TimeOrderedIdentifierFactory factory = new TimeOrderedIdentifierFactory();

    @Test
    void identifiers_are_version_7_uuids_that_sort_in_the_order_they_were_made_and_never_repeat() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(factory.generateIdentifier());
        }

        assertThat(made).isSorted();
        assertThat(new HashSet<>(made)).hasSize(made.size());
        UUID first = UUID.fromString(made.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isCloseTo(System.currentTimeMillis(),
                                                                     org.assertj.core.data.Offset.offset(60_000L));
    }

    @Test
    void axon_makes_every_message_identifier_with_it() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        assertThat(UUID.fromString(GenericEventMessage.asEventMessage("x").getIdentifier()).version()).isEqualTo(7);
    }
}
