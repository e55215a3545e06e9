package vn.province.govtrack.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with JSON that the strict mapper ({@link StrictJsonConfiguration}) refused, said
 * without echoing parser internals: for request bodies (400 problems) and for the records of an
 * imported history alike.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /**
     * @param whole what the JSON is, for a problem that concerns all of it, e.g. {@code "the request body"}
     * @param item  what its fields belong to, e.g. {@code "this request"}
     */
    public static String describe(JsonProcessingException e, String whole, String item) {
        if (e instanceof JsonParseException) {
            return whole + " is not well-formed JSON";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return pathOf(unknown, whole) + " is not a field of " + item;
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = pathOf(mismatch, whole);
            Class<?> target = mismatch.getTargetType();
            if (e instanceof InvalidFormatException && target != null && target.isEnum()) {
                return field + " must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (e instanceof InvalidFormatException && String.class.equals(target)) {
                return field + " " + StrictJsonConfiguration.PlainText.PROBLEM;
            }
            return field + " must be " + expected(target);
        }
        return whole + " does not have the expected form";
    }

    private static String pathOf(JsonMappingException e, String whole) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? whole : path.toString();
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "a value of the expected type";
        }
        if (OffsetDateTime.class.equals(target)) {
            return "an ISO-8601 timestamp with offset, e.g. 2025-07-01T09:30:00+07:00";
        }
        if (LocalDate.class.equals(target)) {
            return "a date YYYY-MM-DD";
        }
        if (LocalTime.class.equals(target)) {
            return "a time of day HH:mm";
        }
        if (Integer.class.equals(target) || int.class.equals(target) || Long.class.equals(target)
            || long.class.equals(target)) {
            return "a whole number";
        }
        if (Boolean.class.equals(target) || boolean.class.equals(target)) {
            return "true or false";
        }
        if (String.class.equals(target)) {
            return "a string";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a JSON array";
        }
        return "a JSON value of the expected form";
    }
}
