package vn.province.govtrack.query.reference;

import java.util.List;

import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.query.projection.ProjectionQuery;
import vn.province.govtrack.query.web.Paging;
import vn.province.govtrack.query.web.QueryParameters;
import vn.province.govtrack.web.ProblemType;

/**
 * Units and procedures, as registered and published through the command side: the reference data
 * every API client needs, and what the {@code Location} of a unit or procedure command points at.
 * No personal data: every role may read it.
 */
@Tag(name = "reference data", description = "Units and published procedures")
@RestController
@RequestMapping("/api/v1")
class ReferenceDataController {

    private final ReferenceData referenceData;

    ReferenceDataController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @GetMapping("/units")
    @Operation(summary = "Units, by code, paged",
               description = "kind (COMMUNE, WARD, SPECIAL_ZONE, DEPARTMENT, CENTER) keeps units of that kind. "
                       + "Each unit has its staffing quotas in the order they were set and, once recorded, the "
                       + "first day it no longer exists (dissolvedOn).")
    @ProjectionQuery(ReferenceDataProjection.PROCESSING_GROUP)
    UnitList units(@RequestParam(required = false) UnitKind kind, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "100") int size) {
        Paging paging = Paging.of(page, size);
        Paging.Page<UnitReference> units = referenceData.units(kind, paging);
        return new UnitList(units.content(), paging.page(), paging.size(), (int) units.total(),
                            paging.next(units.total()));
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One unit: name, kind, quotas, dissolution")
    @ProjectionQuery(ReferenceDataProjection.PROCESSING_GROUP)
    UnitReference unit(@PathVariable String code) {
        return referenceData.registeredUnit(code)
                         .orElseThrow(() -> ProblemType.UNIT_NOT_FOUND.exception(
                                 "No unit '" + code + "' is registered"));
    }

    @GetMapping("/procedures")
    @Operation(summary = "Published procedures, by code, paged",
               description = "field, level, online and onlineLevel (FULL, PARTIAL, NONE) keep the procedures with "
                       + "that field, level, online offer or online level; processingHours is the legal processing "
                       + "time in working hours (8 = one working day); cutoff is the hour after which a dossier "
                       + "received counts from the next working day. onlineLevel and content are as the last update "
                       + "left them; contentComplete says whether all twelve elements of Decree 63/2010, Article 8, "
                       + "are disclosed; updates lists the announced updates in order, each onTime when announced on "
                       + "or before the day it took effect.")
    @ProjectionQuery(ReferenceDataProjection.PROCESSING_GROUP)
    ProcedureList procedures(@RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String field,
                             @RequestParam(required = false) @Pattern(regexp = QueryParameters.CODE) String level,
                             @RequestParam(required = false) Boolean online,
                             @RequestParam(required = false) OnlineLevel onlineLevel,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "100") int size) {
        Paging paging = Paging.of(page, size);
        Paging.Page<ProcedureReference> procedures = referenceData.procedures(field, level, online, onlineLevel,
                                                                              paging);
        return new ProcedureList(field, level, online, onlineLevel, procedures.content(), paging.page(), paging.size(),
                                 (int) procedures.total(), paging.next(procedures.total()));
    }

    @GetMapping("/procedures/{code}")
    @Operation(summary = "One published procedure, with its online level, dates, content and updates")
    @ProjectionQuery(ReferenceDataProjection.PROCESSING_GROUP)
    ProcedureReference procedure(@PathVariable String code) {
        return referenceData.procedure(code)
                         .orElseThrow(() -> ProblemType.PROCEDURE_NOT_FOUND.exception(
                                 "No procedure '" + code + "' is published"));
    }

    /** A page of units; {@code next} is the path and query of the next page, null on the last. */
    @Schema(example = """
            {"units": [{"code": "DK-01", "name": "Đặc khu Đông Tiến", "kind": "SPECIAL_ZONE",
            "quotas": [{"field": "LAND_ADMINISTRATION", "positions": 3, "effectiveDate": "2025-07-01",
            "decisionNo": "1623/QĐ-UBND"}]}], "page": 0, "size": 1, "total": 166,
            "next": "/api/v1/units?page=1&size=1"}""")
    record UnitList(List<UnitReference> units, int page, int size, int total, String next) {
    }

    /** A page of procedures with the filters applied; {@code next} as for units. */
    @Schema(example = """
            {"procedures": [{"code": "1.000108", "name": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
            "field": "JUSTICE_CIVIL_STATUS", "level": "PROVINCE", "processingHours": 80,
            "cutoff": "15:00:00", "online": true, "onlineLevel": "PARTIAL", "publishedOn": "2025-06-20",
            "effectiveFrom": "2025-07-01", "content": ["NAME", "STEPS", "FEES"], "contentComplete": false,
            "updates": []}], "onlineLevel": "PARTIAL", "page": 0, "size": 1, "total": 2225,
            "next": "/api/v1/procedures?onlineLevel=PARTIAL&page=1&size=1"}""")
    record ProcedureList(String field, String level, Boolean online, OnlineLevel onlineLevel,
                         List<ProcedureReference> procedures, int page, int size, int total, String next) {
    }
}
