package vn.province.govtrack.query;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.containAnyMethodsThat;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import vn.province.govtrack.query.web.CsvReport;

@AnalyzeClasses(packages = "vn.province.govtrack", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_query_side_never_depends_on_the_command_side =
            noClasses().that().resideInAPackage("vn.province.govtrack.query..")
                       .should().dependOnClassesThat().resideInAPackage("vn.province.govtrack.command..");

    /**
     * Dead letters, and the failing of a batch on a database error, are registered per processing group
     * (projection/DeadLettering, ADR 0012). A handler class without {@link ProcessingGroup} would get a
     * group of its package's name and Axon's default error handling, which logs a failure and skips the
     * event: a read model silently missing events.
     */
    @ArchTest
    static final ArchRule every_event_handler_belongs_to_a_named_processing_group =
            classes().that().resideInAPackage("vn.province.govtrack.query..")
                     .and(containAnyMethodsThat(metaAnnotatedWith(EventHandler.class)))
                     .should().beAnnotatedWith(ProcessingGroup.class)
                     .because("its failures must reach the dead-letter queue of its projection, not be logged "
                              + "and skipped");

    /**
     * Jackson's annotations declare how a read-model record is mapped by name; they carry no behaviour,
     * so a record that has them stays a plain function of its inputs.
     */
    private static final String MAPPING_ANNOTATIONS = "com.fasterxml.jackson.annotation..";

    /** The event history replays a stream through the same fold; it may read nothing but its arguments. */
    @ArchTest
    static final ArchRule the_dossier_fold_is_pure =
            classes().that().haveSimpleName("DossierFold").or().haveSimpleName("DossierView")
                     .should().onlyDependOnClassesThat()
                     .resideInAnyPackage("java..", "vn.province.govtrack.kernel..",
                             "vn.province.govtrack.query.dossier..", MAPPING_ANNOTATIONS);

    /**
     * Facts, their fold, the index and its counting are plain functions of their inputs, so a report
     * is reproducible; only the Spring components around them touch storage and Axon, and the report
     * records the controller answers (declared {@link CsvReport}) carry the web's annotations.
     */
    @ArchTest
    static final ArchRule the_timeliness_counting_is_pure =
            classes().that().resideInAPackage("vn.province.govtrack.query.timeliness")
                     .and().areNotMetaAnnotatedWith(Component.class)
                     .and().areNotAnnotatedWith(CsvReport.class)
                     .should().onlyDependOnClassesThat()
                     .resideInAnyPackage("java..", "vn.province.govtrack.kernel..",
                             "vn.province.govtrack.query.timeliness..", MAPPING_ANNOTATIONS);

    /**
     * Controllers ask a read model a question (a port such as {@code PersonnelOnADay} or
     * {@code DossierLookup}); filters, collections and documents stay behind it.
     */
    @ArchTest
    static final ArchRule controllers_do_not_depend_on_the_mongo_driver =
            noClasses().that().areAnnotatedWith(RestController.class)
                       .or().haveSimpleNameEndingWith("Controller")
                       .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..");
}
