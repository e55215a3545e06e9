package vn.province.govtrack.query.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.query.web.Paging;

/** The dossier questions answered by the database, against a real wire-protocol server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredDossiersTest {

    private static final Instant AN_HOUR_PAST_DUE = DossierEvents.DUE_AT.plus(Duration.ofHours(1));
    private static final String UNIT = "W-BA-DINH";

    private MongoClient client;
    private StoredDossiers dossiers;
    private DossierProjection projection;
    private long position;

    @BeforeAll
    void receiveDossiers() {
        client = MongoClients.create(TestMongo.uri());
        MongoProperties properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("stored_dossiers"));
        DossierViews views = new DossierViews(client, properties, new ObjectMapper().findAndRegisterModules(), Clock.systemUTC());
        projection = new DossierProjection(views);
        dossiers = new StoredDossiers(views);

        for (String id : new String[] {"HS-33", "HS-31", "HS-35", "HS-32", "HS-34"}) {
            deliver(DossierEvents.received(id));
        }
        deliver(DossierEvents.extended("HS-32"));
        deliver(DossierEvents.resolvedEarly("HS-34"));
        deliver(DossierEvents.transferred("HS-35", "W-HOAN-KIEM"));
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    @Test
    void theOverdueDossiersOfAUnitComeAPageAtATime() {
        DossierFilter overdueHere = new DossierFilter(UNIT, Set.of(), true, null);

        Paging.Page<DossierView> first = dossiers.dossiers(overdueHere, AN_HOUR_PAST_DUE, Paging.of(0, 1));
        Paging.Page<DossierView> second = dossiers.dossiers(overdueHere, AN_HOUR_PAST_DUE, Paging.of(1, 1));
        Paging.Page<DossierView> past = dossiers.dossiers(overdueHere, AN_HOUR_PAST_DUE, Paging.of(2, 1));

        assertThat(first.total()).as("HS-32 was extended, HS-34 resolved, HS-35 moved away").isEqualTo(2);
        assertThat(first.content()).extracting(DossierView::dossierId).containsExactly("HS-31");
        assertThat(second.content()).extracting(DossierView::dossierId).containsExactly("HS-33");
        assertThat(past.content()).isEmpty();
        assertThat(past.total()).isEqualTo(2);
    }

    @Test
    void everyDossierOfAUnitIsListedByIdAndOneIsFoundById() {
        Paging.Page<DossierView> all = dossiers.dossiers(new DossierFilter(UNIT, Set.of(), null, null),
                                                         AN_HOUR_PAST_DUE, Paging.of(0, 10));

        assertThat(all.content()).extracting(DossierView::dossierId)
                .containsExactly("HS-31", "HS-32", "HS-33", "HS-34");
        assertThat(dossiers.dossier("HS-35")).get().extracting(DossierView::unitCode).isEqualTo("W-HOAN-KIEM");
        assertThat(dossiers.dossier("HS-NONE")).isEmpty();
    }

    private void deliver(Object event) {
        try {
            new AnnotationEventHandlerAdapter(projection).handle(new GenericTrackedEventMessage<>(
                    new GlobalSequenceTrackingToken(++position), GenericEventMessage.asEventMessage(event)));
        } catch (Exception e) {
            throw new AssertionError("delivery of " + event + " failed", e);
        }
    }
}
