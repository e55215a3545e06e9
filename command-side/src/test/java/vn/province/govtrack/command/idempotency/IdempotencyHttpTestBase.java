package vn.province.govtrack.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
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

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import vn.province.govtrack.command.CommandSideHttpTest;

/**
 * What the idempotency tests share, so that Spring gives them one application context: the command
 * side's test configuration with a shorter wait for a contended key (so that the tests that wait end
 * sooner) and {@link CommandHolds}. It differs, so these tests get a context and a store of their own,
 * which the other instances they start join. Helpers to send keyed commands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.data.mongodb.database=idempotency", "govtrack.idempotency.max-wait=PT5S",
                              "govtrack.staff.secondment-expiry.enabled=false"})
@Import(CommandHolds.class)
abstract class IdempotencyHttpTestBase extends CommandSideHttpTest {

    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoProperties mongoProperties;

    /** The name of this context's database, for the instances that join it. */
    String database() {
        return mongoProperties.getMongoClientDatabase();
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

    /** A problem+json answer of this status and type, as the raw text a retry must repeat byte for byte. */
    static void assertRawProblem(ResponseEntity<String> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"type\":\"" + PROBLEMS + slug + "\"");
    }
}
