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

import io.swagger.v3.oas.annotations.media.Schema;
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

    @Schema(example = """
            {"aggregateId": "HS42-0000035", "aggregateType": "Dossier", "eventCount": 3,
            "events": [{"position": 12995, "aggregateId": "HS42-0000035", "aggregateType": "Dossier",
            "sequence": 0, "eventId": "01a23c56-525e-7000-b27f-fe64253e81c6",
            "type": "DossierReceivedEvent", "revision": "2",
            "timestamp": "2026-12-03T21:36:59.870942983+07:00",
            "recordedAt": "2026-12-03T21:36:59.871+07:00", "occurredAt": "2025-07-03T08:48:47+07:00",
            "payload": {"dossierId": "HS42-0000035", "procedureCode": "1.000163", "field": "HOME_AFFAIRS",
            "unitCode": "SO-02", "channel": "IN_PERSON", "applicant": {"idNumber": "068051448799",
            "fullName": "Nguyễn Minh Khoa", "phone": "0381398571"}, "receivedAt": "2025-07-03T01:48:47Z",
            "processingHours": 40, "clockStartsAt": "2025-07-03T01:48:47Z",
            "dueAt": "2025-07-10T01:48:47Z"}, "metadata": {"actor": "simulator-clerk-SO-02",
            "requestFingerprint": "ba0b2454a697b5a51d1e93747b8d539495f00399aaceff0a1373d6a2c2d6f9c7",
            "actorUnit": "SO-02",
            "idempotencyKey": "459f1723ff42e34c3a821df6e38eb74d6bf3a5d458d1d1218bea61e70e6b36e1",
            "actorRole": "CLERK", "causationId": "01a23c56-5240-7000-be72-898159a686b5",
            "correlationId": "a08e3701-9f95-4814-9fce-847aa6580728"}}, {"position": 13003,
            "aggregateId": "HS42-0000035", "aggregateType": "Dossier", "sequence": 1,
            "eventId": "01a23c56-5319-7001-9a44-73b138b058ae", "type": "DossierAssignedEvent",
            "revision": "1", "timestamp": "2026-12-03T21:37:00.057342034+07:00",
            "recordedAt": "2026-12-03T21:37:00.072+07:00", "occurredAt": "2025-07-03T11:36:42+07:00",
            "payload": {"dossierId": "HS42-0000035", "staffId": "CB-SO-02-2",
            "assignedAt": "2025-07-03T04:36:42Z"}, "metadata": {"actor": "simulator-clerk-SO-02",
            "requestFingerprint": "6a6fb570c5b9650378daf5aa91cd5894404317e3cf7889d62dc25aea84d968fe",
            "actorUnit": "SO-02",
            "idempotencyKey": "98f63c2e9da557882c69212ddda29300f3d481eb18a1d443f245e591a82afc38",
            "actorRole": "CLERK", "causationId": "01a23c56-5315-7000-9028-443e3ba8bf41",
            "correlationId": "b69986dc-6dc5-4467-8838-435aa2d4dc4c"}}]}""")
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
    @Schema(example = """
            {"fromPosition": 13000, "limit": 1, "headPosition": 13716, "events": [{"position": 13000,
            "aggregateId": "HS42-0000037", "aggregateType": "Dossier", "sequence": 1,
            "eventId": "01a23c56-5312-7000-925d-d8dedb3bca47", "type": "DossierReceivedEvent",
            "revision": "2", "timestamp": "2026-12-03T21:37:00.05011593+07:00",
            "recordedAt": "2026-12-03T21:37:00.072+07:00", "occurredAt": "2025-07-03T16:40:37+07:00",
            "payload": {"dossierId": "HS42-0000037", "procedureCode": "2.000126",
            "field": "JUSTICE_CIVIL_STATUS", "unitCode": "XA-034", "channel": "ONLINE",
            "applicant": {"idNumber": "068148539438", "fullName": "Nguyễn Kim Nga", "phone": "0360771686"},
            "receivedAt": "2025-07-03T09:40:37Z", "processingHours": 4,
            "clockStartsAt": "2025-07-04T01:00:00Z", "dueAt": "2025-07-04T05:00:00Z"},
            "metadata": {"actor": "simulator-clerk-XA-034",
            "requestFingerprint": "9fc298648d9c192a842826f8d6e7c38f98650ddf01ec217e0b6a25a4ad8c720d",
            "actorUnit": "XA-034",
            "idempotencyKey": "c20d5fdbcdf739851cf1117c5b98d3646d5ad732e97749cb7db2395bd95c3cd9",
            "actorRole": "CLERK", "causationId": "01a23c56-52f0-7000-82c0-1809da336e0e",
            "correlationId": "2554f19f-1b04-4191-934c-4456ae62f048"}}], "voidPositions": [],
            "nextFromPosition": 13001, "next": "/api/v1/audit/events?fromPosition=13001&limit=1"}""")
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
