package vn.province.govtrack.query.timeliness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * Every dossier's fact in memory, with the position of the last event folded into it, each packed in
 * a few dozen bytes: codes as the dictionary's numbers, instants as seconds from the receipt and
 * nanoseconds, counts and numbers as variable-length integers. The index needs a dossier's fact
 * again only when one of its events arrives (to fold the event and take the old contribution away),
 * so a year of a province's dossiers fits in memory where their {@link DossierFact} objects would
 * not. A code read back is never null: a missing one comes back empty, which counts the same.
 *
 * <p>Not thread-safe: {@link TimelinessIndex} guards it.
 */
final class CompactFacts {

    private static final DossierStatus[] STATUSES = DossierStatus.values();
    private static final Timeliness[] VERDICTS = Timeliness.values();

    private final CountingKeys keys;
    private final Map<String, byte[]> packed = new HashMap<>();

    CompactFacts(CountingKeys keys) {
        this.keys = keys;
    }

    /** The position of the last event folded into the dossier's fact; -1 when it has none. */
    long lastPosition(String dossierId) {
        byte[] bytes = packed.get(dossierId);
        return bytes == null ? -1 : ByteBuffer.wrap(bytes).getLong();
    }

    /** The dossier's fact; null when it has none. */
    DossierFact fact(String dossierId) {
        byte[] bytes = packed.get(dossierId);
        return bytes == null ? null : unpack(dossierId, bytes);
    }

    void put(DossierFact fact, long lastPosition) {
        packed.put(fact.dossierId(), pack(fact, lastPosition));
    }

    void remove(String dossierId) {
        packed.remove(dossierId);
    }

    int size() {
        return packed.size();
    }

    /** Hands every fact and its last position to {@code consumer}; the consumer may remove the fact it is handed. */
    void forEach(BiConsumer<DossierFact, Long> consumer) {
        for (Map.Entry<String, byte[]> entry : List.copyOf(packed.entrySet())) {
            consumer.accept(unpack(entry.getKey(), entry.getValue()), ByteBuffer.wrap(entry.getValue()).getLong());
        }
    }

    private byte[] pack(DossierFact fact, long lastPosition) {
        Writer out = new Writer(lastPosition);
        Instant origin = fact.receivedAt();
        out.number(keys.numberOf(GroupBy.PROCEDURE, fact.procedureCode()));
        out.number(keys.numberOf(GroupBy.FIELD, fact.field()));
        out.signed(origin.getEpochSecond());
        out.number(origin.getNano());
        out.number(fact.holdings().size());
        for (DossierFact.Holding holding : fact.holdings()) {
            out.instant(holding.from(), origin);
            out.number(keys.numberOf(GroupBy.UNIT, holding.unitCode()));
        }
        out.number(fact.deadlines().size());
        for (DossierFact.Deadline deadline : fact.deadlines()) {
            out.instant(deadline.from(), origin);
            out.instant(deadline.dueAt(), origin);
        }
        out.number(fact.pauses().size());
        for (DossierFact.Pause pause : fact.pauses()) {
            out.instant(pause.from(), origin);
            out.number(pause.until() == null ? 0 : 1);
            if (pause.until() != null) {
                out.instant(pause.until(), origin);
            }
        }
        out.number(fact.endedAs() == null ? 0 : fact.endedAs().ordinal() + 1);
        if (fact.ended()) {
            out.instant(fact.endedAt(), origin);
            out.number(fact.verdict() == null ? 0 : fact.verdict().ordinal() + 1);
            out.number(fact.processingDays() == null ? 0 : 1);
            if (fact.processingDays() != null) {
                out.fixed(Double.doubleToRawLongBits(fact.processingDays()));
            }
        }
        return out.bytes();
    }

    private DossierFact unpack(String dossierId, byte[] bytes) {
        Reader in = new Reader(bytes);
        String procedureCode = keys.name(GroupBy.PROCEDURE, in.number());
        String field = keys.name(GroupBy.FIELD, in.number());
        Instant origin = Instant.ofEpochSecond(in.signed(), in.number());
        List<DossierFact.Holding> holdings = new ArrayList<>();
        for (int i = in.number(); i > 0; i--) {
            holdings.add(new DossierFact.Holding(in.instant(origin), keys.name(GroupBy.UNIT, in.number())));
        }
        List<DossierFact.Deadline> deadlines = new ArrayList<>();
        for (int i = in.number(); i > 0; i--) {
            deadlines.add(new DossierFact.Deadline(in.instant(origin), in.instant(origin)));
        }
        List<DossierFact.Pause> pauses = new ArrayList<>();
        for (int i = in.number(); i > 0; i--) {
            Instant from = in.instant(origin);
            pauses.add(new DossierFact.Pause(from, in.number() == 0 ? null : in.instant(origin)));
        }
        int endedAs = in.number();
        if (endedAs == 0) {
            return new DossierFact(dossierId, procedureCode, field, origin, holdings, deadlines, pauses, null, null,
                    null, null);
        }
        Instant endedAt = in.instant(origin);
        int verdict = in.number();
        Double processingDays = in.number() == 0 ? null : Double.longBitsToDouble(in.fixed());
        return new DossierFact(dossierId, procedureCode, field, origin, holdings, deadlines, pauses, endedAt,
                STATUSES[endedAs - 1], verdict == 0 ? null : VERDICTS[verdict - 1], processingDays);
    }

    /** Variable-length integers (7 bits a byte), after the last position in 8 bytes. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(48);

        Writer(long lastPosition) {
            fixed(lastPosition);
        }

        void fixed(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (value >>> shift));
            }
        }

        void number(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                out.write((int) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            out.write((int) rest);
        }

        /** Zig-zag, so that small negative numbers stay short. */
        void signed(long value) {
            number((value << 1) ^ (value >> 63));
        }

        void instant(Instant instant, Instant origin) {
            signed(instant.getEpochSecond() - origin.getEpochSecond());
            number(instant.getNano());
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int at = Long.BYTES;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int number() {
            return Math.toIntExact(unsigned());
        }

        long fixed() {
            long value = ByteBuffer.wrap(bytes, at, Long.BYTES).getLong();
            at += Long.BYTES;
            return value;
        }

        long signed() {
            long zigzag = unsigned();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        Instant instant(Instant origin) {
            long seconds = origin.getEpochSecond() + signed();
            return Instant.ofEpochSecond(seconds, number());
        }

        private long unsigned() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }
    }
}
