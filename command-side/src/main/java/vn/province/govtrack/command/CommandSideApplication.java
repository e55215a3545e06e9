package vn.province.govtrack.command;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

import vn.province.govtrack.command.backup.BackupCommand;
import vn.province.govtrack.command.history.HistoryImportCommand;

/** The command side: accepts commands over HTTP, decides with aggregates, appends events. */
@SpringBootApplication
public class CommandSideApplication {

    /**
     * Serves the command API; {@code import FILE} imports a dossier history instead and exits (docs/import.md),
     * {@code backup FILE} and {@code restore FILE} back the store up and restore it (README, Backup and restore).
     */
    public static void main(String[] args) {
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(HistoryImportCommand.run(rest, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("backup")) {
            System.exit(BackupCommand.backup(rest, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(BackupCommand.restore(rest, System.out, System.err));
        }
        SpringApplication.run(CommandSideApplication.class, args);
    }

    /** The one source of generated identifiers: dossier ids the caller did not give, correlation ids. */
    @Bean
    IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }
}
