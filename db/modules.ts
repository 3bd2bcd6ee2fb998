/**
 * The host's registry of modules: for every module in shared/modules.ts, what it lends the services
 * that span modules. Each entry is filled in the module's own service files; this file only lists
 * them, and its type makes a module that is added to the vocabulary but not here (or that owes things
 * by date but registers no source) a compile error. The router, the daily rebuild's worker thread and
 * the scripts read these registries; services of one module never import this file.
 */
import { type MODULE_INFO, MODULES, type DueModule, type EntityOf, type ModuleName } from '../shared/modules';
import { disputeDueSource } from './services/disputes';
import { followupDueSource } from './services/followup';
import { mediationDueSource } from './services/mediation';
import type { DueSource, DueSources } from './services/obligations';

type Info = typeof MODULE_INFO;

export interface HostModule<M extends ModuleName> {
  /** How its records feed the to-do table; null exactly when its records owe nothing by date. */
  due: Info[M]['due'] extends true ? DueSource<EntityOf<M> & DueModule> : null;
}

export const hostModules: { [M in ModuleName]: HostModule<M> } = {
  persons: { due: null },
  followup: { due: followupDueSource },
  disputes: { due: disputeDueSource },
  mediation: { due: mediationDueSource },
};

/** Every registered source of due items, in the modules' order. */
export const dueSources: DueSources = MODULES.flatMap((m): DueSource[] => {
  const due: DueSource | null = hostModules[m].due;
  return due ? [due] : [];
});
