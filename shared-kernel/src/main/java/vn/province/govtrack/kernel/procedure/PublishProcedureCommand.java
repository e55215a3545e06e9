package vn.province.govtrack.kernel.procedure;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish an administrative procedure with its legal processing time.
 *
 * @param processingHours legal processing time in working hours (8 = one working day; 4 = half a day)
 * @param cutoff          dossiers received after this local time count from the next working day
 * @param onlineLevel     how far it is offered online
 * @param publishedOn     the day it was published; null means today
 * @param effectiveFrom   the day its legal basis takes effect; null means the day it was published
 * @param content         the elements it discloses
 */
public record PublishProcedureCommand(String code, String name, String field, String level,
                                      int processingHours, LocalTime cutoff, OnlineLevel onlineLevel,
                                      LocalDate publishedOn, LocalDate effectiveFrom, Set<ProcedureContent> content) {

    @TargetAggregateIdentifier
    public String streamId() {
        return ProcedureIds.streamOf(code);
    }
}
