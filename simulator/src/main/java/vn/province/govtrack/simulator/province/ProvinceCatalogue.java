package vn.province.govtrack.simulator.province;

import static vn.province.govtrack.simulator.province.Field.AGRICULTURE;
import static vn.province.govtrack.simulator.province.Field.CONSTRUCTION;
import static vn.province.govtrack.simulator.province.Field.CULTURE_SOCIETY;
import static vn.province.govtrack.simulator.province.Field.EDUCATION;
import static vn.province.govtrack.simulator.province.Field.FINANCE_PLANNING;
import static vn.province.govtrack.simulator.province.Field.HEALTH;
import static vn.province.govtrack.simulator.province.Field.HOME_AFFAIRS;
import static vn.province.govtrack.simulator.province.Field.INDUSTRY_TRADE;
import static vn.province.govtrack.simulator.province.Field.INFORMATION_TECHNOLOGY;
import static vn.province.govtrack.simulator.province.Field.JUSTICE_CIVIL_STATUS;
import static vn.province.govtrack.simulator.province.Field.LAND_ADMINISTRATION;
import static vn.province.govtrack.simulator.province.Field.NATURAL_RESOURCES_ENVIRONMENT;
import static vn.province.govtrack.simulator.province.ProcedureSpec.COMMUNE;
import static vn.province.govtrack.simulator.province.ProcedureSpec.PROVINCE;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated province, the same for every run: 124 communes, wards and special zones with
 * generated Vietnamese-style names, 42 provincial departments and centres, and 2,225 procedures —
 * the ones most dossiers are filed under by their real names and processing times, the long tail
 * composed from each field's real vocabulary. Only dossiers depend on the simulation's seed.
 */
public final class ProvinceCatalogue {

    public static final int COMMUNES = 103;
    public static final int WARDS = 20;
    public static final int SPECIAL_ZONES = 1;

    /** Fixed, so that every run, whatever its seed, seeds the same province. */
    private static final long CATALOGUE_SEED = 20250701L;
    /** The seed of what procedures disclose and of the units' digital maturity: drawn apart, so the rest stays as it was. */
    private static final long DISCLOSURE_SEED = 20220623L;

    private static final List<String> FIRST_SYLLABLES = List.of(
            "An", "Bình", "Phú", "Tân", "Hòa", "Long", "Phước", "Thạnh", "Đức", "Hưng", "Thuận", "Lộc",
            "Trung", "Quảng", "Xuân", "Hiệp", "Gia", "Đại", "Vĩnh", "Mỹ", "Thành", "Hải", "Sơn", "Lạc",
            "Kim", "Ninh", "Đông", "Nam", "Bảo", "Di", "Đạ", "Lâm", "Tuy", "Hàm", "La", "Đinh");
    private static final List<String> SECOND_SYLLABLES = List.of(
            "Phú", "Thành", "Hòa", "Lợi", "Hưng", "Lộc", "Thuận", "An", "Bình", "Tân", "Sơn", "Thịnh",
            "Đông", "Tây", "Nam", "Bắc", "Trung", "Hiệp", "Phước", "Khánh", "Định", "Điền", "Xuân", "Hải",
            "Lâm", "Phong", "Ninh", "Linh", "Tiến", "Nghĩa", "Quý", "Long", "Mỹ", "Đạt", "Huoai", "Rông");

    private static final List<String> ACTIONS = List.of(
            "Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn", "Thu hồi", "Công nhận", "Thẩm định",
            "Phê duyệt", "Đăng ký", "Xác nhận", "Chấm dứt");
    private static final List<String> SCOPES = List.of("", " đối với tổ chức", " đối với cá nhân");

    /** The nouns each field's procedures are about, for composing the long tail of procedure names. */
    private static final Map<Field, List<String>> OBJECTS = objects();

    /** Processing times of the long tail, in working days (half days included), with their weights. */
    private static final double[] DAYS = {0.5, 1, 1.5, 2, 3, 4, 5, 7, 10, 12, 15, 20, 30};
    private static final double[] DAYS_WEIGHTS = {4, 10, 3, 8, 12, 5, 14, 12, 12, 3, 8, 4, 2};

    private ProvinceCatalogue() {
    }

    /** The province: 166 units and 2,225 procedures, identical on every call. */
    public static Province province() {
        SplittableRandom random = new SplittableRandom(CATALOGUE_SEED);
        List<UnitSpec> units = new ArrayList<>(localUnits(random));
        units.addAll(provincialUnits());
        return new Province(units, procedures(random));
    }

    // --- units ------------------------------------------------------------------------------

    private static List<UnitSpec> localUnits(SplittableRandom random) {
        Set<String> usedNames = new HashSet<>();
        List<UnitSpec> units = new ArrayList<>();
        for (int i = 1; i <= WARDS; i++) {
            units.add(local(random, usedNames, String.format("PH-%02d", i), "Phường", UnitKind.WARD, 2.2));
        }
        for (int i = 1; i <= COMMUNES; i++) {
            units.add(local(random, usedNames, String.format("XA-%03d", i), "Xã", UnitKind.COMMUNE, 1.0));
        }
        for (int i = 1; i <= SPECIAL_ZONES; i++) {
            units.add(local(random, usedNames, String.format("DK-%02d", i), "Đặc khu", UnitKind.SPECIAL_ZONE, 0.6));
        }
        return units;
    }

    private static UnitSpec local(SplittableRandom random, Set<String> usedNames, String code, String prefix,
                                  UnitKind kind, double volume) {
        String name;
        do {
            String first = FIRST_SYLLABLES.get(random.nextInt(FIRST_SYLLABLES.size()));
            String second = SECOND_SYLLABLES.get(random.nextInt(SECOND_SYLLABLES.size()));
            name = first.equals(second) ? "" : first + " " + second;
        } while (name.isEmpty() || !usedNames.add(name));
        // Desks differ: a few are much slower than the rest, which is what a ranking shows.
        double punctuality = Math.exp(0.7 * gaussian(random));
        return new UnitSpec(code, prefix + " " + name, kind, List.of(), volume * Math.exp(0.35 * gaussian(random)),
                            punctuality, digitalMaturity(code));
    }

    private static List<UnitSpec> provincialUnits() {
        List<UnitSpec> units = new ArrayList<>();
        department(units, 1, "Văn phòng Ủy ban nhân dân tỉnh");
        department(units, 2, "Sở Nội vụ", HOME_AFFAIRS, CULTURE_SOCIETY);
        department(units, 3, "Sở Tư pháp", JUSTICE_CIVIL_STATUS);
        department(units, 4, "Sở Tài chính", FINANCE_PLANNING);
        department(units, 5, "Sở Công Thương", INDUSTRY_TRADE);
        department(units, 6, "Sở Nông nghiệp và Môi trường", LAND_ADMINISTRATION, NATURAL_RESOURCES_ENVIRONMENT,
                   AGRICULTURE);
        department(units, 7, "Sở Xây dựng", CONSTRUCTION);
        department(units, 8, "Sở Khoa học và Công nghệ", INFORMATION_TECHNOLOGY);
        department(units, 9, "Sở Giáo dục và Đào tạo", EDUCATION);
        department(units, 10, "Sở Y tế", HEALTH);
        department(units, 11, "Sở Văn hóa, Thể thao và Du lịch", CULTURE_SOCIETY);
        department(units, 12, "Sở Dân tộc và Tôn giáo", CULTURE_SOCIETY);
        department(units, 13, "Sở Ngoại vụ");
        department(units, 14, "Thanh tra tỉnh");
        department(units, 15, "Ban Quản lý các khu công nghiệp tỉnh", FINANCE_PLANNING, CONSTRUCTION);

        center(units, 1, "Trung tâm Phục vụ hành chính công tỉnh", Arrays.stream(Field.values())
                .filter(field -> field.procedureCount() > 0).toArray(Field[]::new));
        center(units, 2, "Văn phòng Đăng ký đất đai tỉnh", LAND_ADMINISTRATION);
        center(units, 3, "Trung tâm Phát triển quỹ đất tỉnh", LAND_ADMINISTRATION);
        center(units, 4, "Trung tâm Quan trắc tài nguyên và môi trường", NATURAL_RESOURCES_ENVIRONMENT);
        center(units, 5, "Trung tâm Công nghệ thông tin và Truyền thông", INFORMATION_TECHNOLOGY);
        center(units, 6, "Trung tâm Chuyển đổi số tỉnh", INFORMATION_TECHNOLOGY);
        center(units, 7, "Trung tâm Trợ giúp pháp lý nhà nước", JUSTICE_CIVIL_STATUS);
        center(units, 8, "Trung tâm Dịch vụ đấu giá tài sản", JUSTICE_CIVIL_STATUS);
        center(units, 9, "Trung tâm Dịch vụ việc làm", HOME_AFFAIRS);
        center(units, 10, "Trung tâm Công tác xã hội", CULTURE_SOCIETY);
        center(units, 11, "Trung tâm Bảo trợ xã hội", CULTURE_SOCIETY);
        center(units, 12, "Trung tâm Kiểm soát bệnh tật", HEALTH);
        center(units, 13, "Trung tâm Giám định y khoa", HEALTH);
        center(units, 14, "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm", HEALTH);
        center(units, 15, "Trung tâm Khuyến nông", AGRICULTURE);
        center(units, 16, "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn", AGRICULTURE,
               NATURAL_RESOURCES_ENVIRONMENT);
        center(units, 17, "Trung tâm Giống cây trồng, vật nuôi và thủy sản", AGRICULTURE);
        center(units, 18, "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", FINANCE_PLANNING, INDUSTRY_TRADE);
        center(units, 19, "Trung tâm Hỗ trợ phát triển doanh nghiệp", FINANCE_PLANNING);
        center(units, 20, "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp", INDUSTRY_TRADE);
        center(units, 21, "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", INDUSTRY_TRADE);
        center(units, 22, "Trung tâm Đăng kiểm xe cơ giới", CONSTRUCTION);
        center(units, 23, "Trung tâm Quy hoạch và Kiểm định xây dựng", CONSTRUCTION);
        center(units, 24, "Trung tâm Văn hóa - Điện ảnh tỉnh", CULTURE_SOCIETY);
        center(units, 25, "Trung tâm Huấn luyện và Thi đấu thể thao", CULTURE_SOCIETY);
        center(units, 26, "Trung tâm Lưu trữ lịch sử tỉnh", HOME_AFFAIRS);
        center(units, 27, "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên tỉnh", EDUCATION);
        return units;
    }

    private static void department(List<UnitSpec> units, int number, String name, Field... fields) {
        String code = String.format("SO-%02d", number);
        units.add(new UnitSpec(code, name, UnitKind.DEPARTMENT, List.of(fields), 0, 1, digitalMaturity(code)));
    }

    private static void center(List<UnitSpec> units, int number, String name, Field... fields) {
        String code = String.format("TT-%02d", number);
        units.add(new UnitSpec(code, name, UnitKind.CENTER, List.of(fields), 0, 1, digitalMaturity(code)));
    }

    // --- procedures -------------------------------------------------------------------------

    /** The procedures most dossiers are filed under: real names and legal processing times. */
    private static List<Popular> popular() {
        return List.of(
                // commune level: what the one-stop desks receive day after day
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận", 4, true, true, 30),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Chứng thực chữ ký trong các giấy tờ, văn bản", 4, true, true, 6),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", 16, false, true, 6),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Đăng ký khai sinh", 8, true, false, 10),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Đăng ký khai tử", 8, true, false, 2),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Đăng ký kết hôn", 8, true, false, 3),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Cấp bản sao trích lục hộ tịch", 4, true, true, 5),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Cấp Giấy xác nhận tình trạng hôn nhân", 24, true, false, 5),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Đăng ký lại khai sinh", 40, true, false, 1),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Thay đổi, cải chính, bổ sung thông tin hộ tịch", 24, true, true, 1.5),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", 40, true, false, 3),
                new Popular(JUSTICE_CIVIL_STATUS, COMMUNE, "Liên thông các thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, hỗ trợ chi phí mai táng", 40, true, false, 1),
                new Popular(LAND_ADMINISTRATION, COMMUNE, "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế", 80, true, true, 8),
                new Popular(LAND_ADMINISTRATION, COMMUNE, "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu", 160, true, true, 3),
                new Popular(LAND_ADMINISTRATION, COMMUNE, "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", 56, true, true, 2),
                new Popular(LAND_ADMINISTRATION, COMMUNE, "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất", 80, true, true, 0.8),
                new Popular(LAND_ADMINISTRATION, COMMUNE, "Đăng ký, xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", 8, true, true, 4),
                new Popular(LAND_ADMINISTRATION, COMMUNE, "Tách thửa hoặc hợp thửa đất", 120, true, true, 1.5),
                new Popular(LAND_ADMINISTRATION, COMMUNE, "Chuyển mục đích sử dụng đất đối với hộ gia đình, cá nhân", 120, false, true, 1),
                new Popular(LAND_ADMINISTRATION, COMMUNE, "Đính chính Giấy chứng nhận đã cấp", 80, true, false, 0.5),
                new Popular(LAND_ADMINISTRATION, COMMUNE, "Hòa giải tranh chấp đất đai", 360, false, false, 0.3),
                new Popular(CULTURE_SOCIETY, COMMUNE, "Giải quyết hưởng trợ cấp xã hội hằng tháng", 120, true, false, 2),
                new Popular(CULTURE_SOCIETY, COMMUNE, "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", 24, true, false, 0.8),
                new Popular(CULTURE_SOCIETY, COMMUNE, "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", 120, false, false, 0.5),
                new Popular(CULTURE_SOCIETY, COMMUNE, "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", 160, true, false, 0.5),
                new Popular(CULTURE_SOCIETY, COMMUNE, "Thông báo tổ chức lễ hội", 40, true, false, 0.2),
                new Popular(FINANCE_PLANNING, COMMUNE, "Đăng ký thành lập hộ kinh doanh", 24, true, true, 4),
                new Popular(FINANCE_PLANNING, COMMUNE, "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", 24, true, true, 2),
                new Popular(FINANCE_PLANNING, COMMUNE, "Thông báo tạm ngừng, chấm dứt hoạt động hộ kinh doanh", 24, true, false, 1),
                new Popular(CONSTRUCTION, COMMUNE, "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", 120, true, true, 2.5),
                new Popular(CONSTRUCTION, COMMUNE, "Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ", 120, true, true, 0.4),
                new Popular(NATURAL_RESOURCES_ENVIRONMENT, COMMUNE, "Đăng ký môi trường", 80, true, false, 0.8),
                new Popular(AGRICULTURE, COMMUNE, "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh", 80, false, false, 0.4),
                new Popular(EDUCATION, COMMUNE, "Chuyển trường đối với học sinh trung học cơ sở", 24, true, false, 0.5),
                new Popular(INDUSTRY_TRADE, COMMUNE, "Cấp Giấy phép bán lẻ rượu", 80, true, true, 0.3),
                new Popular(INFORMATION_TECHNOLOGY, COMMUNE, "Cấp Giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng", 32, true, true, 0.1),
                new Popular(HOME_AFFAIRS, COMMUNE, "Thủ tục xét tặng danh hiệu Lao động tiên tiến", 80, false, false, 0.2),
                // provincial level: the province's public administrative service centre and departments
                new Popular(JUSTICE_CIVIL_STATUS, PROVINCE, "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", 80, true, true, 8),
                new Popular(CONSTRUCTION, PROVINCE, "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", 40, true, true, 8),
                new Popular(FINANCE_PLANNING, PROVINCE, "Đăng ký thành lập doanh nghiệp", 24, true, false, 6),
                new Popular(FINANCE_PLANNING, PROVINCE, "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", 24, true, false, 4),
                new Popular(HOME_AFFAIRS, PROVINCE, "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", 40, true, true, 2),
                new Popular(HEALTH, PROVINCE, "Cấp giấy phép hành nghề khám bệnh, chữa bệnh", 160, true, true, 1.5),
                new Popular(LAND_ADMINISTRATION, PROVINCE, "Đăng ký biến động đất đai đối với tổ chức", 80, true, true, 1.5),
                new Popular(EDUCATION, PROVINCE, "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc cấp bản chính", 8, true, true, 1.5),
                new Popular(NATURAL_RESOURCES_ENVIRONMENT, PROVINCE, "Cấp giấy phép môi trường", 240, true, true, 1),
                new Popular(HEALTH, PROVINCE, "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", 80, true, true, 1),
                new Popular(INDUSTRY_TRADE, PROVINCE, "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", 120, true, true, 0.5),
                new Popular(AGRICULTURE, PROVINCE, "Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn tỉnh", 8, true, true, 1),
                new Popular(CULTURE_SOCIETY, PROVINCE, "Cấp thẻ hướng dẫn viên du lịch nội địa", 80, true, true, 0.6),
                new Popular(INFORMATION_TECHNOLOGY, PROVINCE, "Cấp giấy phép xuất bản tài liệu không kinh doanh", 80, true, false, 0.4));
    }

    private record Popular(Field field, String level, String name, int processingHours, boolean online, boolean fee,
                           double popularity) {
    }

    private static List<ProcedureSpec> procedures(SplittableRandom random) {
        List<ProcedureSpec> procedures = new ArrayList<>();
        Codes codes = new Codes(random);
        Disclosures disclosures = new Disclosures(DISCLOSURE_SEED);
        Map<Field, Integer> popularPerField = new EnumMap<>(Field.class);
        for (Popular popular : popular()) {
            procedures.add(new ProcedureSpec(codes.next(popular.level()), popular.name(), popular.field(),
                                             popular.level(), popular.processingHours(), cutoff(random),
                                             popular.online(), popular.fee(), popular.popularity(),
                                             disclosures.next(popular.online())));
            popularPerField.merge(popular.field(), 1, Integer::sum);
        }
        for (Field field : Field.values()) {
            int remaining = field.procedureCount() - popularPerField.getOrDefault(field, 0);
            List<String> names = composedNames(field, remaining, random);
            for (int i = 0; i < names.size(); i++) {
                String level = random.nextDouble() < field.communeShare() ? COMMUNE : PROVINCE;
                // A long tail: a handful of dossiers for the first ones, almost none for the last.
                double popularity = 0.25 / (1 + i * 0.08);
                String code = codes.next(level);
                int processingHours = processingHours(random);
                LocalTime cutoff = cutoff(random);
                boolean online = random.nextDouble() < field.onlineShare();
                boolean fee = random.nextDouble() < field.feeShare();
                procedures.add(new ProcedureSpec(code, names.get(i), field, level, processingHours, cutoff, online, fee,
                                                 popularity, disclosures.next(online)));
            }
        }
        return procedures;
    }

    private static List<String> composedNames(Field field, int count, SplittableRandom random) {
        List<String> objects = OBJECTS.getOrDefault(field, List.of());
        List<String> combinations = new ArrayList<>();
        for (String scope : SCOPES) {
            for (String object : objects) {
                for (String action : ACTIONS) {
                    combinations.add(action + " " + object + scope);
                }
            }
        }
        if (combinations.size() < count) {
            throw new IllegalStateException(field + " has too few name combinations for " + count + " procedures");
        }
        // A seeded shuffle of the plain combinations first, then the scoped ones: plain names are the common ones.
        int plain = objects.size() * ACTIONS.size();
        shuffle(combinations.subList(0, plain), random);
        shuffle(combinations.subList(plain, combinations.size()), random);
        return new ArrayList<>(new LinkedHashSet<>(combinations)).subList(0, count);
    }

    private static void shuffle(List<String> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    private static int processingHours(SplittableRandom random) {
        return (int) Math.round(DAYS[weighted(random, DAYS_WEIGHTS)] * 8);
    }

    /** Most desks stop counting today's receipts at 15:00; some at 16:00 or at closing time. */
    private static LocalTime cutoff(SplittableRandom random) {
        double draw = random.nextDouble();
        return draw < 0.80 ? LocalTime.of(15, 0) : draw < 0.92 ? LocalTime.of(16, 0) : LocalTime.of(17, 0);
    }

    static int weighted(SplittableRandom random, double[] weights) {
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

    /**
     * A unit's digital maturity, drawn from its code apart from the rest of the catalogue: some desks scan
     * everything and take payments online, some still work on paper, which is what the index's ranking shows.
     */
    private static double digitalMaturity(String unitCode) {
        double draw = gaussian(new SplittableRandom(DISCLOSURE_SEED * 31 + unitCode.hashCode()));
        return Math.max(-2.5, Math.min(2.5, draw));
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** National-portal-like codes: 1.xxxxxx for provincial procedures, 2.xxxxxx for commune ones, unique. */
    private static final class Codes {
        private final SplittableRandom random;
        private final Map<String, Integer> last = new java.util.HashMap<>(Map.of(PROVINCE, 100, COMMUNE, 100));

        Codes(SplittableRandom random) {
            this.random = random;
        }

        String next(String level) {
            int number = last.merge(level, 1 + random.nextInt(40), Integer::sum);
            return (PROVINCE.equals(level) ? "1." : "2.") + String.format("%06d", number);
        }
    }

    private static Map<Field, List<String>> objects() {
        Map<Field, List<String>> objects = new EnumMap<>(Field.class);
        objects.put(LAND_ADMINISTRATION, List.of(
                "Giấy chứng nhận quyền sử dụng đất", "quyết định giao đất", "quyết định cho thuê đất",
                "hồ sơ địa chính", "hợp đồng thuê đất", "phương án sử dụng đất", "bản đồ địa chính thửa đất",
                "quyết định chuyển mục đích sử dụng đất", "quyết định thu hồi đất",
                "phương án bồi thường, hỗ trợ, tái định cư", "giá đất cụ thể", "quyền sử dụng đất của tổ chức",
                "quyền sở hữu tài sản gắn liền với đất", "đất nông nghiệp do hộ gia đình sử dụng", "hạn mức giao đất ở"));
        objects.put(NATURAL_RESOURCES_ENVIRONMENT, List.of(
                "giấy phép môi trường thành phần", "giấy phép khai thác nước mặt", "giấy phép khai thác nước dưới đất",
                "giấy phép xả nước thải vào nguồn nước", "giấy phép thăm dò khoáng sản",
                "giấy phép khai thác khoáng sản", "báo cáo đánh giá tác động môi trường",
                "kế hoạch bảo vệ môi trường", "phương án cải tạo, phục hồi môi trường",
                "giấy phép hành nghề khoan nước dưới đất", "đề án bảo vệ môi trường",
                "giấy phép hoạt động dự báo, cảnh báo khí tượng thủy văn", "giấy phép nhận chìm ở biển",
                "khu vực biển để khai thác, sử dụng tài nguyên", "kế hoạch ứng phó sự cố tràn dầu"));
        objects.put(JUSTICE_CIVIL_STATUS, List.of(
                "chứng chỉ hành nghề luật sư", "giấy đăng ký hoạt động của tổ chức hành nghề công chứng",
                "thẻ công chứng viên", "giấy đăng ký hoạt động của văn phòng luật sư",
                "giấy đăng ký hoạt động của văn phòng giám định tư pháp", "giấy đăng ký hoạt động của trung tâm trọng tài",
                "thẻ đấu giá viên", "giấy đăng ký hoạt động của doanh nghiệp đấu giá tài sản",
                "giấy đăng ký hành nghề quản lý, thanh lý tài sản", "thẻ tư vấn viên pháp luật",
                "giấy đăng ký hoạt động của trung tâm hòa giải thương mại", "hồ sơ xin nhập, trở lại quốc tịch Việt Nam",
                "trích lục hộ tịch có yếu tố nước ngoài", "việc nuôi con nuôi trong nước", "việc giám hộ",
                "hồ sơ lý lịch tư pháp"));
        objects.put(CULTURE_SOCIETY, List.of(
                "giấy phép tổ chức lễ hội", "giấy phép kinh doanh dịch vụ karaoke", "giấy phép kinh doanh dịch vụ vũ trường",
                "văn bản chấp thuận tổ chức biểu diễn nghệ thuật",
                "giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
                "giấy phép kinh doanh dịch vụ lữ hành nội địa", "thẻ hướng dẫn viên du lịch tại điểm",
                "hạng cơ sở lưu trú du lịch", "di tích cấp tỉnh", "giấy phép thành lập bảo tàng ngoài công lập",
                "trợ cấp xã hội hằng tháng", "chế độ ưu đãi người có công với cách mạng", "hỗ trợ chi phí mai táng",
                "cơ sở trợ giúp xã hội ngoài công lập", "hoạt động của thư viện", "danh hiệu gia đình văn hóa",
                "hoạt động tín ngưỡng", "sinh hoạt tôn giáo tập trung", "giấy phép triển lãm mỹ thuật",
                "giấy phép sao chép tác phẩm mỹ thuật", "hồ sơ liệt sĩ", "trợ cấp một lần đối với người có công",
                "chế độ bảo hiểm y tế cho đối tượng bảo trợ xã hội", "giấy phép nhập khẩu văn hóa phẩm",
                "kế hoạch tổ chức giải thi đấu thể thao", "hồ sơ khu, điểm du lịch", "biểu tượng di sản văn hóa phi vật thể"));
        objects.put(INFORMATION_TECHNOLOGY, List.of(
                "giấy phép hoạt động in", "giấy xác nhận đăng ký hoạt động cơ sở in", "giấy phép xuất bản bản tin",
                "giấy phép thiết lập trang thông tin điện tử tổng hợp",
                "giấy chứng nhận đăng ký cung cấp dịch vụ trò chơi điện tử G1",
                "giấy phép hoạt động kinh doanh nhập khẩu xuất bản phẩm", "giấy phép triển lãm, hội chợ xuất bản phẩm",
                "giấy phép thiết lập mạng viễn thông dùng riêng", "chứng thư chữ ký số chuyên dùng",
                "giấy phép tổ chức thông tin cổ động", "giấy phép hoạt động của đài truyền thanh cơ sở"));
        objects.put(FINANCE_PLANNING, List.of(
                "giấy chứng nhận đăng ký doanh nghiệp", "giấy chứng nhận đăng ký đầu tư", "quyết định chủ trương đầu tư",
                "giấy chứng nhận đăng ký hoạt động chi nhánh", "giấy chứng nhận đăng ký hợp tác xã",
                "phương án giá", "giấy chứng nhận đủ điều kiện kinh doanh xổ số",
                "hồ sơ quyết toán vốn đầu tư dự án hoàn thành", "mã số đơn vị có quan hệ với ngân sách",
                "dự án đầu tư theo phương thức đối tác công tư", "kế hoạch lựa chọn nhà thầu",
                "giấy chứng nhận đăng ký văn phòng đại diện", "phương án xử lý tài sản công",
                "khoản viện trợ không hoàn lại", "dự án đầu tư có sử dụng đất"));
        objects.put(AGRICULTURE, List.of(
                "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông lâm thủy sản", "giấy phép khai thác thủy sản",
                "giấy chứng nhận kiểm dịch thực vật", "giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật",
                "giấy chứng nhận đủ điều kiện sản xuất phân bón", "giấy phép vận chuyển thuốc thú y",
                "chứng chỉ hành nghề thú y", "phương án khai thác thực vật rừng", "hồ sơ nguồn gốc lâm sản",
                "giấy chứng nhận đăng ký tàu cá", "giấy phép nuôi trồng thủy sản trên biển",
                "mã số cơ sở nuôi động vật rừng", "chứng nhận sản phẩm OCOP", "phương án phòng chống thiên tai",
                "giấy phép hoạt động trong phạm vi bảo vệ công trình thủy lợi", "giấy chứng nhận an toàn dịch bệnh động vật",
                "mã số vùng trồng", "giống cây trồng lưu hành", "hồ sơ trồng rừng thay thế", "chứng nhận làng nghề"));
        objects.put(CONSTRUCTION, List.of(
                "giấy phép xây dựng công trình", "chứng chỉ hành nghề hoạt động xây dựng",
                "chứng chỉ năng lực hoạt động xây dựng", "báo cáo nghiên cứu khả thi đầu tư xây dựng",
                "thiết kế xây dựng triển khai sau thiết kế cơ sở", "giấy phép lái xe quốc tế",
                "giấy chứng nhận đăng ký phương tiện thủy nội địa", "giấy phép kinh doanh vận tải bằng xe ô tô",
                "phù hiệu xe kinh doanh vận tải", "giấy phép thi công công trình trên đường bộ",
                "quy hoạch chi tiết xây dựng", "chủ trương đầu tư dự án nhà ở xã hội",
                "giấy phép chặt hạ, dịch chuyển cây xanh đô thị", "bến thủy nội địa", "trạm dừng nghỉ đường bộ",
                "giấy phép đào tạo lái xe ô tô", "chứng chỉ hành nghề môi giới bất động sản"));
        objects.put(INDUSTRY_TRADE, List.of(
                "giấy phép bán buôn rượu", "giấy phép bán buôn sản phẩm thuốc lá",
                "giấy chứng nhận đủ điều kiện làm tổng đại lý kinh doanh xăng dầu", "giấy chứng nhận đủ điều kiện kinh doanh khí",
                "giấy phép hoạt động điện lực", "chương trình khuyến mại", "hội chợ, triển lãm thương mại",
                "giấy phép lập cơ sở bán lẻ của nhà đầu tư nước ngoài", "giấy phép sử dụng vật liệu nổ công nghiệp",
                "giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh",
                "giấy phép thành lập văn phòng đại diện của thương nhân nước ngoài",
                "giấy chứng nhận huấn luyện kỹ thuật an toàn hóa chất", "quyết định thành lập cụm công nghiệp",
                "hoạt động bán hàng đa cấp tại địa phương", "giấy xác nhận kiến thức an toàn thực phẩm",
                "giấy chứng nhận xuất xứ hàng hóa", "kế hoạch ứng phó sự cố hóa chất", "giấy phép kinh doanh sản phẩm rượu"));
        objects.put(EDUCATION, List.of(
                "giấy phép hoạt động giáo dục", "quyết định thành lập trường trung học phổ thông tư thục",
                "quyết định cho phép trường mầm non hoạt động", "giấy phép thành lập trung tâm ngoại ngữ, tin học",
                "hoạt động liên kết giáo dục", "văn bằng, chứng chỉ", "văn bằng tốt nghiệp trung học phổ thông",
                "giấy phép tổ chức dạy thêm, học thêm", "quyết định thành lập trung tâm giáo dục nghề nghiệp",
                "trường đạt chuẩn quốc gia", "học bổng chính sách", "hồ sơ chuyển trường trung học phổ thông",
                "giấy chứng nhận kiểm định chất lượng giáo dục", "trung tâm hỗ trợ phát triển giáo dục hòa nhập"));
        objects.put(HEALTH, List.of(
                "giấy phép hành nghề khám bệnh, chữa bệnh", "giấy phép hoạt động khám bệnh, chữa bệnh",
                "chứng chỉ hành nghề dược", "giấy chứng nhận đủ điều kiện kinh doanh dược",
                "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "bản công bố sản phẩm thực phẩm",
                "giấy xác nhận nội dung quảng cáo thực phẩm", "phiếu tiếp nhận công bố trang thiết bị y tế",
                "giấy phép hoạt động phòng khám đa khoa", "cơ sở dịch vụ thẩm mỹ", "danh mục kỹ thuật khám bệnh, chữa bệnh",
                "biên bản giám định y khoa", "cơ sở đủ điều kiện tiêm chủng", "phiếu công bố sản phẩm mỹ phẩm",
                "giấy chứng nhận lương y"));
        objects.put(HOME_AFFAIRS, List.of(
                "giấy phép lao động cho người nước ngoài", "quyết định thành lập hội", "điều lệ hội",
                "giấy phép thành lập quỹ xã hội, quỹ từ thiện", "danh hiệu thi đua", "hình thức khen thưởng",
                "kết quả tuyển dụng công chức", "hồ sơ nâng ngạch công chức", "giấy phép cho thuê lại lao động",
                "giấy phép hoạt động dịch vụ việc làm", "hợp đồng đưa người lao động đi làm việc ở nước ngoài",
                "trợ cấp thất nghiệp", "thỏa ước lao động tập thể", "thôn, tổ dân phố mới", "hồ sơ lưu trữ lịch sử"));
        return objects;
    }
}
