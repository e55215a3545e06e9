package vn.province.govtrack.personaldata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The sealing and the key store work without Spring; only the auto-configuration knows it. */
@AnalyzeClasses(packages = "vn.province.govtrack.personaldata", importOptions = ImportOption.DoNotIncludeTests.class)
class PersonalDataArchitectureTest {

    @ArchTest
    static final ArchRule the_core_uses_no_spring = noClasses()
            .that().resideOutsideOfPackage("vn.province.govtrack.personaldata.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule it_knows_neither_side = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("vn.province.govtrack.command..", "vn.province.govtrack.query..");
}
