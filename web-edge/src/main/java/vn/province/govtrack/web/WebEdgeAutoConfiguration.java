package vn.province.govtrack.web;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoTimeoutException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;
import org.springframework.util.unit.DataSize;

/**
 * The web edge both services share, as {@code web-edge} on the class path brings it: correlation ids,
 * bounded and well-formed request bodies, JSON answers (and the types a service declares with
 * {@link AlsoAnswered}), strictly read JSON, and every failure answered as a problem of the
 * {@link ProblemType} vocabulary, from Spring MVC, the filters, the
 * firewall, the error page and the container alike. Placed before Spring Boot's error handling, whose
 * default error page then stands aside.
 *
 * <p>The filters run first, in this order: {@link CorrelationIdFilter}, {@link RequestBodyFilter},
 * {@link AcceptHeaderFilter}; the security filter chain follows them.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
public class WebEdgeAutoConfiguration {

    /** Also outside a web server (the command side's history import): filters a service declares need it. */
    @Bean
    FilterProblems filterProblems(ObjectProvider<ObjectMapper> json) {
        return new FilterProblems(json.getIfAvailable(ObjectMapper::new));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        @Bean
        FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter(ObjectProvider<IdGenerator> ids) {
            return first(new CorrelationIdFilter(ids.getIfAvailable(JdkIdGenerator::new)), 0);
        }

        @Bean
        FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(
                @Value("${govtrack.web.max-request-body:64KB}") String maxBody, FilterProblems problems) {
            return first(new RequestBodyFilter(DataSize.parse(maxBody), problems), 1);
        }

        @Bean
        FilterRegistrationBean<AcceptHeaderFilter> acceptHeaderFilter(FilterProblems problems,
                                                                      ObjectProvider<AlsoAnswered> alsoAnswered) {
            return first(new AcceptHeaderFilter(problems, alsoAnswered.orderedStream().toList()), 2);
        }

        private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> first(F filter, int rank) {
            FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + rank);
            return registration;
        }

        @Bean
        StrictJsonConfiguration strictJson() {
            return new StrictJsonConfiguration();
        }

        @Bean
        ProblemAdvice problemAdvice(ObjectProvider<ProblemMapping> mappings) {
            return new ProblemAdvice(mappings.orderedStream().toList());
        }

        @Bean
        ProblemErrorController problemErrorController(ObjectProvider<ProblemMapping> mappings) {
            return new ProblemErrorController(mappings.orderedStream().toList());
        }

        @Bean
        ContainerProblemValve.Installer containerProblemValve() {
            return new ContainerProblemValve.Installer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class ApiDocumentation {

        @Bean
        OpenApiCustomizer problemsInTheApiDocumentation() {
            return new OpenApiProblems();
        }
    }

    /** Both services keep their data in MongoDB: when it cannot be reached, the answer is 503, not a fault. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTimeoutException.class)
    static class StoreUnavailable {

        @Bean
        ProblemMapping storeUnavailable() {
            return new DatabaseUnavailable();
        }
    }
}
