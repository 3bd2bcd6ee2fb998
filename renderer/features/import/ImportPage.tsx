/**
 * 导入旧台账: choose the ledger and the file, say which column is which (guessed from the headers, or the
 * office's own choice for a file like it), look at every row's report and fix a cell or skip a row, try
 * the import (nothing stays), then import — a backup is taken first — and undo a batch from the list of
 * imports below.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { MODULE_INFO, recordPath, type ModuleName } from '../../../shared/modules';
import { formatInstant } from '../../../shared/instants';
import {
  IMPORT_ROW_STATE_LABELS,
  type ImportBatch,
  type ImportReport,
  type ImportResult,
  type ImportRowReport,
  type ImportRowState,
  type ImportTable,
  type ImportValueMap,
} from '../../../shared/schemas/import';
import { confirmDelete } from '../../components/ConfirmDelete';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { useCheckImport, useReadImport, useRunImport, useUndoImport } from './mutations';
import { useImportBatches, useImportItems, useImportTargets } from './queries';

const STATE_COLORS: Record<ImportRowState, string> = { ok: 'green', warning: 'yellow', error: 'red', duplicate: 'gray', skipped: 'gray' };
const PAGE = 50;
const NOT_IMPORTED = '__none__';

type Filter = 'all' | ImportRowState;

/** The table as the user changed it: cells fixed, rows skipped, columns and values chosen. */
interface Work {
  table: ImportTable;
  /** The file read, read again when another of its sheets is chosen. */
  file: File;
  mapping: (string | null)[];
  valueMap: ImportValueMap;
  rows: ImportTable['rows'];
  skip: number[];
}

function checkInput(w: Work) {
  return {
    module: w.table.module,
    fileName: w.table.fileName,
    headers: w.table.headers,
    mapping: w.mapping,
    valueMap: w.valueMap,
    rows: w.rows,
    skip: w.skip,
  };
}

/** A table as read, before the user changes anything. */
function workOf(table: ImportTable, file: File): Work {
  return { table, file, mapping: table.mapping, valueMap: table.valueMap, rows: table.rows, skip: [] };
}

function ChooseFile({ onRead }: { onRead: (t: ImportTable, file: File) => void }) {
  const targets = useImportTargets();
  const [module, setModule] = useState<ModuleName>('disputes');
  const read = useReadImport();
  const target = targets.data?.find((t) => t.module === module);
  if (targets.isPending) return <Loading>正在加载…</Loading>;
  return (
    <Stack maw={720}>
      <Text size="sm">导入到：</Text>
      <SegmentedControl
        value={module}
        onChange={(v) => setModule(v as ModuleName)}
        data={(targets.data ?? []).map((t) => ({ value: t.module, label: MODULE_INFO[t.module].nav }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {target && (
        <Alert color="blue" variant="light" title={`导入${MODULE_INFO[module].nav}`}>
          {target.note}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        支持 .xlsx 和 .csv（UTF-8 或 GB18030/GBK 编码）。表头可以在标题行下面，也可以是两行合并的表头；空行和“合计”行会被跳过。旧版 .xls
        请先另存为 .xlsx。
      </Text>
      <Group>
        <FileButton
          accept=".xlsx,.csv,.xlsm,.txt"
          onChange={(file) => file && void read.run({ module, file }).then((t) => t && onRead(t, file))}
        >
          {(props) => (
            <Button {...props} loading={read.saving}>
              选择文件…
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}

function MapColumns({
  work,
  setWork,
  onNext,
  checking,
}: {
  work: Work;
  setWork: (w: Work) => void;
  onNext: () => void;
  checking: boolean;
}) {
  const { table } = work;
  const read = useReadImport();
  const fieldOptions = [
    { value: NOT_IMPORTED, label: '（不导入）' },
    ...table.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} *` : f.label })),
  ];
  const missing = table.fields.filter((f) => f.required && !work.mapping.includes(f.key));
  const samples = (i: number) =>
    table.rows
      .slice(0, 3)
      .map((r) => r.cells[i])
      .filter(Boolean)
      .join('；');
  return (
    <Stack>
      <Group gap="xs">
        <Text size="sm">
          {table.fileName}
          {table.sheetName ? `（工作表“${table.sheetName}”）` : ''}
          {table.encoding ? `，编码 ${table.encoding.toUpperCase()}` : ''}：表头在第 {table.headerRow} 行，数据 {table.rows.length} 行
          {table.blankRows ? `，跳过空行及合计行 ${table.blankRows} 行` : ''}。
        </Text>
        {table.remembered && <Badge variant="light">已沿用上次对这种表格的设置</Badge>}
      </Group>
      {table.sheets.length > 1 && (
        <Select
          label="工作表"
          description={`这个文件有 ${table.sheets.length} 个有数据的工作表，一次导入一个（导入后重新选择文件，再选下一个工作表）。`}
          data={table.sheets}
          value={table.sheetName}
          allowDeselect={false}
          disabled={read.saving}
          maw={520}
          onChange={(sheet) => {
            if (sheet && sheet !== table.sheetName)
              void read.run({ module: table.module, file: work.file, sheet }).then((t) => t && setWork(workOf(t, work.file)));
          }}
        />
      )}
      {missing.length > 0 && (
        <Alert color="red" variant="light">
          还没有对应的必填项：{missing.map((f) => f.label).join('、')}
        </Alert>
      )}
      <Table withTableBorder striped maw={1000}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>列</Table.Th>
            <Table.Th>表头</Table.Th>
            <Table.Th>示例</Table.Th>
            <Table.Th w={240}>导入为</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.headers.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the file's columns, in their order.
            <Table.Tr key={i}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{h || <Text c="dimmed">（无表头）</Text>}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {samples(i)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`第${i + 1}列“${h}”导入为`}
                  size="xs"
                  data={fieldOptions}
                  value={work.mapping[i] ?? NOT_IMPORTED}
                  allowDeselect={false}
                  onChange={(v) => {
                    const key = v === NOT_IMPORTED ? null : v;
                    // A field goes into one column: the column that had it gives it up.
                    const mapping = work.mapping.map((m, j) => (j === i ? key : m === key ? null : m));
                    setWork({ ...work, mapping });
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button onClick={onNext} disabled={missing.length > 0} loading={checking}>
          下一步：检查每一行
        </Button>
      </Group>
    </Stack>
  );
}

/** Values of a field of choices that matched none of the ledger's: the user says what each stands for. */
function UnknownValues({ report, work, setWork }: { report: ImportReport; work: Work; setWork: (w: Work) => void }) {
  if (report.unknown.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title="值对应：以下取值不在本台账的选项中，请选择它们对应的项">
      <Stack gap="xs">
        {report.unknown.map((u) => (
          <Group key={`${u.field}:${u.value}`} gap="sm">
            <Text size="sm" w={260}>
              {u.fieldLabel}“{u.value}”（{u.count} 行）
            </Text>
            <Select
              aria-label={`${u.fieldLabel}“${u.value}”对应`}
              size="xs"
              w={220}
              placeholder="请选择"
              searchable
              data={[{ value: NOT_IMPORTED, label: '（不填）' }, ...u.choices]}
              value={work.valueMap[u.field]?.[u.value] === undefined ? null : work.valueMap[u.field]![u.value] || NOT_IMPORTED}
              onChange={(v) => {
                if (v === null) return;
                const valueMap = { ...work.valueMap, [u.field]: { ...work.valueMap[u.field], [u.value]: v === NOT_IMPORTED ? '' : v } };
                setWork({ ...work, valueMap });
              }}
            />
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

function FixRow({ work, row, onSave, onClose }: { work: Work; row: number; onSave: (cells: string[]) => void; onClose: () => void }) {
  const original = work.rows.find((r) => r.row === row)!;
  const [cells, setCells] = useState(original.cells);
  return (
    <Modal opened onClose={onClose} title={`修改第 ${row} 行`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(cells);
        }}
      >
        <Stack gap="xs">
          {work.table.headers.map((h, i) =>
            work.mapping[i] ? (
              <TextInput
                // biome-ignore lint/suspicious/noArrayIndexKey: the file's columns, in their order.
                key={i}
                label={`${h}（${work.table.fields.find((f) => f.key === work.mapping[i])?.label ?? ''}）`}
                value={cells[i] ?? ''}
                data-autofocus={i === 0 || undefined}
                onChange={(e) => {
                  const next = [...cells];
                  next[i] = e.currentTarget.value;
                  setCells(next);
                }}
              />
            ) : null,
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit">保存并重新检查</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RowTable({
  rows,
  onFix,
  onSkip,
}: {
  rows: ImportRowReport[];
  onFix: (row: number) => void;
  onSkip: (row: number, skip: boolean) => void;
}) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shown = rows.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);
  if (rows.length === 0) return <EmptyState title="没有这样的行" />;
  return (
    <Stack gap="xs">
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>行号</Table.Th>
            <Table.Th w={140}>检查结果</Table.Th>
            <Table.Th>内容</Table.Th>
            <Table.Th>说明</Table.Th>
            <Table.Th w={150} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r) => (
            <Table.Tr key={r.row} data-row={r.row}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLORS[r.state]} variant="light">
                  {IMPORT_ROW_STATE_LABELS[r.state]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.summary}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {r.messages.map((m, i) => (
                    <Text
                      // biome-ignore lint/suspicious/noArrayIndexKey: a row's messages, in the order the check gave them.
                      key={i}
                      size="sm"
                      c={m.level === 'error' ? 'red' : m.level === 'warning' ? 'orange.8' : 'dimmed'}
                    >
                      {m.text}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {r.state !== 'skipped' && r.state !== 'duplicate' && (
                    <Button size="compact-xs" variant="light" onClick={() => onFix(r.row)}>
                      修改
                    </Button>
                  )}
                  {r.state === 'skipped' ? (
                    <Button size="compact-xs" variant="subtle" onClick={() => onSkip(r.row, false)}>
                      取消跳过
                    </Button>
                  ) : r.state !== 'duplicate' ? (
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onSkip(r.row, true)}>
                      跳过
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} size="sm" />}
    </Stack>
  );
}

function Preview({
  work,
  report,
  recheck,
  checking,
  onImported,
}: {
  work: Work;
  report: ImportReport;
  recheck: (w: Work) => void;
  checking: boolean;
  onImported: (r: ImportResult) => void;
}) {
  const [filter, setFilter] = useState<Filter>(report.counts.error > 0 ? 'error' : 'all');
  const [fixing, setFixing] = useState<number | null>(null);
  const [dry, setDry] = useState<ImportResult | null>(null);
  const run = useRunImport();
  const rows = useMemo(() => (filter === 'all' ? report.rows : report.rows.filter((r) => r.state === filter)), [report, filter]);
  const { counts } = report;
  const willImport = counts.ok + counts.warning;
  const skip = (row: number, on: boolean) => recheck({ ...work, skip: on ? [...work.skip, row] : work.skip.filter((r) => r !== row) });
  const skipErrors = () => recheck({ ...work, skip: [...work.skip, ...report.rows.filter((r) => r.state === 'error').map((r) => r.row)] });
  const doImport = () => {
    modals.openConfirmModal({
      title: '导入',
      children: (
        <Text size="sm">
          将先备份当前账本，再把 {willImport} 行导入{MODULE_INFO[work.table.module].nav}（跳过 {counts.skipped} 行，重复 {counts.duplicate}{' '}
          行不导入）。导入后可以在下方“导入记录”中整批撤销。
        </Text>
      ),
      labels: { confirm: '备份并导入', cancel: '取消' },
      onConfirm: () => void run.run({ ...checkInput(work), dryRun: false }).then((r) => r && onImported(r)),
    });
  };
  return (
    <Stack>
      <Group gap="xs">
        {(Object.keys(IMPORT_ROW_STATE_LABELS) as ImportRowState[]).map((s) => (
          <Badge key={s} color={STATE_COLORS[s]} variant="light" size="lg">
            {IMPORT_ROW_STATE_LABELS[s]} {counts[s]}
          </Badge>
        ))}
      </Group>
      {report.mappingErrors.length > 0 && (
        <Alert color="red" variant="light">
          {report.mappingErrors.join('；')}
        </Alert>
      )}
      <UnknownValues report={report} work={work} setWork={recheck} />
      {dry && (
        <Alert color="teal" variant="light" title="试导入完成（未保存任何数据）">
          可以导入 {dry.imported} 行；有错误 {dry.report.counts.error} 行，重复 {dry.report.counts.duplicate} 行，跳过{' '}
          {dry.report.counts.skipped} 行。用时 {(dry.ms / 1000).toFixed(1)} 秒。
        </Alert>
      )}
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'all', label: `全部 ${report.rows.length}` },
            { value: 'error', label: `有错误 ${counts.error}` },
            { value: 'warning', label: `有提示 ${counts.warning}` },
            { value: 'duplicate', label: `重复 ${counts.duplicate}` },
            { value: 'skipped', label: `已跳过 ${counts.skipped}` },
          ]}
        />
        <Group gap="xs">
          {counts.error > 0 && (
            <Button variant="default" size="xs" onClick={skipErrors} loading={checking}>
              跳过所有有错误的行
            </Button>
          )}
          <Button variant="default" size="xs" onClick={() => recheck(work)} loading={checking}>
            重新检查
          </Button>
        </Group>
      </Group>
      <RowTable rows={rows} onFix={setFixing} onSkip={skip} />
      <Group>
        <Button
          variant="light"
          loading={run.saving && !dry}
          disabled={counts.error > 0}
          onClick={() => void run.run({ ...checkInput(work), dryRun: true }).then((r) => r && setDry(r))}
        >
          试导入
        </Button>
        <Button disabled={counts.error > 0 || willImport === 0} loading={run.saving} onClick={doImport}>
          导入 {willImport} 行
        </Button>
        {counts.error > 0 && (
          <Text size="sm" c="red">
            还有 {counts.error} 行有错误：请修改或跳过后再导入。
          </Text>
        )}
      </Group>
      {fixing !== null && (
        <FixRow
          work={work}
          row={fixing}
          onClose={() => setFixing(null)}
          onSave={(cells) => {
            setFixing(null);
            recheck({ ...work, rows: work.rows.map((r) => (r.row === fixing ? { ...r, cells } : r)) });
          }}
        />
      )}
    </Stack>
  );
}

/** What one batch created, row by row: the sheet's row, its original 序号, and the record (or that it is gone). */
function BatchItems({ batch, onClose }: { batch: ImportBatch; onClose: () => void }) {
  const items = useImportItems(batch.id);
  const [page, setPage] = useState(1);
  const list = items.data ?? [];
  const pages = Math.max(1, Math.ceil(list.length / PAGE));
  return (
    <Modal opened onClose={onClose} title={`导入明细：${batch.fileName}`} size="lg">
      {items.isPending ? (
        <Loading>正在加载…</Loading>
      ) : (
        <Stack gap="xs">
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>行号</Table.Th>
                <Table.Th w={90}>原序号</Table.Th>
                <Table.Th>记录</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.slice((page - 1) * PAGE, page * PAGE).map((i) => (
                <Table.Tr key={`${i.module}:${i.recordId}`}>
                  <Table.Td>{i.rowNo}</Table.Td>
                  <Table.Td>{i.originalNo ?? ''}</Table.Td>
                  <Table.Td>
                    {i.deleted ? (
                      <Text size="sm" c="dimmed">
                        {MODULE_INFO[i.module].record}（已删除，可在回收站恢复）
                      </Text>
                    ) : (
                      <Anchor component={Link} to={recordPath(i.module, i.recordId)} onClick={onClose} size="sm">
                        {MODULE_INFO[i.module].record}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
        </Stack>
      )}
    </Modal>
  );
}

function Batches() {
  const batches = useImportBatches();
  const undo = useUndoImport((id, edited) => {
    void confirmDelete(
      '仍要撤销导入吗？',
      `这次导入的记录中有 ${edited} 条在导入后被修改过。撤销会把它们连同修改一并移入回收站（可在回收站恢复）。`,
      '仍然撤销',
    ).then((ok) => ok && void undo.run({ id, force: true }, '这次导入的记录已移入回收站'));
  });
  const undoBatch = async (b: ImportBatch) => {
    const ok = await confirmDelete(
      '撤销导入',
      `将把这次导入（${b.fileName}，${b.importedCount} 行）新建的 ${b.records} 条记录移入回收站。确定撤销吗？`,
      '撤销导入',
    );
    if (ok) await undo.run({ id: b.id }, '这次导入的记录已移入回收站');
  };
  const [shown, setShown] = useState<ImportBatch | null>(null);
  if (batches.isPending) return <Loading>正在加载导入记录…</Loading>;
  const list = batches.data ?? [];
  return (
    <Stack gap="xs">
      <Title order={4}>导入记录</Title>
      {list.length === 0 ? (
        <EmptyState title="还没有导入过旧台账" />
      ) : (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>导入时间</Table.Th>
              <Table.Th>台账</Table.Th>
              <Table.Th>文件</Table.Th>
              <Table.Th>导入 / 未导入</Table.Th>
              <Table.Th>操作人</Table.Th>
              <Table.Th>导入前备份</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{formatInstant(b.createdAt)}</Table.Td>
                <Table.Td>{MODULE_INFO[b.module].nav}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{b.fileName}</Table.Td>
                <Table.Td>
                  {b.importedCount} / {b.skippedCount}
                </Table.Td>
                <Table.Td>{b.actorName}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  <Text size="xs" c="dimmed">
                    {b.backupFile ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setShown(b)}>
                      明细
                    </Button>
                    {b.undoneAt ? (
                      <Text size="sm" c="dimmed">
                        已于 {formatInstant(b.undoneAt)} 撤销
                      </Text>
                    ) : (
                      <Button size="compact-xs" color="red" variant="light" loading={undo.saving} onClick={() => void undoBatch(b)}>
                        撤销导入
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {shown && <BatchItems batch={shown} onClose={() => setShown(null)} />}
    </Stack>
  );
}

export function ImportPage() {
  const [step, setStep] = useState(0);
  const [work, setWork] = useState<Work | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const check = useCheckImport();
  const recheck = (w: Work) => {
    setWork(w);
    void check.run(checkInput(w)).then((r) => {
      if (!r) return;
      setReport(r);
      setStep(2);
    });
  };
  const restart = () => {
    setWork(null);
    setReport(null);
    setResult(null);
    setStep(0);
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>导入旧台账</Title>
        {step > 0 && (
          <Button variant="subtle" onClick={restart}>
            重新选择文件
          </Button>
        )}
      </Group>
      <Stepper active={step} onStepClick={(s) => s < step && step < 3 && setStep(s)} size="sm">
        <Stepper.Step label="选择文件">
          <ChooseFile
            onRead={(table, file) => {
              setWork(workOf(table, file));
              setStep(1);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label="对应列">
          {work && <MapColumns work={work} setWork={setWork} onNext={() => recheck(work)} checking={check.saving} />}
        </Stepper.Step>
        <Stepper.Step label="检查与修改">
          {work && report && (
            <Preview
              work={work}
              report={report}
              recheck={recheck}
              checking={check.saving}
              onImported={(r) => {
                setResult(r);
                setStep(3);
              }}
            />
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {result && work && (
            <Alert color="green" variant="light" title="导入完成">
              <Stack gap={4}>
                <Text size="sm">
                  已导入 {result.imported} 行到{MODULE_INFO[work.table.module].nav}；重复未导入 {result.report.counts.duplicate} 行，跳过{' '}
                  {result.report.counts.skipped} 行。导入前的备份：{result.backupFile ?? '无'}。
                </Text>
                <Group>
                  <Anchor component={Link} to={MODULE_INFO[work.table.module].route}>
                    查看{MODULE_INFO[work.table.module].nav}
                  </Anchor>
                  <Anchor component="button" onClick={restart}>
                    再导入一个文件
                  </Anchor>
                </Group>
              </Stack>
            </Alert>
          )}
        </Stepper.Completed>
      </Stepper>
      <Batches />
    </Stack>
  );
}
