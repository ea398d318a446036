/**
 * The names telaio gives its DBOS objects, shared by workers and clients so that a client in another
 * process enqueues exactly what a worker dequeues.
 */

/** The DBOS application name: scopes telaio's workflows, queues and schedules in the system database. */
export const DBOS_APPLICATION = 'telaio';

/** The queue every durable run is started through; each worker takes at most its concurrency from it. */
export const RUN_QUEUE = 'telaio-runs';

/** The DBOS workflow that executes one Arazzo run. */
export const RUN_WORKFLOW = 'telaioRun';

/** The DBOS workflow a schedule fires: it executes one Arazzo run per tick. */
export const SCHEDULED_WORKFLOW = 'telaioScheduledRun';

/**
 * The application version workers and clients agree on. DBOS otherwise derives it from a hash of the
 * registered workflows' source, which differs between the bundled CLI and the package; runs are
 * dequeued and recovered only by workers of the same version, so a version bump of this package that
 * changes the order of a run's effects is also where old runs stop being resumed by new workers.
 */
export const APPLICATION_VERSION = 'telaio-dbos-1';
