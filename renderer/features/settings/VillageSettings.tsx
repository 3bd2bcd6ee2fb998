import { ActionIcon, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { splitNames } from '../../../shared/domain/names';
import {
  GridInput,
  VILLAGE_ORDER_LABELS,
  VILLAGE_ORDERS,
  VillageInput,
  type Grid,
  type NamesAdded,
  type Village,
  type VillageOrder,
} from '../../../shared/schemas/reference';
import { confirmDelete } from '../../components/ConfirmDelete';
import { FormModal } from '../../components/GuardedForm';
import { ModalActions } from '../../components/ModalActions';
import { useZodForm } from '../../components/useZodForm';
import {
  useAddGrids,
  useAddVillages,
  useDeleteGrid,
  useDeleteVillage,
  useSaveGrid,
  useSaveVillage,
  useSetVillageOrder,
} from '../reference/mutations';
import { useVillageOrder, useVillages } from '../reference/queries';

function VillageRenameModal({ village, onClose }: { village: Village; onClose: () => void }) {
  const form = useZodForm({ schema: VillageInput, initialValues: { name: village.name }, toInput: (v) => ({ id: village.id, ...v }) });
  const save = useSaveVillage(form);
  const submit = form.onSubmit(async (v) => {
    if (await save.run({ id: village.id, ...v }, (saved) => `已改名为“${saved.name}”`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`村（社区）改名：${village.name}`}>
      <Stack>
        <TextInput label="名称" withAsterisk data-autofocus maxLength={30} {...form.getInputProps('name')} />
        <Text size="xs" c="dimmed">
          已登记的记录随之显示新名称，原名称保留在修改记录中。
        </Text>
        <ModalActions onCancel={onClose} submit="保存" />
      </Stack>
    </FormModal>
  );
}

/** One grid: its name and its grid worker (网格员) with phone; or removed. */
function GridModal({ village, grid, onClose }: { village: Village; grid: Grid; onClose: () => void }) {
  const form = useZodForm({
    schema: GridInput,
    initialValues: { name: grid.name, workerName: grid.workerName ?? '', workerPhone: grid.workerPhone ?? '' },
    toInput: (v) => ({ id: grid.id, villageId: village.id, ...v }),
  });
  const save = useSaveGrid(form);
  const del = useDeleteGrid();
  const submit = form.onSubmit(async (v) => {
    if (await save.run({ id: grid.id, villageId: village.id, ...v }, `网格“${v.name}”已保存`)) onClose();
  });
  const remove = async () => {
    if (!(await confirmDelete('删除网格', `确定删除“${village.name}”的网格“${grid.name}”吗？已登记的记录不受影响。`))) return;
    if (await del.run(grid.id, `已删除网格“${grid.name}”`)) onClose();
  };
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`网格：${village.name} ${grid.name}`}>
      <Stack>
        <TextInput label="网格名称" withAsterisk data-autofocus maxLength={30} {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <TextInput label="网格员" maxLength={20} {...form.getInputProps('workerName')} />
          <TextInput label="网格员电话" {...form.getInputProps('workerPhone')} />
        </Group>
        <Group justify="space-between">
          <Button variant="subtle" color="red" onClick={() => void remove()}>
            删除网格
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit">保存</Button>
          </Group>
        </Group>
      </Stack>
    </FormModal>
  );
}

/**
 * 村（社区）与网格: added one by one or many at once from a pasted column (a spreadsheet's column or a list
 * separated by 、), listed in the office's own order — which can be rearranged — or by pinyin.
 */
export function VillageSettings() {
  const villages = useVillages();
  const order = useVillageOrder();
  const setOrder = useSetVillageOrder();
  const deleteVillage = useDeleteVillage();
  const [pasting, setPasting] = useState<Village | 'villages' | null>(null);
  const [renaming, setRenaming] = useState<Village | null>(null);
  const [editing, setEditing] = useState<{ village: Village; grid: Grid } | null>(null);
  const list = villages.data ?? [];
  const office = order.data?.mode !== 'pinyin';
  const move = (i: number, by: -1 | 1) => {
    const ids = list.map((v) => v.id);
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    void setOrder.run({ mode: 'office', ids });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group>
          <Button onClick={() => setPasting('villages')}>添加村（社区）</Button>
          <Text size="sm" c="dimmed">
            可一次粘贴多个名称（每行一个，或用顿号隔开）
          </Text>
        </Group>
        <SegmentedControl
          aria-label="排列方式"
          value={order.data?.mode ?? 'office'}
          data={VILLAGE_ORDERS.map((m) => ({ value: m, label: VILLAGE_ORDER_LABELS[m] }))}
          onChange={(mode) =>
            void setOrder.run({ mode: mode as VillageOrder }, `村（社区）已改为${VILLAGE_ORDER_LABELS[mode as VillageOrder]}排列`)
          }
        />
      </Group>
      {villages.isLoading && <Text c="dimmed">正在加载村（社区）…</Text>}
      {villages.data?.length === 0 && <Text c="dimmed">还没有村（社区）。点“添加村（社区）”，可把名单一次粘贴进来。</Text>}
      {list.map((v, i) => (
        <Card key={v.id} withBorder padding="sm">
          <Group justify="space-between">
            <Group gap={6}>
              {office && (
                <>
                  <ActionIcon variant="subtle" size="sm" aria-label={`上移：${v.name}`} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={`下移：${v.name}`}
                    disabled={i === list.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </ActionIcon>
                </>
              )}
              <Text fw={600}>{v.name}</Text>
            </Group>
            <Group gap={4}>
              <Button size="xs" variant="subtle" onClick={() => setRenaming(v)}>
                改名
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={async () => {
                  if (await confirmDelete('删除村（社区）', `确定删除“${v.name}”及其网格吗？已登记的记录不受影响。`))
                    void deleteVillage.run(v.id);
                }}
              >
                删除
              </Button>
            </Group>
          </Group>
          <Group gap={6} mt={6}>
            {v.grids.map((g) => (
              <Badge
                key={g.id}
                variant="light"
                component="button"
                type="button"
                style={{ cursor: 'pointer' }}
                aria-label={`修改网格：${g.name}`}
                title="修改网格名称和网格员"
                onClick={() => setEditing({ village: v, grid: g })}
              >
                {g.name}
                {g.workerName ? `（${g.workerName}）` : ''}
              </Badge>
            ))}
            <Button size="xs" variant="light" onClick={() => setPasting(v)}>
              添加网格
            </Button>
          </Group>
        </Card>
      ))}
      {pasting && <PasteNamesModal village={pasting === 'villages' ? null : pasting} onClose={() => setPasting(null)} />}
      {renaming && <VillageRenameModal village={renaming} onClose={() => setRenaming(null)} />}
      {editing && <GridModal village={editing.village} grid={editing.grid} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** Villages (or one village's grids) typed or pasted, one or many; what will be added is shown before it is. */
function PasteNamesModal({ village, onClose }: { village: Village | null; onClose: () => void }) {
  const what = village ? '网格' : '村（社区）';
  const form = useForm({ mode: 'controlled', initialValues: { text: '' } });
  const addVillages = useAddVillages(form);
  const addGrids = useAddGrids(form);
  const names = splitNames(form.getValues().text);
  const tooLong = names.find((n) => n.length > 30);
  const submit = form.onSubmit(async () => {
    if (names.length === 0) return form.setFieldError('text', `请填写${what}名称`);
    if (tooLong) return form.setFieldError('text', `“${tooLong.slice(0, 10)}…”超过30个字，请检查是否漏了换行`);
    const message = (r: NamesAdded) =>
      `已添加 ${r.added.length} 个${what}${r.skipped.length ? `；${r.skipped.join('、')} 已有，未重复添加` : ''}`;
    const done = village ? await addGrids.run({ villageId: village.id, names }, message) : await addVillages.run({ names }, message);
    if (done) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={village ? `添加网格：${village.name}` : '添加村（社区）'}>
      <Stack>
        <Textarea
          label={`${what}名称`}
          description="一个或多个：每行一个，可直接从表格中复制一列粘贴；也可用顿号、逗号隔开"
          placeholder={village ? '第一网格\n第二网格' : '高寨村\n张庄村\n东街社区'}
          autosize
          minRows={5}
          maxRows={14}
          data-autofocus
          {...form.getInputProps('text')}
        />
        <Text size="sm" c="dimmed">
          {names.length ? `将添加 ${names.length} 个：${names.slice(0, 8).join('、')}${names.length > 8 ? '……' : ''}` : ' '}
        </Text>
        <ModalActions onCancel={onClose} submit="添加" loading={addVillages.saving || addGrids.saving} />
      </Stack>
    </FormModal>
  );
}
