import { z } from 'zod';
import { HISTORY_ENTITIES, MODULES } from '../modules';
import { ColumnKey, Id } from '../schemas/common';
import {
  DictAddInput,
  DictToggleInput,
  GridInput,
  GridsAddInput,
  HandOverInput,
  SettingsInput,
  SetupInput,
  StaffInput,
  VillageInput,
  VillageOrderInput,
  VillagesAddInput,
  type AuditEntry,
  type Checklist,
  type DictItem,
  type Grid,
  type NamesAdded,
  type Settings,
  type SavedStaff,
  type SetupStatus,
  type Staff,
  type StaffWorkload,
  type Village,
  type VillageOrder,
} from '../schemas/reference';
import { method } from './define';

const Empty = z.strictObject({}).optional();
const Ledger = z.enum(MODULES, { error: '台账不正确' });

export const referenceContract = {
  'setup.status': method<SetupStatus>()(Empty),
  'setup.init': method<SetupStatus>()(SetupInput),
  /** The start checklist after setup (villages, colleagues, case-number formats), and the formats confirmed as they are. */
  'setup.checklist': method<Checklist>()(Empty),
  'setup.confirmNumbers': method<Checklist>()(Empty),
  'session.setOperator': method<SetupStatus>()(z.strictObject({ staffId: Id })),
  'settings.get': method<Settings>()(Empty),
  'settings.update': method<Settings>()(SettingsInput),
  'villages.list': method<Village[]>()(Empty),
  'villages.save': method<Village>()(VillageInput),
  'villages.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  /** Many at once, pasted as a column; the order lists use, and the office's own order. */
  'villages.addMany': method<NamesAdded>()(VillagesAddInput),
  'villages.order': method<{ mode: VillageOrder }>()(Empty),
  'villages.setOrder': method<Village[]>()(VillageOrderInput),
  'grids.save': method<Grid>()(GridInput),
  'grids.addMany': method<NamesAdded>()(GridsAddInput),
  'grids.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'staff.list': method<Staff[]>()(z.strictObject({ includeInactive: z.boolean().optional() }).optional()),
  'staff.save': method<SavedStaff>()(StaffInput),
  /** 移交工作: a colleague's open work in each module, and all of it handed to another colleague. */
  'staff.workload': method<StaffWorkload[]>()(z.strictObject({ staffId: Id })),
  'staff.handOver': method<StaffWorkload[]>()(HandOverInput),
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
