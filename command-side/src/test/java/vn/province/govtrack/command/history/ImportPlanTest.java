package vn.province.govtrack.command.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.dossier.DossierEndpoint;
import vn.province.govtrack.command.dossier.DossierRequest.ReceiptRequest;
import vn.province.govtrack.command.history.HistoryImport.Plan;
import vn.province.govtrack.command.history.Rejection.Reason;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.Role;

/** What a batch decides before it sends anything: which records its dossiers' streams already hold. */
class ImportPlanTest {

    private static final Caller CLERK = new Caller("officer-1", Role.CLERK, "XA-01");

    private static HistoryRecord record(long line, String id, String dossierId) {
        return new HistoryRecord(line, id, dossierId, DossierEndpoint.RECEIPT, CLERK, new ReceiptRequest(null));
    }

    private static DomainEventMessage<?> recorded(String dossierId, long sequence, String recordId) {
        MetaData metaData = recordId == null ? MetaData.emptyInstance()
                : MetaData.with(EventMetadata.IMPORT_RECORD, recordId);
        return new GenericDomainEventMessage<>("Dossier", dossierId, sequence, "event", metaData);
    }

    private static Plan plan(Map<String, List<HistoryRecord>> records, Map<String, List<DomainEventMessage<?>>> stored) {
        return HistoryImport.plan(new ImportBatch(1, 99, records, List.of()), stored);
    }

    @Test
    void dossiers_without_events_are_new_and_all_their_records_are_sent() {
        Map<String, List<HistoryRecord>> records = new LinkedHashMap<>();
        records.put("A", List.of(record(1, "A/0", "A"), record(2, "A/1", "A")));

        Plan plan = plan(records, Map.of());

        assertThat(plan.newDossiers()).containsExactly("A");
        assertThat(plan.toSend()).extracting(HistoryRecord::id).containsExactly("A/0", "A/1");
        assertThat(plan.alreadyImported()).isZero();
        assertThat(plan.rejected()).isEmpty();
    }

    @Test
    void records_the_stream_holds_are_already_imported_and_the_rest_is_sent() {
        Map<String, List<HistoryRecord>> records = new LinkedHashMap<>();
        records.put("A", List.of(record(1, "A/0", "A"), record(2, "A/1", "A"), record(3, "A/2", "A")));

        Plan plan = plan(records, Map.of("A", List.of(recorded("A", 0, "A/0"), recorded("A", 1, "A/1"))));

        assertThat(plan.newDossiers()).isEmpty();
        assertThat(plan.alreadyImported()).isEqualTo(2);
        assertThat(plan.toSend()).extracting(HistoryRecord::id).containsExactly("A/2");
    }

    @Test
    void a_record_before_an_imported_one_was_rejected_by_an_earlier_import_and_is_not_tried_again() {
        Map<String, List<HistoryRecord>> records = new LinkedHashMap<>();
        records.put("A", List.of(record(1, "A/0", "A"), record(2, "A/1", "A"), record(3, "A/2", "A"),
                                 record(4, "A/3", "A")));

        Plan plan = plan(records, Map.of("A", List.of(recorded("A", 0, "A/0"), recorded("A", 1, null),
                                                      recorded("A", 2, "A/2"))));

        assertThat(plan.alreadyImported()).isEqualTo(2);
        assertThat(plan.rejected()).extracting(Rejection::line, Rejection::reason)
                                   .containsExactly(tuple(2L, Reason.REJECTED_EARLIER));
        assertThat(plan.toSend()).extracting(HistoryRecord::id).containsExactly("A/3");
    }

    @Test
    void a_record_id_seen_twice_for_one_dossier_is_a_duplicate_and_the_same_id_elsewhere_is_not() {
        Map<String, List<HistoryRecord>> records = new LinkedHashMap<>();
        records.put("A", List.of(record(1, "r1", "A"), record(2, "r1", "A")));
        records.put("B", List.of(record(3, "r1", "B")));

        Plan plan = plan(records, Map.of());

        assertThat(plan.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(2);
            assertThat(rejection.reason()).isEqualTo(Reason.DUPLICATE);
            assertThat(rejection.detail()).isEqualTo("dossier 'A' has a record 'r1' already, on line 1");
        });
        assertThat(plan.toSend()).extracting(HistoryRecord::line).containsExactly(1L, 3L);
    }
}
