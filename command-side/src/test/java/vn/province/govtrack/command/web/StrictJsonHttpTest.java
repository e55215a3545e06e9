package vn.province.govtrack.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import vn.province.govtrack.command.CommandSideHttpTest;

/** Strict JSON is for request bodies only: Axon reads stored events and tokens as leniently as before. */
class StrictJsonHttpTest extends CommandSideHttpTest {

    @Autowired
    private RequestMappingHandlerAdapter mvc;
    @Autowired
    private Serializer serializer;

    @Test
    void requestBodiesAreReadStrictlyAndAxonsSerializerIsNotAffected() {
        ObjectMapper http = mvc.getMessageConverters().stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(converter -> ((MappingJackson2HttpMessageConverter) converter).getObjectMapper())
                .findFirst().orElseThrow();
        ObjectMapper axon = ((JacksonSerializer) serializer).getObjectMapper();

        assertThat(http.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
        assertThat(axon.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
        assertThat(axon).isNotSameAs(http);
    }
}
