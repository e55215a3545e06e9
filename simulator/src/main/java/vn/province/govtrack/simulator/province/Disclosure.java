package vn.province.govtrack.simulator.province;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a procedure discloses on the national portal, as the national index (docs/index-766.md) judges
 * it: how far it is offered online, when it was published and took effect, which of the twelve
 * elements of api.md's {@code content} it discloses, and the updates announced since.
 *
 * @param onlineLevel   as published ({@code FULL}, {@code PARTIAL}, {@code NONE}); an update may raise it
 * @param publishedOn   the day it was published
 * @param effectiveFrom the day its legal basis took effect: on time when not before {@link #publishedOn}
 * @param content       the elements disclosed when published
 * @param updates       the changes announced after, oldest first
 */
public record Disclosure(OnlineLevel onlineLevel, LocalDate publishedOn, LocalDate effectiveFrom, Set<String> content,
                         List<Update> updates) {

    /** api.md's online levels of a procedure. */
    public enum OnlineLevel {
        FULL, PARTIAL, NONE;

        public boolean online() {
            return this != NONE;
        }
    }

    /**
     * The elements a published procedure must disclose (Decree 63/2010/NĐ-CP, Article 8), by the names
     * {@code POST /procedures} takes.
     */
    public static final List<String> ELEMENTS = List.of(
            "NAME", "STEPS", "METHOD", "DOSSIER_COMPOSITION", "PROCESSING_TIME", "APPLICANTS", "AGENCY", "RESULT",
            "FEES", "FORMS", "REQUIREMENTS", "LEGAL_BASIS");

    /**
     * One {@code POST /procedures/{code}/updates}.
     *
     * @param onlineLevel the new level, or null when unchanged
     * @param content     the elements disclosed from then on, or null when unchanged
     */
    public record Update(LocalDate updatedOn, LocalDate effectiveFrom, OnlineLevel onlineLevel, Set<String> content,
                         String reason) {

        public boolean onTime() {
            return !updatedOn.isAfter(effectiveFrom);
        }
    }

    public Disclosure {
        content = Set.copyOf(content);
        updates = List.copyOf(updates);
    }

    public boolean publishedOnTime() {
        return !publishedOn.isAfter(effectiveFrom);
    }

    /** The online level after every update. */
    public OnlineLevel currentOnlineLevel() {
        OnlineLevel level = onlineLevel;
        for (Update update : updates) {
            level = update.onlineLevel() != null ? update.onlineLevel() : level;
        }
        return level;
    }

    /** The elements disclosed after every update. */
    public Set<String> currentContent() {
        Set<String> current = content;
        for (Update update : updates) {
            current = update.content() != null ? update.content() : current;
        }
        return current;
    }

    public boolean complete() {
        return currentContent().containsAll(ELEMENTS);
    }
}
