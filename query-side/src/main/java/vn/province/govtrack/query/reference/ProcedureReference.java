package vn.province.govtrack.query.reference;

import java.time.LocalTime;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A published procedure: its legal processing time in working hours (8 = one working day), the
 * hour after which a dossier received counts from the next working day, and whether it is offered
 * online.
 */
@Schema(example = """
        {"code": "1.000108", "name": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        "field": "JUSTICE_CIVIL_STATUS", "level": "PROVINCE", "processingHours": 80,
        "cutoff": "15:00:00", "online": true}""")
record ProcedureReference(String code, String name, String field, String level, int processingHours,
                          LocalTime cutoff, boolean online) {
}
