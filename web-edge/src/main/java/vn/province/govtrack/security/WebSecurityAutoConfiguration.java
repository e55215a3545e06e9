package vn.province.govtrack.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import vn.province.govtrack.web.FilterProblems;

/**
 * The one filter chain of each service: stateless bearer-token authentication, the open paths (health,
 * the API documentation, Swagger UI, and Prometheus's scrape on a separate management port:
 * {@link ManagementPort}), the service's {@link EndpointRules}, and for any other request (an unknown path
 * or method) an authenticated caller, who then gets the 404 or 405. Placed before Spring Boot's
 * security auto-configurations so that their default chains stand aside.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class},
                   beforeName = "org.springframework.boot.actuate.autoconfigure.security.servlet."
                                + "ManagementWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class WebSecurityAutoConfiguration {

    @Bean
    SecurityProblems securityProblems(FilterProblems problems) {
        return new SecurityProblems(problems);
    }

    /**
     * Spring Security's strict firewall, also refusing parameter values that hold control characters (no
     * endpoint takes one), and checking the parameters as the request arrives rather than when an
     * endpoint reads them: so both services refuse them alike, whatever the path.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall strict = new StrictHttpFirewall();
        strict.setAllowedParameterValues(value -> value.chars().noneMatch(Character::isISOControl));
        return new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                FirewalledRequest checked = strict.getFirewalledRequest(request);
                checked.getParameterMap(); // throws RequestRejectedException for a name or value refused
                return checked;
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        };
    }

    @Bean
    ManagementPort managementPort() {
        return new ManagementPort();
    }

    @Bean
    SecurityFilterChain govtrackSecurityFilterChain(HttpSecurity http, ObjectProvider<EndpointRules> rules,
                                                    SecurityProblems problems, ManagementPort managementPort)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .authorizeHttpRequests(requests -> {
                requests.requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(managementPort.scrape()).permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole(Role.ADMIN.name())
                        // the API documentation and Swagger UI's page, scripts and configuration: public, like
                        // the paths they describe; calling an operation from the page needs a token as ever
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**").permitAll();
                rules.orderedStream().flatMap(service -> service.rules().stream()).forEach(rule -> {
                    var matched = rule.method() == null ? requests.requestMatchers(rule.path())
                            : requests.requestMatchers(rule.method(), rule.path());
                    if (rule.roles().isEmpty()) {
                        matched.permitAll();
                    } else {
                        matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                    }
                });
                // no endpoint is left to this: each service's authorisation matrix test checks that every
                // handler is named by a rule; so unknown paths and methods answer 404 and 405 to callers
                requests.anyRequest().authenticated();
            })
            .oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(CallerAuthentication::of))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                                                       .accessDeniedHandler(problems));
        return http.build();
    }
}
