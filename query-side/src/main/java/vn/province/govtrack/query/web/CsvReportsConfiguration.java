package vn.province.govtrack.query.web;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.province.govtrack.web.AlsoAnswered;
import vn.province.govtrack.web.FilterProblems;

/**
 * CSV answers of the reports: {@link CsvReports} after the JSON converter (so JSON stays the answer of
 * {@code Accept: *}{@code /*}), mapping rows with the JSON converter's own mapper so that a cell holds what
 * the JSON answer holds; the report endpoints declared to the web edge's {@code Accept} check; and
 * {@code format=csv} read as {@code Accept: text/csv} ({@link CsvFormatParameter}), after that check.
 */
@Configuration(proxyBeanMethods = false)
class CsvReportsConfiguration implements WebMvcConfigurer {

    /** The reports answered as CSV. Every other endpoint answers a request for CSV 406. */
    static final List<String> REPORTS = List.of("/api/v1/timeliness", "/api/v1/timeliness/ranking",
            "/api/v1/personnel/audit", "/api/v1/personnel/secondments", "/api/v1/personnel/rebalancing",
            "/api/v1/personnel/accounts");

    @Bean
    AlsoAnswered csvReports() {
        return new AlsoAnswered(CsvReports.TEXT_CSV, REPORTS);
    }

    /** Right after the web edge's filters (correlation id, request body, Accept), before security. */
    @Bean
    FilterRegistrationBean<CsvFormatParameter> csvFormatParameter(FilterProblems problems) {
        FilterRegistrationBean<CsvFormatParameter> registration =
                new FilterRegistrationBean<>(new CsvFormatParameter(REPORTS, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.stream().filter(MappingJackson2HttpMessageConverter.class::isInstance)
                  .map(converter -> ((MappingJackson2HttpMessageConverter) converter).getObjectMapper())
                  .findFirst()
                  .ifPresent(json -> converters.add(new CsvReports(json)));
    }
}
