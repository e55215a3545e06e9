package vn.province.govtrack.query.reference;

import java.util.Optional;

import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.query.web.Paging;

/** What the reference data queries ask of the reference read model; the storage stays behind it. */
interface ReferenceData {

    /** A page of the units, of {@code kind} only when given, ordered by code. */
    Paging.Page<UnitReference> units(UnitKind kind, Paging paging);

    /** The unit, once its registration is recorded. */
    Optional<UnitReference> registeredUnit(String code);

    /**
     * A page of the published procedures with the given field, level, online offer and online level (each
     * when given), by code.
     */
    Paging.Page<ProcedureReference> procedures(String field, String level, Boolean online, OnlineLevel onlineLevel,
                                               Paging paging);

    Optional<ProcedureReference> procedure(String code);
}
