/**
 * 设置 → 备份与恢复: the ledger's backups (the app writes one each day, on closing, before an upgrade and
 * before a restore), 立即备份 to the backup folder or a folder the user names (a USB stick), each backup's
 * verification re-run on demand, restore after a preview of what the backup holds and a confirmation, 撤销恢复,
 * and how many backups are kept.
 */
import { Alert, Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { PathKind } from '../../../shared/bridge';
import { BACKUP_REASON_LABELS, type RetentionRules } from '../../../shared/domain/backup-retention';
import { formatInstant } from '../../../shared/instants';
import { formatSize } from '../../../shared/schemas/attachments';
import { RetentionInput, type BackupCheck, type BackupEntry, type BackupPreview } from '../../../shared/schemas/backups';
import { errorMessage } from '../../api/client';
import { PageForm } from '../../components/GuardedForm';
import { PathInput } from '../../components/PathInput';
import { Loading } from '../../components/Loading';
import { useZodForm } from '../../components/useZodForm';
import { useBackupNow, usePreviewBackup, useRestoreBackup, useSaveRetention, useUndoRestore, useVerifyBackup } from './mutations';
import { useBackups } from './queries';

const countsText = (counts: { label: string; count: number }[]) => counts.map((c) => `${c.label} ${c.count}`).join(' · ');
/** The list shows what a backup holds in short: the persons, and whatever else it has any of. */
const shortCounts = (counts: { label: string; count: number }[]) => countsText(counts.filter((c, i) => i === 0 || c.count > 0));
const nowrap = { whiteSpace: 'nowrap' } as const;

/** As written (a backup with its manifest was verified before it got its name) or as just re-checked. */
function CheckBadge({ entry, checked }: { entry: BackupEntry; checked: BackupCheck | undefined }) {
  const check = checked ?? entry.check;
  if (check.state === 'damaged')
    return (
      <Tooltip label={check.message} multiline w={320}>
        <Badge color="red">已损坏</Badge>
      </Tooltip>
    );
  if (check.state === 'ok') return <Badge color="green">校验通过</Badge>;
  if (entry.manifest)
    return (
      <Badge color="teal" variant="light">
        已校验
      </Badge>
    );
  return (
    <Tooltip label={check.message ?? '尚未校验'} multiline w={320}>
      <Badge color="gray">未校验</Badge>
    </Tooltip>
  );
}

export function RestoreModal({ preview, onClose }: { preview: BackupPreview; onClose: () => void }) {
  const restore = useRestoreBackup();
  const confirm = async () => {
    const done = await restore.run({ path: preview.path }, '账本已恢复为所选备份的内容；恢复前的账本已另存为安全备份，可以撤销恢复。');
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title="用备份恢复账本" size="lg">
      <Stack>
        <Table withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={120}>备份时间</Table.Th>
              <Table.Td>{preview.createdAt ? formatInstant(preview.createdAt) : '（没有备份说明，时间不详）'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>乡镇</Table.Th>
              <Table.Td>{preview.townshipName ?? '（未设置）'}</Table.Td>
            </Table.Tr>
            {preview.reason && (
              <Table.Tr>
                <Table.Th>备份原因</Table.Th>
                <Table.Td>{BACKUP_REASON_LABELS[preview.reason]}</Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th>内容</Table.Th>
              <Table.Td data-testid="preview-counts">{countsText(preview.counts)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>文件</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                {preview.path}（{formatSize(preview.size)}）
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Alert color="yellow" title="恢复会替换当前账本">
          当前账本会先另存为一份“恢复前”的安全备份，再换成这份备份的内容；备份之后录入的记录将不在恢复后的账本中。恢复后可以用“撤销恢复”回到恢复前的状态。
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color="red" loading={restore.saving} onClick={() => void confirm()}>
            确认恢复
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RetentionForm({ rules }: { rules: RetentionRules }) {
  const form = useZodForm({ schema: RetentionInput, initialValues: rules });
  const save = useSaveRetention(form);
  const field = (name: keyof typeof rules, label: string, suffix: string) => (
    <NumberInput label={label} suffix={suffix} min={0} allowDecimal={false} w={150} {...form.getInputProps(name)} />
  );
  return (
    <PageForm form={form} onSubmit={form.onSubmit((v) => void save.run(v, '保留规则已保存，多余的自动备份已清理'))} autoFocus={false}>
      <Stack gap="xs">
        <Title order={5}>自动备份的保留规则</Title>
        <Text size="sm" c="dimmed">
          只清理账本备份文件夹中的备份；最新的一份和“撤销恢复”要用的安全备份始终保留，保存到其他文件夹（如U盘）的备份不会被删除。
        </Text>
        <Group align="flex-end">
          {field('today', '当天保留', ' 份')}
          {field('days', '每天一份，保留', ' 天')}
          {field('weeks', '每周一份，保留', ' 周')}
          {field('months', '每月一份，保留', ' 个月')}
          {field('migrationDays', '升级前备份保留', ' 天')}
          <Button type="submit" variant="light" loading={save.saving}>
            保存规则
          </Button>
        </Group>
      </Stack>
    </PageForm>
  );
}

/**
 * A path typed, or in the desktop app picked with the system's dialog (选择…), and the button that uses it.
 */
function PathField({
  kind,
  value,
  onChange,
  children,
  ...text
}: {
  kind: PathKind;
  label: string;
  description: string;
  placeholder: string;
  value: string;
  onChange: (v: string) => void;
  children: ReactNode;
}) {
  return (
    <Group align="flex-end">
      <PathInput kind={kind} {...text} w={460} value={value} onChange={onChange} />
      {children}
    </Group>
  );
}

/**
 * 用其他位置的备份恢复: a backup file by its path (a USB stick's), previewed before the confirmation. Also on
 * the first-run screen, where a new PC's empty ledger can be replaced by the office's backup.
 */
export function RestoreFromFile({ onPreview }: { onPreview: (preview: BackupPreview) => void }) {
  const preview = usePreviewBackup();
  const [file, setFile] = useState('');
  const ask = async () => {
    const p = await preview.run({ path: file.trim() });
    if (p) onPreview(p);
  };
  return (
    <PathField
      kind="backup"
      label="用其他位置的备份恢复"
      description="如U盘上的备份文件；恢复前会先校验，损坏的或不是本程序的文件不会被使用"
      placeholder="E:\台账备份\ledger-20240615-093000-manual.db"
      value={file}
      onChange={setFile}
    >
      <Button variant="default" disabled={!file.trim()} loading={preview.saving} onClick={() => void ask()}>
        查看并恢复
      </Button>
    </PathField>
  );
}

export function BackupSettings() {
  const list = useBackups();
  const backupNow = useBackupNow();
  const verify = useVerifyBackup();
  const preview = usePreviewBackup();
  const undo = useUndoRestore();
  const [folder, setFolder] = useState('');
  const [checked, setChecked] = useState<Record<string, BackupCheck>>({});
  const [confirming, setConfirming] = useState<BackupPreview | null>(null);

  if (list.isLoading) return <Loading center>正在读取备份…</Loading>;
  if (list.error || !list.data) return <Text c="red">{errorMessage(list.error)}</Text>;
  const { backups, undo: lastRestore, rules } = list.data;

  const runBackup = () => void backupNow.run(folder.trim() ? { folder: folder.trim() } : {}, (b) => `已备份并校验：${b.path}`);
  const recheck = async (entry: BackupEntry) => {
    const r = await verify.run({ path: entry.path });
    if (r) setChecked((c) => ({ ...c, [entry.path]: r.check }));
  };
  const askRestore = async (path: string) => {
    const p = await preview.run({ path });
    if (p) setConfirming(p);
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
        程序每天第一次打开账本时、关闭程序时、升级账本文件前和恢复前都会自动备份。备份文件夹：{list.data.folder}
      </Text>
      {lastRestore && (
        <Alert color="blue" title="账本已用备份恢复">
          <Stack gap="xs">
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              {formatInstant(lastRestore.at)} 用 {lastRestore.restoredFrom} 恢复。恢复前的账本已另存为安全备份，可以回到恢复前的状态。
            </Text>
            <Group>
              <Button size="xs" variant="light" loading={undo.saving} onClick={() => void undo.run({}, '已撤销恢复，账本回到恢复前的状态')}>
                撤销恢复
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <PathField
        kind="folder"
        label="备份到文件夹"
        description="留空则备份到上面的备份文件夹；也可以填写U盘上的文件夹，如 E:\台账备份"
        placeholder="（账本的备份文件夹）"
        value={folder}
        onChange={setFolder}
      >
        <Button loading={backupNow.saving} onClick={runBackup}>
          立即备份
        </Button>
      </PathField>
      {backups.length === 0 ? (
        <Text c="dimmed">还没有备份。</Text>
      ) : (
        <Table striped withTableBorder data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>备份时间</Table.Th>
              <Table.Th>原因</Table.Th>
              <Table.Th>大小</Table.Th>
              <Table.Th>内容</Table.Th>
              <Table.Th>校验</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <Table.Tr key={b.path}>
                <Table.Td style={nowrap}>
                  <Tooltip label={b.path}>
                    <span>{b.manifest ? formatInstant(b.manifest.createdAt) : b.fileName}</span>
                  </Tooltip>
                </Table.Td>
                <Table.Td style={nowrap}>{b.manifest ? BACKUP_REASON_LABELS[b.manifest.reason] : '—'}</Table.Td>
                <Table.Td style={nowrap}>{formatSize(b.size)}</Table.Td>
                <Table.Td>{b.manifest ? shortCounts(b.manifest.counts) : '—'}</Table.Td>
                {/* Wide enough for 校验通过: the counts beside it would squeeze the badge to “已…”. */}
                <Table.Td style={{ ...nowrap, minWidth: 96 }}>
                  <CheckBadge entry={b} checked={checked[b.path]} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => void recheck(b)}>
                      重新校验
                    </Button>
                    <Button size="xs" variant="light" onClick={() => void askRestore(b.path)}>
                      恢复
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RestoreFromFile onPreview={setConfirming} />
      <RetentionForm rules={rules} />
      {confirming && <RestoreModal preview={confirming} onClose={() => setConfirming(null)} />}
    </Stack>
  );
}
