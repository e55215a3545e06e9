package vn.province.govtrack.command.idempotency;

import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.province.govtrack.web.OpenApiProblems;
import vn.province.govtrack.web.ProblemType;

/**
 * The OpenAPI document states the {@value IdempotencyFilter#HEADER} header on every command it applies to,
 * and the answers that come with commands: 409 (the current state forbids it, a concurrent change, or
 * a retry while the first attempt runs) and 422 (a key reused for another request).
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyApiDocumentation {

    static final String DESCRIPTION = "Optional. Makes the command take effect at most once, whatever fails when: a "
            + "retry with the same key and the same request (method, path, body) gets the first answer again (status, "
            + "Location and body, with " + IdempotencyFilter.REPLAYED + ": true), also after the instance that ran it "
            + "died before answering, and nothing is recorded twice. The same key with another request: 422 "
            + "idempotency-key-reused. While the first request with the key is still running, a retry waits for it, then "
            + "answers 409 idempotency-key-in-progress with Retry-After. Keys are the caller's own (per token subject); "
            + "answers are kept 24 hours, and a key whose command was recorded stays bound to it for good.";

    @Bean
    OpenApiCustomizer idempotencyKeyInTheApiDocumentation() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/v1/")) {
                    return;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                    if (IdempotencyFilter.COMMAND_METHODS.contains(entry.getKey().name())) {
                        Operation command = entry.getValue();
                        command.addParametersItem(new HeaderParameter()
                                .name(IdempotencyFilter.HEADER).required(false).description(DESCRIPTION)
                                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")));
                        OpenApiProblems.answers(command, ProblemType.RULE_VIOLATION, "The current state forbids the "
                                + "command (rule-violation), another change came first (concurrent-change: send it "
                                + "again), or the first request with this Idempotency-Key still runs "
                                + "(idempotency-key-in-progress, with Retry-After). Nothing was appended.");
                        OpenApiProblems.answers(command, ProblemType.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key was "
                                + "used before for another request (idempotency-key-reused). Nothing was appended.");
                    }
                }
            });
        };
    }
}
