import type Database from 'better-sqlite3';
import type { Clock } from '../shared/dates';
import type { Role } from '../shared/domain/accounts';
import type { JobHandle } from './services/jobs';

/**
 * Who is acting: the logged-in account's staff member and its role (db/router.ts). A host without login
 * (scripts, the command line, most tests) acts as the operator the ledger remembers, with no role: such a
 * caller is trusted with everything.
 */
export interface Actor {
  id: string | null;
  name: string;
  role?: Role;
}

/**
 * Whether the actor may open every closed file (a minor's 社区矫正 file, a 留守儿童 file) besides their own:
 * an administrator. A host without login (no role) keeps each module's own rule.
 */
export function isAdmin(user: Actor): boolean {
  return user.role === 'admin';
}

/** What every service receives: the open file, the injected clock and the acting person. */
export interface ServiceContext {
  db: Database.Database;
  clock: Clock;
  user: Actor;
  /** Set for a long call its caller follows and may cancel (db/services/jobs.ts). */
  job?: JobHandle;
}

export const systemClock: Clock = {
  today() {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  },
  now() {
    return new Date().toISOString();
  },
};

/** A clock stuck at one date, for tests and the demo ledger. */
export function fixedClock(today: string, time = '08:00:00'): Clock {
  return { today: () => today, now: () => `${today}T${time}.000Z` };
}
