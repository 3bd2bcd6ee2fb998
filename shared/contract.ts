/**
 * The one list of every method the UI may call. Both transports (Electron IPC, loopback HTTP)
 * carry `(method, input)`; the host validates `input` with the schema listed here and the
 * handler table in db/router.ts is typed from it, so a missing handler is a compile error.
 */
import type { z } from 'zod';
import { accountsContract } from './contract/accounts';
import { assistanceContract } from './contract/assistance';
import { attachmentsContract } from './contract/attachments';
import { backupsContract } from './contract/backups';
import { auditContract } from './contract/audit';
import { countyContract } from './contract/county';
import { correctionContract } from './contract/correction';
import { correctionSupervisionContract } from './contract/correction-supervision';
import { disputesContract } from './contract/disputes';
import { followupContract } from './contract/followup';
import { importContract } from './contract/import';
import { mediationContract } from './contract/mediation';
import { obligationsContract } from './contract/obligations';
import { personsContract } from './contract/persons';
import { recycleContract } from './contract/recycle';
import { referenceContract } from './contract/reference';
import { scheduleContract } from './contract/schedule';
import { jobsContract } from './contract/jobs';
import type { MethodDef } from './contract/define';
import type { ModuleName } from './modules';

export const contract = {
  ...referenceContract,
  ...accountsContract,
  ...auditContract,
  ...obligationsContract,
  ...scheduleContract,
  ...recycleContract,
  ...backupsContract,
  ...jobsContract,
  ...countyContract,
  ...personsContract,
  ...disputesContract,
  ...mediationContract,
  ...attachmentsContract,
  ...followupContract,
  ...correctionContract,
  ...correctionSupervisionContract,
  ...assistanceContract,
  ...importContract,
} as const;

export type Contract = typeof contract;

/** The part before the dot: 'disputes' of 'disputes.create'. A module's methods carry its word. */
type Prefix<M extends string> = M extends `${infer P}.${string}` ? P : never;
type ModulesWithoutMethods = Exclude<ModuleName, Prefix<keyof typeof contract>>;
/**
 * Compile-time check: every module of shared/modules.ts has its contract spread in above (a new
 * module whose contract is not yet listed fails here, naming the module).
 */
export const EVERY_MODULE_IN_CONTRACT: [ModulesWithoutMethods] extends [never] ? true : { missing: ModulesWithoutMethods } = true;
export type Method = keyof Contract;
/** What a caller sends (before the schema's defaults and transforms). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
