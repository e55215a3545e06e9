package vn.province.govtrack.audittool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.eventstore.AuditKeys;
import vn.province.govtrack.eventstore.Checkpoint;
import vn.province.govtrack.eventstore.LogExport;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;

/**
 * The tool as an auditor runs it: against a database, against an export file offline, and downloading an
 * export from a service; its verdict on standard output and its exit code.
 */
class AuditToolTest {

    record Note(String text) {
    }

    private static final KeyPair KEYS = AuditKeys.generate();
    private static final String PUBLIC_KEY = AuditKeys.encode(KEYS.getPublic());

    private final MongoClient client = MongoClients.create(TestMongo.uri());
    private final String databaseName = TestMongo.freshDatabaseName("audittool");
    private final MongoDatabase database = client.getDatabase(databaseName);
    private MongoEventStorageEngine engine;
    private final ByteArrayOutputStream verdicts = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @TempDir
    Path directory;

    @BeforeEach
    void aSignedLog() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                                        .snapshotSerializer(serializer).build();
        for (int i = 0; i < 30; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Note", "note-" + (i % 4), i / 4,
                                                                new Note("note " + i), MetaData.from(Map.of("actor", "t"))));
        }
        engine.auditCheckpoints().record(Checkpoint.sign(30, engine.logReader().hashBefore(31), Instant.now(),
                                                         KEYS.getPrivate(), AuditKeys.keyId(KEYS.getPublic())));
        originalOut = System.out;
        System.setOut(new PrintStream(verdicts, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void cleanUp() {
        System.setOut(originalOut);
        database.drop();
        client.close();
    }

    @Test
    void verifies_the_log_in_a_database_and_names_the_position_of_a_changed_byte() {
        assertThat(run("verify", "--mongodb-uri", TestMongo.uri(), "--database", databaseName,
                       "--public-key", PUBLIC_KEY)).isEqualTo(AuditTool.INTACT);
        assertThat(verdicts()).startsWith("INTACT: the log in " + databaseName
                                          + " is intact up to position 30, signed at checkpoint 30");

        Document commit = database.getCollection("events").find(new Document("_id", 17L)).first();
        String payload = commit.getList("events", Document.class).get(0).getString("payload");
        database.getCollection("events").updateOne(new Document("_id", 17L), new Document("$set",
                new Document("events.0.payload", payload.replace("note 16", "note 61"))));

        assertThat(run("verify", "--mongodb-uri", TestMongo.uri(), "--database", databaseName,
                       "--public-key", PUBLIC_KEY)).isEqualTo(AuditTool.FAILED);
        assertThat(verdicts()).contains("FAILED:", "fails at position 17 (EVENT_ALTERED)");
    }

    @Test
    void verifies_an_export_offline_refuses_one_cut_short_and_finds_it_unsigned_under_another_key() throws IOException {
        Path export = directory.resolve("log.ndjson");
        try (OutputStream out = Files.newOutputStream(export)) {
            LogExport.writeLog(engine, 1, 30, Instant.now(), out);
        }
        Path keyFile = directory.resolve("public-key.txt");
        Files.writeString(keyFile, PUBLIC_KEY + "\n");

        assertThat(run("verify-export", export.toString(), "--public-key", keyFile.toString()))
                .isEqualTo(AuditTool.INTACT);
        assertThat(verdicts()).startsWith("INTACT: the export of positions 1..30 is intact up to position 30");

        String whole = Files.readString(export);
        Path cut = directory.resolve("cut.ndjson");
        Files.writeString(cut, whole.substring(0, whole.indexOf("note 20")));
        assertThat(run("verify-export", cut.toString(), "--public-key", PUBLIC_KEY)).isEqualTo(AuditTool.FAILED);
        assertThat(verdicts()).contains("fails at position 21 (TRUNCATED)");

        String otherKey = AuditKeys.encode(AuditKeys.generate().getPublic());
        assertThat(run("verify-export", export.toString(), "--public-key", otherKey)).isEqualTo(AuditTool.UNSIGNED);
        assertThat(verdicts()).startsWith("UNSIGNED:").contains("no signed checkpoint verified");
    }

    @Test
    void an_intact_export_or_log_not_wholly_covered_by_a_signed_checkpoint_is_reported_unsigned() throws IOException {
        for (int i = 30; i < 35; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Note", "late", i - 30, new Note("late " + i),
                                                                MetaData.emptyInstance()));
        }
        Path export = directory.resolve("tail.ndjson");
        try (OutputStream out = Files.newOutputStream(export)) {
            LogExport.writeLog(engine, 31, 35, Instant.now(), out);
        }

        assertThat(run("verify-export", export.toString(), "--public-key", PUBLIC_KEY)).isEqualTo(AuditTool.UNSIGNED);
        assertThat(verdicts()).startsWith("UNSIGNED:");

        Path whole = directory.resolve("whole.ndjson");
        try (OutputStream out = Files.newOutputStream(whole)) {
            LogExport.writeLog(engine, 1, 35, Instant.now(), out);
        }
        assertThat(run("verify-export", whole.toString(), "--public-key", PUBLIC_KEY)).isEqualTo(AuditTool.UNSIGNED);
        assertThat(verdicts()).startsWith("UNSIGNED:").contains("signed at checkpoint 30")
                              .contains("(5 positions) is chained but not yet signed");
        assertThat(run("verify", "--mongodb-uri", TestMongo.uri(), "--database", databaseName,
                       "--public-key", PUBLIC_KEY)).as("the database likewise").isEqualTo(AuditTool.UNSIGNED);
        verdicts();
        assertThat(run("verify", "--mongodb-uri", TestMongo.uri(), "--database", databaseName, "--to", "30",
                       "--public-key", PUBLIC_KEY)).as("up to the checkpoint").isEqualTo(AuditTool.INTACT);
        assertThat(verdicts()).startsWith("INTACT:").contains("intact up to position 30");
    }

    @Test
    void downloads_an_export_from_the_query_side_and_verifies_it_in_the_same_run() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        LogExport.writeStream(engine, "note-2", Instant.now(), body);
        AtomicReference<String> asked = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.set(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", LogExport.MEDIA_TYPE);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.toByteArray());
            }
        });
        server.start();
        try {
            Path saved = directory.resolve("stream.ndjson");
            int exit = run("download", "--query-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                           "--token", "t0ken", "--stream", "note-2", "--out", saved.toString(),
                           "--public-key", PUBLIC_KEY);

            assertThat(exit).isEqualTo(AuditTool.INTACT);
            assertThat(asked.get()).isEqualTo("/api/v1/audit/streams/note-2/export Bearer t0ken");
            assertThat(Files.readAllBytes(saved)).isEqualTo(body.toByteArray());
            assertThat(verdicts()).startsWith("INTACT: the export of stream note-2 (7 of its events)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void keygen_writes_a_key_pair_whose_public_half_verifies_what_the_private_half_signs_and_never_overwrites_it()
            throws IOException {
        Path keys = directory.resolve("keys");

        assertThat(run("keygen", keys.toString())).isEqualTo(AuditTool.INTACT);
        assertThat(AuditKeys.arePair(AuditKeys.privateKey(Files.readString(keys.resolve("audit-signing.key"))),
                                     AuditKeys.publicKey(Files.readString(keys.resolve("audit-public.key"))))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("audit-signing.key"))))
                .isEqualTo("rw-------");
        String before = Files.readString(keys.resolve("audit-signing.key"));

        assertThat(run("keygen", keys.toString())).isEqualTo(AuditTool.ERROR);
        assertThat(Files.readString(keys.resolve("audit-signing.key"))).isEqualTo(before);
    }

    @Test
    void bad_arguments_and_unreadable_files_exit_with_the_error_code() {
        assertThat(run("verify-export", directory.resolve("missing.ndjson").toString(), "--public-key", PUBLIC_KEY))
                .isEqualTo(AuditTool.ERROR);
        assertThat(run("verify-export", "x.ndjson", "--public-key", "not a key")).isEqualTo(AuditTool.ERROR);
        assertThat(run("verify")).isEqualTo(AuditTool.ERROR);
    }

    private static int run(String... args) {
        return AuditTool.run(args);
    }

    /** The verdicts printed so far; clears them. */
    private String verdicts() {
        String printed = verdicts.toString(StandardCharsets.UTF_8);
        verdicts.reset();
        return printed;
    }
}
