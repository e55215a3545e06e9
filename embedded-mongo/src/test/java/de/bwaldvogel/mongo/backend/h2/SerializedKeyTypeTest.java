package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;

/** The caching key type writes and orders index keys exactly as H2's own type does. */
class SerializedKeyTypeTest {

    private static final List<KeyValue> KEYS = List.of(
            new KeyValue(List.of("dossier-1#0")), new KeyValue(List.of("dossier-1#10")), new KeyValue(List.of("~pos:7")),
            new KeyValue(List.of(7L)), new KeyValue(List.of(42)), new KeyValue(List.of("a", 1L)),
            new KeyValue(List.of("~id:5d0c0d38-6a55-4a8e-9a3c-0c1f3c1c9f11")));

    private final ObjectDataType h2 = new ObjectDataType();
    private final SerializedKeyCachingH2Database.SerializedKeyType caching =
            SerializedKeyCachingH2Database.SerializedKeyType.INSTANCE;

    @Test
    void a_key_is_written_byte_for_byte_as_h2_writes_it() {
        assertThat(SerializedKeyCachingH2Database.SerializedKeyType.SERIALIZED_TAG).as("H2's layout was recognised")
                                                                                  .isNotZero();
        for (KeyValue key : KEYS) {
            WriteBuffer expected = new WriteBuffer();
            h2.write(expected, key);
            WriteBuffer actual = new WriteBuffer();
            caching.write(actual, key);
            caching.write(actual.clear(), key); // the second time from the cached bytes
            assertThat(actual.getBuffer().flip()).as(key.toString()).isEqualTo(expected.getBuffer().flip());
        }
    }

    @Test
    void keys_are_ordered_as_h2_orders_them() {
        for (KeyValue a : KEYS) {
            for (KeyValue b : KEYS) {
                assertThat(Integer.signum(caching.compare(a, b))).as(a + " vs " + b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
                assertThat(Integer.signum(caching.compare(new KeyValue(a.iterator().next()), b)))
                        .isEqualTo(Integer.signum(h2.compare(new KeyValue(a.iterator().next()), b)));
            }
        }
    }
}
