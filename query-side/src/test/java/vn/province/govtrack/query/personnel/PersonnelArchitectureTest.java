package vn.province.govtrack.query.personnel;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "vn.province.govtrack.query", importOptions = ImportOption.DoNotIncludeTests.class)
class PersonnelArchitectureTest {

    /** The staff fold and its record, the staffing review arithmetic and the rebalancing rule, with their nested types. */
    private static final String PURE = "vn\\.province\\.govtrack\\.query\\."
            + "(staff\\.(StaffFold|StaffRecord|Recorded|MovementKind|StaffStatus)"
            + "|personnel\\.(StaffingReview|Headcount|Rebalancing|StaffingRow|FieldTotal|StaffingState|QuotaRecord|UnitRecord))"
            + "(\\$.*)?";
    /** Arrays of those types, such as an enum's {@code values()}. */
    private static final String ARRAY_OF_PURE = "\\[L" + PURE + ";";

    /**
     * The staff view, the personnel reports and any replay read staff events through one fold, and the
     * reports compute over what it gives: all of it reads nothing but its arguments.
     */
    @ArchTest
    static final ArchRule the_staff_fold_and_the_personnel_calculations_are_pure =
            classes().that().haveNameMatching(PURE)
                     .should().onlyDependOnClassesThat(or(resideInAnyPackage("java..", "vn.province.govtrack.kernel.."),
                                                          nameMatching(PURE), nameMatching(ARRAY_OF_PURE)));
}
