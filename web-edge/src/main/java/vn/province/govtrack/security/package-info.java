/**
 * Who is calling, for both services: bearer JWTs checked by Spring Security's OAuth2 resource
 * server, turned into a {@link vn.province.govtrack.security.Caller} (subject, role, unit).
 *
 * <ul>
 *   <li>Tokens are HS256-signed with {@code govtrack.security.jwt.secret} (at least 32 bytes), or,
 *       when {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or {@code issuer-uri}
 *       is set, validated by Spring Boot's own decoder against the issuer's keys. With neither
 *       configured a service does not start.</li>
 *   <li>Claims: {@code sub}, {@code role} (a {@link vn.province.govtrack.security.Role} name) and
 *       {@code unitCode}, required for unit-bound roles. A token without them, or with an unknown
 *       role, is refused like an expired or forged one: 401.</li>
 *   <li>The authenticated principal is the {@code Caller}: controllers take it as an
 *       {@code @AuthenticationPrincipal Caller} parameter, other code on the request's thread calls
 *       {@link vn.province.govtrack.security.Caller#current()}. Authorities are {@code ROLE_<role>},
 *       so {@code request.isUserInRole("AUDITOR")} works, and the principal's name is the subject.</li>
 *   <li>Each service states which roles may call which of its endpoints in one
 *       {@link vn.province.govtrack.security.EndpointRules} bean, which must name every endpoint.
 *       Open to all: {@code /actuator/health}, {@code /v3/api-docs}, Swagger UI
 *       ({@code /swagger-ui/index.html}); other actuator endpoints need ADMIN.</li>
 *   <li>401 and 403 are {@code application/problem+json} of the types {@code unauthenticated} and
 *       {@code forbidden} ({@link vn.province.govtrack.web.ProblemType}), plus {@code WWW-Authenticate: Bearer}.</li>
 * </ul>
 * No sessions and no CSRF protection: every request carries its own bearer token.
 */
package vn.province.govtrack.security;
