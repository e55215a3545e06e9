package vn.province.govtrack.command.calendar;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The office hours deadlines are counted in, and the clock that says what "now" is. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarConfiguration.CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    WorkingHours workingHours(CalendarProperties properties) {
        return new WorkingHours(properties.zone(),
                                properties.workingSessions().stream().map(WorkingHours.Session::parse).toList());
    }

    /** The system clock in the business zone; handlers take "now" from it, never from {@code Instant.now()}. */
    @Bean
    Clock clock(WorkingHours workingHours) {
        return Clock.system(workingHours.zone());
    }

    /**
     * {@code govtrack.calendar.*}: the business zone and the working sessions of a day, each
     * {@code "HH:mm-HH:mm"}. The defaults are the assumed provincial office hours.
     */
    @ConfigurationProperties("govtrack.calendar")
    record CalendarProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
                              @DefaultValue({"08:00-12:00", "13:00-17:00"}) List<String> workingSessions) {
    }
}
