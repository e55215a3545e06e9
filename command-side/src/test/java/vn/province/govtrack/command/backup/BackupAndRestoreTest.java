package vn.province.govtrack.command.backup;

import static com.mongodb.client.model.Filters.lte;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import vn.province.govtrack.command.CommandSideHttpTest;
import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.eventstore.AuditCheckpoints;
import vn.province.govtrack.eventstore.AuditKeys;
import vn.province.govtrack.eventstore.ChainVerifier;
import vn.province.govtrack.eventstore.Checkpoint;
import vn.province.govtrack.eventstore.LogReader;
import vn.province.govtrack.eventstore.VerificationResult;
import vn.province.govtrack.kernel.applicant.EraseApplicantDataCommand;
import vn.province.govtrack.kernel.dossier.DossierReceivedEvent;
import vn.province.govtrack.personaldata.MongoApplicantKeys;

/**
 * {@code backup FILE} and {@code restore FILE} on the real command side's store: a backup taken while
 * commands are written restores, into an empty database, the same log up to the head it began at (every
 * commit stored exactly as in the original, the chain intact up to its signed checkpoint) and the
 * applicants' keys, erased ones erased; a database that holds anything is refused, and so is a file cut
 * short or edited, with nothing written.
 */
class BackupAndRestoreTest extends CommandSideHttpTest {

    private static final KeyPair AUDIT_KEYS = AuditKeys.generate();
    private static final AtomicInteger NEXT_ID_NUMBER = new AtomicInteger(7000);

    @TempDir
    Path directory;

    @Autowired
    private MongoClient mongoClient;
    @Autowired
    private MongoProperties mongoProperties;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private ObjectMapper json;

    /** What one run of the command printed, and its exit status. */
    private record Run(int exit, String out, String err) {
    }

    @Test
    void a_backup_taken_while_commands_are_written_restores_the_same_log_and_keys_into_an_empty_database()
            throws Exception {
        String unit = registeredUnit();
        String procedure = publishedProcedure();
        String erasedBefore = applicantIdNumber();
        String erasureRecordedOnly = applicantIdNumber();
        String erasedAfter = applicantIdNumber();
        String keyErasedBefore = keyIdOf(submit(unit, procedure, erasedBefore));
        String keyErasureRecordedOnly = keyIdOf(submit(unit, procedure, erasureRecordedOnly));
        String keyErasedAfter = keyIdOf(submit(unit, procedure, erasedAfter));
        assertThat(send(HttpMethod.DELETE, "/api/v1/applicants/" + erasedBefore, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // the erasure's event is recorded and its key not destroyed yet: the instant between the two steps
        Instant recordedErasure = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        commands.sendAndWait(new EraseApplicantDataCommand(keyErasureRecordedOnly, recordedErasure));
        long signed = engine.headPosition();
        signCheckpointAt(signed);
        Document liveKeyAtBackup = keys(source()).get(keyErasedAfter);

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            running.add(writers.submit(() -> {
                while (writing.get()) {
                    registeredUnit();
                    written.incrementAndGet();
                }
            }));
        }
        awaitAtLeast(written, 6);
        Path file = directory.resolve("store.backup");
        Run backup = backup(file);
        int writtenDuringBackup = written.get();
        awaitAtLeast(written, writtenDuringBackup + 3);
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<?> writer : running) {
            writer.get();
        }
        assertThat(send(HttpMethod.DELETE, "/api/v1/applicants/" + erasedAfter, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backed up", "verified", "intact");
        long position = manifest(file).path("position").asLong();
        assertThat(position).isGreaterThanOrEqualTo(signed);
        assertThat(engine.headPosition()).as("commands were written after the backup began").isGreaterThan(position);

        MongoDatabase target = freshDatabase();
        Run restore = restore(file, target);

        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored", "positions 1.." + String.format("%,d", position));
        assertThat(commits(target, Long.MAX_VALUE)).as("every commit up to P, stored exactly as in the original")
                                                   .isEqualTo(commits(source(), position));
        VerificationResult check = ChainVerifier.verifyStored(LogReader.of(target, ""), new AuditCheckpoints(target, ""),
                                                              1, Long.MAX_VALUE, position, AUDIT_KEYS.getPublic(),
                                                              (done, total) -> { });
        assertThat(check.intact()).as(check.summary()).isTrue();
        assertThat(check.verifiedThrough()).isEqualTo(position);
        assertThat(check.checkpoint()).map(Checkpoint::position).hasValue(signed);

        Map<String, Document> restoredKeys = keys(target);
        Map<String, Document> sourceKeys = keys(source());
        assertThat(restoredKeys.get(keyErasedBefore)).as("erased before the backup: erased")
                                                    .isEqualTo(sourceKeys.get(keyErasedBefore))
                                                    .doesNotContainKey("key");
        assertThat(restoredKeys.get(keyErasureRecordedOnly)).as("its erasure is in the log: erased")
                                                           .doesNotContainKey("key")
                                                           .containsEntry("lookup", "erased:" + keyErasureRecordedOnly);
        assertThat(restoredKeys.get(keyErasureRecordedOnly).getDate("erasedAt").toInstant()).isEqualTo(recordedErasure);
        assertThat(restoredKeys.get(keyErasedAfter)).as("erased after the backup: as it was at the backup")
                                                   .isEqualTo(liveKeyAtBackup);
        sourceKeys.keySet().removeAll(List.of(keyErasureRecordedOnly, keyErasedAfter));
        restoredKeys.keySet().removeAll(List.of(keyErasureRecordedOnly, keyErasedAfter));
        assertThat(restoredKeys).isEqualTo(sourceKeys);
    }

    @Test
    void a_database_that_holds_anything_is_refused_and_left_as_it_was() throws IOException {
        submit(registeredUnit(), publishedProcedure(), applicantIdNumber());
        Path file = directory.resolve("store.backup");
        assertThat(backup(file).exit()).isZero();
        MongoDatabase target = freshDatabase();
        target.getCollection("dossier_view").insertOne(new Document("_id", "a read model of another store"));

        Run restore = restore(file, target);

        assertThat(restore.exit()).isEqualTo(BackupCommand.DATABASE_NOT_EMPTY);
        assertThat(restore.err()).contains("not empty", "dossier_view", "Nothing was written");
        assertThat(target.listCollectionNames().into(new ArrayList<>())).containsExactly("dossier_view");
        assertThat(target.getCollection("dossier_view").countDocuments()).isEqualTo(1);
    }

    @Test
    void a_backup_cut_short_or_edited_is_refused_and_nothing_is_written() throws IOException {
        String unit = registeredUnit();
        submit(unit, publishedProcedure(), applicantIdNumber());
        Path file = directory.resolve("store.backup");
        assertThat(backup(file).exit()).isZero();
        byte[] whole = Files.readAllBytes(file);
        Path cut = directory.resolve("cut.backup");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        Path logEdited = rewritten(file, "log-edited.backup", BackupFile.LOG,
                                   log -> log.replace("Unit " + unit, "Unit " + unit.replace("XA", "YA")), true);
        Path keysEdited = rewritten(file, "keys-edited.backup", BackupFile.APPLICANT_KEYS,
                                    keys -> keys.replaceFirst("\"lookup\": \"", "\"lookup\": \"0"), false);
        MongoDatabase target = freshDatabase();

        Run fromCut = restore(cut, target);
        Run fromEditedLog = restore(logEdited, target);
        Run fromEditedKeys = restore(keysEdited, target);

        assertThat(fromCut.exit()).as(fromCut.err()).isEqualTo(BackupCommand.UNUSABLE_BACKUP);
        assertThat(fromCut.err()).contains("not a whole backup file");
        assertThat(fromEditedLog.exit()).as(fromEditedLog.err()).isEqualTo(BackupCommand.UNUSABLE_BACKUP);
        assertThat(fromEditedLog.err()).contains("does not verify", "EVENT_ALTERED");
        assertThat(fromEditedKeys.exit()).as(fromEditedKeys.err()).isEqualTo(BackupCommand.UNUSABLE_BACKUP);
        assertThat(fromEditedKeys.err()).contains(BackupFile.APPLICANT_KEYS, "not what was written");
        assertThat(target.listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    void a_backup_is_never_written_over_an_existing_file_and_a_missing_file_is_not_restored() throws IOException {
        Path existing = Files.writeString(directory.resolve("existing.backup"), "something else");

        Run over = backup(existing);
        Run missing = restore(directory.resolve("missing.backup"), freshDatabase());

        assertThat(over.exit()).isEqualTo(BackupCommand.USAGE_ERROR);
        assertThat(over.err()).contains("exists already");
        assertThat(Files.readString(existing)).isEqualTo("something else");
        assertThat(missing.exit()).isEqualTo(BackupCommand.USAGE_ERROR);
    }

    @Test
    void a_backup_whose_verification_fails_in_any_way_leaves_no_file() throws IOException {
        submit(registeredUnit(), publishedProcedure(), applicantIdNumber());
        Path unreadable = directory.resolve("unreadable.backup");
        Path faulty = directory.resolve("faulty.backup");

        Run failedToRead = backup(unreadable, (file, json, key, progress) -> {
            throw new IOException("Input/output error reading " + file);
        });
        Run failedToVerify = backup(faulty, (file, json, key, progress) -> {
            throw new IllegalStateException("a fault in the verifier");
        });

        assertThat(failedToRead.exit()).as(failedToRead.err()).isEqualTo(BackupCommand.FAILED);
        assertThat(failedToRead.err()).contains("Input/output error");
        assertThat(failedToVerify.exit()).as(failedToVerify.err()).isEqualTo(BackupCommand.FAILED);
        assertThat(failedToVerify.err()).contains("a fault in the verifier");
        assertThat(directory).isEmptyDirectory();
    }

    // ---------------------------------------------------------------- running the commands

    private Run backup(Path file) {
        return run(true, file, mongoProperties.getMongoClientDatabase());
    }

    /** A backup whose file is verified by {@code verification} instead of {@link BackupFile#verify}. */
    private Run backup(Path file, BackupCommand.Verification verification) {
        return run((args, o, e) -> BackupCommand.backup(args, o, e, verification), file,
                   mongoProperties.getMongoClientDatabase());
    }

    private Run restore(Path file, MongoDatabase target) {
        return run(false, file, target.getName());
    }

    private Run run(boolean backup, Path file, String database) {
        return run(backup ? BackupCommand::backup : BackupCommand::restore, file, database);
    }

    /** {@code BackupCommand.backup} or {@code restore}, or a backup with another verification. */
    private interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private Run run(Command command, Path file, String database) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {file.toString(), "--spring.data.mongodb.uri=" + TestMongo.uri(),
                         "--spring.data.mongodb.database=" + database,
                         "--govtrack.audit.public-key=" + AuditKeys.encode(AUDIT_KEYS.getPublic())};
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = command.run(args, o, e);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- the stores

    private MongoDatabase source() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
    }

    private MongoDatabase freshDatabase() {
        return mongoClient.getDatabase(TestMongo.freshDatabaseName("restored"));
    }

    private static List<Document> commits(MongoDatabase database, long upTo) {
        return database.getCollection("events").find(lte("_id", upTo)).sort(Sorts.ascending("_id"))
                       .into(new ArrayList<>());
    }

    private static Map<String, Document> keys(MongoDatabase database) {
        Map<String, Document> keys = new LinkedHashMap<>();
        database.getCollection(MongoApplicantKeys.COLLECTION).find().sort(Sorts.ascending("_id"))
                .forEach(key -> keys.put(key.getString("_id"), key));
        return keys;
    }

    private void signCheckpointAt(long position) {
        engine.auditCheckpoints().record(Checkpoint.sign(position, engine.logReader().hashBefore(position + 1),
                                                         Instant.now(), AUDIT_KEYS.getPrivate(),
                                                         AuditKeys.keyId(AUDIT_KEYS.getPublic())));
    }

    // ---------------------------------------------------------------- the backup file

    private JsonNode manifest(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(BackupFile.MANIFEST))) {
            return json.readTree(in);
        }
    }

    /**
     * A copy of the backup with one entry's text changed; with {@code newDigest}, the manifest's digest of it
     * is changed to match, as someone hiding an edit would.
     */
    private Path rewritten(Path file, String name, String entry, UnaryOperator<String> change, boolean newDigest)
            throws IOException {
        Path copy = directory.resolve(name);
        try (ZipFile zip = new ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            String changed;
            try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
                String original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                changed = change.apply(original);
                assertThat(changed).as("the edit changes " + entry).isNotEqualTo(original);
            }
            ObjectNode manifest = (ObjectNode) manifest(file);
            if (newDigest) {
                ((ObjectNode) manifest.get("entries")).put(entry, HexFormat.of().formatHex(
                        BackupFile.sha256().digest(changed.getBytes(StandardCharsets.UTF_8))));
            }
            for (String each : List.of(BackupFile.LOG, BackupFile.APPLICANT_KEYS)) {
                out.putNextEntry(new ZipEntry(each));
                if (each.equals(entry)) {
                    out.write(changed.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = zip.getInputStream(zip.getEntry(each))) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(BackupFile.MANIFEST));
            out.write(json.writeValueAsBytes(manifest));
            out.closeEntry();
        }
        return copy;
    }

    // ---------------------------------------------------------------- the province

    private static String applicantIdNumber() {
        return "0790" + String.format("%08d", NEXT_ID_NUMBER.incrementAndGet());
    }

    private String submit(String unit, String procedure, String idNumber) {
        ResponseEntity<JsonNode> response = post("/api/v1/dossiers", """
                {"procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "%s", "fullName": "Lê Văn Cường", "phone": "0912000111"}}"""
                .formatted(procedure, unit, idNumber));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("dossierId").asText();
    }

    private String keyIdOf(String dossierId) {
        return engine.readEvents(dossierId).asStream().map(event -> event.getPayload())
                     .filter(DossierReceivedEvent.class::isInstance).map(DossierReceivedEvent.class::cast)
                     .findFirst().orElseThrow().applicant().keyId();
    }

    private static void awaitAtLeast(AtomicInteger count, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count.get() < atLeast) {
            assertThat(System.nanoTime()).as("the writers wrote " + atLeast + " commands").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
