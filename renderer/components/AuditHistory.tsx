import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Loading } from './Loading';
import type { Input } from '../../shared/contract';
import { moduleOfEntity } from '../../shared/modules';
import { ATTACHMENT_KIND_LABELS, type AttachmentKind } from '../../shared/schemas/attachments';
import { AUDIT_ACTION_LABELS, REFERENCE_FIELD_LABELS } from '../../shared/schemas/reference';
import { errorMessage } from '../api/client';
import { useAuditTrail } from '../features/reference/queries';
import { useUiModules, type AuditView, type CodeWords } from './modules';
import { formatInstant } from '../../shared/instants';

/** Reference data and settings read the same way in every ledger: their view is the core's. */
const CORE_VIEWS: Readonly<Record<string, AuditView>> = Object.fromEntries(
  Object.entries(REFERENCE_FIELD_LABELS).map(([entity, fields]) => [entity, { fields }]),
);
const NO_VIEW: AuditView = { fields: {} };

/** How an entity's rows read: a module's view from the registry, or the core's for reference data. */
function useAuditView(entity: string): AuditView {
  const modules = useUiModules();
  const module = moduleOfEntity(entity);
  return module ? modules[module].audit : (CORE_VIEWS[entity] ?? NO_VIEW);
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A nested value (a record, an agreement…) in one short line. */
function summary(view: AuditView, v: Record<string, unknown>): string {
  const text = Object.values(v)
    .filter((x): x is string | number => (typeof x === 'string' && !ULID.test(x)) || typeof x === 'number')
    .map((x) => (typeof x === 'string' ? (view.codes?.[x] ?? x) : x))
    .join('，');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text || '（已更新）';
}
const SKIP = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'villageId', 'gridId', 'responsibleStaffId', 'caseNo']);

const wordsFor = (words: CodeWords, code: string): string => (typeof words === 'function' ? words(code) : (words[code] ?? code));

function show(view: AuditView, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  const words = view.values?.[key];
  if (words && typeof v === 'string') return wordsFor(words, v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v))
    return v
      .map((p: unknown) =>
        typeof p === 'object' && p && 'name' in p
          ? String((p as { name: unknown }).name)
          : words && typeof p === 'string'
            ? wordsFor(words, p)
            : String(p),
      )
      .join('、');
  if (typeof v === 'object') return summary(view, v as Record<string, unknown>);
  return String(v);
}

/** Changed fields; a field only present afterwards (e.g. a status change's date and note) has no "from". */
function changes(view: AuditView, before: unknown, after: unknown): { key: string; from: string | null; to: string }[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !SKIP.has(k) && view.fields[k]);
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ key: k, from: k in b ? show(view, k, b[k]) : null, to: show(view, k, a[k]) }));
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
  const q = useAuditTrail(props);
  const view = useAuditView(props.entity);
  if (q.isLoading) {
    return (
      <Card withBorder>
        <Title order={5} mb="xs">
          修改记录
        </Title>
        <Loading>正在加载修改记录…</Loading>
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
          // The record's own rows list their changes; its attachments' rows read as a note.
          const diff =
            e.action === 'update' || e.action === 'status' ? changes(e.entity === props.entity ? view : NO_VIEW, e.before, e.after) : [];
          return (
            <div key={e.id} data-testid="audit-entry">
              <Group gap="xs">
                <Badge variant="light" size="sm">
                  {AUDIT_ACTION_LABELS[e.action] ?? e.action}
                </Badge>
                <Text size="sm">{e.actorName}</Text>
                <Text size="xs" c="dimmed">
                  {formatInstant(e.at)}
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
                      {view.fields[d.key]}：{d.from === null ? d.to : `${d.from} → ${d.to}`}
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
