package vn.province.govtrack.eventstore;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.Optional;

import vn.province.govtrack.eventstore.VerificationResult.Failure;
import vn.province.govtrack.eventstore.VerificationResult.Reason;

/**
 * Recomputes the log's hash chain from commits as stored ({@link LoggedCommit}: read from the database
 * by {@link LogReader}, or parsed from an export) and checks signed checkpoints against it. It stops at
 * the first failure and names its position. Needs neither Spring nor MongoDB.
 *
 * <pre>
 * VerificationResult result = ChainVerifier.from(1, LogDigests.zeroHash())
 *         .checkpoints(stored, publishedKey)
 *         .declaredEnd(head)
 *         .progress((done, total) -&gt; ...)
 *         .verify(commits);
 * </pre>
 * Not thread-safe: one verifier per verification.
 */
public final class ChainVerifier {

    /** Receives how many positions are verified of how many declared (0 when none is declared). */
    @FunctionalInterface
    public interface Progress {
        void verified(long positionsDone, long positionsTotal);
    }

    /** How often progress is reported, in positions. */
    private static final long PROGRESS_EVERY = 10_000;
    /** How far from its slot a moved event's digest is looked for, to tell a move from an edit. */
    private static final int MOVE_SEARCH = 1_000;

    private final long firstPosition;
    private final byte[] hashBefore;
    private List<Checkpoint> checkpoints = List.of();
    private PublicKey trustedKey;
    private boolean opaqueAllowed;
    private long declaredEnd;
    private Progress progress = (done, total) -> { };
    private final LogDigests digests = new LogDigests();

    private ChainVerifier(long firstPosition, byte[] hashBefore) {
        this.firstPosition = firstPosition;
        this.hashBefore = hashBefore.clone();
    }

    /**
     * A verifier of the log from {@code firstPosition} (the first position of a commit), trusting
     * {@code hashBefore} as the chain hash before it: {@link LogDigests#zeroHash()} from position 1, or
     * the hash of a checkpoint whose signature the caller has checked.
     */
    public static ChainVerifier from(long firstPosition, byte[] hashBefore) {
        if (hashBefore.length != LogDigests.HASH_LENGTH) {
            throw new IllegalArgumentException("A chain hash has " + LogDigests.HASH_LENGTH + " bytes");
        }
        return new ChainVerifier(firstPosition, hashBefore);
    }

    /**
     * Checkpoints to check at their positions, each signature under {@code trustedKey} (the published
     * public key, which the verifier must get from somewhere other than the database it verifies).
     */
    public ChainVerifier checkpoints(List<Checkpoint> checkpoints, PublicKey trustedKey) {
        this.trustedKey = Objects.requireNonNull(trustedKey);
        String keyId = AuditKeys.keyId(trustedKey);
        // a checkpoint of another key (one rotated out, or not this auditor's) proves nothing here, and
        // does not fail the log either: it is verified under its own public key, in another verification
        this.checkpoints = checkpoints.stream().filter(checkpoint -> keyId.equals(checkpoint.keyId()))
                                      .sorted(Comparator.comparingLong(Checkpoint::position)).toList();
        return this;
    }

    /** The last position the log is known to hold (its head when read): ending before it is {@link Reason#TRUNCATED}. */
    public ChainVerifier declaredEnd(long position) {
        this.declaredEnd = position;
        return this;
    }

    /**
     * Accepts commits and events given by their digests only ({@link LoggedCommit#opaque},
     * {@link LoggedEvent#opaque}), as an export of a single stream carries those it does not show.
     * Without it, such a commit or event is a failure: the log in a database, or an export of the log,
     * holds every field of everything.
     */
    public ChainVerifier allowOpaque() {
        this.opaqueAllowed = true;
        return this;
    }

    public ChainVerifier progress(Progress progress) {
        this.progress = Objects.requireNonNull(progress);
        return this;
    }

    /**
     * Verifies positions {@code from..to} of a stored log, from the chain hash stored before {@code from}
     * (the zero hash before position 1), checking the checkpoints signed within the range under
     * {@code trustedKey} (none without a key): the one way the services, the signer's owner and the
     * command-line tool read a log to verify it.
     *
     * @param from        the first position of a commit
     * @param declaredEnd the last position the log is known to hold (0 when not known): ending before it
     *                    is {@link Reason#TRUNCATED}
     */
    public static VerificationResult verifyStored(LogReader reader, AuditCheckpoints stored, long from, long to,
                                                  long declaredEnd, PublicKey trustedKey, Progress progress) {
        ChainVerifier verifier = from(from, reader.hashBefore(from)).declaredEnd(declaredEnd).progress(progress);
        if (trustedKey != null) {
            verifier.checkpoints(stored.after(from - 1).stream()
                                       .takeWhile(checkpoint -> checkpoint.position() <= to).toList(), trustedKey);
        }
        try (Stream<LoggedCommit> commits = reader.read(from, to)) {
            return verifier.verify(commits.iterator());
        }
    }

    /** Verifies the commits, in the order given, until the first failure or their end. */
    public VerificationResult verify(Iterator<LoggedCommit> commits) {
        return new Run().verify(commits);
    }

    /** The state of one verification. */
    private final class Run {
        private long expected = firstPosition;
        private byte[] hash = hashBefore;
        private long events;
        private int nextCheckpoint;
        private Checkpoint verifiedCheckpoint;
        private final List<byte[]> eventDigests = new ArrayList<>();
        private final long total = declaredEnd == 0 ? 0 : declaredEnd - firstPosition + 1;
        private long reported;

        VerificationResult verify(Iterator<LoggedCommit> commits) {
            // checkpoints before the first position cannot be checked here
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).position() < firstPosition) {
                nextCheckpoint++;
            }
            while (commits.hasNext()) {
                Failure failure = check(commits.next());
                if (failure != null) {
                    return result(failure);
                }
                if (expected - 1 - reported >= PROGRESS_EVERY) {
                    reported = expected - 1;
                    progress.verified(reported - firstPosition + 1, total);
                }
            }
            progress.verified(expected - firstPosition, total);
            // a checkpoint beyond the end declares the end only if it is validly signed; a forged one is named
            for (int i = nextCheckpoint; i < checkpoints.size(); i++) {
                Checkpoint beyond = checkpoints.get(i);
                if (!beyond.signedBy(trustedKey)) {
                    return result(new Failure(beyond.position(), Reason.CHECKPOINT_FORGED, "the checkpoint at position "
                                              + beyond.position() + ", beyond the end of the log, is not validly"
                                              + " signed by the trusted key " + beyond.keyId()));
                }
            }
            long lastSigned = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).position();
            long lastDeclared = Math.max(declaredEnd, lastSigned);
            if (lastDeclared >= expected) {
                return result(new Failure(expected, Reason.TRUNCATED,
                        "the log ends at position " + (expected - 1) + " but position " + lastDeclared
                        + " was declared (" + (lastDeclared == declaredEnd ? "head of the log" : "a signed checkpoint")
                        + "): commits at the end were removed"));
            }
            return result(null);
        }

        /** Checks one commit against the chain; advances the chain and answers null when it verifies. */
        private Failure check(LoggedCommit commit) {
            if (commit.first() > expected) {
                return new Failure(expected, Reason.POSITION_MISSING, "no commit holds positions " + expected + ".."
                                   + (commit.first() - 1) + ", yet the log goes on at " + commit.first()
                                   + ": a commit was deleted");
            }
            if (commit.first() < expected) {
                return new Failure(commit.first(), Reason.POSITION_OUT_OF_PLACE, "a commit starts at position "
                                   + commit.first() + ", inside the one before it, which ends at " + (expected - 1));
            }
            if (commit.opaque()) {
                if (!opaqueAllowed) {
                    return new Failure(commit.first(), Reason.COMMIT_ALTERED, "the commit at position " + commit.first()
                                       + " is given without its fields and events, by its digest only");
                }
                return checkOpaque(commit);
            }
            eventDigests.clear();
            for (LoggedEvent event : commit.events()) {
                byte[] stored = event.digest();
                if (stored == null) {
                    return new Failure(event.position(), Reason.MISSING_HASH, "the event at position "
                                       + event.position() + " has no stored digest");
                }
                if (opaqueAllowed && event.opaque()) {
                    if (event.position() != commit.first() + eventDigests.size()) {
                        return new Failure(event.position(), Reason.POSITION_OUT_OF_PLACE, "an event given by its"
                                           + " digest claims position " + event.position() + " in the commit at "
                                           + commit.first() + ", out of order");
                    }
                    eventDigests.add(stored);
                    continue;
                }
                byte[] digest = event.recomputeDigest(digests);
                if (!MessageDigest.isEqual(stored, digest)) {
                    return alteredOrMoved(event);
                }
                eventDigests.add(digest);
            }
            events += commit.events().stream().filter(event -> !opaqueAllowed || !event.opaque()).count();
            if (!commit.fence() && commit.last() != commit.first() + commit.events().size() - 1
                    || commit.fence() && commit.last() < commit.first()) {
                return new Failure(commit.first(), Reason.POSITION_OUT_OF_PLACE, "the commit at position "
                                   + commit.first() + " holds " + commit.events().size()
                                   + " events but claims positions up to " + commit.last());
            }
            if (commit.hash() == null) {
                return new Failure(commit.first(), Reason.MISSING_HASH, "the commit at position " + commit.first()
                                   + " has no stored chain hash");
            }
            byte[] chained = digests.chain(hash, commit.commitDigest(digests, eventDigests));
            if (!MessageDigest.isEqual(commit.hash(), chained)) {
                return new Failure(commit.first(), Reason.COMMIT_ALTERED, "the chain hash stored with the commit at"
                                   + " position " + commit.first() + " is not the hash of its fields after the chain"
                                   + " before it: the commit's own fields, its hash, or a commit before it changed");
            }
            hash = chained;
            expected = commit.last() + 1;
            return checkCheckpoints(commit);
        }

        /**
         * A commit given by its digest only: nothing of it can be recomputed but its place in the chain,
         * which is all a single-stream export needs of the commits it does not show.
         */
        private Failure checkOpaque(LoggedCommit commit) {
            if (commit.last() < commit.first()) {
                return new Failure(commit.first(), Reason.POSITION_OUT_OF_PLACE, "the commit at position "
                                   + commit.first() + " claims to end before it starts, at " + commit.last());
            }
            byte[] chained = digests.chain(hash, commit.digest());
            if (commit.hash() == null || !MessageDigest.isEqual(commit.hash(), chained)) {
                return new Failure(commit.first(), Reason.COMMIT_ALTERED, "the chain hash given for the commit at"
                                   + " position " + commit.first() + " is not the hash of its digest after the chain"
                                   + " before it");
            }
            hash = chained;
            expected = commit.last() + 1;
            return checkCheckpoints(commit);
        }

        /** Checks the checkpoints signed within the commit, which must lie at its end. */
        private Failure checkCheckpoints(LoggedCommit commit) {
            for (; nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).position() <= commit.last();
                 nextCheckpoint++) {
                Checkpoint checkpoint = checkpoints.get(nextCheckpoint);
                if (!checkpoint.signedBy(trustedKey)) {
                    return new Failure(checkpoint.position(), Reason.CHECKPOINT_FORGED, "the checkpoint at position "
                                       + checkpoint.position() + " (key " + checkpoint.keyId()
                                       + ") is not validly signed by the trusted key " + AuditKeys.keyId(trustedKey));
                }
                if (checkpoint.position() != commit.last() || !MessageDigest.isEqual(checkpoint.hash(), hash)) {
                    return new Failure(checkpoint.position(), Reason.CHECKPOINT_MISMATCH, "the checkpoint signed at "
                                       + checkpoint.signedAt() + " for position " + checkpoint.position()
                                       + " states a chain hash the log does not have there");
                }
                verifiedCheckpoint = checkpoint;
            }
            return null;
        }

        /** An event whose digest does not match: moved, if its digest matches at a nearby position, else altered. */
        private Failure alteredOrMoved(LoggedEvent event) {
            long from = Math.max(1, event.position() - MOVE_SEARCH);
            for (long position = from; position <= event.position() + MOVE_SEARCH; position++) {
                if (position != event.position()
                        && MessageDigest.isEqual(event.digest(), event.digestAt(position, digests))) {
                    return new Failure(event.position(), Reason.POSITION_OUT_OF_PLACE, "the event stored at position "
                                       + event.position() + " (" + event.id() + ") was chained at position "
                                       + position + ": commits were moved or swapped");
                }
            }
            return new Failure(event.position(), Reason.EVENT_ALTERED, "the event at position " + event.position()
                               + " (" + event.id() + ", " + event.type() + ") does not have the digest stored with"
                               + " it: its payload, metadata or another field changed");
        }

        private VerificationResult result(Failure failure) {
            return new VerificationResult(failure == null, expected - 1, events, Optional.ofNullable(verifiedCheckpoint),
                                          Optional.ofNullable(failure), hash.clone());
        }
    }
}
