package vn.province.govtrack.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Applicant;

/** The key store against a wire-protocol server (mongo-java-server, or MONGODB_URI). */
class MongoApplicantKeysTest {

    private static final String PEPPER = "test-pepper-of-at-least-thirty-two-characters";
    private static final Instant NOW = Instant.parse("2025-07-20T03:00:00Z");
    private static final MongoClient CLIENT = MongoClients.create(TestMongo.uri());

    private final MongoDatabase database = CLIENT.getDatabase(TestMongo.freshDatabaseName("applicant_keys"));
    private final ApplicantSealer sealer = new ApplicantSealer();
    private final MongoApplicantKeys keys = new MongoApplicantKeys(database, new LookupHash(PEPPER), sealer,
                                                                   Clock.fixed(NOW, ZoneOffset.UTC));
    private final PersonalData personalData = new PersonalData(keys, sealer);

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void an_applicant_keeps_one_key_across_calls_and_two_applicants_have_two() {
        ApplicantKey first = keys.keyFor("001203004567");

        assertThat(keys.keyFor("001203004567")).isEqualTo(first);
        assertThat(keys.keyFor("079085001234").keyId()).isNotEqualTo(first.keyId());
        assertThat(keys.liveKeyIdOf("001203004567")).contains(first.keyId());
        assertThat(keys.liveKeyIdOf("048190000001")).isEmpty();
    }

    @Test
    void threads_racing_to_create_an_applicants_key_all_get_the_one_key_stored() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApplicantKey>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return keys.keyFor("001203004567");
                }));
            }
            start.countDown();
            Set<ApplicantKey> distinct = new HashSet<>();
            for (Future<ApplicantKey> result : results) {
                distinct.add(result.get());
            }

            assertThat(distinct).hasSize(1);
            assertThat(collection().countDocuments()).isEqualTo(1);
            assertThat(collection().find().first().getString("_id")).isEqualTo(distinct.iterator().next().keyId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_key_collection_holds_no_id_number_only_its_peppered_hash() {
        keys.keyFor("001203004567");

        Document stored = collection().find().first();
        assertThat(stored.toJson()).doesNotContain("001203004567");
        assertThat(stored.getString("lookup")).isEqualTo(new LookupHash(PEPPER).of("001203004567")).hasSize(64);
        assertThat(new LookupHash("another-pepper-of-at-least-thirty-two-chars").of("001203004567"))
                .isNotEqualTo(stored.getString("lookup"));
        assertThat(stored.getDate("createdAt").toInstant()).isEqualTo(NOW);
    }

    @Test
    void destroying_a_key_leaves_a_tombstone_without_key_and_without_the_lookup_value() {
        String keyId = keys.keyFor("001203004567").keyId();
        Instant erasedAt = NOW.plusSeconds(60);

        assertThat(keys.destroy(keyId, erasedAt)).isTrue();

        Document tombstone = collection().find().first();
        assertThat(tombstone.getString("_id")).isEqualTo(keyId);
        assertThat(tombstone.containsKey("key")).isFalse();
        assertThat(tombstone.getString("lookup")).isEqualTo("erased:" + keyId);
        assertThat(tombstone.getDate("erasedAt").toInstant()).isEqualTo(erasedAt);
        assertThat(keys.liveKeyIdOf("001203004567")).isEmpty();
        assertThat(keys.find(Set.of(keyId)).get(keyId)).isEqualTo(new KeyRecord(keyId, null, erasedAt));
    }

    @Test
    void a_copy_made_a_tombstone_is_the_document_destroy_leaves_and_a_tombstone_stays_as_it_is() {
        String keyId = keys.keyFor("001203004567").keyId();
        Document live = collection().find().first();
        Instant erasedAt = NOW.plusSeconds(60);

        Document copy = MongoApplicantKeys.tombstone(live, erasedAt);
        keys.destroy(keyId, erasedAt);

        Document destroyed = collection().find().first();
        assertThat(copy).isEqualTo(destroyed);
        assertThat(live).as("the copy is a new document").containsKey("key");
        assertThat(MongoApplicantKeys.tombstone(destroyed, erasedAt.plusSeconds(60))).isEqualTo(destroyed);
    }

    @Test
    void destroying_twice_keeps_the_first_erasure_time_and_an_unknown_key_is_not_destroyed() {
        String keyId = keys.keyFor("001203004567").keyId();
        keys.destroy(keyId, NOW);

        assertThat(keys.destroy(keyId, NOW.plusSeconds(3600))).isTrue();
        assertThat(keys.find(Set.of(keyId)).get(keyId).erasedAt()).isEqualTo(NOW);
        assertThat(keys.destroy("no-such-key", NOW)).isFalse();
    }

    @Test
    void an_applicant_seen_again_after_erasure_gets_a_new_key_and_the_old_data_stays_erased() {
        SealedApplicant before = personalData.seal(new Applicant("001203004567", "Nguyễn Văn An", "0912345678"));
        personalData.destroyKey(before.keyId(), NOW);

        SealedApplicant after = personalData.seal(new Applicant("001203004567", "Nguyễn Văn An", "0912345678"));

        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        assertThat(personalData.open(before)).isEqualTo(new Disclosure.Erased(NOW));
        assertThat(personalData.open(after)).isInstanceOf(Disclosure.Clear.class);
    }

    @Test
    void opening_many_records_tells_clear_erased_and_unknown_apart() {
        Applicant an = new Applicant("001203004567", "Nguyễn Văn An", "0912345678");
        Applicant binh = new Applicant("079085001234", "Trần Thị Bình", null);
        SealedApplicant anSealed = personalData.seal(an);
        SealedApplicant binhSealed = personalData.seal(binh);
        SealedApplicant binhAgain = personalData.seal(binh);
        SealedApplicant unknown = new SealedApplicant("never-issued", anSealed.ciphertext());
        personalData.destroyKey(anSealed.keyId(), NOW);

        var opened = personalData.openAll(List.of(anSealed, binhSealed, binhAgain, unknown));

        assertThat(opened).hasSize(4);
        assertThat(opened.get(anSealed)).isEqualTo(new Disclosure.Erased(NOW));
        assertThat(opened.get(binhSealed)).isEqualTo(new Disclosure.Clear(binh));
        assertThat(opened.get(binhAgain)).isEqualTo(new Disclosure.Clear(binh));
        assertThat(opened.get(unknown)).isEqualTo(new Disclosure.Unreadable());
        assertThat(binhAgain.ciphertext()).isNotEqualTo(binhSealed.ciphertext());
    }

    @Test
    void keys_asked_for_together_are_the_keys_asked_for_one_by_one() {
        ApplicantKey known = keys.keyFor("001203004567");

        var together = keys.keysFor(List.of("001203004567", "079085001234", "048190000001", "079085001234"));

        assertThat(together).containsOnlyKeys("001203004567", "079085001234", "048190000001");
        assertThat(together.get("001203004567")).isEqualTo(known);
        assertThat(keys.keyFor("079085001234")).isEqualTo(together.get("079085001234"));
        assertThat(keys.keyFor("048190000001")).isEqualTo(together.get("048190000001"));
        assertThat(collection().countDocuments()).isEqualTo(3);
    }

    @Test
    void applicants_sealed_together_open_as_each_applicant_and_share_a_key_per_id_number() {
        Applicant an = new Applicant("001203004567", "Nguyễn Văn An", "0912345678");
        Applicant anByPost = new Applicant("001203004567", "Nguyễn Văn An", null);
        Applicant binh = new Applicant("079085001234", "Trần Thị Bình", "0987654321");

        var sealed = personalData.sealAll(List.of(an, anByPost, binh, an));

        assertThat(sealed).containsOnlyKeys(an, anByPost, binh);
        assertThat(sealed.get(an).keyId()).isEqualTo(sealed.get(anByPost).keyId()).isNotEqualTo(sealed.get(binh).keyId());
        assertThat(personalData.open(sealed.get(anByPost))).isEqualTo(new Disclosure.Clear(anByPost));
        assertThat(personalData.open(sealed.get(binh))).isEqualTo(new Disclosure.Clear(binh));
        assertThat(personalData.seal(binh).keyId()).isEqualTo(sealed.get(binh).keyId());
    }

    @Test
    void a_store_without_a_pepper_opens_records_but_cannot_find_applicants_by_id_number() {
        SealedApplicant sealed = personalData.seal(new Applicant("001203004567", "Nguyễn Văn An", "0912345678"));
        MongoApplicantKeys readOnly = new MongoApplicantKeys(database, null, sealer, Clock.systemUTC());

        assertThat(new PersonalData(readOnly, sealer).open(sealed)).isInstanceOf(Disclosure.Clear.class);
        assertThatThrownBy(() -> readOnly.keyFor("001203004567")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_short_pepper_is_refused() {
        assertThatThrownBy(() -> new LookupHash("short")).isInstanceOf(IllegalStateException.class);
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(MongoApplicantKeys.COLLECTION);
    }
}
