package vn.province.govtrack.query.personnel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.staff.StaffEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;
import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.projection.RebuildScope;
import vn.province.govtrack.query.staff.StaffRecords;

/**
 * The read model of the personnel reports, in the "personnel" processing group (one segment, see
 * application.yml): staff records in {@value #STAFF} (its own copy, folded by the same
 * {@code StaffFold} as the staff view, so each can be rebuilt alone, with the periods
 * {@link StoredPersonnel} queries), quotas per unit and field in
 * {@value #QUOTAS}, and units in {@value #UNITS}. Every write is a keyed upsert guarded by the event's
 * position, so redelivery or a replay over existing documents changes nothing.
 */
@Component
@ProcessingGroup(PersonnelProjection.PROCESSING_GROUP)
class PersonnelProjection {

    static final String PROCESSING_GROUP = "personnel";
    static final String STAFF = "personnel_staff";
    static final String QUOTAS = "personnel_quotas";
    static final String UNITS = "personnel_units";

    private final StaffRecords staff;
    private final ReadModelStore<QuotaRecord> quotas;
    private final ReadModelStore<UnitRecord> units;

    PersonnelProjection(MongoClient mongoClient, MongoProperties mongoProperties, ObjectMapper objectMapper) {
        MongoDatabase database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        this.staff = new StaffRecords(database, STAFF, objectMapper, StoredPersonnel::queryFields);
        staff.completeQueryFields(StoredPersonnel.STAFFING_KNOWN);
        this.quotas = new ReadModelStore<>(database.getCollection(QUOTAS), objectMapper, QuotaRecord.class,
                                              quota -> Map.of());
        this.units = new ReadModelStore<>(database.getCollection(UNITS), objectMapper, UnitRecord.class,
                                             unit -> Map.of());
    }

    StaffRecords staff() {
        return staff;
    }

    ReadModelStore<QuotaRecord> quotas() {
        return quotas;
    }

    ReadModelStore<UnitRecord> units() {
        return units;
    }

    @EventHandler
    void on(StaffEvent event, TrackingToken token, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR) String actor) {
        staff.apply(event.staffId(), event, StaffRecords.recorded(token, at, actor));
    }

    /** A decision keeps its position: the staffing review as known at a position reads only those recorded by then. */
    @EventHandler
    void on(StaffingQuotaSetEvent event, TrackingToken token) {
        long position = ReadModelStore.positionOf(token);
        quotas.apply(quotaKey(event.unitCode(), event.field()), position,
                     () -> QuotaRecord.initial(event.unitCode(), event.field()),
                     quota -> quota.plus(new QuotaRecord.Quota(event.effectiveDate(), event.positions(),
                                                               event.decisionNo(), position)));
    }

    @EventHandler
    void on(UnitRegisteredEvent event, TrackingToken token) {
        long position = ReadModelStore.positionOf(token);
        units.apply(event.code(), position,
                    unit -> unit == null ? UnitRecord.registered(event.code(), event.name(), event.kind(), position)
                            : unit.registeredAgain(event.name(), event.kind(), position));
    }

    /** A unit is registered before it is dissolved, so its record exists by then. */
    @EventHandler
    void on(UnitDissolvedEvent event, TrackingToken token) {
        long position = ReadModelStore.positionOf(token);
        units.apply(event.code(), position,
                    unit -> unit == null ? new UnitRecord(event.code(), null, null, event.effectiveDate(), position,
                                                          List.of())
                            : unit.dissolvedFrom(event.effectiveDate(), position));
    }

    /**
     * A rebuild removes the documents it recomputes (see {@link RebuildScope}) from each collection;
     * the replay then writes them anew.
     */
    @ResetHandler
    void reset(RebuildScope scope) {
        staff.removeTouchedAfter(scope.keptUpTo());
        quotas.removeTouchedAfter(scope.keptUpTo());
        units.removeTouchedAfter(scope.keptUpTo());
    }

    /** Unit codes and fields never contain '|'. */
    static String quotaKey(String unitCode, String field) {
        return unitCode + "|" + field;
    }
}
