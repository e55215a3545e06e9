package vn.province.govtrack.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

import vn.province.govtrack.web.OpenApiProblems;
import vn.province.govtrack.web.ProblemType;

/**
 * The OpenAPI document says how to authenticate (a bearer JWT) and, in each operation's
 * description, which roles may call it: stated from the same {@link EndpointRules} that decide. An
 * operation that needs a token answers 401 as a problem, and 403 unless every role may call it; one open to anyone says it needs no
 * token ({@code security: []}), so that Swagger UI sends none. The document's description says how to
 * get a token, locally and in production.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
class OpenApiSecurityAutoConfiguration {

    static final String SCHEME = "bearer";

    static final String TOKENS = """
            Every operation but POST /dev/tokens needs a bearer token (a JWT with the claims sub, role and, for \
            CLERK and UNIT_HEAD, unitCode); each operation's description names the roles that may call it.

            **Locally** (./run, the local profile): POST /dev/tokens, under *dev* below, mints a token for any \
            role, valid on both services for 8 hours. Choose an example (a clerk, an administrator...), *Try it \
            out*, *Execute*: the page then sends that token with every request (*Authorize* shows it; it is \
            kept across reloads). From a shell: \
            `curl -s -XPOST 127.0.0.1:8081/dev/tokens -H 'Content-Type: application/json' -d '{"role":"ADMIN"}'`.

            **In production** the province's identity provider issues the tokens; paste one into *Authorize*. \
            POST /dev/tokens does not exist there.

            Errors are application/problem+json (the Problem schema): switch on their type.\
            """;

    @Bean
    OpenApiCustomizer rolesInTheApiDocumentation(ObjectProvider<EndpointRules> services,
                                                 @Value("${spring.application.name:}") String name,
                                                 @Value("${govtrack.api.description:}") String purpose) {
        List<EndpointRule> rules = services.orderedStream().flatMap(service -> service.rules().stream()).toList();
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            // relative: Swagger UI and clients call the service the document was read from, behind a proxy too
            openApi.setServers(List.of(new Server().url("/").description("this service")));
            openApi.info(new Info().title("govtrack " + name).version("v1")
                    .description(purpose.isBlank() ? TOKENS : purpose + "\n\n" + TOKENS));
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
                    Optional<EndpointRule> rule = rules.stream().filter(r -> r.covers(method, path)).findFirst();
                    String roles = rule.map(EndpointRule::describe).orElse("Roles: none; every caller is refused.");
                    Operation operation = entry.getValue();
                    if (rule.isPresent() && rule.get().roles().isEmpty()) {
                        operation.setSecurity(List.of());
                    } else {
                        OpenApiProblems.answers(operation, ProblemType.UNAUTHENTICATED,
                                "No valid bearer token: missing, expired or forged.");
                        String unit = path.startsWith("/api/v1/dossiers") ? ", or not for this dossier's unit" : "";
                        if (rule.isEmpty() || !rule.get().roles().containsAll(EnumSet.allOf(Role.class))
                            || !unit.isEmpty()) { // every role may call it otherwise: no 403
                            OpenApiProblems.answers(operation, ProblemType.FORBIDDEN,
                                    "The caller's role may not call this operation" + unit + ".");
                        }
                    }
                    String description = operation.getDescription();
                    operation.setDescription(description == null || description.isBlank() ? roles
                            : description + "\n\n" + roles);
                }
            });
        };
    }
}
