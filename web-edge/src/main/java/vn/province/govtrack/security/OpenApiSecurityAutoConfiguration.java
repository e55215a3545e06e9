package vn.province.govtrack.security;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * The OpenAPI document says how to authenticate (a bearer JWT) and, in each operation's
 * description, which roles may call it: stated from the same {@link EndpointRules} that decide.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
class OpenApiSecurityAutoConfiguration {

    static final String SCHEME = "bearer";

    @Bean
    OpenApiCustomizer rolesInTheApiDocumentation(ObjectProvider<EndpointRules> services) {
        List<EndpointRule> rules = services.orderedStream().flatMap(service -> service.rules().stream()).toList();
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("A JWT with the claims sub, role and, for CLERK and UNIT_HEAD, unitCode. "
                                 + "Missing, expired or forged: 401; a role that may not call the operation: 403."));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                    HttpMethod method = HttpMethod.valueOf(entry.getKey().name());
                    String roles = rules.stream().filter(rule -> rule.covers(method, path)).findFirst()
                                        .map(EndpointRule::describe).orElse("Roles: none; every caller is refused.");
                    Operation operation = entry.getValue();
                    String description = operation.getDescription();
                    operation.setDescription(description == null || description.isBlank() ? roles
                            : description + "\n\n" + roles);
                }
            });
        };
    }
}
