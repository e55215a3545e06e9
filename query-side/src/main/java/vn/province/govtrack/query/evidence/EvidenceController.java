package vn.province.govtrack.query.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;

import vn.province.govtrack.eventstore.Checkpoint;
import vn.province.govtrack.eventstore.LogExport;
import vn.province.govtrack.eventstore.LoggedCommit;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.VerificationResult;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.web.AlsoAnswered;
import vn.province.govtrack.web.ProblemType;

/**
 * What lets an auditor trust the log: its verification, its signed checkpoints with the public key they
 * verify under, and exports that verify offline with {@code ./audit verify-export} and that key alone.
 */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit")
class EvidenceController {

    /** The exports answer NDJSON; the web edge's {@code Accept} check lets it through to them only. */
    @Configuration(proxyBeanMethods = false)
    static class Exports {

        @Bean
        AlsoAnswered ndjsonExports() {
            return new AlsoAnswered(MediaType.parseMediaType(LogExport.MEDIA_TYPE),
                                    List.of("/api/v1/audit/export", "/api/v1/audit/streams/*/export"));
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    /** How long a verification request waits for its result before answering 202 with the progress. */
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final MongoEventStorageEngine engine;
    private final Verifications verifications;
    private final TrustedKey trustedKey;
    private final Clock clock;

    EvidenceController(MongoEventStorageEngine engine, Verifications verifications, TrustedKey trustedKey,
                       Clock clock) {
        this.engine = engine;
        this.verifications = verifications;
        this.trustedKey = trustedKey;
        this.clock = clock;
    }

    /**
     * @param id              the job's id: {@code ?job=<id>} polls it
     * @param state           RUNNING (202, poll {@code Location}), INTACT, FAILED, or ERROR (the log could not be read)
     * @param from            the first position verified: the first of the commit holding the one asked
     * @param verifiedThrough P: the last position up to which the chain was recomputed and matched
     * @param checkpoint      C: the newest checkpoint at or below P whose signature (under the published key)
     *                        and chain hash verified
     * @param failure         the first position that fails, and why
     * @param summary         "intact up to position P, signed at checkpoint C", or where and why it fails
     */
    @Schema(example = """
            {"id": "99f31886-ae9a-426f-98d2-535d71f84ea4", "state": "INTACT", "from": 1, "to": 13716,
            "positionsDone": 13716, "progress": 100, "verifiedThrough": 13716, "eventsChecked": 13716,
            "checkpoint": {"position": 10845,
            "hash": "a1b505bf547e4b9c6f8ab62085d52b9fb88f2f3a26808ed679c324e1fc7224e5",
            "signedAt": "2026-12-03T21:36:35.671+07:00",
            "signature": "u63G87ZjyzPPiIpwTgJizbrMEXZh25km9QPSS6Ms8SM4l/y/RYAMwM4atb3CWBsU2103vdr/o2X8Yr9BorGgCg==",
            "keyId": "22d97f7a9a7259a6", "valid": true},
            "summary": "intact up to position 13716, signed at checkpoint 10845 (2026-12-03T14:36:35.671Z, key 22d97f7a9a7259a6); 13716 events checked",
            "publicKeyId": "22d97f7a9a7259a6", "startedAt": "2026-12-03T21:39:09.883566835+07:00",
            "finishedAt": "2026-12-03T21:39:12.13723932+07:00"}""")
    record Verification(String id, String state, long from, long to, long positionsDone, int progress, Long verifiedThrough,
                        Long eventsChecked, SignedCheckpoint checkpoint, FailedPosition failure, String summary,
                        String publicKeyId, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    record FailedPosition(long position, VerificationResult.Reason reason, String detail) {
    }

    /**
     * @param hash      the chain hash after {@code position}, hex
     * @param signature Ed25519 over {@code "govtrack-checkpoint/1" ‖ position ‖ hash ‖ signedAt millis}, Base64
     * @param valid     whether the signature verifies under the published key (null when none is configured)
     */
    record SignedCheckpoint(long position, String hash, OffsetDateTime signedAt, String signature, String keyId,
                            Boolean valid) {
    }

    /**
     * @param publicKey the key checkpoints are signed with: Base64 of its X.509 encoding, as
     *                  {@code ./audit --public-key} takes it; keep a copy from a source you trust
     */
    @Schema(example = """
            {"algorithm": "Ed25519",
            "publicKey": "MCowBQYDK2VwAyEACZm4Br94TD8Pu6xLp4R22Rq+ZWnZyfst6ICXSUHxsSE=",
            "keyId": "22d97f7a9a7259a6", "headPosition": 13716, "count": 1,
            "checkpoints": [{"position": 10845,
            "hash": "a1b505bf547e4b9c6f8ab62085d52b9fb88f2f3a26808ed679c324e1fc7224e5",
            "signedAt": "2026-12-03T21:36:35.671+07:00",
            "signature": "u63G87ZjyzPPiIpwTgJizbrMEXZh25km9QPSS6Ms8SM4l/y/RYAMwM4atb3CWBsU2103vdr/o2X8Yr9BorGgCg==",
            "keyId": "22d97f7a9a7259a6", "valid": true}]}""")
    record Checkpoints(String algorithm, String publicKey, String keyId, long headPosition, int count,
                       List<SignedCheckpoint> checkpoints) {
    }

    @GetMapping("/verification")
    @ProjectionQuery(ProjectionQuery.EVENT_LOG)
    @Operation(summary = "Verify the log's hash chain and signed checkpoints over a range of positions",
               description = "Recomputes every event's digest and every commit's chain hash from `from` (default 1) "
                       + "to `to` (default: the head now), and checks each checkpoint in the range under the "
                       + "published key. Runs in the background: the answer is 200 with the verdict when it is done "
                       + "within two seconds, otherwise 202 with the progress, `Location` (`?job=<id>`) to poll and `Retry-After`. "
                       + "Every request without `job` verifies anew (or joins the verification of the same range still "
                       + "running): a verdict is never reused, since the log may have changed in between.")
    ResponseEntity<Verification> verification(@RequestParam(defaultValue = "1") @Min(1) long from,
                                              @RequestParam(required = false) @Min(1) Long to,
                                              @RequestParam(required = false) @Size(max = 64) String job) {
        if (job != null) {
            Verifications.Job polled = verifications.job(job).orElseThrow(() -> ProblemType.NOT_FOUND.exception(
                    "No verification " + job + " on this instance (finished ones are kept "
                    + Verifications.KEPT.toMinutes() + " minutes); ask for the range again"));
            return answer(polled);
        }
        long head = engine.headPosition();
        long last = to == null ? head : to;
        if (from > last) {
            throw ProblemType.INVALID_INPUT.exception("from (" + from + ") must not be after to (" + last
                                                      + "); the head of the log is " + head);
        }
        if (last > head) {
            throw ProblemType.INVALID_INPUT.exception("to (" + last + ") is beyond the head of the log, " + head);
        }
        long first;
        try (Stream<LoggedCommit> holding = engine.logReader().read(from, from)) {
            first = holding.findFirst().map(LoggedCommit::first).orElse(from);
        }
        Verifications.Job started = verifications.of(new Verifications.Range(first, last));
        Verifications.await(started, WAIT);
        return answer(started);
    }

    private ResponseEntity<Verification> answer(Verifications.Job job) {
        Verification body = verification(job);
        if ("RUNNING".equals(body.state())) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                                 .header(HttpHeaders.LOCATION, "/api/v1/audit/verification?job=" + job.id)
                                 .header(HttpHeaders.RETRY_AFTER, "2")
                                 .body(body);
        }
        return ResponseEntity.ok(body);
    }

    @GetMapping("/checkpoints")
    @ProjectionQuery(ProjectionQuery.EVENT_LOG)
    @Operation(summary = "The signed checkpoints of the log, newest first, and the public key they verify under")
    Checkpoints checkpoints(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<Checkpoint> all = engine.auditCheckpoints().all();
        List<SignedCheckpoint> newestFirst = IntStream.range(0, Math.min(limit, all.size()))
                                                      .mapToObj(i -> signed(all.get(all.size() - 1 - i)))
                                                      .toList();
        return new Checkpoints("Ed25519", trustedKey.encoded().orElse(null), trustedKey.keyId().orElse(null),
                               engine.headPosition(), all.size(), newestFirst);
    }

    @GetMapping(value = "/export", produces = LogExport.MEDIA_TYPE)
    @Operation(summary = "Export the log as NDJSON, with its hashes and checkpoints, to verify offline",
               description = "Streams positions fromPosition..toPosition (default 1..head) as stored, one commit per "
                       + "line after a header with the chain hash before them and the checkpoints among them, and an "
                       + "end line: `./audit verify-export FILE --public-key KEY` verifies it with no database.")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "1") @Min(1) long fromPosition,
                                                 @RequestParam(required = false) @Min(1) Long toPosition) {
        long head = engine.headPosition();
        if (fromPosition > head) {
            throw ProblemType.INVALID_INPUT.exception("fromPosition (" + fromPosition
                                                      + ") is beyond the head of the log, " + head);
        }
        long last = toPosition == null ? head : Math.min(toPosition, head);
        if (fromPosition > last) {
            throw ProblemType.INVALID_INPUT.exception("fromPosition (" + fromPosition + ") must not be after toPosition ("
                                                      + last + ")");
        }
        return download("govtrack-log-" + fromPosition + "-" + last + ".ndjson",
                        out -> LogExport.writeLog(engine, fromPosition, last, clock.instant(), out));
    }

    @GetMapping(value = "/streams/{aggregateId}/export", produces = LogExport.MEDIA_TYPE)
    @Operation(summary = "Export one aggregate's stream as NDJSON, verifiable offline up to a signed checkpoint",
               description = "The stream's commits with its events in full and the other events of those commits by "
                       + "digest only; the commits between them and up to the first checkpoint after its last event by "
                       + "their digests only: enough to recompute the chain, nothing of what they hold.")
    ResponseEntity<StreamingResponseBody> streamExport(@PathVariable String aggregateId) {
        if (!engine.hasStream(aggregateId)) {
            throw ProblemType.STREAM_NOT_FOUND.exception("No events recorded for aggregate '" + aggregateId + "'");
        }
        String name = aggregateId.replaceAll("[^A-Za-z0-9._-]", "_");
        return download("govtrack-stream-" + name + ".ndjson",
                        out -> LogExport.writeStream(engine, aggregateId, clock.instant(), out));
    }

    private static ResponseEntity<StreamingResponseBody> download(String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(LogExport.MEDIA_TYPE))
                             .header(HttpHeaders.CONTENT_DISPOSITION,
                                     ContentDisposition.attachment().filename(fileName).build().toString())
                             .body(body);
    }

    /** One reading of the job: it may finish while the answer is being written. */
    private Verification verification(Verifications.Job job) {
        Instant finishedAt = job.finishedAt;
        VerificationResult result = job.result;
        long total = job.positionsTotal();
        long done = finishedAt != null && result != null ? result.verifiedThrough() - job.range.from() + 1
                                                         : job.positionsDone;
        int progress = (int) Math.min(100, Math.max(0, 100 * done / Math.max(1, total)));
        String keyId = trustedKey.keyId().orElse(null);
        if (finishedAt == null) {
            return new Verification(job.id, "RUNNING", job.range.from(), job.range.to(), done, progress, null, null, null, null,
                                    "verifying: " + done + " of " + total + " positions", keyId, inZone(job.startedAt),
                                    null);
        }
        if (result == null) {
            return new Verification(job.id, "ERROR", job.range.from(), job.range.to(), done, progress, null, null, null, null,
                                    "the log could not be read: " + job.error, keyId, inZone(job.startedAt),
                                    inZone(finishedAt));
        }
        String summary = result.summary() + (trustedKey.key().isEmpty()
                ? " (no public key is configured on this service: checkpoints were not checked)" : "");
        return new Verification(job.id, result.intact() ? "INTACT" : "FAILED", job.range.from(), job.range.to(), done, progress,
                                result.verifiedThrough(), result.eventsChecked(),
                                result.checkpoint().map(this::signed).orElse(null),
                                result.failure().map(f -> new FailedPosition(f.position(), f.reason(), f.detail()))
                                      .orElse(null),
                                summary, keyId, inZone(job.startedAt), inZone(finishedAt));
    }

    private SignedCheckpoint signed(Checkpoint checkpoint) {
        return new SignedCheckpoint(checkpoint.position(), HEX.formatHex(checkpoint.hash()),
                                    inZone(checkpoint.signedAt()),
                                    Base64.getEncoder().encodeToString(checkpoint.signature()), checkpoint.keyId(),
                                    trustedKey.key().map(checkpoint::signedBy).orElse(null));
    }

    private OffsetDateTime inZone(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
