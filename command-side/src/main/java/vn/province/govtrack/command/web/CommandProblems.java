package vn.province.govtrack.command.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.stereotype.Component;

import vn.province.govtrack.command.rejection.ForbiddenCommandException;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.web.ProblemException;
import vn.province.govtrack.web.ProblemMapping;
import vn.province.govtrack.web.ProblemType;

/**
 * The problems of refused commands: the handlers' rejections (which know nothing of HTTP) and Axon's
 * answers for unknown aggregates and lost races, in the shared vocabulary.
 */
@Component
public class CommandProblems implements ProblemMapping {

    /** Each refusal and its type; the first whose exception class the failure is an instance of decides. */
    private static final List<Map.Entry<Class<? extends Throwable>, ProblemType>> TYPES = List.of(
            Map.entry(InvalidCommandException.class, ProblemType.INVALID_INPUT),
            Map.entry(UnknownReferenceException.class, ProblemType.UNKNOWN_REFERENCE),
            Map.entry(AggregateNotFoundException.class, ProblemType.NOT_FOUND),
            Map.entry(ForbiddenCommandException.class, ProblemType.FORBIDDEN),
            Map.entry(RuleViolationException.class, ProblemType.RULE_VIOLATION),
            // another command changed the same aggregate first; nothing of this one was appended
            Map.entry(ConcurrencyException.class, ProblemType.CONCURRENT_CHANGE),
            Map.entry(ConflictingModificationException.class, ProblemType.CONCURRENT_CHANGE),
            Map.entry(AggregateStreamCreationException.class, ProblemType.CONCURRENT_CHANGE));

    @Override
    public Optional<ProblemException> problemOf(Throwable failure) {
        return TYPES.stream().filter(entry -> entry.getKey().isInstance(failure)).findFirst()
                    .map(entry -> entry.getValue().exception(detailOf(failure, entry.getValue())));
    }

    private static String detailOf(Throwable failure, ProblemType type) {
        if (failure instanceof AggregateNotFoundException unknown) {
            return "nothing is recorded under '" + unknown.getAggregateIdentifier() + "'";
        }
        return type == ProblemType.CONCURRENT_CHANGE
                ? "another command changed the same resource at the same time; nothing was recorded, retry"
                : failure.getMessage();
    }
}
