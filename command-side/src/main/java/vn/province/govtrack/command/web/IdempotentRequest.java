package vn.province.govtrack.command.web;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.province.govtrack.eventstore.MongoEventStorageEngine.KeyedCommit;
import vn.province.govtrack.kernel.EventMetadata;

/**
 * A command request sent with an {@code Idempotency-Key}, as the idempotency filter hands it on to the
 * command it carries: the commit key that the command's events carry ({@link EventMetadata#IDEMPOTENCY_KEY};
 * the event store lets one commit hold it), the request's fingerprint ({@link EventMetadata#REQUEST_FINGERPRINT}),
 * and, once known, the commit an earlier attempt with the same key recorded, which then answers this
 * request instead of a new execution. A request carries at most one keyed command.
 */
public final class IdempotentRequest {

    private static final String ATTRIBUTE = IdempotentRequest.class.getName();

    private final String commitKey;
    private final String fingerprint;
    private volatile KeyedCommit recorded;

    public IdempotentRequest(String commitKey, String fingerprint) {
        this.commitKey = Objects.requireNonNull(commitKey);
        this.fingerprint = Objects.requireNonNull(fingerprint);
    }

    /** The keyed request served on this thread, if any. */
    static Optional<IdempotentRequest> current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
            && attributes.getRequest().getAttribute(ATTRIBUTE) instanceof IdempotentRequest request) {
            return Optional.of(request);
        }
        return Optional.empty();
    }

    /** Makes this the keyed request of {@code request}, for the command it carries. */
    public void bindTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public String commitKey() {
        return commitKey;
    }

    /** Whether this same request recorded {@code commit}: every one of its events carries this fingerprint. */
    public boolean isRecordedIn(KeyedCommit commit) {
        return !commit.events().isEmpty() && commit.events().stream().allMatch(
                event -> fingerprint.equals(event.getMetaData().get(EventMetadata.REQUEST_FINGERPRINT)));
    }

    /**
     * Answers this request from {@code commit}, recorded under its key by an earlier attempt of it.
     *
     * @throws IllegalStateException if another request recorded the commit
     */
    public void answerFrom(KeyedCommit commit) {
        if (!isRecordedIn(commit)) {
            throw new IllegalStateException("the commit under this idempotency key was recorded by another request");
        }
        this.recorded = commit;
    }

    /** The earlier attempt's commit that answers this request; empty while the command is to be sent. */
    public Optional<KeyedCommit> recorded() {
        return Optional.ofNullable(recorded);
    }

    /** The command's metadata that makes its events carry the key and the fingerprint. */
    Map<String, String> metadata() {
        return Map.of(EventMetadata.IDEMPOTENCY_KEY, commitKey, EventMetadata.REQUEST_FINGERPRINT, fingerprint);
    }
}
