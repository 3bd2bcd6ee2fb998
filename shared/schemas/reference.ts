import { z } from 'zod';
import { checkCaseNumberPattern } from '../domain/case-number';
import { DICT_KINDS, type DictKind } from '../dictionaries';
import { Password, Username } from './accounts';
import { Id, OptId, optText, reqText, PhoneField } from './common';

export const SetupInput = z.strictObject({
  townshipName: reqText('乡镇名称', 30),
  townshipShort: optText('乡镇简称', 10),
  county: reqText('所属县（市、区）', 30),
  operatorName: reqText('您的姓名', 20),
  operatorPost: optText('职务', 30),
  /** The administrator's login (db/services/accounts.ts); without it the first screen asks for the password. */
  username: Username.optional(),
  password: Password.optional(),
});

export const CaseNumberPattern = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = checkCaseNumberPattern(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * The default handling deadline of a registered dispute (the office can change it, and per case): one
 * calendar month from registration, the nearest national text being 人民调解工作若干规定 art. 33
 * (一般在一个月内调结; REVIEW row 20). Ledgers set up before this kept 30 days and keep them.
 */
export const DEADLINE_UNITS = ['month', 'day'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];
export const DEADLINE_UNIT_LABELS: Record<DeadlineUnit, string> = { month: '个月', day: '天' };
export const DEFAULT_DISPUTE_DEADLINE = { count: 1, unit: 'month' } as const satisfies { count: number; unit: DeadlineUnit };
/** What a ledger set up before the unit existed had: 30 days. */
export const LEGACY_DISPUTE_DEADLINE = { count: 30, unit: 'day' } as const satisfies { count: number; unit: DeadlineUnit };
/**
 * Categories with their own deadline, in days: 劳动争议纠纷 (10) 15 days, the point after which a party
 * may apply for arbitration (劳动争议调解仲裁法 art. 14; REVIEW row 7).
 */
export const DEFAULT_CATEGORY_DEADLINE_DAYS: Record<string, number> = { '10': 15 };
/** Default interval from an agreement taking effect to its return visit (回访), in days. */
export const DEFAULT_RETURN_VISIT_DAYS = 30;
/**
 * 人民调解法 art. 25, the mediator's duty when a dispute may escalate: shown beside the setting below,
 * and where a case's reports of such a dispute are kept.
 */
export const ESCALATION_DUTY_TEXT =
  '人民调解法第二十五条：人民调解员在调解纠纷过程中，发现纠纷有可能激化的，应当采取有针对性的预防措施；对有可能引起治安案件、刑事案件的纠纷，应当及时向当地公安机关或者其他有关部门报告。';
/**
 * A return visit after 调解不成 or 终止调解 to see whether the dispute is escalating (REVIEW row 19):
 * proposed by default, the return-visit interval after closing unless the office sets another. No text
 * fixes either; the office's choice, applied to the cases closed from then on.
 */
export const DEFAULT_FAILURE_VISIT_ENABLED = true;
export const FAILURE_VISIT_SOURCE = `${ESCALATION_DUTY_TEXT}调解不成或者终止调解的（当事人自行和解、撤回调解申请的除外），纠纷仍未化解，结案后回访当事人，了解纠纷是否有激化迹象。回访间隔法律未作规定，由本单位设定（默认与协议生效后回访间隔相同），对此后结案的案件适用。`;

export const SettingsInput = z.strictObject({
  townshipName: reqText('乡镇名称', 30),
  townshipShort: reqText('乡镇简称', 10),
  county: reqText('所属县（市、区）', 30),
  disputeNumberPattern: CaseNumberPattern,
  disputeDeadline: z.strictObject({
    count: z.number({ error: '请填写默认办理期限' }).int('期限应为整数').min(1, '期限至少为1').max(365, '期限过长'),
    unit: z.enum(DEADLINE_UNITS, { error: '期限单位不正确' }),
  }),
  /** Category code → days. */
  categoryDeadlineDays: z
    .record(
      z.string().min(1).max(20),
      z.number({ error: '请填写天数' }).int('天数应为整数').min(1, '期限至少1天').max(365, '期限不能超过365天'),
    )
    .refine((r) => Object.keys(r).length <= 50, '按类型设定的期限过多'),
  mediationNumberPattern: CaseNumberPattern,
  committeeName: reqText('人民调解委员会名称', 50),
  returnVisitDays: z.number().int().min(1, '间隔至少1天').max(365, '间隔不能超过365天'),
  failureVisitEnabled: z.boolean({ error: '请选择是否安排回访' }),
  failureVisitDays: z.number({ error: '请填写回访间隔' }).int('间隔应为整数').min(1, '间隔至少1天').max(365, '间隔不能超过365天'),
});

export interface Settings {
  townshipName: string;
  townshipShort: string;
  county: string;
  disputeNumberPattern: string;
  disputeDeadline: { count: number; unit: DeadlineUnit };
  categoryDeadlineDays: Record<string, number>;
  /** 卷宗号, e.g. （2024）高寨乡人调字第12号. */
  mediationNumberPattern: string;
  /** The township committee's name on documents, e.g. 高寨乡人民调解委员会. */
  committeeName: string;
  /** Days after an agreement takes effect when the return visit is proposed. */
  returnVisitDays: number;
  /** Whether a return visit is proposed after 调解不成 or 终止调解 (REVIEW row 19), and how many days after closing. */
  failureVisitEnabled: boolean;
  failureVisitDays: number;
}

/**
 * The check of the open ledger file: done before opening for most files ('ok'); for a large one it runs
 * in the background after the window opens ('checking'), and 'damaged' stops every save.
 */
export interface LedgerIntegrity {
  state: 'checking' | 'ok' | 'damaged' | 'not_checked';
  message: string | null;
}

export interface SetupStatus {
  initialized: boolean;
  townshipName: string | null;
  operator: { id: string; name: string } | null;
  dbPath: string;
  integrity: LedgerIntegrity;
}

export const VillageInput = z.strictObject({ id: OptId, name: reqText('村（社区）名称', 30) });

/** Names pasted as a column (shared/domain/names.ts splits them): each checked as one name would be. */
const PastedNames = (label: string) => z.array(reqText(label, 30)).min(1, `请至少填写一个${label}`).max(300, '一次最多添加300个');

/** 村（社区） added many at once; names already in the list are skipped, not doubled. */
export const VillagesAddInput = z.strictObject({ names: PastedNames('村（社区）名称') });
/** A village's grids added many at once, the same way. */
export const GridsAddInput = z.strictObject({ villageId: Id, names: PastedNames('网格名称') });
export interface NamesAdded {
  added: string[];
  /** Already in the list (or twice in what was pasted): left as they were. */
  skipped: string[];
}

export const VILLAGE_ORDERS = ['office', 'pinyin'] as const;
export type VillageOrder = (typeof VILLAGE_ORDERS)[number];
export const VILLAGE_ORDER_LABELS: Record<VillageOrder, string> = { office: '本所顺序', pinyin: '按拼音' };
/** How lists show villages; with `ids` (every village, in the office's order) it also sets that order. */
export const VillageOrderInput = z.strictObject({
  mode: z.enum(VILLAGE_ORDERS, { error: '排列方式不正确' }),
  ids: z.array(Id).max(1000).optional(),
});

/** A colleague's open work in one module (未办结的纠纷 3 件). */
export interface StaffWorkload {
  label: string;
  unit: string;
  count: number;
}
/** 移交工作: everything open in one colleague's charge, handed to another. */
export const HandOverInput = z.strictObject({ fromStaffId: Id, toStaffId: Id });

/** The start checklist on the dashboard after setup: each step done or not (all done: it is not shown). */
export const CHECKLIST_STEPS = ['villages', 'staff', 'numbers'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];
export interface Checklist {
  steps: { key: ChecklistStep; done: boolean }[];
}
export const GridInput = z.strictObject({
  id: OptId,
  villageId: Id,
  name: reqText('网格名称', 30),
  workerName: optText('网格员', 20),
  workerPhone: PhoneField,
});

export interface Grid {
  id: string;
  villageId: string;
  name: string;
  workerName: string | null;
  workerPhone: string | null;
}
export interface Village {
  id: string;
  name: string;
  grids: Grid[];
}

/** 工作人员 work in the office and may operate the app; 人民调解员 are on the register of mediators. */
export const STAFF_KINDS = ['staff', 'mediator'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];
export const STAFF_KIND_LABELS: Record<StaffKind, string> = { staff: '工作人员', mediator: '人民调解员' };

export const StaffInput = z
  .strictObject({
    id: OptId,
    name: reqText('姓名', 20),
    post: optText('职务', 30),
    phone: PhoneField,
    active: z.boolean().default(true),
    kind: z.enum(STAFF_KINDS, { error: '请选择类别' }).default('staff'),
    committee: optText('所属调解组织', 50),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'mediator' && !v.committee)
      ctx.addIssue({ code: 'custom', path: ['committee'], message: '人民调解员须填写所属调解组织' });
  });
export interface Staff {
  id: string;
  name: string;
  post: string | null;
  phone: string | null;
  active: boolean;
  kind: StaffKind;
  committee: string | null;
}

/** What a staff save answers: the entry, and a warning when another active entry now has the same name. */
export interface SavedStaff extends Staff {
  /** Says who else has the name and how the two are told apart; null when nobody else does. */
  warning: string | null;
}

/** How a mediator is named in pick lists: 李四（东村人民调解委员会）. */
export function staffLabel(s: Pick<Staff, 'name' | 'kind' | 'committee'>): string {
  return s.kind === 'mediator' && s.committee ? `${s.name}（${s.committee}）` : s.name;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Every entry of the staff register named as pickers and pages show it, two people of one name told
 * apart: by the 职务 (a mediator's 调解组织) where theirs differs from the namesakes', otherwise by 二,
 * 三 … in the order they were entered, the first keeping the bare name (王芳, 王芳（二）). A name
 * nobody else has reads as staffLabel. Give it the whole register, inactive entries included, so that
 * one person is named alike in every picker, whichever entries that picker offers.
 */
export function staffLabels(register: readonly Pick<Staff, 'id' | 'name' | 'post' | 'kind' | 'committee'>[]): Map<string, string> {
  const byName = new Map<string, (typeof register)[number][]>();
  for (const s of register) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const labels = new Map<string, string>();
  for (const [name, namesakes] of byName) {
    if (namesakes.length === 1) {
      labels.set(namesakes[0]!.id, staffLabel(namesakes[0]!));
      continue;
    }
    const word = (s: (typeof register)[number]) => (s.kind === 'mediator' ? s.committee : s.post)?.trim() || null;
    const told = (s: (typeof register)[number]) => {
      const w = word(s);
      return w !== null && namesakes.filter((o) => word(o) === w).length === 1;
    };
    // Ids are sortable by creation: the order they were entered.
    const rest = namesakes.filter((s) => !told(s)).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const s of namesakes) {
      const i = rest.indexOf(s);
      labels.set(s.id, i < 0 ? `${name}（${word(s)}）` : i === 0 ? name : `${name}（${ORDINALS[i] ?? i + 1}）`);
    }
  }
  return labels;
}

const DictKindSchema = z.enum(Object.keys(DICT_KINDS) as [DictKind, ...DictKind[]], { error: '字典类别不正确' });
export const DictAddInput = z.strictObject({ kind: DictKindSchema, label: reqText('名称', 30) });
export const DictToggleInput = z.strictObject({ kind: DictKindSchema, code: z.string().min(1).max(20), active: z.boolean() });
export interface DictItem {
  kind: DictKind;
  code: string;
  label: string;
  builtin: boolean;
  active: boolean;
}

/** What an audit row records, in words. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  status: '状态变更',
  setup: '首次设置',
  export: '导出',
  view: '查阅',
  operator: '切换操作人',
  login: '登录',
  'login-failed': '登录失败',
  lockout: '账户锁定',
  logout: '退出登录',
  lock: '锁定',
  password: '修改密码',
  account: '账户变更',
};

/** Reference data's fields by their 中文 name, where a change to them is shown (the audit history). */
export const REFERENCE_FIELD_LABELS = {
  village: { name: '名称' },
  grid: { name: '网格名称', workerName: '网格员', workerPhone: '网格员电话' },
  staff: { name: '姓名', post: '职务', phone: '电话', kind: '类别', committee: '所属调解组织', active: '在岗' },
  settings: {
    townshipName: '乡镇名称',
    townshipShort: '简称',
    county: '所属县（市、区）',
    disputeNumberPattern: '纠纷登记案号格式',
    disputeDeadline: '默认办理期限',
    categoryDeadlineDays: '按纠纷类型的办理期限（天）',
    committeeName: '人民调解委员会名称',
    mediationNumberPattern: '人民调解卷宗号格式',
    returnVisitDays: '协议生效后回访间隔（天）',
    failureVisitEnabled: '调解不成、终止调解后回访',
    failureVisitDays: '调解不成、终止调解后回访间隔（天）',
  },
  dict: { label: '名称', active: '启用' },
} as const;

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}
