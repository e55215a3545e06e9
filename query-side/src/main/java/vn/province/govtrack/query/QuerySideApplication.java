package vn.province.govtrack.query;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The query side: projections, queries, the event history and replay over the event store. */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }

    /** The clock whose zone is the business time zone every answer is rendered in. */
    @Bean
    Clock clock(@Value("${govtrack.time-zone:Asia/Ho_Chi_Minh}") ZoneId businessZone) {
        return Clock.system(businessZone);
    }
}
