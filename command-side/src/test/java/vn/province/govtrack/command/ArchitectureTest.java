package vn.province.govtrack.command;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandHandler;
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
                    "vn.province.govtrack.security..");

    /** Personal data reaches the aggregates sealed only: the edge seals it before sending the command. */
    @ArchTest
    static final ArchRule aggregatesNeverSeeAnApplicantInClear = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("vn.province.govtrack.kernel.dossier.Applicant");

    /**
     * Handlers answer the record of their decision (docs/adr/0009-command-results.md): the kernel event that
     * records it (a list of them for a command that may record several), or the dossier's state.
     */
    @ArchTest
    static final ArchRule commandHandlersAnswerTheRecordOfTheirDecision = methods()
            .that().areAnnotatedWith(CommandHandler.class)
            .should().haveRawReturnType(DescribedPredicate.describe(
                    "a kernel event, a list of them, or the dossier's state",
                    type -> type.isAssignableTo(List.class)
                            || type.getName().equals("vn.province.govtrack.command.dossier.DossierState")
                            || type.getPackageName().startsWith("vn.province.govtrack.kernel")
                               && type.getSimpleName().endsWith("Event")));

    /** WorkingCalendar and WorkingHours, with their nested types. */
    private static final String WORKING_TIME = "vn\\.province\\.govtrack\\.command\\.calendar\\.Working(Calendar|Hours)(\\$.*)?";

    @ArchTest
    static final ArchRule theWorkingCalendarIsPlainJava = classes()
            .that().haveNameMatching(WORKING_TIME)
            .should().onlyDependOnClassesThat(or(resideInAnyPackage("java..", "vn.province.govtrack.kernel.."),
                                                 nameMatching(WORKING_TIME)));
}
