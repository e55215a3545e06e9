package vn.province.govtrack.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are read strictly: unknown fields, duplicate keys, trailing content after the JSON
 * value, nesting deeper than {@value #MAX_NESTING_DEPTH}, a value of another JSON type than the field's
 * (no {@code "4"} for 4, no 4.5 or {@code true} for text, no number for an enum), an empty string
 * for a date or an enum, a date-time where a date is expected, and text with control characters or
 * unpaired surrogates are all malformed input (400).
 *
 * <p>Only the HTTP converter's mapper is made strict, on a copy of Spring Boot's: Axon serializes
 * events and tokens with Boot's mapper itself, and stored events must stay readable when a later
 * revision drops a field.
 */
public final class StrictJsonConfiguration implements WebMvcConfigurer {

    static final int MAX_NESTING_DEPTH = 32;

    private static final StreamReadConstraints CONSTRAINTS =
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build();

    /** Reads JSON text as the strict mapper does, without mapping it: for checking that a body is well-formed. */
    static final JsonFactory PARSING = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(CONSTRAINTS)
            .build();

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict(json.getObjectMapper()));
            }
        }
    }

    /** A strict copy of {@code lenient}: how request bodies are read, and the records of an imported history. */
    public static ObjectMapper strict(ObjectMapper lenient) {
        ObjectMapper strict = lenient.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .setDefaultLeniency(false)
                .registerModule(new SimpleModule("plain-text").addDeserializer(String.class, new PlainText()));
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType structured : List.of(LogicalType.DateTime, LogicalType.Enum, LogicalType.POJO,
                                              LogicalType.Collection, LogicalType.Array, LogicalType.Map)) {
            strict.coercionConfigFor(structured).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.getFactory().setStreamReadConstraints(CONSTRAINTS);
        return strict;
    }

    /**
     * Text without C0/C1 control characters (tab, line feed and carriage return excepted) and without
     * unpaired surrogates: such text cannot be stored or shown faithfully, and no field needs it.
     */
    static final class PlainText extends StringDeserializer {

        static final String PROBLEM = "must be text without control characters or unpaired surrogates";

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = parser.getText();
            if (value != null && !isPlain(value)) {
                throw context.weirdStringException(value, String.class, PROBLEM);
            }
            return value;
        }

        static boolean isPlain(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
