package vn.province.govtrack.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import vn.province.govtrack.command.web.CommandEndpointRules;
import vn.province.govtrack.command.web.CommandProblems;
import vn.province.govtrack.command.web.QuerySideLinks;

/**
 * A web slice of the command side (petclinic's {@code @WebMvcTest}): the named controllers with the
 * service's filter chain and endpoint rules, the shared web edge (filters, strict JSON, problem
 * details: web-edge's auto-configurations, security included, join every web slice, see its
 * {@code META-INF/spring/...AutoConfigureWebMvc.imports}), and no application behind them: the test mocks the controllers' collaborators.
 * Keyed commands are left to the full boot, since the idempotency filter works on the event store. The
 * command meters' filter runs first as in the service, into a registry of the slice's own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                                                   pattern = "vn\\.province\\.govtrack\\.command\\.idempotency\\..*"))
@Import({CommandEndpointRules.class, CommandProblems.class, QuerySideLinks.class, SimpleMeterRegistry.class})
public @interface CommandWebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
