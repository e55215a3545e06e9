package vn.province.govtrack.query.reference;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * The reference data API clients look up: units (with their quotas and dissolution) and published
 * procedures (with their updates). Every write goes through {@link ReadModelStore#apply}, which ignores an event the
 * record already reflects, so redelivery and replay change nothing.
 */
@Component
@ProcessingGroup(ReferenceDataProjection.PROCESSING_GROUP)
class ReferenceDataProjection {

    static final String PROCESSING_GROUP = "reference";
    static final String UNITS = "reference_units";
    static final String PROCEDURES = "reference_procedures";

    private final ReadModelStore<UnitReference> units;
    private final ReadModelStore<ProcedureReference> procedures;

    private final ZoneId businessZone;

    ReferenceDataProjection(MongoClient mongoClient, MongoProperties mongoProperties, ObjectMapper objectMapper,
                            Clock clock) {
        this.businessZone = clock.getZone();
        MongoDatabase database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        this.units = new ReadModelStore<>(database.getCollection(UNITS), objectMapper, UnitReference.class,
                                             unit -> Map.of());
        this.procedures = new ReadModelStore<>(database.getCollection(PROCEDURES), objectMapper,
                                                  ProcedureReference.class, procedure -> Map.of());
    }

    ReadModelStore<UnitReference> units() {
        return units;
    }

    ReadModelStore<ProcedureReference> procedures() {
        return procedures;
    }

    @EventHandler
    void on(UnitRegisteredEvent event, TrackingToken token) {
        units.apply(event.code(), ReadModelStore.positionOf(token), () -> UnitReference.unknown(event.code()),
                    unit -> unit.registered(event.name(), event.kind()));
    }

    @EventHandler
    void on(UnitDissolvedEvent event, TrackingToken token) {
        units.apply(event.code(), ReadModelStore.positionOf(token), () -> UnitReference.unknown(event.code()),
                    unit -> unit.dissolvedFrom(event.effectiveDate()));
    }

    @EventHandler
    void on(StaffingQuotaSetEvent event, TrackingToken token) {
        units.apply(event.unitCode(), ReadModelStore.positionOf(token),
                    () -> UnitReference.unknown(event.unitCode()),
                    unit -> unit.withQuota(new UnitReference.Quota(event.field(), event.positions(),
                                                                   event.effectiveDate(), event.decisionNo())));
    }

    /**
     * A procedure published before the index's fields existed is dated by the day its event was recorded,
     * in the business zone, and takes effect then (docs/index-766.md, section 3).
     */
    @EventHandler
    void on(ProcedurePublishedEvent event, TrackingToken token, @Timestamp Instant recordedAt) {
        LocalDate publishedOn = event.publishedOn() != null ? event.publishedOn()
                                                            : LocalDate.ofInstant(recordedAt, businessZone);
        LocalDate effectiveFrom = event.effectiveFrom() != null ? event.effectiveFrom() : publishedOn;
        procedures.apply(event.code(), ReadModelStore.positionOf(token), () -> null,
                         ignored -> new ProcedureReference(event.code(), event.name(), event.field(), event.level(),
                                                           event.processingHours(), event.cutoff(), event.online(),
                                                           event.offered(), publishedOn, effectiveFrom,
                                                           event.disclosed(), false, List.of()));
    }

    /** An update of a procedure not (yet) recorded here changes nothing: the command side updates only published ones. */
    @EventHandler
    void on(ProcedureUpdatedEvent event, TrackingToken token) {
        ProcedureReference.Update update = new ProcedureReference.Update(event.updatedOn(), event.effectiveFrom(),
                                                                         event.onlineLevel(), event.content(),
                                                                         event.reason(), false);
        procedures.apply(event.code(), ReadModelStore.positionOf(token),
                         stored -> stored == null ? null : stored.updated(update));
    }

    /** A rebuild removes the records it recomputes (see {@link RebuildScope}); the replay then writes them anew. */
    @ResetHandler
    void reset(RebuildScope scope) {
        units.removeTouchedAfter(scope.keptUpTo());
        procedures.removeTouchedAfter(scope.keptUpTo());
    }
}
