package vn.province.govtrack.eventstore;

import java.util.Optional;

/**
 * What {@link ChainVerifier} found.
 *
 * @param intact          whether every commit read, and every checkpoint met, verified, up to the declared end
 * @param verifiedThrough the last position up to which the chain was recomputed and matched (P)
 * @param eventsChecked   events whose digests were recomputed
 * @param checkpoint      the newest checkpoint at or below {@code verifiedThrough} whose signature and hash
 *                        verified (C), if any
 * @param failure         the first failure, if any
 * @param chainHash       the recomputed chain hash after {@code verifiedThrough}
 */
public record VerificationResult(boolean intact, long verifiedThrough, long eventsChecked,
                                 Optional<Checkpoint> checkpoint, Optional<Failure> failure, byte[] chainHash) {

    /** Why a position fails. */
    public enum Reason {
        /** An event's stored digest differs from the one its stored fields give: a field was changed. */
        EVENT_ALTERED,
        /** A commit's chain hash differs from the one its fields and the chain before it give. */
        COMMIT_ALTERED,
        /** No commit holds this position, yet commits follow it (a commit was deleted). */
        POSITION_MISSING,
        /** A commit or event is not at the position it was chained at (moved, swapped or overlapping). */
        POSITION_OUT_OF_PLACE,
        /** A checkpoint's signature is not valid under the trusted key. */
        CHECKPOINT_FORGED,
        /** A validly signed checkpoint's hash is not the chain's hash at its position. */
        CHECKPOINT_MISMATCH,
        /** A commit or event has no stored hash. */
        MISSING_HASH,
        /** The log ended before a position it declares (the head read, or a checkpoint): commits were removed. */
        TRUNCATED,
        /**
         * A single-stream export lacks events of its stream: their sequence numbers do not run from 0
         * without a gap (an event of it was carried by its digest only, or left out).
         */
        STREAM_INCOMPLETE
    }

    /**
     * @param position the first position that fails
     * @param detail   a sentence for people
     */
    public record Failure(long position, Reason reason, String detail) {
    }

    /** "intact up to position P, signed at checkpoint C", or the first position that fails and why. */
    public String summary() {
        String signed = checkpoint.map(c -> ", signed at checkpoint " + c.position() + " (" + c.signedAt() + ", key "
                                            + c.keyId() + ")")
                                  .orElse(", no signed checkpoint verified");
        if (intact) {
            return "intact up to position " + verifiedThrough + signed + "; " + eventsChecked + " events checked";
        }
        Failure first = failure.orElseThrow();
        return "fails at position " + first.position() + " (" + first.reason() + "): " + first.detail()
               + "; intact up to position " + verifiedThrough + signed;
    }
}
