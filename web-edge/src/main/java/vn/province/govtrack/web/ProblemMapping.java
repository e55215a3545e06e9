package vn.province.govtrack.web;

import java.util.Optional;

/**
 * How a service answers exceptions it does not define as {@link ProblemException}s (its framework's,
 * its domain's rejections): a bean the shared problem advice asks, in bean order, before it falls back
 * to its own answers. The first mapping that knows a failure decides its problem.
 */
@FunctionalInterface
public interface ProblemMapping {

    /** The problem {@code failure} is answered with; empty when this mapping does not know it. */
    Optional<ProblemException> problemOf(Throwable failure);
}
