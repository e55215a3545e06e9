package vn.province.govtrack.simulator.staff;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Vietnamese full names for staff members, and the portal account names made from them the usual
 * way: given name, then the initials of family and middle names, without diacritics
 * ("Nguyễn Văn An" → {@code annv}).
 */
final class StaffNames {

    /** Family names with their approximate shares of the population, in percent. */
    private static final String[] FAMILY_NAMES = {
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý"};
    private static final double[] FAMILY_SHARES = {38, 11, 9.5, 7, 4, 1.5, 4.5, 2.5, 1.5, 2, 2, 1.4, 1.3, 1.3, 1, 0.5};
    private static final List<String> MALE_MIDDLE = List.of("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân");
    private static final List<String> FEMALE_MIDDLE = List.of("Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng", "Bảo");
    private static final List<String> MALE_GIVEN = List.of(
            "An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang", "Khoa", "Long", "Minh",
            "Nam", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Việt");
    private static final List<String> FEMALE_GIVEN = List.of(
            "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "My", "Nga",
            "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến");

    private StaffNames() {
    }

    static String fullName(SplittableRandom random) {
        boolean female = random.nextBoolean();
        String family = FAMILY_NAMES[weighted(random, FAMILY_SHARES)];
        String middle = pick(random, female ? FEMALE_MIDDLE : MALE_MIDDLE);
        String given = pick(random, female ? FEMALE_GIVEN : MALE_GIVEN);
        return family + " " + middle + " " + given;
    }

    /** The account stem of a full name: {@code "Nguyễn Văn An"} → {@code "annv"}. Letters a–z only. */
    static String accountStem(String fullName) {
        String[] words = ascii(fullName).split(" ");
        StringBuilder stem = new StringBuilder(words[words.length - 1]);
        for (int i = 0; i < words.length - 1; i++) {
            stem.append(words[i].charAt(0));
        }
        return stem.toString();
    }

    private static String ascii(String text) {
        String decomposed = Normalizer.normalize(text.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
