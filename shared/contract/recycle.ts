import { z } from 'zod';
import { RecycleRestoreInput, type RecycleBinSection } from '../schemas/recycle';
import { method } from './define';

export const recycleContract = {
  /** Deleted records of every module and deleted attachments, newest first, with how many there are. */
  'recycle.list': method<RecycleBinSection[]>()(z.strictObject({}).optional()),
  /** Restores one record through its own module (which may refuse, e.g. an ID number taken meanwhile). */
  'recycle.restore': method<{ ok: true }>()(RecycleRestoreInput),
};
