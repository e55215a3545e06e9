package vn.province.govtrack.simulator.province;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import vn.province.govtrack.simulator.province.Disclosure.OnlineLevel;
import vn.province.govtrack.simulator.province.Disclosure.Update;

/**
 * Draws each procedure's {@link Disclosure}: the inputs of the national index's disclosure group and of
 * its procedures-online indicator (docs/index-766.md). The rates are the simulated province's profile: a
 * province that publishes most procedures in time and completely, as the better-ranked provinces on the
 * national portal do in 2025, with a few stragglers that cost it points. Drawn from their own random
 * source, so that the rest of the catalogue is what it was before these inputs existed.
 */
final class Disclosures {

    /**
     * Of the procedures offered online, the share offered fully online ("toàn trình"): with the catalogue's
     * 73% online, about 35% of all procedures are FULL, 38% PARTIAL and 27% NONE.
     */
    static final double FULL_OF_ONLINE = 0.48;
    /** Procedures published on or before the day their legal basis took effect. */
    static final double PUBLISHED_ON_TIME = 0.90;
    /** Procedures disclosing all twelve elements; the others miss one or two (forms, fees, legal basis ...). */
    static final double CONTENT_COMPLETE = 0.88;
    /** Of the incomplete ones, those missing two elements rather than one. */
    static final double MISSING_TWO = 0.3;
    /** Procedures with an update announced in the twelve months before the demo's month (August 2024 to July 2025). */
    static final double UPDATED = 0.10;
    /** Of the updates, those announced on or before the day they took effect. */
    static final double UPDATED_ON_TIME = 0.85;
    /** Of the updates of a procedure offered fully online, those that raised it from PARTIAL (the rest add content). */
    static final double UPDATE_RAISES_LEVEL = 0.5;

    /** Publications run from the start of the national procedure database's current form to the eve of the reform. */
    static final LocalDate FIRST_PUBLICATION = LocalDate.of(2021, 1, 1);
    static final LocalDate LAST_PUBLICATION = LocalDate.of(2025, 6, 30);
    /** The window of updates: the twelve months the index's July 2025 looks back on, up to the demo's first half-month. */
    static final LocalDate FIRST_UPDATE = LocalDate.of(2024, 8, 1);
    static final LocalDate LAST_UPDATE = LocalDate.of(2025, 7, 15);

    private static final List<String> MAY_BE_MISSING = Disclosure.ELEMENTS.subList(1, Disclosure.ELEMENTS.size());
    private static final List<String> LEVEL_REASONS = List.of(
            "Nâng cấp thành dịch vụ công trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia",
            "Tích hợp thanh toán trực tuyến và trả kết quả điện tử");
    private static final List<String> CONTENT_REASONS = List.of(
            "Cập nhật mẫu đơn, tờ khai theo thông tư mới",
            "Bổ sung căn cứ pháp lý theo nghị định sửa đổi",
            "Công bố lại phí, lệ phí theo quy định mới",
            "Chuẩn hóa thành phần hồ sơ theo mô hình chính quyền địa phương hai cấp");

    private final SplittableRandom random;

    Disclosures(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next procedure's disclosure; {@code online} is the catalogue's flag, which the level agrees with. */
    Disclosure next(boolean online) {
        OnlineLevel level = !online ? OnlineLevel.NONE
                : random.nextDouble() < FULL_OF_ONLINE ? OnlineLevel.FULL : OnlineLevel.PARTIAL;
        Set<String> content = new LinkedHashSet<>(Disclosure.ELEMENTS);
        if (random.nextDouble() >= CONTENT_COMPLETE) {
            int missing = random.nextDouble() < MISSING_TWO ? 2 : 1;
            while (content.size() > Disclosure.ELEMENTS.size() - missing) {
                content.remove(MAY_BE_MISSING.get(random.nextInt(MAY_BE_MISSING.size())));
            }
        }
        boolean updated = random.nextDouble() < UPDATED;
        LocalDate updatedOn = updated ? day(FIRST_UPDATE, LAST_UPDATE) : null;
        // An updated procedure was published at least a month before its update, so that a late update's
        // effective date still follows the publication.
        LocalDate lastPublication = updated && updatedOn.minusDays(30).isBefore(LAST_PUBLICATION)
                ? updatedOn.minusDays(30) : LAST_PUBLICATION;
        LocalDate publishedOn = day(FIRST_PUBLICATION, lastPublication);
        LocalDate effectiveFrom = random.nextDouble() < PUBLISHED_ON_TIME
                ? publishedOn.plusDays(random.nextInt(46))
                : publishedOn.minusDays(1 + random.nextInt(30));
        if (!updated) {
            return new Disclosure(level, publishedOn, effectiveFrom, content, List.of());
        }
        LocalDate updateEffective = random.nextDouble() < UPDATED_ON_TIME
                ? updatedOn.plusDays(random.nextInt(31))
                : updatedOn.minusDays(1 + random.nextInt(20));
        // The update leads to the state drawn above: it raised the level, or it added an element.
        List<Update> updates = new ArrayList<>();
        if (level == OnlineLevel.FULL && random.nextDouble() < UPDATE_RAISES_LEVEL) {
            updates.add(new Update(updatedOn, updateEffective, OnlineLevel.FULL, null, pick(LEVEL_REASONS)));
            level = OnlineLevel.PARTIAL;
        } else {
            Set<String> before = new LinkedHashSet<>(content);
            List<String> present = content.stream().filter(MAY_BE_MISSING::contains).toList();
            before.remove(present.get(random.nextInt(present.size())));
            updates.add(new Update(updatedOn, updateEffective, null, content, pick(CONTENT_REASONS)));
            content = before;
        }
        return new Disclosure(level, publishedOn, effectiveFrom, content, updates);
    }

    private LocalDate day(LocalDate first, LocalDate last) {
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, last) + 1));
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
