package vn.province.govtrack.query.reference;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.web.Paging;

/**
 * The reference data answered from the reference projection's collections, paged in the database: a
 * page's ids are read in code order (a record's id is its code), then its records.
 */
@Component
class StoredReferenceData implements ReferenceData {

    private final ReferenceDataProjection projection;
    private final MongoDatabase database;

    StoredReferenceData(ReferenceDataProjection projection, MongoClient mongoClient, MongoProperties mongoProperties) {
        this.projection = projection;
        this.database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
    }

    @Override
    public Paging.Page<UnitReference> units(UnitKind kind, Paging paging) {
        Bson filter = kind == null ? Filters.empty() : eq("kind", kind.name());
        return page(ReferenceDataProjection.UNITS, filter, paging, projection.units(), UnitReference::code);
    }

    @Override
    public Optional<UnitReference> registeredUnit(String code) {
        return projection.units().find(code).filter(unit -> unit.name() != null);
    }

    @Override
    public Paging.Page<ProcedureReference> procedures(String field, String level, Boolean online,
                                                      OnlineLevel onlineLevel, Paging paging) {
        List<Bson> filters = new ArrayList<>();
        if (field != null) {
            filters.add(eq("field", field));
        }
        if (level != null) {
            filters.add(eq("level", level));
        }
        if (online != null) {
            filters.add(eq("online", online));
        }
        if (onlineLevel != null) {
            filters.add(offered(onlineLevel));
        }
        return page(ReferenceDataProjection.PROCEDURES, filters.isEmpty() ? Filters.empty() : and(filters), paging,
                    projection.procedures(), ProcedureReference::code);
    }

    @Override
    public Optional<ProcedureReference> procedure(String code) {
        return projection.procedures().find(code);
    }

    /**
     * The procedures offered at {@code level}; a record stored before the online level existed has the
     * level its {@code online} flag stands for (see {@link ProcedureReference}), never FULL.
     */
    private static Bson offered(OnlineLevel level) {
        Bson stored = eq("onlineLevel", level.name());
        if (level == OnlineLevel.FULL) {
            return stored;
        }
        return or(stored, and(exists("onlineLevel", false), eq("online", level.online())));
    }

    private <T> Paging.Page<T> page(String collection, Bson filter, Paging paging, ReadModelStore<T> records,
                                    Function<T, String> code) {
        long total = database.getCollection(collection).countDocuments(filter);
        if (paging.offset() >= total) {
            return new Paging.Page<>(List.of(), total);
        }
        List<String> ids = database.getCollection(collection).find(filter)
                                   .sort(Sorts.ascending(ReadModelStore.ID))
                                   .skip((int) paging.offset()).limit(paging.size())
                                   .projection(Projections.include(ReadModelStore.ID))
                                   .map(document -> document.getString(ReadModelStore.ID))
                                   .into(new ArrayList<>());
        Map<String, T> byCode = records.findAll(in(ReadModelStore.ID, ids), null).stream()
                                       .collect(Collectors.toMap(code, Function.identity()));
        return new Paging.Page<>(ids.stream().map(byCode::get).filter(Objects::nonNull).toList(), total);
    }
}
