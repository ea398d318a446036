/**
 * @telaio/dbos: durable Arazzo runs on DBOS Transact and PostgreSQL. One run is one DBOS workflow;
 * its requests are checkpointed steps, its waits durable sleeps and `recv`s; runs are started
 * through a queue that a fleet of workers shares. Everything DBOS stores for telaio is encrypted
 * with the key in `TELAIO_JOURNAL_KEY`.
 */
export {
  createJournalSerializer,
  JOURNAL_SERIALIZER_NAME,
} from './journal/create-journal-serializer.js';
export { JOURNAL_KEY_VARIABLE, readJournalKey } from './journal/read-journal-key.js';
