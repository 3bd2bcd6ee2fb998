/**
 * The modules of the ledger, the one list of them. A module is one word in every layer
 * (shared/contract/<m>, shared/schemas/<m>, db/schema/<m>, db/services/<m>, renderer/features/<m>)
 * and the screens and services that span modules (the person page, the recycle bin, the audit
 * history, attachments, the to-do dashboard) read registries keyed by this list: add a module here
 * and the compiler points at every place it must fill in (CONTRIBUTING.md, "Adding a module").
 *
 * The order is the order of dependence: a module may call the services of those before it and read
 * their tables in its own queries; it never reads, writes or imports anything of those after it.
 * Hand-overs go forward (a dispute into mediation) as a call on the receiving module's service.
 *
 * Underneath every module sit the core services they all use: reference data and settings, the
 * audit trail, attachments, and the due-date engine (`obligations`, with its working-day calendar
 * `schedule`), which owns the to-do table and never reads a module's tables itself.
 */

export const MODULES = ['persons', 'followup', 'disputes', 'mediation', 'correction', 'assistance'] as const;
export type ModuleName = (typeof MODULES)[number];

export interface ModuleInfo {
  /** The module's name where modules are listed side by side (dashboard counts, recycle bin). */
  label: string;
  /** Its entry in the left navigation. */
  nav: string;
  /**
   * The word its records go by in stored data: audit rows (`entity`), the to-do table (`module`)
   * and stored links. Never changes once records exist.
   */
  entity: string;
  /** What one record is called (一份重点人员档案, 一件调解案件). */
  record: string;
  /** Where its ledger lives; one record is at `${route}/${id}`. */
  route: string;
  /** The owner type stored on its attachments, or null when its records take none. */
  attachmentOwner: string | null;
  /** Whether its records owe things by date (their items are on the to-do dashboard). */
  due: boolean;
}

export const MODULE_INFO = {
  persons: { label: '人员', nav: '人员库', entity: 'person', record: '人员', route: '/persons', attachmentOwner: null, due: false },
  followup: {
    label: '重点人员',
    nav: '重点人员',
    entity: 'followup',
    record: '重点人员档案',
    route: '/followup',
    attachmentOwner: 'followup_subject',
    due: true,
  },
  disputes: {
    label: '矛盾纠纷',
    nav: '矛盾纠纷登记',
    entity: 'dispute',
    record: '纠纷登记',
    route: '/disputes',
    attachmentOwner: null,
    due: true,
  },
  mediation: {
    label: '人民调解',
    nav: '人民调解',
    entity: 'mediation',
    record: '调解案件',
    route: '/mediation',
    attachmentOwner: 'mediation_case',
    due: true,
  },
  correction: {
    label: '社区矫正',
    nav: '社区矫正',
    entity: 'correction',
    record: '社区矫正档案',
    route: '/correction',
    attachmentOwner: 'correction_file',
    due: true,
  },
  assistance: {
    label: '安置帮教',
    nav: '安置帮教',
    entity: 'assistance',
    record: '安置帮教档案',
    route: '/assistance',
    attachmentOwner: 'assistance_file',
    due: true,
  },
} as const satisfies { [M in ModuleName]: ModuleInfo };

type Info = typeof MODULE_INFO;

/** The stored word of one module's records ('dispute' for disputes). */
export type EntityOf<M extends ModuleName> = Info[M]['entity'];
export type ModuleEntity = EntityOf<ModuleName>;

/** Modules whose records owe things by date, by their stored word (the to-do table's `module`). */
export type DueModule = { [M in ModuleName]: Info[M]['due'] extends true ? EntityOf<M> : never }[ModuleName];
export const DUE_MODULES = MODULES.filter((m) => MODULE_INFO[m].due).map((m) => MODULE_INFO[m].entity as DueModule);

/** What an attachment may belong to (stored on the attachment as its owner type). */
export type AttachmentOwner = NonNullable<{ [M in ModuleName]: Info[M]['attachmentOwner'] }[ModuleName]>;
export const ATTACHMENT_OWNERS = MODULES.flatMap((m) => {
  const owner = MODULE_INFO[m].attachmentOwner as AttachmentOwner | null;
  return owner ? [owner] : [];
}) as [AttachmentOwner, ...AttachmentOwner[]];

export function moduleOfEntity(entity: string): ModuleName | null {
  return MODULES.find((m) => MODULE_INFO[m].entity === entity) ?? null;
}

export function moduleOfAttachmentOwner(owner: AttachmentOwner): ModuleName {
  return MODULES.find((m) => MODULE_INFO[m].attachmentOwner === owner)!;
}

/** A module's label by the stored word of its records (the dashboard's items carry that word). */
export function labelOfEntity(entity: ModuleEntity): string {
  return MODULE_INFO[moduleOfEntity(entity)!].label;
}

/** Where one record of a module is shown. */
export function recordPath(module: ModuleName, id: string): string {
  return `${MODULE_INFO[module].route}/${id}`;
}

/**
 * Records the audit trail keeps besides the modules' own: reference data and settings, attachments,
 * and 'ledger' for exports (who took which ledger out of the program).
 */
export const CORE_ENTITIES = ['village', 'grid', 'staff', 'settings', 'dict', 'attachment', 'ledger', 'county', 'account'] as const;
export type AuditEntity = ModuleEntity | (typeof CORE_ENTITIES)[number];
/** Whose history a screen may ask for (attachments and exports appear within their record's history). */
export const HISTORY_ENTITIES: [AuditEntity, ...AuditEntity[]] = [
  'village',
  'grid',
  'staff',
  'settings',
  'dict',
  ...MODULES.map((m): AuditEntity => MODULE_INFO[m].entity),
];
