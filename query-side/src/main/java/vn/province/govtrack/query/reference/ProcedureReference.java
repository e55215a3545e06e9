package vn.province.govtrack.query.reference;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;

/**
 * A published procedure: its legal processing time in working hours (8 = one working day), the hour
 * after which a dossier received counts from the next working day, how far it is offered online, when it
 * was published and took effect, what it discloses, and its announced updates, in the order announced.
 * The online level and content are those of the last update, or of the publication before any.
 *
 * <p>Stored as it is answered. A record stored before the national index's fields existed reads with the
 * online level its {@code online} flag stands for, no content and no updates, and no dates until the
 * projection is rebuilt (which dates it from its event, see {@code ReferenceDataProjection}).
 *
 * @param online          whether a dossier may be submitted online now: {@code onlineLevel} is FULL or PARTIAL
 * @param contentComplete whether all twelve elements of {@link ProcedureContent} are disclosed
 */
@Schema(example = """
        {"code": "1.000108", "name": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        "field": "JUSTICE_CIVIL_STATUS", "level": "PROVINCE", "processingHours": 80,
        "cutoff": "15:00:00", "online": true, "onlineLevel": "FULL", "publishedOn": "2025-06-20",
        "effectiveFrom": "2025-07-01", "content": ["NAME", "STEPS", "METHOD", "DOSSIER_COMPOSITION",
        "PROCESSING_TIME", "APPLICANTS", "AGENCY", "RESULT", "FEES", "FORMS", "REQUIREMENTS", "LEGAL_BASIS"],
        "contentComplete": true, "updates": [{"updatedOn": "2025-07-10", "effectiveFrom": "2025-07-15",
        "onlineLevel": "FULL", "content": ["NAME", "STEPS", "METHOD", "DOSSIER_COMPOSITION", "PROCESSING_TIME",
        "APPLICANTS", "AGENCY", "RESULT", "FEES", "FORMS", "REQUIREMENTS", "LEGAL_BASIS"],
        "reason": "Quyết định 1520/QĐ-UBND", "onTime": true}]}""")
record ProcedureReference(String code, String name, String field, String level, int processingHours,
                          LocalTime cutoff, boolean online, OnlineLevel onlineLevel, LocalDate publishedOn,
                          LocalDate effectiveFrom, Set<ProcedureContent> content, boolean contentComplete,
                          List<Update> updates) {

    ProcedureReference {
        if (onlineLevel == null) {
            onlineLevel = online ? OnlineLevel.PARTIAL : OnlineLevel.NONE;
        }
        online = onlineLevel.online();
        content = inOrder(content);
        contentComplete = content.size() == ProcedureContent.values().length;
        updates = updates == null ? List.of() : List.copyOf(updates);
    }

    /**
     * An update announced on {@code updatedOn}, taking effect on {@code effectiveFrom}, after which the
     * procedure was offered at {@code onlineLevel} and disclosed {@code content}.
     *
     * @param onTime whether it was announced on or before the day it took effect
     */
    record Update(LocalDate updatedOn, LocalDate effectiveFrom, OnlineLevel onlineLevel,
                  Set<ProcedureContent> content, String reason, boolean onTime) {

        Update {
            content = inOrder(content);
            onTime = updatedOn != null && effectiveFrom != null && !updatedOn.isAfter(effectiveFrom);
        }
    }

    /** The procedure as {@code update} leaves it. */
    ProcedureReference updated(Update update) {
        List<Update> next = new ArrayList<>(updates);
        next.add(update);
        return new ProcedureReference(code, name, field, level, processingHours, cutoff, update.onlineLevel().online(),
                                      update.onlineLevel(), publishedOn, effectiveFrom, update.content(), false, next);
    }

    /** The elements in their declaration order; none for null. */
    private static Set<ProcedureContent> inOrder(Set<ProcedureContent> content) {
        return Collections.unmodifiableSet(content == null || content.isEmpty() ? EnumSet.noneOf(ProcedureContent.class)
                                                                                : EnumSet.copyOf(content));
    }
}
