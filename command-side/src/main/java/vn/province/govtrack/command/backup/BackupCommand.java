package vn.province.govtrack.command.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.eventstore.AuditKeys;

/**
 * {@code java -jar command-side.jar backup FILE} and {@code ... restore FILE}: a consistent backup of the
 * store the command side is configured for, taken while the services run, and its restore into an empty
 * database ({@link StoreBackup}, {@link StoreRestore}, {@link BackupFile}). Both read the service's own
 * configuration (profiles, {@code MONGODB_URI}, {@code MONGODB_DATABASE}, the audit public key) in a Spring
 * context that holds only the MongoDB client: it starts no engine, processor or background job, so a backup
 * writes nothing to the store, and a restore writes nothing before it has verified the file and found the
 * database empty. Progress goes to standard error, the summary to standard output.
 */
public final class BackupCommand {

    static final String BACKUP_USAGE = """
            usage: java -jar command-side.jar backup FILE [Spring Boot options]

            Writes a consistent backup of the store the command side uses (MONGODB_URI and MONGODB_DATABASE, or the
            embedded default mongodb://127.0.0.1:27027, database govtrack; the same profile as the service, e.g.
            --spring.profiles.active=local --govtrack.local.data-dir=data for ./run's store) to FILE, a new file:
            the event log up to its head when the backup begins, with its signed checkpoints, and the applicants'
            keys. The services keep running and writing meanwhile. The file is verified once written (the hash
            chain up to that head, the checkpoints under govtrack.audit.public-key). It holds the applicants'
            keys: keep it as restricted as the database, and let it expire (docs/adr/0004-personal-data.md).
              --help   print this text
            Exit status: 0 written and verified, 1 failed (no file is left), 2 bad usage or FILE exists.""";

    static final String RESTORE_USAGE = """
            usage: java -jar command-side.jar restore FILE [Spring Boot options]

            Restores the backup in FILE into the database the command side is configured for (as for backup),
            which must hold no document: stop the services, point MONGODB_URI / MONGODB_DATABASE (or ./run's
            data directory) at an empty database, restore, then start the services, which rebuild their read
            models from the restored log. The file is verified first; the restored log is verified after.
              --help   print this text
            Exit status: 0 restored and verified, 1 failed, 2 bad usage, 3 FILE is not a whole, intact backup
            (nothing written), 4 the database is not empty (nothing written).""";

    /** The published key of the log's checkpoints (event-store's {@code AuditProperties}). */
    private static final String PUBLIC_KEY = "govtrack.audit.public-key";

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;
    static final int UNUSABLE_BACKUP = 3;
    static final int DATABASE_NOT_EMPTY = 4;

    private BackupCommand() {
    }

    /** Takes a backup; {@code args} are what follows {@code backup} on the command line. */
    public static int backup(String[] args, PrintStream out, PrintStream err) {
        return backup(args, out, err, BackupCommand::verify);
    }

    /**
     * How the file just written is verified: {@link BackupFile#verify} in the command, a failing one in the
     * test that a failed verification leaves no file.
     */
    @FunctionalInterface
    interface Verification {
        BackupFile.Verified verify(Path file, ObjectMapper json, PublicKey trustedKey, PositionProgress progress)
                throws IOException;
    }

    static int backup(String[] args, PrintStream out, PrintStream err, Verification verification) {
        Arguments arguments = Arguments.parse("backup", BACKUP_USAGE, args, out, err);
        if (arguments.exit != null) {
            return arguments.exit;
        }
        if (Files.exists(arguments.file)) {
            err.println("backup: " + arguments.file + " exists already; name a new file");
            return USAGE_ERROR;
        }
        // The file did not exist, so whatever is at its name or its .part when the backup fails is this
        // backup's, unverified: deleted on every way out but success, as "1 failed (no file is left)" says.
        boolean verified = false;
        try (ConfigurableApplicationContext context = context(arguments.springArgs)) {
            MongoDatabase database = database(context);
            ObjectMapper json = context.getBean(ObjectMapper.class);
            PublicKey trustedKey = trustedKey(context, err);
            err.printf("Backing up database %s to %s%n", database.getName(), arguments.file);
            StoreBackup.Summary written = new StoreBackup(database, json, Clock.systemUTC())
                    .write(arguments.file, err);
            BackupFile.Verified check;
            try (PositionProgress progress = new PositionProgress("verify", written.position(), err)) {
                check = verification.verify(arguments.file, json, trustedKey, progress);
            } catch (UnusableBackupException e) {
                err.println("backup: the file written does not verify, deleted: " + e.getMessage());
                return FAILED;
            }
            out.printf("Backed up database %s to %s in %.1f s (%,d bytes)%n", database.getName(), arguments.file,
                       written.seconds(), written.bytes());
            out.printf("  log               positions 1..%,d: %,d commits, %,d events (the head when the backup began)%n",
                       written.position(), written.commits(), written.events());
            out.printf("  verified          %s%n", check.log().result().summary());
            out.printf("  signed            %s%n", signature(check, trustedKey));
            out.printf("  applicant keys    %,d (%,d of them erased: tombstones only)%n", written.applicantKeys(),
                       written.erasedApplicantKeys());
            verified = true;
            return DONE;
        } catch (IOException | RuntimeException e) {
            err.println("backup: failed: " + e);
            return FAILED;
        } finally {
            if (!verified) {
                deleteUnverified(arguments.file, err);
            }
        }
    }

    private static BackupFile.Verified verify(Path file, ObjectMapper json, PublicKey trustedKey,
                                              PositionProgress progress) throws IOException {
        try (BackupFile backup = BackupFile.open(file, json)) {
            return backup.verify(trustedKey, progress);
        }
    }

    /** Deletes the file a failed backup wrote and its {@code .part}; says so when one cannot be deleted. */
    private static void deleteUnverified(Path file, PrintStream err) {
        for (Path written : List.of(file, file.resolveSibling(file.getFileName() + ".part"))) {
            try {
                Files.deleteIfExists(written);
            } catch (IOException e) {
                err.println("backup: could not delete the unverified " + written + ": " + e);
            }
        }
    }

    /** Restores a backup; {@code args} are what follows {@code restore} on the command line. */
    public static int restore(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse("restore", RESTORE_USAGE, args, out, err);
        if (arguments.exit != null) {
            return arguments.exit;
        }
        if (!Files.isReadable(arguments.file) || Files.isDirectory(arguments.file)) {
            err.println("restore: cannot read " + arguments.file);
            return USAGE_ERROR;
        }
        try (ConfigurableApplicationContext context = context(arguments.springArgs)) {
            MongoDatabase database = database(context);
            ObjectMapper json = context.getBean(ObjectMapper.class);
            PublicKey trustedKey = trustedKey(context, err);
            long started = System.nanoTime();
            try (BackupFile file = BackupFile.open(arguments.file, json)) {
                BackupFile.Verified verified;
                try (PositionProgress progress = new PositionProgress("verify", 0, err)) {
                    verified = file.verify(trustedKey, progress);
                }
                StoreRestore restore = new StoreRestore(database);
                List<String> occupied = restore.occupiedCollections();
                if (!occupied.isEmpty()) {
                    err.println("restore: refused: database " + database.getName() + " is not empty (documents in "
                                + String.join(", ", occupied) + "); restore into an empty database. Nothing was"
                                + " written.");
                    return DATABASE_NOT_EMPTY;
                }
                err.printf("Restoring %s (positions 1..%,d, taken %s from database %s) into database %s%n",
                           arguments.file, verified.position(), verified.createdAt(), verified.database(),
                           database.getName());
                StoreRestore.Summary restored = restore.restore(file, verified, trustedKey, err);
                if (!restored.check().intact() || restored.check().verifiedThrough() != verified.position()) {
                    err.println("restore: the restored log does not verify: " + restored.check().summary());
                    return FAILED;
                }
                out.printf("Restored %s into database %s in %.1f s%n", arguments.file, database.getName(),
                           (System.nanoTime() - started) / 1e9);
                out.printf("  log               positions 1..%,d: %,d commits, %,d events, %d checkpoints%n",
                           restored.log().lastPosition(), restored.log().commits(), restored.log().events(),
                           restored.log().checkpoints());
                out.printf("  verified          %s%n", restored.check().summary());
                out.printf("  signed            %s%n", signature(verified, trustedKey));
                out.printf("  applicant keys    %,d%n", restored.applicantKeys());
                out.println("  read models       rebuilt by the services from the log when they start");
                return DONE;
            } catch (UnusableBackupException e) {
                err.println("restore: refused: " + e.getMessage() + ". Nothing was written.");
                return UNUSABLE_BACKUP;
            }
        } catch (IOException | RuntimeException e) {
            err.println("restore: failed: " + e);
            return FAILED;
        }
    }

    private static String signature(BackupFile.Verified verified, PublicKey trustedKey) {
        if (trustedKey == null) {
            return "not checked: no govtrack.audit.public-key configured";
        }
        return verified.log().result().checkpoint()
                       .map(checkpoint -> "checkpoint at position " + checkpoint.position() + " verifies under key "
                                          + checkpoint.keyId() + (verified.signed() ? ""
                               : "; positions after it are chained but not signed"))
                       .orElse("no checkpoint of the trusted key in the backup: its log is chained but not signed");
    }

    /** The configured public key that checkpoints are checked under, or null (with a warning) when none is. */
    private static PublicKey trustedKey(ConfigurableApplicationContext context, PrintStream err) {
        String publicKey = context.getEnvironment().getProperty(PUBLIC_KEY);
        if (publicKey == null || publicKey.isBlank()) {
            err.println("warning: no govtrack.audit.public-key (GOVTRACK_AUDIT_PUBLIC_KEY) configured: the signed"
                        + " checkpoints are not checked");
            return null;
        }
        return AuditKeys.publicKey(publicKey);
    }

    private static MongoDatabase database(ConfigurableApplicationContext context) {
        return context.getBean(MongoClient.class)
                      .getDatabase(context.getBean(MongoProperties.class).getMongoClientDatabase());
    }

    /** The service's configuration with nothing but the MongoDB client and a JSON mapper. */
    private static ConfigurableApplicationContext context(List<String> springArgs) {
        // Spring Boot's own configurations as the sources: no class of this service is scanned or started
        return new SpringApplicationBuilder(MongoAutoConfiguration.class, JacksonAutoConfiguration.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of("logging.level.root", "WARN",
                                   "logging.level.org.mongodb.driver", "ERROR"))
                .run(springArgs.toArray(String[]::new));
    }

    /** The file and the options for Spring Boot, or the exit status of a usage error or {@code --help}. */
    private record Arguments(Path file, List<String> springArgs, Integer exit) {

        static Arguments parse(String command, String usage, String[] args, PrintStream out, PrintStream err) {
            Path file = null;
            List<String> springArgs = new ArrayList<>();
            for (String arg : args) {
                if (arg.equals("--help") || arg.equals("-h")) {
                    out.println(usage);
                    return new Arguments(null, springArgs, DONE);
                } else if (arg.startsWith("--")) {
                    springArgs.add(arg);
                } else if (file == null) {
                    file = Path.of(arg);
                } else {
                    err.println(command + ": one file at a time, not also " + arg);
                    err.println(usage);
                    return new Arguments(null, springArgs, USAGE_ERROR);
                }
            }
            if (file == null) {
                err.println(command + ": name the backup file");
                err.println(usage);
                return new Arguments(null, springArgs, USAGE_ERROR);
            }
            return new Arguments(file, springArgs, null);
        }
    }
}
