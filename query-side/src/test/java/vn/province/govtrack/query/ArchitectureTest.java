package vn.province.govtrack.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "vn.province.govtrack", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_query_side_never_depends_on_the_command_side =
            noClasses().that().resideInAPackage("vn.province.govtrack.query..")
                       .should().dependOnClassesThat().resideInAPackage("vn.province.govtrack.command..");

    /** The audit replays history through the same fold; it may read nothing but its arguments. */
    @ArchTest
    static final ArchRule the_dossier_fold_is_pure =
            classes().that().haveSimpleName("DossierFold").or().haveSimpleName("DossierView")
                     .should().onlyDependOnClassesThat()
                     .resideInAnyPackage("java..", "vn.province.govtrack.kernel..",
                             "vn.province.govtrack.query.dossier..");
}
