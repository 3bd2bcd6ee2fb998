/**
 * The host's registry of modules: for every module in shared/modules.ts, what it lends the services
 * that span modules (the to-do engine, the person page, the recycle bin, attachments). Each entry is
 * written in the module's own service files; this file only lists them, and its type turns a module
 * that is added to the vocabulary but not here, or that leaves out a part its vocabulary entry
 * promises (a source of due items, an attachment owner), into a compile error. The router, the
 * daily rebuild's worker thread and the scripts read these registries; the services of one module
 * never import this file.
 */
import { MODULE_INFO, MODULES, type AttachmentOwner, type DueModule, type EntityOf, type ModuleName } from '../shared/modules';
import { CORRECTION_COLUMN_KEYS } from '../shared/schemas/correction';
import { DISPUTE_COLUMN_KEYS } from '../shared/schemas/disputes';
import { FOLLOWUP_COLUMN_KEYS } from '../shared/schemas/followup';
import { MEDIATION_COLUMN_KEYS } from '../shared/schemas/mediation';
import { PERSON_COLUMN_KEYS } from '../shared/schemas/persons';
import { ASSISTANCE_COLUMN_KEYS } from '../shared/schemas/assistance';
import { assistanceDueSource, assistanceOwner, assistancePersonFiles, assistanceRecycle, assistanceStaffWork } from './services/assistance';
import { correctionDueSource, correctionOwner, correctionPersonFiles, correctionRecycle, correctionStaffWork } from './services/correction';
import { attachmentsRecycle, type AttachmentOwnerLookup, type AttachmentOwners } from './services/attachments';
import { disputePartyRenamed, disputePersonFiles, disputeDueSource, disputesRecycle, disputesStaffWork } from './services/disputes';
import { followupDueSource, followupOwner, followupPersonFiles, followupRecycle, followupStaffWork } from './services/followup';
import { mediationDueSource, mediationOwner, mediationPersonFiles, mediationRecycle } from './services/mediation';
import { disputesLedgerExport, disputesReportPart } from './services/disputes-export';
import type { LedgerExport, ReportPart } from './services/exports';
import { followupLedgerExport, followupReportPart } from './services/followup-export';
import { assistanceLedgerExport, assistanceReportPart } from './services/assistance-export';
import { correctionLedgerExport, correctionReportPart } from './services/correction-export';
import { mediationLedgerExport, mediationReportPart } from './services/mediation-export';
import { personsReportPart } from './services/persons-export';
import type { DueSource, DueSources } from './services/obligations';
import { personsRecycle, type PersonFiles, type PersonRenamed } from './services/persons';
import type { RecycleSource, RecycleSources } from './services/recycle';
import type { StaffWork } from './services/reference';
import type { Importer, Importers } from './services/imports';
import { personsImporter } from './services/persons-import';
import { disputesImporter } from './services/disputes-import';
import { followupImporter } from './services/followup-import';
import { mediationImporter } from './services/mediation-import';
import { assistanceImporter } from './services/assistance-import';
import { correctionImporter } from './services/correction-import';
import { assistanceCorrectionOpened } from './services/assistance-correction';

type Info = typeof MODULE_INFO;

export interface HostModule<M extends ModuleName> {
  /** How its records feed the to-do table; null exactly when its records owe nothing by date. */
  due: Info[M]['due'] extends true ? DueSource<EntityOf<M> & DueModule> : null;
  /** Its records of one person, for the person page (null for the registry itself). */
  personFiles: PersonFiles | null;
  /** What it does when a person is renamed (keeps its copies of the name in step); null when it keeps none. */
  personRenamed: PersonRenamed | null;
  /** Its section of the recycle bin. */
  recycle: RecycleSource;
  /** Its whole ledger as a file (for `ledger export`); null when it keeps no ledger of its own. */
  ledgerExport: LedgerExport | null;
  /** What it puts in a report package (上报包) for a period: its ledger and its statistics' figures. */
  report: ReportPart;
  /** The open records it puts in a colleague's charge, to hand over when they leave; null when it keeps none. */
  staffWork: StaffWork | null;
  /** The columns its list can show (列设置; shared/schemas/<m>.ts), against which an operator's choice is checked. */
  ledgerColumns: readonly [string, ...string[]];
  /** How an old spreadsheet of its records is read in (导入旧台账); null while it has none. */
  importer: Importer | null;
  /** What names one of its records as an attachment's owner; null exactly when its records take no attachments. */
  attachmentOwner: Info[M]['attachmentOwner'] extends string ? AttachmentOwnerLookup : null;
}

export const hostModules: { [M in ModuleName]: HostModule<M> } = {
  persons: {
    report: personsReportPart,
    due: null,
    personFiles: null,
    personRenamed: null,
    recycle: personsRecycle,
    ledgerExport: null,
    staffWork: null,
    ledgerColumns: PERSON_COLUMN_KEYS,
    importer: personsImporter,
    attachmentOwner: null,
  },
  followup: {
    report: followupReportPart,
    due: followupDueSource,
    personFiles: followupPersonFiles,
    personRenamed: null,
    recycle: followupRecycle,
    ledgerExport: followupLedgerExport,
    staffWork: followupStaffWork,
    ledgerColumns: FOLLOWUP_COLUMN_KEYS,
    importer: followupImporter,
    attachmentOwner: followupOwner,
  },
  disputes: {
    report: disputesReportPart,
    due: disputeDueSource,
    personFiles: disputePersonFiles,
    personRenamed: disputePartyRenamed,
    recycle: disputesRecycle,
    ledgerExport: disputesLedgerExport,
    staffWork: disputesStaffWork,
    ledgerColumns: DISPUTE_COLUMN_KEYS,
    importer: disputesImporter,
    attachmentOwner: null,
  },
  mediation: {
    report: mediationReportPart,
    due: mediationDueSource,
    personFiles: mediationPersonFiles,
    personRenamed: null,
    recycle: mediationRecycle,
    ledgerExport: mediationLedgerExport,
    // A case's mediators are named on its documents: they are changed on the case, not handed over in bulk.
    staffWork: null,
    ledgerColumns: MEDIATION_COLUMN_KEYS,
    importer: mediationImporter,
    attachmentOwner: mediationOwner,
  },
  correction: {
    report: correctionReportPart,
    due: correctionDueSource,
    personFiles: correctionPersonFiles,
    personRenamed: null,
    recycle: correctionRecycle,
    ledgerExport: correctionLedgerExport,
    staffWork: correctionStaffWork,
    ledgerColumns: CORRECTION_COLUMN_KEYS,
    // A file opened by an import is linked to 安置帮教 as one opened on screen is (db/router.ts, correction.create).
    importer: correctionImporter([assistanceCorrectionOpened]),
    attachmentOwner: correctionOwner,
  },
  assistance: {
    report: assistanceReportPart,
    due: assistanceDueSource,
    personFiles: assistancePersonFiles,
    personRenamed: null,
    recycle: assistanceRecycle,
    ledgerExport: assistanceLedgerExport,
    staffWork: assistanceStaffWork,
    ledgerColumns: ASSISTANCE_COLUMN_KEYS,
    importer: assistanceImporter,
    attachmentOwner: assistanceOwner,
  },
};

const each = <T>(part: (m: ModuleName) => T | null): T[] =>
  MODULES.flatMap((m) => {
    const value = part(m);
    return value === null ? [] : [value];
  });

/** What each module puts in a colleague's charge, in the modules' order (移交工作). */
export const staffWorks: readonly StaffWork[] = each((m) => hostModules[m].staffWork);

/** Every registered source of due items, in the modules' order. */
export const dueSources: DueSources = each((m): DueSource | null => hostModules[m].due);

/** Every module's whole ledger, by module, in the modules' order. */
export const ledgerExports: readonly { module: ModuleName; export: LedgerExport }[] = each((m) => {
  const exporter = hostModules[m].ledgerExport;
  return exporter ? { module: m, export: exporter } : null;
});

/** What every module puts in a report package, in the modules' order. */
export const reportParts: readonly { module: ModuleName; part: ReportPart }[] = MODULES.map((m) => ({
  module: m,
  part: hostModules[m].report,
}));

/** The modules that can import an old spreadsheet, in the modules' order. */
export const importers: Importers = Object.fromEntries(
  each((m) => {
    const importer = hostModules[m].importer;
    return importer ? ([m, importer] as const) : null;
  }),
);

export const personFiles: readonly PersonFiles[] = each((m) => hostModules[m].personFiles);

export const personRenamed: readonly PersonRenamed[] = each((m) => hostModules[m].personRenamed);

export const attachmentOwners = Object.fromEntries(
  each((m) => {
    const owner = MODULE_INFO[m].attachmentOwner as AttachmentOwner | null;
    const lookup: AttachmentOwnerLookup | null = hostModules[m].attachmentOwner;
    return owner && lookup ? ([owner, lookup] as const) : null;
  }),
) as AttachmentOwners;

export const recycleSources: RecycleSources = {
  ...(Object.fromEntries(MODULES.map((m) => [m, hostModules[m].recycle])) as { [M in ModuleName]: RecycleSource }),
  attachments: attachmentsRecycle(attachmentOwners),
};
