package vn.province.govtrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** How request bodies are read (see {@link StrictJsonConfiguration}). */
class StrictJsonTest {

    record Sample(String text, Integer count, LocalDate day, OffsetDateTime at, Boolean flag) {
    }

    private final ObjectMapper strict = StrictJsonConfiguration.strict(JsonMapper.builder().findAndAddModules().build());

    @Test
    void controlCharactersInTextAreRefused() {
        assertThatThrownBy(() -> strict.readValue("{\"text\": \"a\\u0000b\"}", Sample.class))
                .hasMessageContaining("control characters");
    }

    @Test
    void valuesOfAnotherJsonTypeAreRefused() {
        for (String body : new String[] {"{\"text\": 12}", "{\"text\": true}", "{\"count\": \"4\"}",
                                         "{\"count\": 4.5}", "{\"flag\": \"true\"}", "{\"flag\": 1}",
                                         "{\"day\": \"\"}", "{\"at\": \"\"}", "{\"at\": \"\\u0007\"}",
                                         "{\"day\": \"2025-07-01T00:00:00\"}", "{\"day\": 20000}",
                                         "{\"text\": \"x\", \"text\": \"y\"}", "{\"other\": 1}", "{} {}"}) {
            assertThatThrownBy(() -> strict.readValue(body, Sample.class)).as(body).isNotNull();
        }
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertThatThrownBy(() -> strict.readValue("{\"text\": \"x\\udc00y\"}", Sample.class))
                .hasMessageContaining("unpaired surrogates");
    }

    @Test
    void plainTextIsRead() throws Exception {
        Sample sample = strict.readValue("""
                {"text": "Xã Tân Lập\\n😀", "count": 4, "day": "2025-07-01", "at": "2025-07-01T09:30:00+07:00",
                 "flag": true}""", Sample.class);

        assertThat(sample.text()).isEqualTo("Xã Tân Lập\n😀");
        assertThat(sample.count()).isEqualTo(4);
        assertThat(sample.day()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(sample.at()).isEqualTo(OffsetDateTime.parse("2025-07-01T09:30:00+07:00").toInstant().atOffset(sample.at().getOffset()));
        assertThat(sample.flag()).isTrue();
    }
}
