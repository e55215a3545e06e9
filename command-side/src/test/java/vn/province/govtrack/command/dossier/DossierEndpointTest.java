package vn.province.govtrack.command.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/** The endpoints the history import names by kind are the controller's, with the bodies it takes. */
class DossierEndpointTest {

    @Test
    void every_dossier_command_endpoint_is_listed_once_with_the_body_the_controller_takes() {
        Map<String, Class<?>> mapped = new HashMap<>();
        for (Method method : DossierController.class.getDeclaredMethods()) {
            PostMapping post = method.getAnnotation(PostMapping.class);
            if (post != null) {
                String path = post.value().length == 0 ? "" : post.value()[0];
                Class<?> body = Arrays.stream(method.getParameters())
                                      .filter(parameter -> parameter.isAnnotationPresent(RequestBody.class))
                                      .map(Parameter::getType).findFirst().orElseThrow();
                mapped.put(path, body);
            }
        }
        Map<String, Class<?>> listed = new HashMap<>();
        for (DossierEndpoint endpoint : DossierEndpoint.values()) {
            listed.put(endpoint.mapping(), endpoint.requestType());
        }

        assertThat(listed).isEqualTo(mapped);
        assertThat(DossierController.class.getAnnotation(RequestMapping.class).value())
                .containsExactly(DossierEndpoint.BASE_PATH);
        assertThat(DossierEndpoint.ofKind("supplement-request")).contains(DossierEndpoint.SUPPLEMENT_REQUEST);
        assertThat(DossierEndpoint.TRANSFER.path("HS-1")).isEqualTo("/api/v1/dossiers/HS-1/transfers");
        assertThat(DossierEndpoint.SUBMISSION.path("HS-1")).isEqualTo("/api/v1/dossiers");
    }

    @Test
    void every_body_names_its_time_field() throws NoSuchMethodException {
        for (DossierEndpoint endpoint : DossierEndpoint.values()) {
            assertThat(endpoint.requestType().getMethod(endpoint.timeField()).getReturnType().getSimpleName())
                    .as(endpoint.kind()).isEqualTo("OffsetDateTime");
        }
    }
}
