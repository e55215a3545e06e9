package vn.province.govtrack.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import vn.province.govtrack.query.timeliness.HandMadeProvince;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.security.TokenMinter;

/**
 * Sends over four hundred malformed and hostile queries, generated with a fixed seed from a table of
 * every query endpoint × mutation strategies (values of the wrong form, out of range, injection-like,
 * oversized; odd paths; wrong methods and content; missing, invalid and insufficient tokens), to a
 * query side holding the hand-made province. A query may answer 200 (a hostile-looking value can be
 * a valid filter); none may answer 5xx; every 4xx is problem+json; and afterwards the event store's
 * head and the document count of every collection are what they were.
 *
 * <p>A context, and so a store, of its own: a short wait for read-your-writes, so that the hundreds
 * of queries for positions never reached end soon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.data.mongodb.database=hostile_queries", "govtrack.query.consistency.max-wait=PT0.2S"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileQueriesFuzzTest extends QuerySideHttpTest {

    private static final long SEED = 20250716L;
    private static final String NO_TOKEN = "(none)";

    /** The context's client, which adds no token: each request here says which it carries. */
    @Autowired
    TestRestTemplate plain;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;
    @Autowired
    TokenMinter minter;
    @Autowired
    ObjectMapper json;
    @Value("${govtrack.security.jwt.secret}")
    String secret;

    private String auditor;
    private String admin;
    private List<String> hostileTokens;

    /** What a query parameter holds. */
    enum Kind { CODE, INT, POSITION, DATE, INSTANT, ENUM, BOOL }

    /** A query endpoint: method, path with valid variables, and its parameters. */
    record Endpoint(String method, String path, Map<String, Kind> parameters) {
    }

    record Hostile(String strategy, String method, String path, Map<String, String> headers, byte[] body) {

        String describe() {
            return strategy + ": " + method + " " + (path.length() > 150 ? path.substring(0, 150) + "..." : path) + " "
                   + headers.keySet();
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    private static List<Endpoint> endpoints() {
        Map<String, Kind> projection = Map.of("minPosition", Kind.POSITION);
        return List.of(
                new Endpoint("GET", "/api/v1/dossiers/HS-01", projection),
                new Endpoint("GET", "/api/v1/dossiers", Map.of("unitCode", Kind.CODE, "status", Kind.ENUM,
                        "overdue", Kind.BOOL, "dueWithinHours", Kind.INT, "page", Kind.INT, "size", Kind.INT,
                        "minPosition", Kind.POSITION)),
                new Endpoint("GET", "/api/v1/feedback/GY-01", projection),
                new Endpoint("GET", "/api/v1/feedback", Map.of("unitCode", Kind.CODE, "status", Kind.ENUM,
                        "page", Kind.INT, "size", Kind.INT, "minPosition", Kind.POSITION)),
                new Endpoint("GET", "/api/v1/timeliness", Map.of("groupBy", Kind.ENUM, "from", Kind.DATE, "to", Kind.DATE,
                        "unitCode", Kind.CODE, "minPosition", Kind.POSITION)),
                new Endpoint("GET", "/api/v1/timeliness/ranking", Map.of("from", Kind.DATE, "to", Kind.DATE)),
                new Endpoint("GET", "/api/v1/personnel/audit", Map.of("unitCode", Kind.CODE, "field", Kind.CODE,
                        "state", Kind.ENUM, "asOf", Kind.DATE, "page", Kind.INT, "size", Kind.INT)),
                new Endpoint("GET", "/api/v1/personnel/secondments", Map.of("endingWithinDays", Kind.INT,
                        "unitCode", Kind.CODE, "asOf", Kind.DATE, "page", Kind.INT, "size", Kind.INT)),
                new Endpoint("GET", "/api/v1/personnel/rebalancing", Map.of("field", Kind.CODE, "asOf", Kind.DATE)),
                new Endpoint("GET", "/api/v1/personnel/accounts", Map.of("unitCode", Kind.CODE, "asOf", Kind.DATE,
                        "page", Kind.INT, "size", Kind.INT)),
                new Endpoint("GET", "/api/v1/staff/CB-01", Map.of("asOf", Kind.DATE)),
                new Endpoint("GET", "/api/v1/staff/CB-01/history", projection),
                new Endpoint("GET", "/api/v1/audit/streams/HS-01/events", projection),
                new Endpoint("GET", "/api/v1/audit/streams/HS-01/state", Map.of("asOf", Kind.INSTANT)),
                new Endpoint("GET", "/api/v1/audit/events", Map.of("fromPosition", Kind.POSITION, "limit", Kind.INT)),
                new Endpoint("GET", "/api/v1/admin/projections", projection),
                new Endpoint("GET", "/api/v1/admin/projections/dossiers", projection),
                // last, so that the values drawn for the endpoints above stay those of the fixed seed
                new Endpoint("GET", "/api/v1/audit/streams/HS-01/state", Map.of("knownAt", Kind.INSTANT)));
    }

    private static List<String> hostileValues(Kind kind) {
        List<String> common = List.of("", "%00", "%20", "x".repeat(5000), "%7B%22%24gt%22%3A%22%22%7D", "%24where",
                                      "'%20OR%20'1'%3D'1", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "%FF%FE", "%C0%AE",
                                      "a%0D%0AX-Injected:%201");
        List<String> specific = switch (kind) {
            case INT, POSITION -> List.of("-1", "-2147483649", "2147483648", "99999999999999999999", "1.5", "1e3",
                                          "0x10", "NaN", "abc", "%2B5");
            case DATE -> List.of("2025-02-30", "2025-13-01", "20250701", "1899-12-31", "+10000-01-01", "-0001-01-01",
                                 "2025-07-01T00:00:00");
            case INSTANT -> List.of("2025-07-01T25:00:00+07:00", "2025-07-01T09:30:00", "+999999999-12-31T23:59:59Z",
                                    "-999999999-01-01T00:00:00Z", "2025-07-01", "2025-07-01T09:30:00+25:00");
            case ENUM -> List.of("NOT_A_VALUE", "0", "99", "unit,field", "%5B%5D");
            case BOOL -> List.of("yes", "2", "truee", "null");
            case CODE -> List.of("..", "a%2Fb", "%3Cscript%3E", "x".repeat(65), "%C3%90A-N%E1%BA%B4NG");
        };
        List<String> all = new ArrayList<>(specific);
        all.addAll(common);
        return all;
    }

    private List<Hostile> generate() {
        Random random = new Random(SEED);
        List<Hostile> cases = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (Map.Entry<String, Kind> parameter : e.parameters().entrySet()) {
                for (String value : pick(random, hostileValues(parameter.getValue()), 4)) {
                    cases.add(get("parameter " + parameter.getKey(), e, e.path() + "?" + parameter.getKey() + "=" + value));
                }
                cases.add(get("repeated " + parameter.getKey(), e,
                              e.path() + "?" + parameter.getKey() + "=1&" + parameter.getKey() + "=x"));
                cases.add(get("bracketed " + parameter.getKey(), e, e.path() + "?" + parameter.getKey() + "%5B%24ne%5D=1"));
            }
            cases.add(withHeader("X-Min-Position", pick(random, List.of("-1", "abc", "1e9999", "99999999999999999999"), 1)
                    .get(0), e));
            for (String odd : pick(random, List.of("..", "%2e%2e", "a%2Fb", "%00", "x".repeat(300), "%E2%80%AE",
                                                   "%7B%7D", "a:b:c", "%25", "%C0%AE"), 4)) {
                cases.add(get("path", e, e.path().replaceFirst("/[^/]+$", "/" + odd)));
            }
            cases.add(get("extra segment", e, e.path() + "/x/y"));
            for (String method : pick(random, List.of("POST", "PUT", "PATCH", "DELETE", "TRACE", "FOO"), 3)) {
                cases.add(new Hostile("method " + method, method, e.path(),
                                      Map.of("Content-Type", "application/json", "Authorization", admin),
                                      "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
            }
            cases.add(new Hostile("no token", e.method(), e.path(), Map.of("Authorization", NO_TOKEN), null));
            for (String token : pick(random, hostileTokens, 3)) {
                cases.add(new Hostile("token", e.method(), e.path(), Map.of("Authorization", token), null));
            }
            for (String accept : pick(random, List.of("text/html", "application/xml", "x", "application/json;q=oops"), 2)) {
                cases.add(new Hostile("accept " + accept, e.method(), e.path(), Map.of("Accept", accept), null));
            }
            cases.add(new Hostile("oversized body", e.method(), e.path(), Map.of("Content-Type", "application/json"),
                                  ("{\"a\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        for (String name : List.of("..", "x".repeat(100), "%00", "DOSSIERS", "no-such", "%24where", "a%2Fb")) {
            cases.add(new Hostile("rebuild " + name, "POST", "/api/v1/admin/projections/" + name + "/rebuild",
                                  Map.of("Authorization", admin), null));
        }
        // a real projection: each from is malformed or in the future, so nothing may be rebuilt
        for (String from : List.of("", "now", "2025-07-16", "2025-07-16T10:00:00", "2025-07-16T25:00:00Z",
                                   "%2B999999999-12-31T23:59:59-18:00", "9999-12-31T23:59:59Z", "1e9", "x".repeat(5000),
                                   "%24gt")) {
            cases.add(new Hostile("rebuild from " + from, "POST", "/api/v1/admin/projections/dossiers/rebuild?from="
                                  + from, Map.of("Authorization", admin), null));
        }
        return cases;
    }

    private Hostile get(String strategy, Endpoint e, String path) {
        return new Hostile(strategy, e.method(), path, Map.of(), null);
    }

    private Hostile withHeader(String name, String value, Endpoint e) {
        return new Hostile("header " + name, e.method(), e.path(), Map.of(name, value), null);
    }

    private static <T> List<T> pick(Random random, List<T> from, int count) {
        List<T> pool = new ArrayList<>(from);
        List<T> picked = new ArrayList<>();
        while (picked.size() < count && !pool.isEmpty()) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    @BeforeAll
    void theHandMadeProvinceAndTokens() {
        auditor = "Bearer " + ActingOfficials.token(minter, Role.AUDITOR, null);
        admin = "Bearer " + ActingOfficials.token(minter, Role.ADMIN, null);
        String valid = ActingOfficials.token(minter, Role.AUDITOR, null);
        String[] parts = valid.split("\\.");
        hostileTokens = List.of(
                "Bearer garbage",
                "Bearer " + new TokenMinter(secret, Clock.offset(Clock.systemUTC(), Duration.ofHours(-3)))
                        .mint(new Caller("expired", Role.AUDITOR, null), Duration.ofHours(1)),
                "Bearer " + new TokenMinter("not-the-secret-of-this-service-0123456789", Clock.systemUTC())
                        .mint(new Caller("forger", Role.AUDITOR, null), Duration.ofHours(1)),
                "Bearer eyJhbGciOiJub25lIn0." + parts[1] + ".",
                "Basic dXNlcjpwYXNzd29yZA==",
                "Bearer " + "x".repeat(8000));
        for (Map.Entry<String, List<Object>> stream : HandMadeProvince.streams().entrySet()) {
            long sequence = 0;
            for (Object event : stream.getValue()) {
                eventStore.publish(new GenericDomainEventMessage<>("Dossier", stream.getKey(), sequence++, event,
                        Map.of(), UUID.randomUUID().toString(), HandMadeProvince.at("2025-07-20T12:00")));
            }
        }
        long head = engine.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Answer answer = send(new Hostile("wait", "GET", "/api/v1/admin/projections", Map.of(), null));
            JsonNode projections = json.readTree(answer.body()).path("projections");
            for (JsonNode projection : projections) {
                if (projection.path("position").asLong() < head) {
                    return false;
                }
            }
            return projections.size() > 0;
        });
    }

    @Test
    void noHostileQueryFailsOnTheServerEveryRefusalIsAProblemAndTheStoreIsUnchanged() {
        List<Hostile> cases = generate();
        long head = engine.createHeadToken().position().orElseThrow();
        Map<String, Long> counts = collectionCounts();

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Hostile hostile : cases) {
            Answer answer;
            try {
                answer = send(hostile);
            } catch (RuntimeException e) {
                failures.add("no answer (" + e + ") to " + hostile.describe());
                continue;
            }
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500) {
                failures.add(answer.status() + " " + answer.body() + " to " + hostile.describe());
            } else if (answer.status() >= 400 && (answer.contentType() == null || !MediaType.parseMediaType(
                    answer.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
                failures.add(answer.status() + " as " + answer.contentType() + " to " + hostile.describe());
            }
        }

        System.out.println("Hostile queries: " + cases.size() + ", answers by status: " + statuses);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(400);
        assertThat(failures).as("%d of %d queries", failures.size(), cases.size()).isEmpty();
        assertThat(engine.createHeadToken().position().orElseThrow()).isEqualTo(head);
        assertThat(collectionCounts()).isEqualTo(counts);
    }

    private Map<String, Long> collectionCounts() {
        MongoDatabase database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        Map<String, Long> counts = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            counts.put(name, database.getCollection(name).countDocuments(new Document()));
        }
        return counts;
    }

    private Answer send(Hostile hostile) {
        URI uri = URI.create(plain.getRootUri() + hostile.path());
        Map<String, String> headers = new LinkedHashMap<>(hostile.headers());
        String authorization = headers.getOrDefault("Authorization", "GET".equals(hostile.method()) ? auditor : admin);
        headers.remove("Authorization");
        return plain.getRestTemplate().execute(uri, HttpMethod.valueOf(hostile.method()), request -> {
            headers.forEach(request.getHeaders()::set);
            if (!NO_TOKEN.equals(authorization)) {
                request.getHeaders().set("Authorization", authorization);
            }
            if (hostile.body() != null) {
                request.getHeaders().setContentLength(hostile.body().length);
                request.getBody().write(hostile.body());
            }
        }, response -> new Answer(response.getStatusCode().value(), response.getHeaders().getFirst("Content-Type"),
                                  new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
