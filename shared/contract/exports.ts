import type { FileResult } from '../schemas/common';
import { DisputeListInput } from '../schemas/disputes';
import { MediationListInput } from '../schemas/mediation';
import { method } from './define';

/** Ledger exports take the list's own filter and order, without paging: every matching row goes into the file. */
export const exportsContract = {
  'mediation.exportLedger': method<FileResult>()(MediationListInput.omit({ page: true, pageSize: true })),
  'disputes.exportLedger': method<FileResult>()(DisputeListInput.omit({ page: true, pageSize: true })),
};
