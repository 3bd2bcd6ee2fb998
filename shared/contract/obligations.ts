import { z } from 'zod';
import { Id } from '../schemas/common';
import { DashboardInput, ItemActionInput, WaiveItemsInput, type Dashboard } from '../schemas/obligations';
import { method } from './define';

export const obligationsContract = {
  /** The to-do dashboard (首页 工作台): overdue, due within 7 days, term ends within 30 days. */
  'obligations.dashboard': method<Dashboard>()(DashboardInput),
  /** 延期 or 免除 of one due item of any module's record, with the reason: never shortens a date; recorded and audited. */
  'obligations.actOnItem': method<{ ok: true }>()(ItemActionInput),
  /**
   * 批量免除: several items of one module excused with one reason, all or none; each recorded and audited
   * as a single 免除 is. Refused, with nothing written, for an empty reason, an item no longer open or
   * an item of another module.
   */
  'obligations.waiveItems': method<{ ok: true; count: number }>()(WaiveItemsInput),
  /** Takes back a 延期 or 免除 entered by mistake (kept in the audit trail). */
  'obligations.undoItemAction': method<{ ok: true }>()(z.strictObject({ id: Id })),
};
