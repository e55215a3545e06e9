package vn.province.govtrack.simulator.dossier;

import java.util.List;
import java.util.SplittableRandom;

/** Applicants with Vietnamese names, 12-digit citizen ID numbers and mobile numbers, drawn from a random source. */
final class People {

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
    private static final List<String> MOBILE_PREFIXES = List.of(
            "086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039", "088", "091", "094",
            "081", "083", "084", "085", "089", "090", "093", "070", "076", "077", "078", "079", "056", "058");

    /** The province code that starts the citizen ID numbers of people registered in the simulated province. */
    private static final String PROVINCE_CODE = "068";

    private People() {
    }

    static Step.Applicant applicant(SplittableRandom random) {
        boolean female = random.nextBoolean();
        String family = FAMILY_NAMES[weighted(random, FAMILY_SHARES)];
        String middle = pick(random, female ? FEMALE_MIDDLE : MALE_MIDDLE);
        String given = pick(random, female ? FEMALE_GIVEN : MALE_GIVEN);
        String fullName = family + " " + middle + " " + given;
        int birthYear = 1940 + random.nextInt(66);
        // Citizen ID: province code, a digit for sex and century, two digits of the birth year, six more.
        int sexCentury = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
        String idNumber = (random.nextDouble() < 0.85 ? PROVINCE_CODE : String.format("%03d", 1 + random.nextInt(96)))
                          + sexCentury + String.format("%02d", birthYear % 100)
                          + String.format("%06d", random.nextInt(1_000_000));
        String phone = pick(random, MOBILE_PREFIXES) + String.format("%07d", random.nextInt(10_000_000));
        return new Step.Applicant(idNumber, fullName, phone);
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
