import { z } from 'zod';
import { DOSSIER, MEDIATION_DOCS } from '../documents/mediation';
import { Id } from './common';

export const MediationDocInput = z.strictObject({
  caseId: Id,
  doc: z.enum([...MEDIATION_DOCS, DOSSIER], { error: '文书种类不正确' }),
});
export type MediationDocInput = z.input<typeof MediationDocInput>;
