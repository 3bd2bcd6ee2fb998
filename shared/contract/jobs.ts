import { JobInput, type JobProgress } from '../schemas/jobs';
import { method } from './define';

export const jobsContract = {
  /** How far a long call named by its caller has got; null once it has ended (or never started). */
  'jobs.progress': method<JobProgress | null>()(JobInput),
  /** Asks a long call to stop; it ends with CANCELLED and leaves the ledger unchanged. False if it has already ended. */
  'jobs.cancel': method<boolean>()(JobInput),
};
