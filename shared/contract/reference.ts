import { z } from 'zod';
import { HISTORY_ENTITIES } from '../modules';
import { Id } from '../schemas/common';
import {
  DictAddInput,
  DictToggleInput,
  GridInput,
  SettingsInput,
  SetupInput,
  StaffInput,
  VillageInput,
  type AuditEntry,
  type DictItem,
  type Grid,
  type Settings,
  type SavedStaff,
  type SetupStatus,
  type Staff,
  type Village,
} from '../schemas/reference';
import { method } from './define';

const Empty = z.strictObject({}).optional();

export const referenceContract = {
  'setup.status': method<SetupStatus>()(Empty),
  'setup.init': method<SetupStatus>()(SetupInput),
  'session.setOperator': method<SetupStatus>()(z.strictObject({ staffId: Id })),
  'settings.get': method<Settings>()(Empty),
  'settings.update': method<Settings>()(SettingsInput),
  'villages.list': method<Village[]>()(Empty),
  'villages.save': method<Village>()(VillageInput),
  'villages.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'grids.save': method<Grid>()(GridInput),
  'grids.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'staff.list': method<Staff[]>()(z.strictObject({ includeInactive: z.boolean().optional() }).optional()),
  'staff.save': method<SavedStaff>()(StaffInput),
  'dicts.list': method<DictItem[]>()(Empty),
  'dicts.add': method<DictItem>()(DictAddInput),
  'dicts.setActive': method<DictItem>()(DictToggleInput),
  'audit.forEntity': method<AuditEntry[]>()(
    z.strictObject({
      entity: z.enum(HISTORY_ENTITIES),
      id: z.string().max(40),
    }),
  ),
};
