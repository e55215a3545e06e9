package vn.province.govtrack.kernel.procedure;

import java.time.LocalTime;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish an administrative procedure with its legal processing time.
 *
 * @param processingHours legal processing time in working hours (8 = one working day; 4 = half a day)
 * @param cutoff          dossiers received after this local time count from the next working day
 */
public record PublishProcedureCommand(String code, String name, String field, String level,
                                      int processingHours, LocalTime cutoff, boolean online) {

    @TargetAggregateIdentifier
    public String streamId() {
        return ProcedureIds.streamOf(code);
    }
}
