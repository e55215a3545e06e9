package vn.province.govtrack.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.command.web.ActingOfficials;
import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.security.TokenMinter;

/**
 * What the idempotency tests share, so that Spring gives them one application context: the service on
 * its own database on a real MongoDB wire-protocol server, acting as the officials whose job each
 * command is, and the helpers to send keyed commands. Every test uses its own codes and keys, so the
 * tests share one store. Secondments never expire by themselves here, so that no command but the
 * tests' own appends to the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"govtrack.idempotency.max-wait=PT5S", "govtrack.staff.secondment-expiry.enabled=false"})
@Import(CommandHolds.class)
abstract class IdempotencyHttpTestBase {

    static final String DATABASE = TestMongo.freshDatabaseName("idempotency");
    static final String PROBLEMS = "https://govtrack.example/problems/";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", TestMongo::uri);
        registry.add("spring.data.mongodb.database", () -> DATABASE);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;
    @Autowired
    TokenMinter minter;

    @BeforeEach
    void actAsTheResponsibleOfficials() {
        ActingOfficials.install(http, minter);
    }

    static String unique(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }

    ResponseEntity<String> send(HttpMethod method, String path, String json, String key) {
        return send(http, method, path, json, key);
    }

    static ResponseEntity<String> send(TestRestTemplate client, HttpMethod method, String path, String json,
                                       String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return client.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    String registeredUnit() {
        String code = unique("XA");
        assertThat(send(HttpMethod.POST, "/api/v1/units", """
                {"code": "%s", "name": "Xã Tân Lập", "kind": "COMMUNE"}""".formatted(code), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return code;
    }

    String publishedProcedure() {
        String code = unique("KHAI-SINH");
        assertThat(send(HttpMethod.POST, "/api/v1/procedures", """
                {"code": "%s", "name": "Đăng ký khai sinh", "field": "JUSTICE", "level": "COMMUNE",
                 "processingHours": 8, "cutoff": "15:00", "online": true}""".formatted(code), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return code;
    }

    /** A submission without a dossier id to a new unit: each run would generate a new dossier. */
    String submission() {
        return submission(registeredUnit());
    }

    String submission(String unitCode) {
        return """
                {"procedureCode": "%s", "unitCode": "%s", "channel": "IN_PERSON",
                 "applicant": {"idNumber": "001203004567", "fullName": "Nguyễn Văn An"},
                 "submittedAt": "2025-07-01T09:30:00+07:00"}""".formatted(publishedProcedure(), unitCode);
    }

    MongoCollection<Document> keys() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(IdempotencyKeys.COLLECTION);
    }

    static void assertSameAnswer(ResponseEntity<String> retry, ResponseEntity<String> first) {
        assertThat(retry.getStatusCode()).isEqualTo(first.getStatusCode());
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getContentType()).isEqualTo(first.getHeaders().getContentType());
    }

    static void assertReplayed(ResponseEntity<String> answer) {
        assertThat(answer.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    static void assertProblem(ResponseEntity<String> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"type\":\"" + PROBLEMS + slug + "\"");
    }
}
