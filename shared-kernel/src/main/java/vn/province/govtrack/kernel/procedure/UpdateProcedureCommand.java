package vn.province.govtrack.kernel.procedure;

import java.time.LocalDate;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Announce a change of a published procedure: how far it is offered online, or what it discloses. A
 * changed processing time is a new procedure (a new code), as in the national procedure database.
 *
 * @param onlineLevel   the new online level; null leaves it as it is
 * @param content       the elements it discloses from now on; null leaves them as they are
 * @param updatedOn     the day the change was announced; null means today
 * @param effectiveFrom the day the change takes effect; null means the day it was announced
 */
public record UpdateProcedureCommand(String code, OnlineLevel onlineLevel, Set<ProcedureContent> content,
                                     LocalDate updatedOn, LocalDate effectiveFrom, String reason) {

    @TargetAggregateIdentifier
    public String streamId() {
        return ProcedureIds.streamOf(code);
    }
}
