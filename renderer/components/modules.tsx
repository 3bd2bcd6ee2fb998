/**
 * The window's registry of modules: for every module in shared/modules.ts, what it lends the
 * screens that span modules (the left navigation and the routes, the dashboard, the audit history,
 * the settings page, and the hand-overs onto an earlier module's record page). Each module writes
 * its entry in renderer/features/<m>/module.tsx; renderer/app/modules.tsx lists them in a map typed
 * by the vocabulary, so a module added there but not here is a compile error, and provides the map
 * to every page through UiModulesProvider. Core pages and components read it with useUiModules()
 * and never import a feature. The host's twin is db/modules.ts.
 */
import type { MantineColor } from '@mantine/core';
import { createContext, useContext, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { MODULES, type MODULE_INFO, type ModuleName } from '../../shared/modules';

type Info = typeof MODULE_INFO;

/** The modules listed before M in shared/modules.ts: the ones whose records M may act on. */
export type EarlierThan<M extends ModuleName, L extends readonly ModuleName[] = typeof MODULES> = L extends readonly [
  infer H extends ModuleName,
  ...infer R extends readonly ModuleName[],
]
  ? H extends M
    ? never
    : H | EarlierThan<M, R>
  : never;

/**
 * The record a module's page shows, for the hand-overs other modules offer on it. A module whose
 * page takes hand-overs declares it in its module.tsx (declaration merging):
 * `declare module '../../components/modules' { interface ModuleRecords { disputes: Dispute } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the modules' own files, so that this core file names no module's types.
export interface ModuleRecords {}

/**
 * What a later module offers on an earlier module's record page (a dispute taken into mediation).
 * The page renders `Action` among its actions while it shows them, saying whether the record can
 * still be handed on (`open`), and `Status` beneath them (what the record was handed over to).
 */
export interface HandOver<R> {
  Action: ComponentType<{ record: R; open: boolean }>;
  Status: ComponentType<{ record: R }>;
}

export type HandOvers<M extends ModuleName> = { [E in EarlierThan<M> & keyof ModuleRecords]?: HandOver<ModuleRecords[E]> };

/** Words for a field's coded values: a map, or a function for a coded family (followup's levels). */
export type CodeWords = Readonly<Record<string, string>> | ((code: string) => string);

/** How a module's records read in the audit history (renderer/components/AuditHistory.tsx). */
export interface AuditView {
  /** The fields listed when they change, by their 中文 name (from the module's file in shared/). */
  fields: Readonly<Record<string, string>>;
  /** Fields whose values are codes, with their words. */
  values?: Readonly<Record<string, CodeWords>>;
  /** Codes met inside a nested value (a record, an agreement), in words. */
  codes?: Readonly<Record<string, string>>;
}

/** One page of a module, by its path below the module's route ('' is the ledger, ':id' one record). */
export interface UiRoute {
  path: string;
  element: ReactElement;
}

/** Whose due items the dashboard shows: one person's, one village's (null: any). */
export interface DueScope {
  staffId: string | null;
  villageId: string | null;
}

/** What the dashboard (首页 工作台) says of a module's due items, in the module's own words. */
export interface DueView {
  /**
   * The banner's line when n of its items are overdue: what being late means for its records and
   * what to do (a follow-up file not visited is 脱管、漏管; a dispute past its 办理期限 is 超期).
   */
  overdue: (n: number) => string;
  /** How its items come and go, said under its tab. */
  note?: string;
  /** What one of its records is counted as in the counts by module and person (人 of follow-up files, as its ledger says; 件 of cases). */
  unit: string;
  /**
   * Its ledger opened on the records with anything overdue, or anything due within 7 days, of one
   * person and one village (null: any), when the ledger has those filters
   * (renderer/components/linkedFilters.ts): exactly the records the dashboard counts there. Without
   * it the counts open the module's tab on the dashboard, which lists the items itself.
   */
  ledger?: (due: DueKind, scope: DueScope) => string;
}

/** The dashboard's two counts of a module: records with anything overdue, and with anything due within 7 days. */
export type DueKind = 'overdue' | 'dueSoon';

/** A tab a module adds to the settings page. */
export interface SettingsSection {
  key: string;
  label: string;
  element: ReactElement;
}

export interface UiModule<M extends ModuleName> {
  /** Its pages, below MODULE_INFO[m].route. */
  routes: readonly UiRoute[];
  /**
   * Where its entry (MODULE_INFO[m].nav, to MODULE_INFO[m].route) stands in the left navigation,
   * smaller first; 首页 stands before every module, 回收站 and 设置 after them.
   */
  navOrder: number;
  /** Its badge where due items of several modules are listed (the dashboard); null exactly when its records owe nothing by date. */
  color: Info[M]['due'] extends true ? MantineColor : null;
  /** Its words and ledger links on the dashboard; null exactly when its records owe nothing by date. */
  due: Info[M]['due'] extends true ? DueView : null;
  /** How its records read in the audit history. */
  audit: AuditView;
  /** Tabs it adds to the settings page (after the reference data's). */
  settings: readonly SettingsSection[];
  /** What it offers on the record pages of the modules before it. */
  handOvers: HandOvers<M>;
}

export type UiModules = { [M in ModuleName]: UiModule<M> };

const UiModulesContext = createContext<UiModules | null>(null);

export function UiModulesProvider({ modules, children }: { modules: UiModules; children: ReactNode }) {
  return <UiModulesContext.Provider value={modules}>{children}</UiModulesContext.Provider>;
}

export function useUiModules(): UiModules {
  const modules = useContext(UiModulesContext);
  if (!modules) throw new Error('useUiModules: no UiModulesProvider above this component (renderer/app/App.tsx provides it).');
  return modules;
}

/** What the later modules offer on one of `to`'s record pages, in the modules' order, each with the module that offers it. */
export function useHandOvers<E extends keyof ModuleRecords>(to: E): (HandOver<ModuleRecords[E]> & { from: ModuleName })[] {
  const modules = useUiModules();
  return MODULES.flatMap((m) => {
    const offered = (modules[m].handOvers as Partial<Record<E, HandOver<ModuleRecords[E]>>>)[to];
    return offered ? [{ ...offered, from: m }] : [];
  });
}

/**
 * The root of a module's query keys: every key of module m starts with its name, so that one
 * invalidation refreshes all it shows (used by writes that change what every module shows, such as
 * a person's name).
 */
export function moduleKey<M extends ModuleName>(m: M): readonly [M] {
  return [m] as const;
}
