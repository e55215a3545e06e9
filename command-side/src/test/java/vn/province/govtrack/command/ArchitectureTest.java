package vn.province.govtrack.command;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

@AnalyzeClasses(packages = "vn.province.govtrack.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theCommandSideDoesNotDependOnTheQuerySide = noClasses()
            .that().resideInAPackage("vn.province.govtrack.command..")
            .should().dependOnClassesThat().resideInAPackage("vn.province.govtrack.query..");

    @ArchTest
    static final ArchRule aggregatesKnowNeitherSpringNorHttpNorMongo = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "com.mongodb..", "org.bson..",
                    "vn.province.govtrack.command.web..", "vn.province.govtrack.eventstore..",
                    "vn.province.govtrack.security..", "vn.province.govtrack.web..");

    /** Personal data reaches the aggregates sealed only: the edge seals it before sending the command. */
    @ArchTest
    static final ArchRule aggregatesNeverSeeAnApplicantInClear = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("vn.province.govtrack.kernel.dossier.Applicant");

    /** WorkingCalendar and WorkingHours, with their nested types. */
    private static final String WORKING_TIME = "vn\\.province\\.govtrack\\.command\\.calendar\\.Working(Calendar|Hours)(\\$.*)?";

    @ArchTest
    static final ArchRule theWorkingCalendarIsPlainJava = classes()
            .that().haveNameMatching(WORKING_TIME)
            .should().onlyDependOnClassesThat(or(resideInAnyPackage("java..", "vn.province.govtrack.kernel.."),
                                                 nameMatching(WORKING_TIME)));
}
