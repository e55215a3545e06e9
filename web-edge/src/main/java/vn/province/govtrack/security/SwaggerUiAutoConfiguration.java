package vn.province.govtrack.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Swagger UI ({@code /swagger-ui/index.html}, springdoc's) wired to the bearer scheme the document
 * declares: what is entered under <i>Authorize</i> is kept across reloads in the local profile, and a token minted with
 * {@code POST /dev/tokens} from the page (local profile) is taken into use at once, so that trying
 * the API locally takes two clicks. Placed before springdoc's own configuration, whose page
 * transformer then stands aside for this one.
 */
@AutoConfiguration(beforeName = "org.springdoc.webmvc.ui.SwaggerConfig")
@ConditionalOnClass(SwaggerIndexTransformer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SwaggerUiAutoConfiguration {

    /**
     * Added to the page's {@code SwaggerUIBundle} options: an answer of {@code /dev/tokens} that carries a
     * token authorises the page with it under the scheme {@value OpenApiSecurityAutoConfiguration#SCHEME}, as
     * <i>Authorize</i> would (so it is also kept across reloads).
     */
    static final String TAKE_MINTED_TOKENS = """
                responseInterceptor: (response) => {
                  const path = response.url ? new URL(response.url, window.location.href).pathname : '';
                  if (response.ok && path.endsWith('/dev/tokens') && response.body && response.body.token) {
                    const scheme = window.ui.specSelectors.specJson().getIn(['components', 'securitySchemes', '%1$s']);
                    if (scheme) {
                      window.ui.authActions.authorizeWithPersistOption(
                          {'%1$s': {name: '%1$s', schema: scheme.toJS(), value: response.body.token}});
                    }
                  }
                  return response;
                },
            """.formatted(OpenApiSecurityAutoConfiguration.SCHEME);

    @Bean
    SwaggerIndexTransformer indexPageTransformer(SwaggerUiConfigProperties properties,
                                                 SwaggerUiOAuthProperties oauth, SwaggerWelcomeCommon welcome,
                                                 ObjectMapperProvider json, Environment environment) {
        // Kept across reloads (in the browser's localStorage, until the token expires) in the local profile
        // only: elsewhere a token pasted on a shared machine must go with the tab. Unless
        // springdoc.swagger-ui.persist-authorization says otherwise.
        if (properties.getPersistAuthorization() == null) {
            properties.setPersistAuthorization(environment.acceptsProfiles(Profiles.of("local")));
        }
        SwaggerIndexPageTransformer defaults = new SwaggerIndexPageTransformer(properties, oauth, welcome, json);
        return new SwaggerIndexTransformer() {
            @Override
            public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                    throws IOException {
                Resource transformed = defaults.transform(request, resource, chain);
                if (resource.getFilename() == null || !resource.getFilename().equals("swagger-initializer.js")) {
                    return transformed;
                }
                String script = transformed.getContentAsString(StandardCharsets.UTF_8)
                        .replace("SwaggerUIBundle({", "SwaggerUIBundle({\n" + TAKE_MINTED_TOKENS);
                return new TransformedResource(resource, script.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
