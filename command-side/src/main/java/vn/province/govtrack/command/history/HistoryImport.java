package vn.province.govtrack.command.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

import vn.province.govtrack.command.dossier.ReferenceDataView;
import vn.province.govtrack.command.history.Rejection.Reason;
import vn.province.govtrack.command.messaging.CallerMetaData;
import vn.province.govtrack.command.rejection.CommandRejectedException;
import vn.province.govtrack.command.rejection.ForbiddenCommandException;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.eventstore.MongoEventStorageEngine;
import vn.province.govtrack.eventstore.MongoEventStore;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Applicant;
import vn.province.govtrack.personaldata.PersonalData;

/**
 * Imports a history of dossier steps (docs/import.md) through the dossiers' own command handlers, as
 * if each record were the HTTP request its kind names, sent by its actor at its instant.
 *
 * <p><b>Batches.</b> The file is read in {@link ImportBatch}es of whole dossiers (about
 * {@code govtrack.history-import.batch-records} records). A batch runs in one unit of work: each record
 * is a command of its own, handled in a unit of work nested in the batch's, so a rejected command rolls
 * back alone and appends nothing, while the events of the accepted ones are staged in the batch's unit
 * of work and appended when it commits, as one commit of the event store. A batch is therefore imported
 * whole or not at all: a crash leaves every batch before it imported and nothing of it.
 *
 * <p><b>Idempotency.</b> Every event carries its record's id ({@link EventMetadata#IMPORT_RECORD}).
 * Before a batch runs, the streams of its dossiers are read together; a record whose id its dossier's
 * stream holds is already imported and not sent again, and so is a record before it that an earlier
 * import rejected ({@link Reason#REJECTED_EARLIER}). The rest is sent against the dossier as stored.
 * A batch's commit succeeds only if none of its dossiers changed since their streams were read (the
 * store's per-aggregate sequence keys): a batch that loses such a race, to the services or to another
 * import of the same file, is read and run again. So however often a file is imported, interrupted or
 * not, each record is recorded at most once, and a rerun after a crash ends with exactly what one
 * uninterrupted import gives.
 *
 * <p>Dossiers without stored events are declared new ({@link MongoEventStore#declareNewStreams}), so
 * their submission reads nothing; the reference data (units, holidays) is read once for the whole
 * import ({@link ReferenceDataView}), as it stands when first needed: it must be in place before.
 */
@Component
@EnableConfigurationProperties(HistoryImport.Settings.class)
class HistoryImport {

    private static final Logger log = LoggerFactory.getLogger(HistoryImport.class);

    /** A batch whose commit keeps failing (conflicts with concurrent writers, a database fault) stops the import. */
    private static final int ATTEMPTS_PER_BATCH = 5;

    private final HistoryLines lines;
    private final CommandGateway commands;
    private final MongoEventStorageEngine storageEngine;
    private final MongoEventStore eventStore;
    private final PersonalData personalData;
    private final IdGenerator ids;
    private final Settings settings;

    HistoryImport(HistoryLines lines, CommandGateway commands, MongoEventStorageEngine storageEngine,
                  MongoEventStore eventStore, PersonalData personalData, IdGenerator ids, Settings settings) {
        this.lines = lines;
        this.commands = commands;
        this.storageEngine = storageEngine;
        this.eventStore = eventStore;
        this.personalData = personalData;
        this.ids = ids;
        this.settings = settings;
    }

    /**
     * Imports {@code file}, telling {@code listener} what each batch did and every rejection as it
     * happens. Returns when the whole file is imported.
     *
     * @throws ImportFailedException when a batch cannot be committed (the batches before it are imported)
     */
    ImportReport run(Path file, ImportListener listener) {
        String correlationId = "import:" + ids.generateId();
        ReferenceDataView referenceData = new ReferenceDataView();
        ImportReport.Tally tally = new ImportReport.Tally(correlationId);
        BlockingQueue<Read> read = new ArrayBlockingQueue<>(2);
        Thread reader = new Thread(() -> readAhead(file, read), "history-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Read next = read.take();
                if (next instanceof Read.Failed failed) {
                    throw new ImportFailedException("cannot read " + file + " on", tally.report(), failed.cause());
                }
                if (next instanceof Read.End) {
                    return tally.report();
                }
                ImportBatch batch = ((Read.Batch) next).batch();
                importBatch(batch, correlationId, referenceData, tally, listener);
                tally.linesDone(batch.lastLine());
                listener.progressed(tally.report());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailedException("interrupted", tally.report(), e);
        } finally {
            reader.interrupt();
        }
    }

    /** Reads and checks the file's lines ahead of the batch that is being imported, on a thread of its own. */
    private void readAhead(Path file, BlockingQueue<Read> read) {
        try (BufferedReader input = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BatchReader batches = new BatchReader(input, lines, settings.batchRecords());
            for (ImportBatch batch = batches.next(); batch != null; batch = batches.next()) {
                read.put(new Read.Batch(batch));
            }
            read.put(new Read.End());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the importing thread waits for the next batch: it must learn that none will come
            read.offer(new Read.Failed(e));
        }
    }

    /** What the reader hands over: a batch, the end of the file, or why it could not go on. */
    private sealed interface Read {
        record Batch(ImportBatch batch) implements Read {
        }

        record End() implements Read {
        }

        record Failed(Exception cause) implements Read {
        }
    }

    /**
     * Imports one batch, trying it again (read afresh) when its commit fails, e.g. because a dossier of it
     * changed meanwhile; tells the tally what it did once it is committed.
     */
    private void importBatch(ImportBatch batch, String correlationId, ReferenceDataView referenceData,
                             ImportReport.Tally tally, ImportListener listener) {
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= ATTEMPTS_PER_BATCH; attempt++) {
            try {
                BatchOutcome outcome = attempt(batch, correlationId, referenceData);
                tally.batch(outcome.imported(), outcome.alreadyImported());
                outcome.rejected().forEach(rejection -> tally.rejected(rejection, listener));
                return;
            } catch (RuntimeException e) {
                lastFailure = e;
                log.info("Lines {}-{} were not imported (attempt {} of {}): {}", batch.firstLine(), batch.lastLine(),
                         attempt, ATTEMPTS_PER_BATCH, e.toString());
            }
        }
        throw new ImportFailedException("lines " + batch.firstLine() + "-" + batch.lastLine() + " could not be "
                                        + "imported after " + ATTEMPTS_PER_BATCH + " attempts; the lines before "
                                        + "them are imported, and importing the file again goes on from there",
                                        tally.report(), lastFailure);
    }

    /** One attempt at a batch: all of it is committed, or nothing (and it throws). */
    private BatchOutcome attempt(ImportBatch batch, String correlationId, ReferenceDataView referenceData) {
        Plan plan = plan(batch, storageEngine.readStreams(batch.recordsByDossier().keySet()));
        Map<Applicant, SealedApplicant> sealed = personalData.sealAll(plan.applicants());
        List<Rejection> rejected = new ArrayList<>(batch.unreadable());
        rejected.addAll(plan.rejected());
        int imported = 0;
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                new GenericMessage<>("history import, lines " + batch.firstLine() + "-" + batch.lastLine()));
        try {
            referenceData.useInCurrentUnitOfWork();
            eventStore.declareNewStreams(plan.newDossiers());
            for (HistoryRecord record : plan.toSend()) {
                Rejection rejection = send(record, sealed, correlationId);
                if (rejection == null) {
                    imported++;
                } else {
                    rejected.add(rejection);
                }
            }
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit(); // appends the batch's events as one commit; rolls back and throws if it cannot
        rejected.sort(Comparator.comparingLong(Rejection::line));
        return new BatchOutcome(imported, plan.alreadyImported(), rejected);
    }

    private record BatchOutcome(int imported, int alreadyImported, List<Rejection> rejected) {
    }

    /**
     * Sends one record's command inside the batch's unit of work: null when accepted, else why not. Only
     * the command side's refusals are rejections; any other failure fails the batch.
     */
    private Rejection send(HistoryRecord record, Map<Applicant, SealedApplicant> sealed, String correlationId) {
        Object command = record.request().toCommand(record.dossierId(), sealed::get);
        Map<String, Object> metadata = new HashMap<>(CallerMetaData.of(record.caller()));
        metadata.put(EventMetadata.CORRELATION_ID, correlationId);
        metadata.put(EventMetadata.IMPORT_RECORD, record.id());
        try {
            commands.sendAndWait(command, MetaData.from(metadata));
            return null;
        } catch (CommandRejectedException e) {
            return new Rejection(record.line(), record.id(), record.dossierId(), reasonOf(e), e.getMessage());
        } catch (AggregateNotFoundException e) {
            return new Rejection(record.line(), record.id(), record.dossierId(), Reason.NOT_FOUND,
                                 "nothing is recorded under '" + e.getAggregateIdentifier() + "'");
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // as the HTTP edge answers them: only input provokes these on the way to a decision
            return new Rejection(record.line(), record.id(), record.dossierId(), Reason.INVALID,
                                 "the record could not be processed as given (" + e.getMessage() + ")");
        }
    }

    private static Reason reasonOf(CommandRejectedException e) {
        if (e instanceof ForbiddenCommandException) {
            return Reason.FORBIDDEN;
        }
        if (e instanceof UnknownReferenceException) {
            return Reason.UNKNOWN_REFERENCE;
        }
        if (e instanceof RuleViolationException) {
            return Reason.RULE_VIOLATION;
        }
        return e instanceof InvalidCommandException ? Reason.INVALID : Reason.RULE_VIOLATION;
    }

    /**
     * What to do with each record of a batch, given what its dossiers' streams hold: records already
     * imported are skipped, and so are the ones an earlier import rejected before a record it imported;
     * a record id seen twice for one dossier is a duplicate; the rest is sent.
     */
    static Plan plan(ImportBatch batch, Map<String, List<DomainEventMessage<?>>> stored) {
        List<HistoryRecord> toSend = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Set<String> newDossiers = new HashSet<>();
        int alreadyImported = 0;
        for (Map.Entry<String, List<HistoryRecord>> dossier : batch.recordsByDossier().entrySet()) {
            List<DomainEventMessage<?>> events = stored.getOrDefault(dossier.getKey(), List.of());
            if (events.isEmpty()) {
                newDossiers.add(dossier.getKey());
            }
            Set<Object> recorded = new HashSet<>();
            events.forEach(event -> recorded.add(event.getMetaData().get(EventMetadata.IMPORT_RECORD)));
            List<HistoryRecord> records = new ArrayList<>();
            Map<String, Long> lineOfId = new HashMap<>();
            for (HistoryRecord record : dossier.getValue()) {
                Long earlier = lineOfId.putIfAbsent(record.id(), record.line());
                if (earlier == null) {
                    records.add(record);
                } else {
                    rejected.add(new Rejection(record.line(), record.id(), record.dossierId(), Reason.DUPLICATE,
                                               "dossier '" + record.dossierId() + "' has a record '" + record.id()
                                               + "' already, on line " + earlier));
                }
            }
            int lastRecorded = -1;
            for (int i = 0; i < records.size(); i++) {
                if (recorded.contains(records.get(i).id())) {
                    lastRecorded = i;
                }
            }
            for (int i = 0; i < records.size(); i++) {
                HistoryRecord record = records.get(i);
                if (recorded.contains(record.id())) {
                    alreadyImported++;
                } else if (i < lastRecorded) {
                    rejected.add(new Rejection(record.line(), record.id(), record.dossierId(), Reason.REJECTED_EARLIER,
                                               "an earlier import rejected this record and recorded the dossier's "
                                               + "later records; it is not tried again"));
                } else {
                    toSend.add(record);
                }
            }
        }
        return new Plan(toSend, rejected, newDossiers, alreadyImported);
    }

    /** What a batch will do: the records to send, in order, and what is settled without sending. */
    record Plan(List<HistoryRecord> toSend, List<Rejection> rejected, Set<String> newDossiers, int alreadyImported) {

        /** The applicants of the submissions to send, to be sealed together. */
        List<Applicant> applicants() {
            return toSend.stream().flatMap(record -> record.request().applicantInClear().stream()).toList();
        }
    }

    /**
     * {@code govtrack.history-import.*}: {@code batch-records}, about how many records a batch holds
     * (whole dossiers; each accepted record appends one event, and a batch is one commit of the store).
     */
    @ConfigurationProperties("govtrack.history-import")
    record Settings(@DefaultValue("1000") int batchRecords) {

        Settings {
            if (batchRecords < 1) {
                throw new IllegalArgumentException("govtrack.history-import.batch-records must be at least 1");
            }
        }
    }
}
