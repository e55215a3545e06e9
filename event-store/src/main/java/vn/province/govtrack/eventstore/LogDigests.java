package vn.province.govtrack.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The canonical encoding of the log and its SHA-256 digests, which make the log one hash chain
 * (docs/adr/0010-tamper-evident-log.md). Everything is hashed exactly as stored: payload and metadata
 * are the serializer's JSON text, so erasing personal data (destroying a key of a sealed payload)
 * changes no hashed byte.
 * <pre>
 * field(s)  = int32 length of s's UTF-8 bytes, then the bytes; int32 -1 for null
 * d (event) = SHA-256("govtrack-event/1" ‖ position int64 ‖ field(id) ‖ field(agg) ‖ field(aggType)
 *                     ‖ seq int64 (-1 without aggregate) ‖ field(type) ‖ field(rev) ‖ field(ts)
 *                     ‖ field(payload) ‖ field(meta))
 * D (commit)= SHA-256("govtrack-commit/1" ‖ first int64 ‖ last int64 ‖ committedAt epoch millis int64
 *                     ‖ field(key) ‖ fence byte ‖ n int32 ‖ d_1 ‖ … ‖ d_n)      (a void slot: n = 0)
 * H_k       = SHA-256(H_{k-1} ‖ D_k), H_0 = 32 zero bytes; one H per commit or void slot, in position order
 * </pre>
 * Integers are big-endian. An instance holds one {@link MessageDigest} and a scratch buffer: it is
 * not thread-safe; use one per thread (or per writer, verifier).
 */
public final class LogDigests {

    /** Length of every digest and chain hash, in bytes. */
    public static final int HASH_LENGTH = 32;

    private static final byte[] EVENT_DOMAIN = "govtrack-event/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMIT_DOMAIN = "govtrack-commit/1".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256;
    private final byte[] scratch = new byte[8];
    /** A field's UTF-8 bytes, reused: the hot loop of a verification allocates nothing per field. */
    private byte[] utf8 = new byte[1024];

    public LogDigests() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** H_0: the chain hash before position 1. */
    public static byte[] zeroHash() {
        return new byte[HASH_LENGTH];
    }

    /** The digest d of one event as stored at {@code position}; {@code seq} is -1 for an event without aggregate. */
    public byte[] eventDigest(long position, String id, String agg, String aggType, long seq, String type,
                              String rev, String ts, String payload, String meta) {
        sha256.update(EVENT_DOMAIN);
        putLong(position);
        putField(id);
        putField(agg);
        putField(aggType);
        putLong(seq);
        putField(type);
        putField(rev);
        putField(ts);
        putField(payload);
        putField(meta);
        return sha256.digest();
    }

    /** The digest D of a commit (or, with {@code fence} and no events, of a void slot). */
    public byte[] commitDigest(long first, long last, long committedAtMillis, String key, boolean fence,
                               List<byte[]> eventDigests) {
        sha256.update(COMMIT_DOMAIN);
        putLong(first);
        putLong(last);
        putLong(committedAtMillis);
        putField(key);
        sha256.update((byte) (fence ? 1 : 0));
        putInt(eventDigests.size());
        for (byte[] digest : eventDigests) {
            sha256.update(digest);
        }
        return sha256.digest();
    }

    /** H_k = SHA-256(H_{k-1} ‖ D_k). */
    public byte[] chain(byte[] previousHash, byte[] commitDigest) {
        sha256.update(previousHash);
        sha256.update(commitDigest);
        return sha256.digest();
    }

    private void putField(String value) {
        if (value == null) {
            putInt(-1);
            return;
        }
        int length = encodeUtf8(value);
        putInt(length);
        sha256.update(utf8, 0, length);
    }

    /**
     * Encodes {@code value} as UTF-8 into {@link #utf8}, exactly as {@code String.getBytes(UTF_8)} does
     * (an unpaired surrogate becomes '?'); answers the length.
     */
    private int encodeUtf8(String value) {
        int chars = value.length();
        if (utf8.length < chars * 3) {
            utf8 = new byte[Math.max(chars * 3, utf8.length * 2)];
        }
        byte[] out = utf8;
        int n = 0;
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                int codePoint = Character.isHighSurrogate(c) && i + 1 < chars
                                && Character.isLowSurrogate(value.charAt(i + 1))
                        ? Character.toCodePoint(c, value.charAt(++i)) : -1;
                if (codePoint < 0) {
                    out[n++] = '?';
                } else {
                    out[n++] = (byte) (0xF0 | codePoint >> 18);
                    out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    out[n++] = (byte) (0x80 | codePoint & 0x3F);
                }
            } else {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }

    private void putLong(long value) {
        for (int i = 7; i >= 0; i--) {
            scratch[i] = (byte) value;
            value >>>= 8;
        }
        sha256.update(scratch, 0, 8);
    }

    private void putInt(int value) {
        for (int i = 3; i >= 0; i--) {
            scratch[i] = (byte) value;
            value >>>= 8;
        }
        sha256.update(scratch, 0, 4);
    }
}
