package vn.province.govtrack.query.history;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.query.applicant.PersonalDataReader;
import vn.province.govtrack.query.projection.KnownAt;
import vn.province.govtrack.query.projection.ProjectionPositions;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.web.ProblemType;

/**
 * The event history as auditors read it from the event store: streams, their states as of a business
 * time and as known at a recorded time, and the global log. Served under {@code /audit}, the path the public contract names.
 * Applicants appear opened at read time for readers allowed to see personal data (clear, or marked
 * erased), and not at all for anyone else ({@link HistoryEvents}).
 */
@Tag(name = "audit", description = "The event log and each aggregate's history and state as of an"
                   + " instant; the log's verification, checkpoints and exports")
@RestController
@RequestMapping("/api/v1/audit")
class EventHistoryController {

    private final EventLog eventLog;
    private final HistoryEvents historyEvents;
    private final StateAsOf stateAsOf;
    private final ProjectionPositions positions;
    private final Clock clock;

    EventHistoryController(EventLog eventLog, HistoryEvents historyEvents, StateAsOf stateAsOf,
                           ProjectionPositions positions, Clock clock) {
        this.eventLog = eventLog;
        this.historyEvents = historyEvents;
        this.stateAsOf = stateAsOf;
        this.positions = positions;
        this.clock = clock;
    }

    record StreamEvents(String aggregateId, String aggregateType, int eventCount, List<HistoryEvent> events) {
    }

    /**
     * @param voidPositions    positions in this page's range that hold no event: positions that engines
     *                         before store layout 3 reserved and never wrote, closed for good by the
     *                         event store (docs/adr/0001-event-store.md; layout 3 leaves none); with
     *                         the events they account for every position of the range
     * @param nextFromPosition where the following page starts; the log only grows, so polling it
     *                         with this value never misses or repeats an event
     */
    record EventPage(long fromPosition, int limit, long headPosition, List<HistoryEvent> events,
                     List<Long> voidPositions, long nextFromPosition, String next) {
    }

    @GetMapping("/streams/{aggregateId}/events")
    @Operation(summary = "An aggregate's events in order, with who, when and why")
    @ProjectionQuery(ProjectionQuery.EVENT_LOG)
    StreamEvents streamEvents(@PathVariable String aggregateId, @AuthenticationPrincipal Caller caller) {
        List<DomainEventMessage<?>> events = existingStream(aggregateId);
        return new StreamEvents(aggregateId, events.get(0).getType(), events.size(),
                historyEvents.all(events, eventLog.recordedAt(aggregateId), PersonalDataReader.of(caller)));
    }

    /**
     * The stream's state as the two time axes select its events ({@link StateAsOf}).
     *
     * @param asOf    business time: a day {@code YYYY-MM-DD} (the state at its end, in the business zone) or
     *                an ISO-8601 instant with offset, e.g. {@code 2025-07-16T17:00:00+07:00}; absent means now
     * @param knownAt recorded time: an ISO-8601 instant with offset, not in the future; only the events the
     *                store had recorded by then count ({@link KnownAt}, checked before the handler runs);
     *                absent means every event recorded so far
     */
    @GetMapping("/streams/{aggregateId}/state")
    @Operation(summary = "An aggregate's state rebuilt from its events, as of an instant or as known then")
    @ProjectionQuery(value = ProjectionQuery.EVENT_LOG, knownAt = true)
    StreamState streamState(@PathVariable String aggregateId,
                            @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String asOf,
                            @RequestParam(required = false) @Size(max = QueryParameters.MAX_TIME) String knownAt,
                            HttpServletRequest request, @AuthenticationPrincipal Caller caller) {
        AsOf businessTime = asOf == null ? AsOf.now(clock) : AsOf.parse(asOf, clock.getZone());
        OptionalLong knownPosition = KnownAt.position(request);
        StateAsOf.KnownBy knownBy = knownPosition.isEmpty() ? null : new StateAsOf.KnownBy(
                inZone(QueryParameters.instant(KnownAt.PARAMETER, knownAt, clock.getZone())), knownPosition.getAsLong());
        return stateAsOf.of(aggregateId, businessTime, knownBy, existingStream(aggregateId),
                            PersonalDataReader.of(caller));
    }

    @GetMapping("/events")
    @Operation(summary = "The global event log in position order, a page at a time")
    @ProjectionQuery(ProjectionQuery.EVENT_LOG)
    EventPage events(@RequestParam(defaultValue = "1") long fromPosition,
                     @RequestParam(defaultValue = "100") int limit,
                     @AuthenticationPrincipal Caller caller) {
        if (fromPosition < 1) {
            throw ProblemType.INVALID_INPUT.exception(
                    "fromPosition must be >= 1 (the first event's position); got " + fromPosition);
        }
        Paging.limit(limit);
        long head = positions.headPosition();
        List<TrackedEventMessage<?>> page = eventLog.page(fromPosition, limit);
        Map<Long, Instant> recordedAt = page.isEmpty() ? Map.of()
                : eventLog.recordedAt(fromPosition, HistoryEvents.positionOf(page.get(page.size() - 1)));
        List<HistoryEvent> events = historyEvents.all(page, recordedAt, PersonalDataReader.of(caller));
        Long lastPosition = events.isEmpty() ? null : events.get(events.size() - 1).position();
        long next = lastPosition == null ? fromPosition + events.size() : lastPosition + 1;
        return new EventPage(fromPosition, limit, head, events, voidPositions(fromPosition, events), next,
                "/api/v1/audit/events?fromPosition=" + next + "&limit=" + limit);
    }

    /** The store's reader never steps over a slot that may still receive an event, so a skipped slot is void. */
    private static List<Long> voidPositions(long fromPosition, List<HistoryEvent> events) {
        List<Long> voids = new ArrayList<>();
        long expected = fromPosition;
        for (HistoryEvent event : events) {
            for (long slot = expected; slot < event.position(); slot++) {
                voids.add(slot);
            }
            expected = event.position() + 1;
        }
        return voids;
    }

    private OffsetDateTime inZone(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }

    private List<DomainEventMessage<?>> existingStream(String aggregateId) {
        List<DomainEventMessage<?>> events = eventLog.stream(aggregateId);
        if (events.isEmpty()) {
            throw ProblemType.STREAM_NOT_FOUND.exception("No events recorded for aggregate '" + aggregateId + "'");
        }
        return events;
    }
}
