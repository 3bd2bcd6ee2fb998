import { Badge, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../shared/contract';
import { DISPUTE_STATUS_LABELS, type DisputeStatus } from '../../shared/domain/disputes';
import { PERFORMANCE_STATE_LABELS } from '../../shared/domain/mediation';
import { ATTACHMENT_KIND_LABELS, type AttachmentKind } from '../../shared/schemas/attachments';
import { FOLLOWUP_STATUS_LABELS, levelLabel, type FollowupStatus } from '../../shared/schemas/followup';
import { api, errorMessage } from '../api/client';

const ACTIONS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  status: '状态变更',
  setup: '首次设置',
  export: '导出',
};

const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  sex: '性别',
  idNumber: '公民身份号码',
  birthDate: '出生日期',
  ethnicity: '民族',
  phone: '联系电话',
  householdAddress: '户籍地址',
  residenceAddress: '居住地址',
  villageName: '村（社区）',
  gridName: '网格',
  notes: '备注',
  intakeDate: '登记日期',
  source: '纠纷来源',
  category: '纠纷类型',
  summary: '简要情况',
  peopleCount: '涉及人数',
  amountYuan: '涉及金额',
  riskLevel: '风险等级',
  staffName: '承办人',
  deadline: '办理期限',
  status: '状态',
  transferUnit: '接收单位',
  parties: '当事人',
  note: '说明',
  date: '日期',
  acceptedDate: '受理日期',
  senderUnit: '来源单位',
  committeeName: '调解组织',
  mediators: '调解员',
  outcome: '结果',
  closedDate: '结案日期',
  reason: '原因',
  record: '记录',
  agreement: '调解协议',
  performance: '履行情况',
  confirmation: '司法确认',
  visit: '回访',
};
/** Where a module names a field differently (a follow-up 走访 is not a mediation 回访). */
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  followup: {
    level: '风险等级',
    groupName: '类别名称',
    responsibleName: '包保责任人',
    team: '帮扶人员',
    facts: '类别信息',
    startDate: '建档日期',
    endReason: '原因',
    visit: '走访',
    item: '待办事项',
  },
};
const OUTCOMES: Record<string, string> = { success: '调解成功', failure: '调解不成', terminated: '终止调解' };

/** A nested value (a record, an agreement…) in one short line. */
const CODES: Record<string, string> = {
  ...PERFORMANCE_STATE_LABELS,
  investigation: '调查记录',
  session: '调解记录',
  written: '书面协议',
  oral: '口头协议',
  granted: '确认有效',
  rejected: '驳回',
};
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function summary(v: Record<string, unknown>): string {
  const text = Object.values(v)
    .filter((x): x is string | number => (typeof x === 'string' && !ULID.test(x)) || typeof x === 'number')
    .map((x) => (typeof x === 'string' ? (CODES[x] ?? x) : x))
    .join('，');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text || '（已更新）';
}
const SKIP = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'villageId', 'gridId', 'responsibleStaffId', 'caseNo']);

function show(entity: string, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (key === 'status' && typeof v === 'string')
    return (entity === 'followup' ? FOLLOWUP_STATUS_LABELS[v as FollowupStatus] : DISPUTE_STATUS_LABELS[v as DisputeStatus]) ?? v;
  if (entity === 'followup' && key === 'level' && typeof v === 'string') return levelLabel(v);
  if (key === 'outcome' && typeof v === 'string') return OUTCOMES[v] ?? v;
  if (Array.isArray(v))
    return v
      .map((p: unknown) => (typeof p === 'object' && p && 'name' in p ? String((p as { name: unknown }).name) : String(p)))
      .join('、');
  if (typeof v === 'object') return summary(v as Record<string, unknown>);
  return String(v);
}

const labelsFor = (entity: string): Record<string, string> => ({ ...FIELD_LABELS, ...ENTITY_FIELD_LABELS[entity] });

/** Changed fields; a field only present afterwards (e.g. a status change's date and note) has no "from". */
function changes(entity: string, before: unknown, after: unknown): { key: string; from: string | null; to: string }[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const labels = labelsFor(entity);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !SKIP.has(k) && labels[k]);
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ key: k, from: k in b ? show(entity, k, b[k]) : null, to: show(entity, k, a[k]) }));
}

/** One line for entries that are not field changes: an attachment, a document or file taken out. */
function note(e: { entity: string; action: string; before: unknown; after: unknown }): string | null {
  const v = (e.after ?? e.before ?? {}) as Record<string, unknown>;
  if (e.entity === 'attachment') {
    const kind = ATTACHMENT_KIND_LABELS[v.kind as AttachmentKind];
    return `附件：${String(v.fileName ?? '')}${kind ? `（${kind}）` : ''}`;
  }
  if (e.action === 'export')
    return Object.entries(v)
      .filter(([, x]) => typeof x === 'string' || typeof x === 'number')
      .map(([k, x]) => `${k}：${String(x)}`)
      .join('，');
  return null;
}

/** Who changed what and when, from the audit trail (newest first). */
export function AuditHistory(props: Input<'audit.forEntity'>) {
  const q = useQuery({ queryKey: ['audit', props.entity, props.id], queryFn: () => api.audit.forEntity(props) });
  if (q.isLoading) {
    return (
      <Card withBorder>
        <Title order={5} mb="xs">
          修改记录
        </Title>
        <Loader size="sm" aria-label="正在加载修改记录" />
      </Card>
    );
  }
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        修改记录
      </Title>
      {q.data?.length === 0 && (
        <Text c="dimmed" size="sm">
          暂无记录
        </Text>
      )}
      {q.error && (
        <Text c="red" size="sm">
          {errorMessage(q.error)}
        </Text>
      )}
      <Stack gap="sm">
        {q.data?.map((e) => {
          const diff = e.action === 'update' || e.action === 'status' ? changes(e.entity, e.before, e.after) : [];
          return (
            <div key={e.id} data-testid="audit-entry">
              <Group gap="xs">
                <Badge variant="light" size="sm">
                  {ACTIONS[e.action] ?? e.action}
                </Badge>
                <Text size="sm">{e.actorName}</Text>
                <Text size="xs" c="dimmed">
                  {new Date(e.at).toLocaleString('zh-CN', { hour12: false })}
                </Text>
              </Group>
              {note(e) && (
                <Text size="xs" mt={4} ml="sm">
                  {note(e)}
                </Text>
              )}
              {diff.length > 0 && (
                <List size="xs" mt={4} ml="sm">
                  {diff.map((d) => (
                    <List.Item key={d.key}>
                      {labelsFor(e.entity)[d.key]}：{d.from === null ? d.to : `${d.from} → ${d.to}`}
                    </List.Item>
                  ))}
                </List>
              )}
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}
