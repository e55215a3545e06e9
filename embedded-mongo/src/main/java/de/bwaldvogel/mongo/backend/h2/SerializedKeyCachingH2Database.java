package de.bwaldvogel.mongo.backend.h2;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * mongo-java-server's H2 database with faster unique indexes: part of the embedded server's
 * workarounds, used only by {@code vn.province.govtrack.embeddedmongo.DurableH2Backend}. It lives in
 * mongo-java-server's package because the index class it builds is package-private there.
 *
 * <p>An index is an H2 map from {@link KeyValue} to a document's position. H2's default key type
 * orders a key that is not {@link Comparable}, as {@code KeyValue} is not, by its Java serialization,
 * and serializes both keys anew at every comparison of a B-tree search: about thirty serializations
 * per lookup, which made index lookups half of the server's CPU while the demo was seeded. This
 * key type compares the same serialized bytes in the same order, so files written before it stay
 * correctly ordered, but serializes each key object once and keeps the bytes while the object lives
 * (the keys of the pages H2 holds in its cache, and the key being looked up).
 */
public class SerializedKeyCachingH2Database extends H2Database {

    /** H2Database's store, which it keeps private and uses from its constructor on, before a field of ours is set. */
    private static final Field STORE;

    static {
        try {
            STORE = H2Database.class.getDeclaredField("mvStore");
            STORE.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public SerializedKeyCachingH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
    }

    private MVStore store() {
        try {
            return (MVStore) STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        // the map name H2Database gives an index (its own method is private)
        String name = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> map = store().openMap(name, new MVMap.Builder<KeyValue, Object>()
                .keyType(SerializedKeyType.INSTANCE).valueType(new ObjectDataType()));
        return new H2UniqueIndex(map, indexName, keys, sparse);
    }

    /**
     * H2's {@link ObjectDataType}, whose stored form it keeps, comparing two {@link KeyValue}s by their
     * serialized bytes as it does, with each object's bytes computed once; it also writes a key from
     * those bytes, since H2 rewrites every key of an index page each time one key of it changes.
     */
    static final class SerializedKeyType extends ObjectDataType {

        static final SerializedKeyType INSTANCE = new SerializedKeyType();

        /**
         * The type tag H2 writes before a serialized object's length and bytes, read off H2's own output
         * for a sample key; 0 if that output is not tag, length, bytes (a different H2), and then every
         * key is written by H2 itself.
         */
        static final byte SERIALIZED_TAG = serializedTag();

        /** Equal keys serialize alike, so an entry may serve an equal key too; weak, so it lives no longer than its key. */
        private final Map<KeyValue, byte[]> serialized = Collections.synchronizedMap(new WeakHashMap<>());

        @Override
        public int compare(Object a, Object b) {
            if (a != b && a instanceof KeyValue first && b instanceof KeyValue second) {
                return compareNotNull(bytesOf(first), bytesOf(second));
            }
            return super.compare(a, b);
        }

        @Override
        public void write(WriteBuffer buffer, Object object) {
            if (SERIALIZED_TAG != 0 && object instanceof KeyValue key) {
                byte[] bytes = bytesOf(key);
                buffer.put(SERIALIZED_TAG).putVarInt(bytes.length).put(bytes);
            } else {
                super.write(buffer, object);
            }
        }

        private static byte serializedTag() {
            KeyValue sample = new KeyValue(List.of("sample", 1L));
            byte[] data = serialize(sample);
            WriteBuffer written = new WriteBuffer();
            new ObjectDataType().write(written, sample);
            ByteBuffer actual = written.getBuffer().flip();
            byte tag = actual.get(0);
            ByteBuffer expected = new WriteBuffer().put(tag).putVarInt(data.length).put(data).getBuffer().flip();
            return actual.equals(expected) ? tag : 0;
        }

        private byte[] bytesOf(KeyValue key) {
            byte[] bytes = serialized.get(key);
            if (bytes == null) {
                bytes = serialize(key);
                serialized.put(key, bytes);
            }
            return bytes;
        }
    }
}
