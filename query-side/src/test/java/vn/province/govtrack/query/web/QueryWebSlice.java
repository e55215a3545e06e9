package vn.province.govtrack.query.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import vn.province.govtrack.query.projection.ConsistencyProperties;
import vn.province.govtrack.query.projection.ProjectionPositions;

/**
 * A web slice of the query side (petclinic's {@code @WebMvcTest}): the named controllers with the
 * service's filter chain and endpoint rules, the shared web edge (filters, strict JSON, problem
 * details: web-edge's auto-configurations, security included, join every web slice, see its
 * {@code META-INF/spring/...AutoConfigureWebMvc.imports}) and read-your-writes, and no store behind them: the projections' positions are a
 * mock (at 0), and the test mocks the controllers' collaborators.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(QueryEndpointRules.class)
@EnableConfigurationProperties(ConsistencyProperties.class)
@MockitoBean(types = ProjectionPositions.class)
public @interface QueryWebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
