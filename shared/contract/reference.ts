import { z } from 'zod';
import { HISTORY_ENTITIES, MODULES } from '../modules';
import { ColumnKey, Id } from '../schemas/common';
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
  type SetupStatus,
  type Staff,
  type Village,
} from '../schemas/reference';
import { method } from './define';

const Empty = z.strictObject({}).optional();
const Ledger = z.enum(MODULES, { error: '台账不正确' });

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
  'staff.save': method<Staff>()(StaffInput),
  'dicts.list': method<DictItem[]>()(Empty),
  'dicts.add': method<DictItem>()(DictAddInput),
  'dicts.setActive': method<DictItem>()(DictToggleInput),
  /** 列设置: the current operator's columns of one ledger, in order; null for the ledger's usual ones. */
  'ui.listColumns': method<string[] | null>()(z.strictObject({ ledger: Ledger })),
  /** Keeps the current operator's columns of one ledger (checked against the ledger's own); null goes back to its usual ones. */
  'ui.saveListColumns': method<string[] | null>()(
    z.strictObject({
      ledger: Ledger,
      columns: z.array(ColumnKey, { error: '列设置应为列名的列表' }).min(1, '至少选择一列').max(60, '列设置中的列过多').nullable(),
    }),
  ),
  'audit.forEntity': method<AuditEntry[]>()(
    z.strictObject({
      entity: z.enum(HISTORY_ENTITIES),
      id: z.string().max(40),
    }),
  ),
};
