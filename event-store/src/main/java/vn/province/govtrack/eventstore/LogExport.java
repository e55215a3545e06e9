package vn.province.govtrack.eventstore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.province.govtrack.eventstore.VerificationResult.Failure;
import vn.province.govtrack.eventstore.VerificationResult.Reason;

/**
 * Exports of the log that an auditor takes away and verifies offline, with no database: NDJSON, one
 * JSON object per line, UTF-8, format {@value #FORMAT}.
 *
 * <ol>
 *   <li>A <b>header</b>: {@code {"format", "scope": "log"|"stream", "aggregateId"?, "fromPosition",
 *       "toPosition", "hashBefore", "exportedAt", "checkpoints": [{"position", "hash", "signedAt",
 *       "signature", "keyId"}]}}: the chain hash before the first commit, and the signed checkpoints
 *       the range holds.</li>
 *   <li>One line per <b>commit</b> in position order: {@code {"first", "last", "recordedAt", "key"?,
 *       "fence", "hash", "events": [{"position", "id", "agg", "aggType", "seq", "type", "rev", "ts",
 *       "payload", "meta", "digest"}]}}, every field as stored ({@code payload} and {@code meta} are the
 *       stored JSON text, sealed personal data sealed). In a single-stream export the stream's commits
 *       show the other aggregates' events as {@code {"position", "digest"}} only, and the commits
 *       between as {@code {"first", "last", "digest", "hash"}} only: enough to recompute the chain up to
 *       a signed checkpoint, nothing of what they hold.</li>
 *   <li>An <b>end</b> line: {@code {"end": {"commits", "events", "lastPosition"}}}. An export without it
 *       was cut short.</li>
 * </ol>
 * Hashes and digests are lowercase hex; signatures Base64. {@link #verify} recomputes the chain from
 * {@code hashBefore} and checks every checkpoint of the header under a public key the auditor trusts:
 * the header's {@code hashBefore} needs no trust of its own, because a signed checkpoint after it is
 * reached only from the true one (SHA-256 is collision resistant).
 */
public final class LogExport {

    public static final String FORMAT = "govtrack-log-export/1";
    public static final String MEDIA_TYPE = "application/x-ndjson";

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lines hold one object each: no separator between them but the line end this class writes. */
    private static final JsonFactory LINES = new JsonFactory().setRootValueSeparator(null);

    private LogExport() {
    }

    /**
     * @param scope       {@code log} for a range of the global log, {@code stream} for one aggregate's stream
     * @param aggregateId the stream's aggregate, null for the log
     * @param toPosition  the last position the export declares: one that ends earlier was cut short
     */
    public record Header(String scope, String aggregateId, long fromPosition, long toPosition, byte[] hashBefore,
                         Instant exportedAt, List<Checkpoint> checkpoints) {
    }

    /**
     * What an export held and how its verification ended.
     *
     * @param streamEvents the stream's events shown in full (every event, for an export of the log)
     * @param complete     whether it ended with its end line
     * @param signed       whether a checkpoint verified under the trusted key covers everything it attests:
     *                     the export's declared end for the log, the stream's last event for a stream. What
     *                     lies after the newest checkpoint is chained but not signed: its exporter could have
     *                     written it.
     */
    public record Verified(Header header, VerificationResult result, long streamEvents, boolean complete,
                           boolean signed) {
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes positions {@code from..to} of the log (from the commit holding {@code from} to the one holding
     * {@code to}) with the checkpoints among them, reading and writing one commit at a time.
     *
     * @return the number of events written
     */
    public static long writeLog(MongoEventStorageEngine engine, long from, long to, Instant exportedAt,
                                OutputStream out) throws IOException {
        return writeLog(engine.logReader(), engine.auditCheckpoints(), from, to, exportedAt, out, commit -> { });
    }

    /**
     * Writes positions {@code from..to} of the log read by {@code reader}, with the checkpoints of
     * {@code stored} among them, without an engine (so without opening, or upgrading, the store), and hands
     * each commit to {@code written} once it is written: a backup reads what it needs of the log on the way.
     *
     * @return the number of events written
     */
    public static long writeLog(LogReader reader, AuditCheckpoints stored, long from, long to, Instant exportedAt,
                                OutputStream out, Consumer<LoggedCommit> written) throws IOException {
        try (Stream<LoggedCommit> commits = reader.read(from, to)) {
            Iterator<LoggedCommit> iterator = commits.iterator();
            long first = from;
            LoggedCommit head = iterator.hasNext() ? iterator.next() : null;
            if (head != null) {
                first = head.first();
            }
            List<Checkpoint> checkpoints = checkpointsWithin(stored, first, to);
            try (Writer writer = new Writer(out)) {
                writer.header(new Header("log", null, first, to, reader.hashBefore(first), exportedAt, checkpoints));
                if (head != null) {
                    writer.commit(head, null);
                    written.accept(head);
                }
                while (iterator.hasNext()) {
                    LoggedCommit commit = iterator.next();
                    writer.commit(commit, null);
                    written.accept(commit);
                }
                writer.end();
                return writer.events;
            }
        }
    }

    /**
     * Writes one aggregate's stream: from its first commit to the first signed checkpoint at or after its
     * last event (the head, when none is signed yet). Its own commits show its events in full and the
     * other events by digest; the commits between show their digests only.
     *
     * @return the number of the stream's events written; 0 (and nothing written) for an unknown stream
     */
    public static long writeStream(MongoEventStorageEngine engine, String aggregateId, Instant exportedAt,
                                   OutputStream out) throws IOException {
        LogReader reader = engine.logReader();
        List<LoggedCommit> own = reader.streamCommits(aggregateId);
        if (own.isEmpty()) {
            return 0;
        }
        long first = own.get(0).first();
        long last = own.get(own.size() - 1).last();
        long to = engine.auditCheckpoints().after(last - 1).stream().findFirst()
                        .map(Checkpoint::position).orElse(Math.max(last, engine.headPosition()));
        Set<Long> ownFirsts = own.stream().map(LoggedCommit::first).collect(Collectors.toSet());
        try (Writer writer = new Writer(out);
             Stream<LoggedCommit> commits = reader.read(first, to)) {
            writer.header(new Header("stream", aggregateId, first, to, reader.hashBefore(first), exportedAt,
                                     checkpointsWithin(engine.auditCheckpoints(), first, to)));
            LogDigests digests = new LogDigests();
            Iterator<LoggedCommit> iterator = commits.iterator();
            while (iterator.hasNext()) {
                LoggedCommit commit = iterator.next();
                if (ownFirsts.contains(commit.first())) {
                    writer.commit(commit, aggregateId);
                } else {
                    writer.opaque(commit, digests);
                }
            }
            writer.end();
            return writer.streamEvents;
        }
    }

    private static List<Checkpoint> checkpointsWithin(AuditCheckpoints stored, long from, long to) {
        return stored.after(from - 1).stream()
                     .takeWhile(checkpoint -> checkpoint.position() <= to)
                     .toList();
    }

    /** Writes the lines of one export; not thread-safe. */
    static final class Writer implements AutoCloseable {

        private final JsonGenerator json;
        private final OutputStream out;
        private long commits;
        private long events;
        private long streamEvents;
        private long lastPosition;

        Writer(OutputStream out) throws IOException {
            this.out = out;
            this.json = LINES.createGenerator(out, JsonEncoding.UTF8)
                            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }

        void header(Header header) throws IOException {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("scope", header.scope());
            if (header.aggregateId() != null) {
                json.writeStringField("aggregateId", header.aggregateId());
            }
            json.writeNumberField("fromPosition", header.fromPosition());
            json.writeNumberField("toPosition", header.toPosition());
            json.writeStringField("hashBefore", HEX.formatHex(header.hashBefore()));
            json.writeStringField("exportedAt", header.exportedAt().toString());
            json.writeArrayFieldStart("checkpoints");
            for (Checkpoint checkpoint : header.checkpoints()) {
                json.writeStartObject();
                json.writeNumberField("position", checkpoint.position());
                json.writeStringField("hash", HEX.formatHex(checkpoint.hash()));
                json.writeStringField("signedAt", checkpoint.signedAt().toString());
                json.writeStringField("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
                json.writeStringField("keyId", checkpoint.keyId());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            newLine();
        }

        /** A commit with its fields; with {@code onlyAggregate}, the other aggregates' events by digest only. */
        void commit(LoggedCommit commit, String onlyAggregate) throws IOException {
            json.writeStartObject();
            json.writeNumberField("first", commit.first());
            json.writeNumberField("last", commit.last());
            if (commit.recordedAt() == null) {
                json.writeNullField("recordedAt");
            } else {
                json.writeStringField("recordedAt", commit.recordedAt().toString());
            }
            if (commit.key() != null) {
                json.writeStringField("key", commit.key());
            }
            json.writeBooleanField("fence", commit.fence());
            writeHex("hash", commit.hash());
            json.writeArrayFieldStart("events");
            for (LoggedEvent event : commit.events()) {
                json.writeStartObject();
                json.writeNumberField("position", event.position());
                if (onlyAggregate == null || onlyAggregate.equals(event.agg())) {
                    json.writeStringField("id", event.id());
                    json.writeStringField("agg", event.agg());
                    json.writeStringField("aggType", event.aggType());
                    json.writeNumberField("seq", event.seq());
                    json.writeStringField("type", event.type());
                    json.writeStringField("rev", event.rev());
                    json.writeStringField("ts", event.ts());
                    json.writeStringField("payload", event.payload());
                    json.writeStringField("meta", event.meta());
                    streamEvents++;
                }
                writeHex("digest", event.digest());
                json.writeEndObject();
                events++;
            }
            json.writeEndArray();
            json.writeEndObject();
            lastPosition = commit.last();
            commits++;
            newLine();
        }

        /** A commit by its positions, commit digest (over its stored event digests) and chain hash only. */
        void opaque(LoggedCommit commit, LogDigests digests) throws IOException {
            List<byte[]> eventDigests = new ArrayList<>(commit.events().size());
            for (LoggedEvent event : commit.events()) {
                eventDigests.add(event.digest() == null ? new byte[LogDigests.HASH_LENGTH] : event.digest());
            }
            json.writeStartObject();
            json.writeNumberField("first", commit.first());
            json.writeNumberField("last", commit.last());
            writeHex("digest", commit.commitDigest(digests, eventDigests));
            writeHex("hash", commit.hash());
            json.writeEndObject();
            lastPosition = commit.last();
            commits++;
            newLine();
        }

        void end() throws IOException {
            json.writeStartObject();
            json.writeObjectFieldStart("end");
            json.writeNumberField("commits", commits);
            json.writeNumberField("events", events);
            json.writeNumberField("lastPosition", lastPosition);
            json.writeEndObject();
            json.writeEndObject();
            newLine();
        }

        private void writeHex(String name, byte[] bytes) throws IOException {
            if (bytes == null) {
                json.writeNullField(name);
            } else {
                json.writeStringField(name, HEX.formatHex(bytes));
            }
        }

        private void newLine() throws IOException {
            json.flush();
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            json.flush();
            out.flush();
        }
    }

    // ---------------------------------------------------------------- reading and verifying

    /**
     * Verifies an export read from {@code in}, one line at a time: the chain from its {@code hashBefore}
     * through every commit, each checkpoint of its header under {@code trustedKey}, and its completeness
     * (it must reach its declared {@code toPosition} and end with its end line). Without a trusted key
     * ({@code null}) no checkpoint is checked, and a rewrite of the whole export with recomputed hashes
     * goes unnoticed.
     *
     * @throws IllegalArgumentException when {@code in} is not an export of this format at all
     */
    public static Verified verify(InputStream in, PublicKey trustedKey, ChainVerifier.Progress progress)
            throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String first = lines.readLine();
        if (first == null) {
            throw new IllegalArgumentException("The export is empty: it has no header line");
        }
        Header header = header(first);
        Commits commits = new Commits(lines, header.aggregateId());
        ChainVerifier verifier = ChainVerifier.from(header.fromPosition(), header.hashBefore())
                                              .declaredEnd(header.toPosition())
                                              .progress(progress);
        if (trustedKey != null) {
            verifier.checkpoints(header.checkpoints(), trustedKey);
        }
        if (header.aggregateId() != null) {
            verifier.allowOpaque();
        }
        VerificationResult result = verifier.verify(commits);
        if (result.intact() && commits.cutShort != null) {
            result = truncated(result, commits.cutShort);
        } else if (result.intact() && commits.end == null) {
            result = truncated(result, "the export has no end line: it was cut short after position "
                                       + result.verifiedThrough());
        } else if (result.intact() && commits.end.path("commits").asLong() != commits.read) {
            result = truncated(result, "the end line counts " + commits.end.path("commits").asLong()
                                       + " commits, the export holds " + commits.read);
        }
        if (result.intact() && header.aggregateId() != null
                && (commits.streamIncomplete != null || commits.streamEvents == 0)) {
            Failure incomplete = commits.streamIncomplete != null ? commits.streamIncomplete
                    : new Failure(header.fromPosition(), Reason.STREAM_INCOMPLETE, "the export shows no event of stream "
                                  + header.aggregateId());
            result = new VerificationResult(false, result.verifiedThrough(), result.eventsChecked(),
                                            result.checkpoint(), Optional.of(incomplete), result.chainHash());
        }
        long attested = header.aggregateId() == null ? header.toPosition() : commits.lastStreamPosition;
        boolean signed = result.intact() && result.checkpoint().map(c -> c.position() >= attested).orElse(false);
        return new Verified(header, result, commits.streamEvents, commits.end != null, signed);
    }

    /**
     * Reads an export, handing its header to {@code header}, then each commit to {@code each} in the order
     * exported, and answers the header.
     * It checks only that the export is whole (every line a JSON object, ending with its end line, which
     * counts the commits read): {@link #verify} it first.
     *
     * @throws IllegalArgumentException when {@code in} is not an export of this format, or not a whole one
     */
    public static Header read(InputStream in, Consumer<Header> header, Consumer<LoggedCommit> each)
            throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String first = lines.readLine();
        if (first == null) {
            throw new IllegalArgumentException("The export is empty: it has no header line");
        }
        Header read = header(first);
        header.accept(read);
        Commits commits = new Commits(lines, read.aggregateId());
        commits.forEachRemaining(each);
        if (commits.cutShort != null) {
            throw new IllegalArgumentException(commits.cutShort);
        }
        if (commits.end == null || commits.end.path("commits").asLong() != commits.read) {
            throw new IllegalArgumentException("The export was cut short after " + commits.read + " commits");
        }
        return read;
    }

    private static VerificationResult truncated(VerificationResult result, String detail) {
        return new VerificationResult(false, result.verifiedThrough(), result.eventsChecked(), result.checkpoint(),
                                      Optional.of(new Failure(result.verifiedThrough() + 1, Reason.TRUNCATED, detail)),
                                      result.chainHash());
    }

    /** The header of an export, from its first line. */
    public static Header header(String line) throws JsonProcessingException {
        JsonNode header;
        try {
            header = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The export's first line is not JSON: not a " + FORMAT + " export");
        }
        if (!FORMAT.equals(header.path("format").asText())) {
            throw new IllegalArgumentException("Not a " + FORMAT + " export: its header says format '"
                                               + header.path("format").asText() + "'");
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (JsonNode checkpoint : header.path("checkpoints")) {
            checkpoints.add(new Checkpoint(checkpoint.path("position").asLong(), hex(checkpoint.path("hash")),
                                           Instant.parse(checkpoint.path("signedAt").asText()),
                                           Base64.getDecoder().decode(checkpoint.path("signature").asText()),
                                           checkpoint.path("keyId").asText()));
        }
        return new Header(header.path("scope").asText(), text(header.path("aggregateId")),
                          header.path("fromPosition").asLong(), header.path("toPosition").asLong(),
                          hex(header.path("hashBefore")), Instant.parse(header.path("exportedAt").asText()),
                          checkpoints);
    }

    /** The commit lines of an export, parsed lazily; stops at the end line, or where the export was cut. */
    private static final class Commits implements Iterator<LoggedCommit> {

        private final BufferedReader lines;
        private final String aggregateId;
        private LoggedCommit next;
        private JsonNode end;
        private String cutShort;
        private long read;
        private long streamEvents;
        private long nextSequence;
        private long lastStreamPosition;
        private Failure streamIncomplete;

        Commits(BufferedReader lines, String aggregateId) {
            this.lines = lines;
            this.aggregateId = aggregateId;
        }

        @Override
        public boolean hasNext() {
            if (next == null && end == null && cutShort == null) {
                next = readNext();
            }
            return next != null;
        }

        @Override
        public LoggedCommit next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LoggedCommit commit = next;
            next = null;
            read++;
            return commit;
        }

        private LoggedCommit readNext() {
            try {
                String line = lines.readLine();
                while (line != null && line.isBlank()) {
                    line = lines.readLine();
                }
                if (line == null) {
                    return null;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    node = null;
                }
                if (node == null || !node.isObject()) {
                    cutShort = "the line after " + read + " commits is not a whole JSON object: the export was cut"
                               + " short or damaged there";
                    return null;
                }
                if (node.has("end")) {
                    end = node.get("end");
                    return null;
                }
                return commit(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private LoggedCommit commit(JsonNode node) {
            long first = node.path("first").asLong();
            long last = node.path("last").asLong();
            if (!node.has("events")) {
                return LoggedCommit.opaque(first, last, hex(node.path("digest")), hex(node.path("hash")));
            }
            List<LoggedEvent> events = new ArrayList<>();
            for (JsonNode event : node.get("events")) {
                long position = event.path("position").asLong();
                byte[] digest = hex(event.path("digest"));
                if (!event.has("id")) {
                    events.add(LoggedEvent.opaque(position, digest));
                    continue;
                }
                LoggedEvent logged = new LoggedEvent(position, text(event.get("id")), text(event.get("agg")),
                        text(event.get("aggType")), event.path("seq").asLong(-1), text(event.get("type")),
                        text(event.get("rev")), text(event.get("ts")), text(event.get("payload")),
                        text(event.get("meta")), digest);
                if (aggregateId == null || aggregateId.equals(logged.agg())) {
                    streamEvents++;
                }
                if (aggregateId != null && aggregateId.equals(logged.agg())) {
                    if (logged.seq() != nextSequence && streamIncomplete == null) {
                        streamIncomplete = new Failure(position, Reason.STREAM_INCOMPLETE, "the event of stream "
                                + aggregateId + " at position " + position + " has sequence " + logged.seq()
                                + " where " + nextSequence + " was due: events of the stream are missing");
                    }
                    nextSequence = logged.seq() + 1;
                    lastStreamPosition = position;
                }
                events.add(logged);
            }
            String recordedAt = text(node.get("recordedAt"));
            return new LoggedCommit(first, last, recordedAt == null ? null : Instant.parse(recordedAt),
                                    text(node.get("key")), node.path("fence").asBoolean(), hex(node.path("hash")),
                                    events);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static byte[] hex(JsonNode node) {
        String text = text(node);
        return text == null ? null : HEX.parseHex(text);
    }
}
