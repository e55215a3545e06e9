package vn.province.govtrack.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The canonical encoding is fixed: these digests are what every verifier, in any language, must compute
 * from the same stored fields. Changing the encoding breaks every stored chain.
 */
class LogDigestsTest {

    private final LogDigests digests = new LogDigests();

    @Test
    void an_event_digest_is_sha256_over_the_documented_encoding_of_its_stored_fields() throws Exception {
        byte[] digest = digests.eventDigest(7, "e-1", "dossier-1", "Dossier", 2, "DossierReceivedEvent", "1",
                                            "2026-12-03T09:00:00Z", "{\"tên\":\"Nguyễn\"}", "{}");

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.write("govtrack-event/1".getBytes(StandardCharsets.US_ASCII));
        out.writeLong(7);
        field(out, "e-1");
        field(out, "dossier-1");
        field(out, "Dossier");
        out.writeLong(2);
        field(out, "DossierReceivedEvent");
        field(out, "1");
        field(out, "2026-12-03T09:00:00Z");
        field(out, "{\"tên\":\"Nguyễn\"}");
        field(out, "{}");
        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(EVENT_KNOWN_ANSWER);
    }

    @Test
    void an_event_without_aggregate_encodes_null_fields_as_minus_one_and_differs_from_empty_ones() {
        byte[] withNulls = digests.eventDigest(1, "e-2", null, null, -1, "Note", null, "t", "{}", "{}");
        byte[] withEmpty = digests.eventDigest(1, "e-2", "", "", -1, "Note", "", "t", "{}", "{}");

        assertThat(withNulls).isNotEqualTo(withEmpty);
        assertThat(HexFormat.of().formatHex(withNulls)).isEqualTo(NULLS_KNOWN_ANSWER);
    }

    @Test
    void a_commit_digest_and_the_chain_hash_follow_the_documented_encoding() throws Exception {
        byte[] d1 = digests.eventDigest(1, "a", null, null, -1, "T", null, "t", "{}", "{}");
        byte[] d2 = digests.eventDigest(2, "b", null, null, -1, "T", null, "t", "{}", "{}");
        byte[] commit = digests.commitDigest(1, 2, 1_764_752_400_000L, "key-1", false, List.of(d1, d2));
        byte[] chained = digests.chain(LogDigests.zeroHash(), commit);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.write("govtrack-commit/1".getBytes(StandardCharsets.US_ASCII));
        out.writeLong(1);
        out.writeLong(2);
        out.writeLong(1_764_752_400_000L);
        field(out, "key-1");
        out.writeByte(0);
        out.writeInt(2);
        out.write(d1);
        out.write(d2);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertThat(commit).isEqualTo(sha256.digest(expected.toByteArray()));
        sha256.update(new byte[32]);
        assertThat(chained).isEqualTo(sha256.digest(commit));
        assertThat(HexFormat.of().formatHex(chained)).isEqualTo(CHAIN_KNOWN_ANSWER);
    }

    @Test
    void fields_are_hashed_as_the_utf8_bytes_java_gives_them_including_astral_and_unpaired_surrogates()
            throws Exception {
        String text = "Hộ tịch 😀 \uD800 x\uDC00 end\uD83D";
        byte[] digest = digests.eventDigest(1, text, null, null, -1, text, null, text, text.repeat(500), text);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.write("govtrack-event/1".getBytes(StandardCharsets.US_ASCII));
        out.writeLong(1);
        field(out, text);
        out.writeInt(-1);
        out.writeInt(-1);
        out.writeLong(-1);
        field(out, text);
        out.writeInt(-1);
        field(out, text);
        field(out, text.repeat(500));
        field(out, text);
        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()));
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Computed independently of this code (Python's hashlib over the encoding above). */
    private static final String EVENT_KNOWN_ANSWER = "6ba1e9ed0cfbb7e9508057f6776fd66379c97fbbc429ab823f172f8070526819";
    private static final String NULLS_KNOWN_ANSWER = "9094602f85d261ea49eeda014417b00789193f90f9a276e76e8b423ac62871a7";
    private static final String CHAIN_KNOWN_ANSWER = "a1ee6af1d5836bc808e59cc362141337cdef81a5b9b38e9d6689ac77e1408219";
}
