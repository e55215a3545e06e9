package vn.province.govtrack.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

/** The command side: accepts commands over HTTP, decides with aggregates, appends events. */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }

    /** The one source of generated identifiers: dossier ids the caller did not give, correlation ids. */
    @Bean
    IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }
}
