package vn.province.govtrack.eventstore;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a checkpoint of the log at the head's commit end when {@code everyEvents} events were appended
 * since the last checkpoint, or {@code every} passed and any event was appended. It signs only what it
 * has recomputed itself: it verifies the chain incrementally, from the newest checkpoint whose
 * {@code keyId} is its own key's and whose signature verifies under its public key (one that names its key
 * but does not verify is not its own; from position 1 when it has none) up to the head, and refuses to
 * sign, logging an ERROR, when the chain does not verify. Several instances may sign: a position holds
 * one checkpoint, the first.
 *
 * <p>Call {@link #signIfDue()} periodically from one thread; it keeps what it verified between calls.
 */
public final class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final MongoEventStorageEngine engine;
    private final KeyPair keys;
    private final String keyId;
    private final long everyEvents;
    private final Duration every;
    private final Clock clock;
    private final Instant started;

    /** The chain as verified so far: its last position and the hash there; null until the first call. */
    private long verifiedThrough = -1;
    private byte[] verifiedHash;
    private long lastCheckpointPosition;
    private Instant lastCheckpointAt;

    /**
     * @param keys        the signing key pair; the public half is the one auditors trust
     * @param everyEvents events appended that make a checkpoint due
     * @param every       time that makes a checkpoint due once any event was appended
     */
    public CheckpointSigner(MongoEventStorageEngine engine, KeyPair keys, long everyEvents, Duration every, Clock clock) {
        if (!AuditKeys.arePair(keys.getPrivate(), keys.getPublic())) {
            throw new IllegalArgumentException("The audit signing key and public key are not one key pair");
        }
        this.engine = engine;
        this.keys = keys;
        this.keyId = AuditKeys.keyId(keys.getPublic());
        this.everyEvents = everyEvents;
        this.every = every;
        this.clock = clock;
        this.started = clock.instant();
    }

    /**
     * Verifies what was appended since the last call and signs a checkpoint if one is due; answers the
     * checkpoint it stored (none when another instance stored one at that position first).
     */
    public Optional<Checkpoint> signIfDue() {
        if (verifiedThrough < 0) {
            startFromNewestCheckpoint();
        }
        long head = engine.headPosition();
        if (head > verifiedThrough && !verifyUpTo(head)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean due = verifiedThrough - lastCheckpointPosition >= everyEvents
                      || verifiedThrough > lastCheckpointPosition
                         && !now.isBefore(lastCheckpointAt.plus(every));
        if (!due) {
            return Optional.empty();
        }
        Checkpoint checkpoint = Checkpoint.sign(verifiedThrough, verifiedHash, now, keys.getPrivate(), keyId);
        signedAlready(checkpoint);
        if (!engine.auditCheckpoints().record(checkpoint)) {
            return Optional.empty(); // another instance signed this position first; its checkpoint stands
        }
        log.info("Signed checkpoint {} of the event log (key {})", verifiedThrough, keyId);
        return Optional.of(checkpoint);
    }

    /** Verifies the chain from where the last call stopped up to {@code head}; false (and an ERROR) if it fails. */
    private boolean verifyUpTo(long head) {
        ChainVerifier verifier = ChainVerifier.from(verifiedThrough + 1, verifiedHash)
                                              .declaredEnd(head)
                                              .checkpoints(engine.auditCheckpoints().after(verifiedThrough),
                                                           keys.getPublic());
        VerificationResult result;
        try (Stream<LoggedCommit> log = engine.logReader().read(verifiedThrough + 1, head)) {
            result = verifier.verify(log.iterator());
        }
        if (!result.intact()) {
            // a checkpoint beyond the head read is another instance's, signed meanwhile: not a failure
            boolean onlyAhead = result.failure().orElseThrow().reason() == VerificationResult.Reason.TRUNCATED
                                && result.verifiedThrough() >= head;
            if (!onlyAhead) {
                log.error("Refusing to sign a checkpoint of the event log: {}", result.summary());
                return false;
            }
        }
        verifiedHash = result.chainHash();
        verifiedThrough = result.verifiedThrough();
        result.checkpoint().ifPresent(this::signedAlready);
        return true;
    }

    private void startFromNewestCheckpoint() {
        Optional<Checkpoint> newest = engine.auditCheckpoints().newestSignedBy(keys.getPublic());
        verifiedThrough = newest.map(Checkpoint::position).orElse(0L);
        verifiedHash = newest.map(Checkpoint::hash).orElseGet(LogDigests::zeroHash);
        lastCheckpointPosition = verifiedThrough;
        lastCheckpointAt = newest.map(Checkpoint::signedAt).orElse(started);
    }

    private void signedAlready(Checkpoint checkpoint) {
        if (checkpoint.position() >= lastCheckpointPosition) {
            lastCheckpointPosition = checkpoint.position();
            lastCheckpointAt = checkpoint.signedAt();
        }
    }
}
