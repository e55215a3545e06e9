package vn.province.govtrack.command.backup;

import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.province.govtrack.eventstore.ChainVerifier;
import vn.province.govtrack.eventstore.LogExport;

/**
 * A backup file, format {@value #FORMAT}: a ZIP archive (deflated) of
 * <ul>
 *   <li>{@value #LOG}: the log from position 1 to the backup's position P, an export of the log
 *       ({@link LogExport}, {@code govtrack-log-export/1}) with the signed checkpoints up to P, so that
 *       {@code ./audit verify-export} checks it too once unpacked;</li>
 *   <li>{@value #APPLICANT_KEYS}: the applicants' keys ({@code applicant_keys}, ADR 0004), one document per
 *       line in MongoDB Extended JSON, which keeps every BSON type; live keys and tombstones;</li>
 *   <li>{@value #MANIFEST}, written last: {@code {format, database, createdAt, position, commits, events,
 *       applicantKeys, erasedApplicantKeys, entries: {name: sha256}}}.</li>
 * </ul>
 * A file is usable only whole: {@link #verify} refuses one whose archive is cut short, whose entries do not
 * match the manifest's digests, or whose log does not verify as a chain from position 1 to P. The digests
 * catch accidents; deliberate edits of the log are caught by its chain and signed checkpoints.
 */
final class BackupFile implements AutoCloseable {

    static final String FORMAT = "govtrack-backup/1";
    static final String LOG = "log.ndjson";
    static final String APPLICANT_KEYS = "applicant_keys.ndjson";
    static final String MANIFEST = "manifest.json";

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonWriterSettings EXTENDED_JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED)
                                                                              .build();

    private final ZipFile zip;
    private final JsonNode manifest;

    private BackupFile(ZipFile zip, JsonNode manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    /** What a verified backup holds, from its manifest, and how its log verified. */
    record Verified(long position, long commits, long events, long applicantKeys, Instant createdAt,
                    String database, LogExport.Verified log) {

        /** Whether a checkpoint signed under the trusted key covers the whole log up to P. */
        boolean signed() {
            return log.signed();
        }
    }

    /**
     * Opens a backup file and reads its manifest.
     *
     * @throws UnusableBackupException when it is no whole ZIP archive or has no manifest of this format
     */
    static BackupFile open(Path file, ObjectMapper json) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new UnusableBackupException(file + " is not a whole backup file (" + e.getMessage()
                                              + "): a ZIP archive cut short or not a backup at all");
        }
        try {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new UnusableBackupException(file + " has no " + MANIFEST + ": not a backup, or one whose writing"
                                                  + " did not finish");
            }
            JsonNode manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = json.readTree(in);
            }
            if (!FORMAT.equals(manifest.path("format").asText())) {
                throw new UnusableBackupException(file + " is not a " + FORMAT + " backup: its manifest says format '"
                                                  + manifest.path("format").asText() + "'");
            }
            return new BackupFile(zip, manifest);
        } catch (JsonProcessingException e) {
            zip.close();
            throw new UnusableBackupException(file + "'s manifest is not JSON: the file is damaged");
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * Checks the whole file: every entry the manifest names is there with its digest, the keys are as many
     * as it says, and the log is an intact chain from position 1 to P, complete, with its checkpoints checked
     * under {@code trustedKey} (none checked without one).
     *
     * @throws UnusableBackupException at the first thing that is not as it must be
     */
    Verified verify(PublicKey trustedKey, ChainVerifier.Progress progress) throws IOException {
        JsonNode digests = manifest.path("entries");
        for (String name : new String[] {LOG, APPLICANT_KEYS}) {
            String expected = digests.path(name).asText(null);
            if (expected == null) {
                throw new UnusableBackupException("The manifest names no digest of " + name + ": the file is damaged");
            }
            String actual = HEX.formatHex(digestOf(name));
            if (!actual.equals(expected)) {
                throw new UnusableBackupException(name + " in the backup is not what was written (SHA-256 " + actual
                                                  + ", the manifest says " + expected + "): the file is damaged or was"
                                                  + " edited");
            }
        }
        long position = manifest.path("position").asLong(-1);
        long keys = countApplicantKeys();
        if (keys != manifest.path("applicantKeys").asLong(-1)) {
            throw new UnusableBackupException("The backup holds " + keys + " applicant keys, its manifest says "
                                              + manifest.path("applicantKeys").asText());
        }
        LogExport.Verified log;
        try (InputStream in = entry(LOG)) {
            log = LogExport.verify(in, trustedKey, progress);
        } catch (IllegalArgumentException e) {
            throw new UnusableBackupException("The backup's log is not an export of the log: " + e.getMessage());
        }
        if (!log.result().intact()) {
            throw new UnusableBackupException("The backup's log does not verify: " + log.result().summary());
        }
        if (!"log".equals(log.header().scope()) || log.header().fromPosition() != 1
                || log.header().toPosition() != position) {
            throw new UnusableBackupException("The backup's log covers positions " + log.header().fromPosition() + ".."
                                              + log.header().toPosition() + ", its manifest says 1.." + position);
        }
        return new Verified(position, manifest.path("commits").asLong(), log.result().eventsChecked(), keys,
                            Instant.parse(manifest.path("createdAt").asText()), manifest.path("database").asText(),
                            log);
    }

    /** The log entry, to restore from: {@link #verify} the file first. */
    InputStream log() throws IOException {
        return entry(LOG);
    }

    /** Hands each applicant key document to {@code each}, in the order written. */
    void applicantKeys(Consumer<Document> each) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(entry(APPLICANT_KEYS),
                                                                             StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    try {
                        each.accept(Document.parse(line));
                    } catch (JsonParseException e) {
                        throw new UnusableBackupException("A line of " + APPLICANT_KEYS + " is not a document: the"
                                                          + " file is damaged");
                    }
                }
            }
        }
    }

    private long countApplicantKeys() throws IOException {
        long[] count = {0};
        applicantKeys(document -> count[0]++);
        return count[0];
    }

    private InputStream entry(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new UnusableBackupException("The backup has no " + name + ": the file is damaged");
        }
        return zip.getInputStream(entry);
    }

    private byte[] digestOf(String name) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(entry(name), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException e) {
            throw new UnusableBackupException(name + " in the backup cannot be read (" + e.getMessage()
                                              + "): the file is damaged");
        }
        return sha256.digest();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Writes a backup file's entries in order, each with its digest, and the manifest last. */
    static final class Writer implements AutoCloseable {

        private final ZipOutputStream zip;
        private final Map<String, String> digests = new LinkedHashMap<>();

        Writer(Path file) throws IOException {
            this.zip = new ZipOutputStream(Files.newOutputStream(file));
        }

        /** Writes one entry through {@code content}, which must not close the stream it is given. */
        void entry(String name, EntryContent content) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            MessageDigest sha256 = sha256();
            OutputStream unclosable = new FilterOutputStream(new DigestOutputStream(zip, sha256)) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            content.write(unclosable);
            unclosable.flush();
            zip.closeEntry();
            digests.put(name, HEX.formatHex(sha256.digest()));
        }

        /** A document as one line of MongoDB Extended JSON. */
        static void writeDocument(Document document, OutputStream out) throws IOException {
            out.write(document.toJson(EXTENDED_JSON).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }

        /** Writes the manifest, with the digests of the entries written, and finishes the archive. */
        void finish(ObjectNode manifest, ObjectMapper json) throws IOException {
            ObjectNode whole = json.createObjectNode().put("format", FORMAT);
            whole.setAll(manifest);
            ObjectNode entries = whole.putObject("entries");
            digests.forEach(entries::put);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(whole));
            zip.closeEntry();
            zip.finish();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Writes the content of one entry. */
    @FunctionalInterface
    interface EntryContent {
        void write(OutputStream out) throws IOException;
    }
}
