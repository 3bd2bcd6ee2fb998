/**
 * 移交工作: when a colleague leaves or changes post, everything open in their charge — the disputes they
 * are 承办人 of, the files they are 包保责任人 of — goes to another colleague in one step, each record
 * audited and the to-do list following. Closed records keep who handled them.
 */
import { Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Staff } from '../../../shared/schemas/reference';
import { FormModal } from '../../components/GuardedForm';
import { ModalActions } from '../../components/ModalActions';
import { useHandOver } from '../reference/mutations';
import { useStaff, useWorkload } from '../reference/queries';

export function HandOverModal({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const workload = useWorkload(staff.id);
  const colleagues = useStaff(false);
  const form = useForm<{ toStaffId: string | null }>({ mode: 'controlled', initialValues: { toStaffId: null } });
  const handOver = useHandOver(form);
  const work = (workload.data ?? []).filter((w) => w.count > 0);
  const words = work.map((w) => `${w.count} ${w.unit}${w.label}`).join('、');
  const options = (colleagues.data ?? [])
    .filter((s) => s.kind === 'staff' && s.active && s.id !== staff.id)
    .map((s) => ({ value: s.id, label: s.post ? `${s.name}（${s.post}）` : s.name }));
  const submit = form.onSubmit(async ({ toStaffId }) => {
    if (!toStaffId) return form.setFieldError('toStaffId', '请选择接手的工作人员');
    const to = options.find((o) => o.value === toStaffId)?.label ?? '';
    const done = await handOver.run(
      { fromStaffId: staff.id, toStaffId },
      (moved) =>
        `已将${staff.name}的${
          moved
            .filter((w) => w.count > 0)
            .map((w) => `${w.count} ${w.unit}${w.label}`)
            .join('、') || '工作'
        }移交给${to}`,
    );
    if (done) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`移交工作：${staff.name}`}>
      <Stack>
        {workload.isLoading ? (
          <Text c="dimmed">正在统计{staff.name}承办的工作…</Text>
        ) : work.length === 0 ? (
          <Text>{staff.name}名下没有未办结的纠纷或在管的档案，无需移交。</Text>
        ) : (
          <Text>
            {staff.name}名下有{words}。移交后由接手人承办或包保，每件记录都会记入修改记录；已办结的记录仍显示原承办人。
          </Text>
        )}
        <Select
          label="移交给"
          withAsterisk
          data={options}
          nothingFoundMessage="没有其他在岗的工作人员"
          disabled={work.length === 0}
          data-autofocus
          {...form.getInputProps('toStaffId')}
        />
        <ModalActions onCancel={onClose} submit="移交" loading={handOver.saving} />
      </Stack>
    </FormModal>
  );
}
