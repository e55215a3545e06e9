package vn.province.govtrack.command.history;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.province.govtrack.command.dossier.DossierEndpoint;
import vn.province.govtrack.command.dossier.DossierRequest;
import vn.province.govtrack.command.history.Rejection.Reason;
import vn.province.govtrack.command.web.Patterns;
import vn.province.govtrack.security.Caller;
import vn.province.govtrack.security.EndpointRule;
import vn.province.govtrack.security.EndpointRules;
import vn.province.govtrack.security.Role;
import vn.province.govtrack.web.JsonProblems;
import vn.province.govtrack.web.StrictJsonConfiguration;

/**
 * Reads the lines of an imported history (docs/import.md): each a JSON object naming the record, its
 * dossier, the kind of step, the instant it happened, the acting official and the step's fields.
 * A record is checked as its endpoint checks a request: the same strict JSON, the same body type with
 * its Bean Validation constraints, the same role rules ({@link EndpointRules}). The body is the
 * record's {@code fields} with the step's time field set to {@code at} (and, for a submission, the
 * {@code dossierId}), so the command is built exactly as for the HTTP request with that body.
 */
@Component
class HistoryLines {

    /** Record ids: short, printable, safe in reports and metadata. */
    static final String RECORD_ID = "[A-Za-z0-9._:/@#-]{1,128}";
    /** Actors' subjects: the form of the {@code sub} the services' tokens carry. */
    static final String SUBJECT = "[A-Za-z0-9._:@-]{1,128}";

    private static final Pattern RECORD_ID_FORM = Pattern.compile(RECORD_ID);
    private static final Pattern SUBJECT_FORM = Pattern.compile(SUBJECT);
    private static final Pattern DOSSIER_ID_FORM = Pattern.compile(Patterns.ID);
    private static final Pattern UNIT_CODE_FORM = Pattern.compile(Patterns.CODE);

    private final ObjectMapper json;
    private final Validator validator;
    private final List<EndpointRules> endpointRules;

    HistoryLines(ObjectMapper json, Validator validator, ObjectProvider<EndpointRules> endpointRules) {
        this.json = StrictJsonConfiguration.strict(json);
        this.validator = validator;
        this.endpointRules = endpointRules.orderedStream().toList();
    }

    /** The line's record, or why it cannot be imported. Never throws for any input. */
    HistoryLine read(long line, String text) {
        Envelope envelope;
        try {
            envelope = json.readValue(text, Envelope.class);
        } catch (JsonProcessingException e) {
            return new Rejection(line, null, null, Reason.MALFORMED, JsonProblems.describe(e, "the line", "a record"));
        }
        if (envelope == null) {
            return new Rejection(line, null, null, Reason.MALFORMED, "the line is not a JSON object");
        }
        String id = envelope.id() != null && RECORD_ID_FORM.matcher(envelope.id()).matches() ? envelope.id() : null;
        String dossierId = envelope.dossierId() != null && DOSSIER_ID_FORM.matcher(envelope.dossierId()).matches()
                ? envelope.dossierId() : null;
        if (id == null) {
            return invalid(line, null, dossierId, "id is required: 1 to 128 letters, digits or ._:/@#-");
        }
        if (dossierId == null) {
            return invalid(line, id, null, "dossierId is required: 1 to 64 letters, digits or ._-");
        }
        Optional<DossierEndpoint> endpoint = DossierEndpoint.ofKind(envelope.kind() == null ? "" : envelope.kind());
        if (endpoint.isEmpty()) {
            return invalid(line, id, dossierId, "kind must be one of " + Arrays.stream(DossierEndpoint.values())
                    .map(DossierEndpoint::kind).collect(Collectors.joining(", ")));
        }
        if (envelope.at() == null) {
            return invalid(line, id, dossierId, "at is required: the instant the step happened, with its offset");
        }
        Caller caller;
        try {
            caller = caller(envelope.actor());
        } catch (IllegalArgumentException e) {
            return invalid(line, id, dossierId, "actor: " + e.getMessage());
        }
        String path = endpoint.get().path(dossierId);
        Optional<EndpointRule> rule = endpointRules.stream()
                .flatMap(rules -> rules.ruleFor(HttpMethod.POST, path).stream()).findFirst();
        if (rule.isEmpty() || !rule.get().allows(caller.role())) {
            return new Rejection(line, id, dossierId, Reason.FORBIDDEN, "role " + caller.role() + " may not give the "
                    + endpoint.get().kind() + " step" + rule.map(allowed -> " (" + allowed.roles().stream()
                    .map(Role::name).sorted().collect(Collectors.joining(" or ")) + " may)").orElse(""));
        }
        try {
            DossierRequest request = request(endpoint.get(), dossierId, envelope);
            Set<ConstraintViolation<DossierRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                return invalid(line, id, dossierId, violations.stream()
                        .map(violation -> "fields." + violation.getPropertyPath() + " " + violation.getMessage())
                        .sorted().collect(Collectors.joining("; ")));
            }
            return new HistoryRecord(line, id, dossierId, endpoint.get(), caller, request);
        } catch (JsonProcessingException e) {
            return invalid(line, id, dossierId,
                           "fields: " + JsonProblems.describe(e, "fields", "the " + envelope.kind() + " step"));
        } catch (FieldTakenException e) {
            return invalid(line, id, dossierId, e.getMessage());
        }
    }

    /**
     * The step's body: its fields, dated at the record's instant; a submission's names the record's dossier.
     * The record states these once, so its fields may not state them again.
     */
    private DossierRequest request(DossierEndpoint endpoint, String dossierId, Envelope envelope)
            throws JsonProcessingException {
        ObjectNode body = envelope.fields() == null ? json.createObjectNode() : envelope.fields();
        take(body, endpoint.timeField(), "the step's time is the record's at");
        body.put(endpoint.timeField(), envelope.at().toString());
        if (endpoint.bodyNamesTheDossier()) {
            take(body, "dossierId", "the dossier is the record's dossierId");
            body.put("dossierId", dossierId);
        }
        return json.treeToValue(body, endpoint.requestType());
    }

    private static void take(ObjectNode body, String field, String because) {
        if (body.has(field)) {
            throw new FieldTakenException("fields." + field + " must not be given: " + because);
        }
    }

    private static Caller caller(Actor actor) {
        if (actor == null) {
            throw new IllegalArgumentException("required: the official who acted, {subject, role, unitCode}");
        }
        if (actor.subject() == null || !SUBJECT_FORM.matcher(actor.subject()).matches()) {
            throw new IllegalArgumentException("subject is required: 1 to 128 letters, digits or ._:@-");
        }
        Role role = Arrays.stream(Role.values()).filter(known -> known.name().equals(actor.role())).findFirst()
                          .orElseThrow(() -> new IllegalArgumentException("role must be one of "
                                                                          + Arrays.toString(Role.values())));
        if (!role.unitBound() && actor.unitCode() != null) {
            throw new IllegalArgumentException("role " + role + " acts for no unit: unitCode must not be given");
        }
        if (actor.unitCode() != null && !UNIT_CODE_FORM.matcher(actor.unitCode()).matches()) {
            throw new IllegalArgumentException("unitCode must be 1 to 64 letters, digits or ._-");
        }
        return new Caller(actor.subject(), role, actor.unitCode());
    }

    private static Rejection invalid(long line, String id, String dossierId, String detail) {
        return new Rejection(line, id, dossierId, Reason.INVALID, detail);
    }

    /** A line as written; {@code fields} is checked against its kind's body. */
    record Envelope(String id, String dossierId, String kind, OffsetDateTime at, Actor actor, ObjectNode fields) {
    }

    /** The official who gave the command: as the subject, role and unit of a bearer token say it. */
    record Actor(String subject, String role, String unitCode) {
    }

    /** The record's fields repeat what the record itself states. */
    private static final class FieldTakenException extends RuntimeException {
        FieldTakenException(String message) {
            super(message, null, false, false);
        }
    }
}
