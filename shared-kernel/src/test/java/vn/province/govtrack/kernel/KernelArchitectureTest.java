package vn.province.govtrack.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The published language stays free of frameworks and persistence: both sides can depend on it. */
@AnalyzeClasses(packages = "vn.province.govtrack.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    @ArchTest
    static final ArchRule the_kernel_uses_no_spring =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_kernel_uses_no_mongodb =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule the_kernel_knows_neither_side_nor_the_store =
            noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "vn.province.govtrack.command..", "vn.province.govtrack.query..", "vn.province.govtrack.eventstore..");
}
