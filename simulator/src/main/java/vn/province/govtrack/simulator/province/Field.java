package vn.province.govtrack.simulator.province;

/**
 * The fields (lĩnh vực) procedures are published in and staff quotas are set for. The first seven
 * are the commune fields the domain names for staffing; the others hold mostly provincial
 * procedures. The figures are the simulated province's profile, not the API's.
 */
public enum Field {

    LAND_ADMINISTRATION("Đất đai", 120, 0.30, 0.70, 0.80, 1.6),
    NATURAL_RESOURCES_ENVIRONMENT("Tài nguyên và môi trường", 150, 0.10, 0.55, 0.40, 1.4),
    JUSTICE_CIVIL_STATUS("Tư pháp - Hộ tịch", 170, 0.45, 0.90, 0.50, 0.6),
    CULTURE_SOCIETY("Văn hóa - Xã hội", 330, 0.12, 0.75, 0.20, 1.0),
    INFORMATION_TECHNOLOGY("Công nghệ thông tin", 90, 0.05, 0.85, 0.30, 0.8),
    FINANCE_PLANNING("Tài chính - Kế hoạch", 260, 0.06, 0.85, 0.50, 0.7),
    /** A staff field only: the one-stop desk receives every field's dossiers; no procedure belongs to it. */
    ONE_STOP_DESK("Bộ phận Một cửa", 0, 0, 0, 0, 1.0),
    AGRICULTURE("Nông nghiệp", 250, 0.06, 0.60, 0.40, 1.1),
    CONSTRUCTION("Xây dựng - Giao thông", 200, 0.06, 0.70, 0.60, 1.3),
    INDUSTRY_TRADE("Công Thương", 200, 0.05, 0.80, 0.50, 0.9),
    EDUCATION("Giáo dục và Đào tạo", 160, 0.06, 0.70, 0.10, 0.8),
    HEALTH("Y tế", 200, 0.03, 0.60, 0.60, 1.0),
    HOME_AFFAIRS("Nội vụ - Lao động", 95, 0.08, 0.70, 0.10, 0.9);

    private final String label;
    private final int procedureCount;
    private final double communeShare;
    private final double onlineShare;
    private final double feeShare;
    private final double lateness;

    /**
     * @param procedureCount how many of the province's ~2,225 procedures belong to the field
     * @param communeShare   share of them handled at commune level (the rest at provincial level)
     * @param onlineShare    share offered online
     * @param feeShare       share that charge a fee or financial obligation
     * @param lateness       how much more often than average its dossiers end late
     */
    Field(String label, int procedureCount, double communeShare, double onlineShare, double feeShare,
          double lateness) {
        this.label = label;
        this.procedureCount = procedureCount;
        this.communeShare = communeShare;
        this.onlineShare = onlineShare;
        this.feeShare = feeShare;
        this.lateness = lateness;
    }

    /** The Vietnamese name. */
    public String label() {
        return label;
    }

    int procedureCount() {
        return procedureCount;
    }

    double communeShare() {
        return communeShare;
    }

    double onlineShare() {
        return onlineShare;
    }

    double feeShare() {
        return feeShare;
    }

    /** How much more often than average this field's dossiers end late (1 = average). */
    public double lateness() {
        return lateness;
    }

    /** The fields the domain names for commune staffing (quotas of the personnel audit). */
    public boolean communeStaffField() {
        return ordinal() <= ONE_STOP_DESK.ordinal();
    }
}
