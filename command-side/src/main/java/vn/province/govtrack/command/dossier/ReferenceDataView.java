package vn.province.govtrack.command.dossier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What the dossier decisions of a unit of work have read of the reference data (each registered unit,
 * each procedure, each year's holidays), so they read each once and decide against one view of the
 * province. By default
 * every unit of work has a view of its own: a command over HTTP decides against the reference data as
 * committed when it runs. A caller that runs many units of work as one job, the history import, keeps
 * one view for all of them ({@link #useInCurrentUnitOfWork}): the reference data is then read once for
 * the whole job, as it stood when first read, which is why an import requires it to be in place first.
 */
public final class ReferenceDataView {

    private static final String RESOURCE = ReferenceDataView.class.getName();

    private final Map<String, Object> read = new ConcurrentHashMap<>();

    /** Makes the current unit of work (its root) decide against this view. */
    public void useInCurrentUnitOfWork() {
        CurrentUnitOfWork.get().root().resources().put(RESOURCE, this);
    }

    /** The view of {@code unitOfWork}'s root, a new one unless one was put there. */
    static ReferenceDataView of(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(RESOURCE, key -> new ReferenceDataView());
    }

    /** What {@code what} was read as in this view, reading it with {@code read} the first time. */
    @SuppressWarnings("unchecked")
    <T> T readOnce(String what, Supplier<T> read) {
        return (T) this.read.computeIfAbsent(what, key -> read.get());
    }
}
