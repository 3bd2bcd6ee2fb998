/**
 * The composition root of the window's modules: every module of shared/modules.ts with what it
 * lends the screens that span modules. Typed by the vocabulary, so a module added there but not
 * here does not compile. App provides this map to every page (renderer/components/modules.tsx).
 */
import type { UiModules } from '../components/modules';
import { assistanceUi } from '../features/assistance/module';
import { correctionUi } from '../features/correction/module';
import { disputesUi } from '../features/disputes/module';
import { followupUi } from '../features/followup/module';
import { mediationUi } from '../features/mediation/module';
import { personsUi } from '../features/persons/module';

export const uiModules: UiModules = {
  persons: personsUi,
  followup: followupUi,
  disputes: disputesUi,
  mediation: mediationUi,
  correction: correctionUi,
  assistance: assistanceUi,
};
