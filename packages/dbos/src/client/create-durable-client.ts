/**
 * The client side of durable runs, for any process that shares the workers' database and journal
 * key: submit a run (or a schedule), follow it, read its status, give it the value it waits for,
 * cancel it. Built on DBOS's `DBOSClient`, which needs no launched DBOS in this process.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { DBOSClient } from '@dbos-inc/dbos-sdk';
import { type JournalValue, type RunResult, TelaioError } from '@telaio/core';
import { type ResolvedValue, WAITING_EVENT } from '../host/create-dbos-host.js';
import { createJournalSerializer } from '../journal/create-journal-serializer.js';
import { readJournalKey } from '../journal/read-journal-key.js';
import { createQuietLogger } from '../shared/create-quiet-logger.js';
import {
  APPLICATION_VERSION,
  DBOS_APPLICATION,
  RUN_QUEUE,
  RUN_WORKFLOW,
  SCHEDULED_WORKFLOW,
} from '../shared/dbos-names.js';
import type { DbosConnection } from '../shared/launch-dbos.js';
import { loadDbos } from '../shared/load-dbos.js';
import { systemDatabaseUrl } from '../shared/system-database-url.js';
import type { DurableRunRequest } from '../worker/run-request.js';
import { foldWaitTimeouts, type RunStatus, runStateOf, stepRecordOf } from './run-status.js';

/** A schedule of `submit --schedule`: a run of the same request at every tick of a cron expression. */
export interface RunSchedule {
  readonly name: string;
  readonly cron: string;
  readonly status: string;
  readonly lastFiredAt?: string;
  /** Its runs so far, newest first. */
  readonly runIds: readonly string[];
}

/** The durable-run client. */
export interface DurableClient {
  /** Enqueue a run; resolves with its run id (`runId` when given: submitting it again is a no-op). */
  submit(request: DurableRunRequest, options?: { readonly runId?: string }): Promise<string>;
  /** Wait until the run ends and return its result (rejects when it errored or was cancelled). */
  wait(runId: string, options?: { readonly pollingIntervalMs?: number }): Promise<RunResult>;
  /**
   * Wait until every run ends; results in the order of `runIds` (rejects on the first run that
   * errored or was cancelled). One query per 500 runs per poll, however many runs are waited for.
   */
  waitAll(runIds: readonly string[], options?: { readonly pollingIntervalMs?: number }): Promise<RunResult[]>;
  /** The run's status, or undefined for an unknown run id. */
  status(runId: string): Promise<RunStatus | undefined>;
  /** Send run `runId` the value it waits (or will wait) for under `name`; throws for unknown or ended runs. */
  resolve(runId: string, name: string, value: JournalValue): Promise<void>;
  /** Cancel a run (it stops at its next step, sleep or wait); throws for unknown runs. */
  cancel(runId: string): Promise<void>;
  /** Run `request` at every tick of `cron` (5 or 6 fields, seconds first); resolves with the schedule's name. */
  schedule(request: DurableRunRequest, cron: string, options?: { readonly name?: string }): Promise<string>;
  /** A schedule and its runs, or undefined. */
  scheduleStatus(name: string): Promise<RunSchedule | undefined>;
  /** Delete a schedule (its runs so far are kept). */
  unschedule(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Connect a client (requires TELAIO_JOURNAL_KEY or `journalKey`). */
export async function createDurableClient(options: DbosConnection): Promise<DurableClient> {
  const key = options.journalKey ?? readJournalKey();
  const { DBOSClient: Client } = await loadDbos();
  const client: DBOSClient = await Client.create({
    systemDatabaseUrl: systemDatabaseUrl(options.databaseUrl),
    serializer: createJournalSerializer({ key }),
    applicationName: DBOS_APPLICATION,
    logger: createQuietLogger(options.log === undefined ? {} : { write: options.log }),
    systemDatabasePoolSize: 4,
  });
  const known = async (runId: string) => {
    const workflow = await client.getWorkflow(runId);
    if (workflow === undefined)
      throw new TelaioError('run-unknown', `no durable run ${runId} in this database`, {
        details: { runId },
      });
    return workflow;
  };
  return {
    async submit(request, submitOptions) {
      const runId = submitOptions?.runId ?? randomUUID();
      await client.enqueue(
        {
          queueName: RUN_QUEUE,
          workflowName: RUN_WORKFLOW,
          workflowID: runId,
          appVersion: APPLICATION_VERSION,
        },
        request,
      );
      return runId;
    },
    async wait(runId, waitOptions) {
      await known(runId);
      return (await client
        .retrieveWorkflow<RunResult>(runId)
        .getResult({ pollingIntervalMs: waitOptions?.pollingIntervalMs ?? 200 })) as RunResult;
    },
    async waitAll(runIds, waitOptions) {
      const results = new Map<string, RunResult>();
      let pending = [...new Set(runIds)];
      while (pending.length > 0) {
        for (let at = 0; at < pending.length; at += 500) {
          const ended = await client.listWorkflows({
            workflowIDs: pending.slice(at, at + 500),
            status: ['SUCCESS', 'ERROR', 'CANCELLED', 'MAX_RECOVERY_ATTEMPTS_EXCEEDED'],
            loadInput: false,
            loadOutput: true,
          });
          for (const w of ended) {
            if (w.status !== 'SUCCESS')
              throw new TelaioError(
                'run-finished',
                `run ${w.workflowID} ended ${runStateOf(w.status, undefined)}`,
                {
                  details: { runId: w.workflowID },
                },
              );
            results.set(w.workflowID, w.output as RunResult);
          }
        }
        pending = pending.filter((id) => !results.has(id));
        if (pending.length > 0) await delay(waitOptions?.pollingIntervalMs ?? 200);
      }
      return runIds.map((id) => results.get(id) as RunResult);
    },
    async status(runId) {
      const workflow = await client.getWorkflow(runId);
      if (workflow === undefined) return undefined;
      const result = workflow.status === 'SUCCESS' ? (workflow.output as RunResult | undefined) : undefined;
      const request = (workflow.input as unknown[] | undefined)?.at(-1) as DurableRunRequest | undefined;
      const waiting =
        workflow.status === 'PENDING'
          ? await client.getEvent<string | null>(runId, WAITING_EVENT, { timeoutSeconds: 0 })
          : null;
      const steps = foldWaitTimeouts(
        ((await client.listWorkflowSteps(runId)) ?? [])
          .filter((s) => s.name !== 'DBOS.setEvent' && s.name !== 'DBOS.getEvent')
          .map(stepRecordOf),
        typeof waiting === 'string',
      );
      const error = workflow.error as { message?: string } | undefined;
      return {
        runId,
        state: runStateOf(workflow.status, result),
        ...(request?.workflowId === undefined ? {} : { workflowId: request.workflowId }),
        ...(request?.document === undefined ? {} : { document: request.document }),
        ...(workflow.executorId === undefined ? {} : { executorId: workflow.executorId }),
        ...(workflow.scheduleName === undefined ? {} : { scheduleName: workflow.scheduleName }),
        createdAt: new Date(workflow.createdAt).toISOString(),
        ...(workflow.updatedAt === undefined
          ? {}
          : { updatedAt: new Date(workflow.updatedAt).toISOString() }),
        secretInputs: [
          ...Object.entries(request?.externalInputs ?? {})
            .filter(([, wait]) => wait.secret !== false)
            .map(([name]) => name),
          ...Object.entries(request?.inputFrom ?? {})
            .filter(([, spec]) => spec.startsWith('totp:'))
            .map(([name]) => name),
        ],
        ...(typeof waiting === 'string' ? { waitingFor: waiting } : {}),
        steps,
        ...(result === undefined ? {} : { result }),
        ...(error === undefined || error === null ? {} : { error: error.message ?? String(error) }),
      };
    },
    async resolve(runId, name, value) {
      const workflow = await known(runId);
      if (!['ENQUEUED', 'PENDING', 'DELAYED'].includes(workflow.status))
        throw new TelaioError(
          'run-finished',
          `run ${runId} is not waiting: it is ${runStateOf(workflow.status, undefined)}`,
          {
            details: { runId },
          },
        );
      const message: ResolvedValue = { value };
      await client.send(runId, message, name);
    },
    async cancel(runId) {
      await known(runId);
      await client.cancelWorkflow(runId);
    },
    async schedule(request, cron, scheduleOptions) {
      const name = scheduleOptions?.name ?? `telaio-schedule-${randomUUID()}`;
      await client.createSchedule({
        scheduleName: name,
        workflowName: SCHEDULED_WORKFLOW,
        schedule: cron,
        context: request,
        options: { queueName: RUN_QUEUE },
        applicationName: DBOS_APPLICATION,
      });
      return name;
    },
    async scheduleStatus(name) {
      const schedule = await client.getSchedule(name);
      if (schedule === null) return undefined;
      const runs = await client.listWorkflows({
        scheduleName: name,
        sortDesc: true,
        loadInput: false,
        loadOutput: false,
      });
      return {
        name,
        cron: schedule.schedule,
        status: schedule.status,
        ...(schedule.lastFiredAt === null ? {} : { lastFiredAt: schedule.lastFiredAt }),
        runIds: runs.map((r) => r.workflowID),
      };
    },
    async unschedule(name) {
      if ((await client.getSchedule(name)) === null)
        throw new TelaioError('schedule-unknown', `no schedule ${name} in this database`, {
          details: { name },
        });
      await client.deleteSchedule(name);
    },
    close: () => client.destroy(),
  };
}
