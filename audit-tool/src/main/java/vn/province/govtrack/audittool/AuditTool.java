package vn.province.govtrack.audittool;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.province.govtrack.eventstore.AuditCheckpoints;
import vn.province.govtrack.eventstore.AuditKeys;
import vn.province.govtrack.eventstore.ChainVerifier;
import vn.province.govtrack.eventstore.LogExport;
import vn.province.govtrack.eventstore.LogReader;
import vn.province.govtrack.eventstore.VerificationResult;
import vn.province.govtrack.eventstore.spring.MongoTimeouts;

/**
 * The auditors' command-line tool. Each command prints its progress on standard error and its verdict on
 * standard output, and exits {@value #INTACT} when the log or export is intact and wholly covered by a checkpoint
 * signed under the trusted key, {@value #FAILED} when a position fails, {@value #UNSIGNED} when it is
 * intact but no signed checkpoint covers it, and {@value #ERROR} when it could not be checked at all.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, version = "govtrack audit tool",
         description = "Verifies govtrack's tamper-evident event log: in a database, or offline in an export.",
         subcommands = {AuditTool.VerifyDatabase.class, AuditTool.VerifyExport.class, AuditTool.Download.class,
                        AuditTool.KeyGen.class},
         exitCodeListHeading = "%nExit codes:%n",
         exitCodeList = {"0:intact and signed at a checkpoint under the trusted key",
                         "1:a position fails (the verdict names it and why)",
                         "2:could not check (bad arguments, unreachable service or database, unreadable file)",
                         "3:intact, but not all of it is covered yet by a checkpoint signed under the trusted key"})
public final class AuditTool {

    static final int INTACT = 0;
    static final int FAILED = 1;
    static final int ERROR = 2;
    static final int UNSIGNED = 3;

    private AuditTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine commandLine = new CommandLine(AuditTool.class);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            line.getErr().println("audit: " + exception.getMessage());
            return ERROR;
        });
        commandLine.setParameterExceptionHandler((exception, args1) -> {
            exception.getCommandLine().getErr().println("audit: " + exception.getMessage());
            exception.getCommandLine().usage(exception.getCommandLine().getErr());
            return ERROR;
        });
        return commandLine.execute(args);
    }

    /** The public key auditors trust, never read from what they verify. */
    static class TrustedKey {
        @Option(names = "--public-key", required = true, paramLabel = "KEY",
                description = "The Ed25519 public key checkpoints must be signed with: Base64 of its X.509 "
                              + "encoding (as GET /api/v1/audit/checkpoints publishes it), or a file holding it "
                              + "(a PEM file too). Take it from a source you trust, not from the database you verify.")
        String value;

        PublicKey key() throws IOException {
            String text = value;
            Path file = Path.of(value);
            if (value.length() < 200 && Files.isRegularFile(file)) {
                text = Files.readString(file, StandardCharsets.US_ASCII);
            }
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return AuditKeys.publicKey(base64);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
             description = "Recomputes the hash chain of the log in a MongoDB database and checks its signed "
                           + "checkpoints. Reads only.")
    static final class VerifyDatabase implements Callable<Integer> {

        @Option(names = "--mongodb-uri", required = true, paramLabel = "URI",
                description = "The database's connection string, e.g. mongodb://127.0.0.1:27027 (./run's embedded one).")
        String uri;

        @Option(names = "--database", defaultValue = "govtrack", description = "Database name (default: ${DEFAULT-VALUE}).")
        String database;

        @Option(names = "--collection-prefix", defaultValue = "", description = "Prefix of the event store's collections.")
        String prefix;

        @Option(names = "--to", paramLabel = "POSITION",
                description = "Verify up to this position only (default: all of the log), e.g. the newest "
                              + "checkpoint's, so that everything verified is covered by a signature.")
        Long to;

        @CommandLine.Mixin
        TrustedKey trustedKey;

        @Override
        public Integer call() throws IOException {
            PublicKey key = trustedKey.key();
            // the services' bounded waits: a database out of reach fails the verification within seconds
            MongoClientSettings settings = new MongoTimeouts(null, null, null, null, null)
                    .applyTo(MongoClientSettings.builder()).applyConnectionString(new ConnectionString(uri)).build();
            try (MongoClient client = MongoClients.create(settings)) {
                MongoDatabase db = client.getDatabase(database);
                LogReader reader = LogReader.of(db, prefix);
                AuditCheckpoints checkpoints = new AuditCheckpoints(db, prefix);
                long end = checkpoints.newest().map(c -> c.position()).orElse(0L);
                ProgressBar bar = ProgressBar.onStandardError("verifying", "positions", end);
                VerificationResult result = ChainVerifier.verifyStored(
                        reader, checkpoints, 1, to == null ? Long.MAX_VALUE : to, 0, key, (done, total) -> {
                            bar.total(Math.max(end, done));
                            bar.update(done);
                        });
                bar.finish();
                boolean signed = result.checkpoint().map(c -> c.position() >= result.verifiedThrough()).orElse(false);
                return verdict(result, "the log in " + database, signed);
            }
        }
    }

    @Command(name = "verify-export", mixinStandardHelpOptions = true,
             description = "Verifies an export (GET /api/v1/audit/export or /audit/streams/{id}/export) offline: "
                           + "no database, no service, only the file and the trusted public key.")
    static final class VerifyExport implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The NDJSON export.")
        Path file;

        @CommandLine.Mixin
        TrustedKey trustedKey;

        @Override
        public Integer call() throws IOException {
            return verifyFile(file, trustedKey.key());
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
             description = "Downloads an export of the log (or of one stream) from the query side with a progress "
                           + "bar, then verifies the file offline in the same run.")
    static final class Download implements Callable<Integer> {

        @Option(names = "--query-url", defaultValue = "http://127.0.0.1:8082",
                description = "The query side's base URL (default: ${DEFAULT-VALUE}).")
        String queryUrl;

        @Option(names = "--token", required = true, description = "A bearer token of an AUDITOR.")
        String token;

        @Option(names = "--from", description = "First position of a log export (default: 1).")
        Long from;

        @Option(names = "--to", description = "Last position of a log export (default: the head).")
        Long to;

        @Option(names = "--stream", paramLabel = "AGGREGATE_ID",
                description = "Export one aggregate's stream instead of the log.")
        String stream;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the export.")
        Path out;

        @CommandLine.Mixin
        TrustedKey trustedKey;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PublicKey key = trustedKey.key();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest request = HttpRequest.newBuilder(exportUri())
                                             .header("Authorization", "Bearer " + token)
                                             .header("Accept", LogExport.MEDIA_TYPE)
                                             .GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String problem;
                try (InputStream body = response.body()) {
                    problem = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                }
                throw new IOException("the query side answered " + response.statusCode() + ": " + problem);
            }
            long lines = save(response.body());
            System.err.println("saved " + out + " (" + lines + " lines, " + Files.size(out) + " bytes)");
            return verifyFile(out, key);
        }

        private URI exportUri() {
            String base = queryUrl.replaceAll("/+$", "");
            if (stream != null) {
                return URI.create(base + "/api/v1/audit/streams/"
                                  + URLEncoder.encode(stream, StandardCharsets.UTF_8).replace("+", "%20") + "/export");
            }
            StringBuilder uri = new StringBuilder(base).append("/api/v1/audit/export");
            String separator = "?";
            if (from != null) {
                uri.append(separator).append("fromPosition=").append(from);
                separator = "&";
            }
            if (to != null) {
                uri.append(separator).append("toPosition=").append(to);
            }
            return URI.create(uri.toString());
        }

        /** Copies the body to the file line by line, showing how many of the export's positions have arrived. */
        private long save(InputStream body) throws IOException {
            Pattern lastPosition = Pattern.compile("^\\{\"first\":\\d+,\"last\":(\\d+)");
            ProgressBar bar = ProgressBar.onStandardError("downloading", "positions", 0);
            long lines = 0;
            long first = 1;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
                 BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (String line; (line = reader.readLine()) != null; lines++) {
                    writer.write(line);
                    writer.write('\n');
                    if (lines == 0) {
                        LogExport.Header header = LogExport.header(line);
                        first = header.fromPosition();
                        bar.total(header.toPosition() - first + 1);
                        continue;
                    }
                    Matcher matcher = lastPosition.matcher(line);
                    if (matcher.find()) {
                        bar.update(Long.parseLong(matcher.group(1)) - first + 1);
                    }
                }
            }
            bar.finish();
            return lines;
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
             description = "Makes a new Ed25519 key pair for signing the log's checkpoints: audit-signing.key "
                           + "(the command side's GOVTRACK_AUDIT_SIGNING_KEY, readable by its owner only) and "
                           + "audit-public.key (GOVTRACK_AUDIT_PUBLIC_KEY, to publish and to give auditors).")
    static final class KeyGen implements Callable<Integer> {

        @Parameters(paramLabel = "DIRECTORY", description = "Where to write the two files.")
        Path directory;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(directory.resolve("audit-signing.key"))) {
                throw new IOException(directory.resolve("audit-signing.key") + " exists: a key pair is never "
                                      + "overwritten (checkpoints signed with it would no longer verify)");
            }
            String keyId = AuditKeys.writeKeyPair(directory);
            System.out.println("Wrote key pair " + keyId + " to " + directory
                               + ": audit-signing.key (keep it secret) and audit-public.key (publish it)");
            return INTACT;
        }
    }

    static int verifyFile(Path file, PublicKey key) throws IOException {
        ProgressBar bar = ProgressBar.onStandardError("verifying", "positions", 0);
        LogExport.Verified verified;
        try (InputStream in = Files.newInputStream(file)) {
            verified = LogExport.verify(in, key, (done, total) -> {
                bar.total(total);
                bar.update(done);
            });
        } catch (IllegalArgumentException notAnExport) {
            throw new IOException(file + ": " + notAnExport.getMessage(), notAnExport);
        }
        bar.finish();
        LogExport.Header header = verified.header();
        String what = header.aggregateId() == null
                ? "the export of positions " + header.fromPosition() + ".." + header.toPosition()
                : "the export of stream " + header.aggregateId() + " (" + verified.streamEvents() + " of its events)";
        return verdict(verified.result(), what, verified.signed());
    }

    /** @param signed whether a checkpoint under the trusted key covers everything verified */
    private static int verdict(VerificationResult result, String what, boolean signed) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        if (!result.intact()) {
            out.println("FAILED: " + what + " " + result.summary());
            return FAILED;
        }
        if (result.checkpoint().isEmpty()) {
            out.println("UNSIGNED: " + what + " is " + result.summary()
                        + "; no checkpoint signed under the trusted key covers it");
            return UNSIGNED;
        }
        long unsigned = result.verifiedThrough() - result.checkpoint().get().position();
        if (!signed) {
            out.println("UNSIGNED: " + what + " is " + result.summary() + "; what it attests after the checkpoint ("
                        + unsigned + " positions) is chained but not yet signed: verify again after the next"
                        + " checkpoint, or stop at this one (--to)");
            return UNSIGNED;
        }
        out.println("INTACT: " + what + " is " + result.summary()
                    + (unsigned > 0 ? "; the " + unsigned + " positions after the checkpoint are chained but not yet signed"
                                    : ""));
        return INTACT;
    }
}
