package vn.province.govtrack.command.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar command-side.jar import FILE [options]}: imports a history of dossier steps
 * (docs/import.md) into the store the command side is configured for, with the service's own
 * configuration (profiles, {@code MONGODB_URI}, the lookup pepper), in a Spring context without the web
 * server and without the service's background jobs and event processors. The services may run
 * meanwhile. Progress and rejections go to standard error, the summary to standard output.
 */
public final class HistoryImportCommand {

    static final String USAGE = """
            usage: java -jar command-side.jar import FILE [--batch-records N] [Spring Boot options]

            Imports the dossier history in FILE (one JSON record per line, docs/import.md) through the
            dossiers' own command handlers, into the store the command side uses (MONGODB_URI, or the
            embedded default mongodb://127.0.0.1:27027; the same profile and secrets as the service, e.g.
            --spring.profiles.active=local --govtrack.local.data-dir=data for ./run's store). The units,
            procedures and holidays the dossiers refer to must be in the store already. Importing a file
            again imports only what is not imported yet.
              --batch-records N   records per batch, each batch one commit of the store (default 1000)
              --help              print this text
            Exit status: 0 every record imported (now or before), 3 some records rejected (listed on
            standard error), 1 the import failed, 2 bad usage.""";

    /** Every record imported, now or by an earlier run. */
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;
    static final int SOME_REJECTED = 3;

    private HistoryImportCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return DONE;
            } else if (arg.equals("--batch-records") && i + 1 < args.length) {
                springArgs.add("--govtrack.history-import.batch-records=" + args[++i]);
            } else if (arg.startsWith("--batch-records=")) {
                springArgs.add("--govtrack.history-import.batch-records=" + arg.substring("--batch-records=".length()));
            } else if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else if (file == null) {
                file = Path.of(arg);
            } else {
                err.println("import: one file at a time, not also " + arg);
                err.println(USAGE);
                return USAGE_ERROR;
            }
        }
        if (file == null) {
            err.println("import: name the file to import");
            err.println(USAGE);
            return USAGE_ERROR;
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            err.println("import: cannot read " + file);
            return USAGE_ERROR;
        }
        long totalLines;
        try {
            totalLines = countLines(file);
        } catch (IOException e) {
            err.println("import: cannot read " + file + ": " + e);
            return FAILED;
        }
        try (ConfigurableApplicationContext context = application().run(springArgs.toArray(String[]::new))) {
            // The services' processors read what the import appends; the import keeps its cores to itself.
            context.getBean(org.axonframework.config.Configuration.class).eventProcessingConfiguration()
                   .eventProcessors().values().forEach(EventProcessor::shutDown);
            ImportReport report;
            try (ConsoleProgress progress = new ConsoleProgress(file, totalLines, err)) {
                report = context.getBean(HistoryImport.class).run(file, progress);
            } catch (ImportFailedException e) {
                err.println("import: stopped: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
                ConsoleProgress.summary(file, e.soFar(), out);
                return FAILED;
            }
            ConsoleProgress.summary(file, report, out);
            return report.rejected() == 0 ? DONE : SOME_REJECTED;
        } catch (RuntimeException e) {
            err.println("import: failed: " + e);
            return FAILED;
        }
    }

    /** The command side without its web server, its scheduled jobs or its chatter. */
    private static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(vn.province.govtrack.command.CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of("govtrack.staff.secondment-expiry.enabled", "false",
                                   "logging.level.root", "ERROR",
                                   "logging.level.vn.province.govtrack", "WARN",
                                   "logging.level.vn.province.govtrack.command.history", "INFO"));
    }

    /** Lines in the file, for the progress shown: a byte scan, far faster than the import. */
    static long countLines(Path file) throws IOException {
        long lines = 0;
        byte last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }
}
