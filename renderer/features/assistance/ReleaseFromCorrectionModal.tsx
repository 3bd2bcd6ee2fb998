/**
 * 解除 of a correction file with, by default, its hand-over to 安置帮教 in the same write (REVIEW §5.5): the release's
 * fields from the correction module, then 转入安置帮教 (on) or, when the person already has a file in its period,
 * 关联已有档案. After the hand-over the new (or linked) assistance file is opened.
 */
import { Alert, Anchor, Checkbox, Stack, Text } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useNavigate } from 'react-router';
import { Link } from 'react-router';
import { recordPath } from '../../../shared/modules';
import { FromCorrectionInputAsOf } from '../../../shared/schemas/assistance';
import type { CorrectionFileView } from '../../../shared/schemas/correction';
import type { CorrectionEndView } from '../../../shared/schemas/correction-end';
import { FormModal } from '../../components/GuardedForm';
import { ModalActions } from '../../components/ModalActions';
import { useZodForm } from '../../components/useZodForm';
import { ReleaseFields, releaseInitial } from '../correction/EndModals';
import { useCorrectionEnd } from '../correction/queries';
import { useFromCorrection } from './mutations';
import { useCorrectionHandOver } from './queries';

function ReleaseForm({ v, liveId, onClose }: { v: CorrectionEndView; liveId: string | null; onClose: () => void }) {
  const navigate = useNavigate();
  const form = useZodForm({
    schema: FromCorrectionInputAsOf,
    initialValues: { ...releaseInitial(v), handOver: true, link: liveId !== null },
    toInput: (x) => ({ ...x, fileId: v.fileId }),
  });
  const { run, saving } = useFromCorrection(form);
  const values = form.getValues();
  const submit = form.onSubmit(async (x) => {
    const done = await run({ ...x, fileId: v.fileId }, (r) =>
      r.assistanceId ? (liveId ? '已解除社区矫正，并关联已有的安置帮教档案' : '已解除社区矫正，并转入安置帮教') : '已解除社区矫正',
    );
    if (!done) return;
    onClose();
    if (done.assistanceId) navigate(recordPath('assistance', done.assistanceId));
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="解除社区矫正" size="lg">
      <Stack>
        <ReleaseFields form={form} v={v} />
        <Checkbox
          label="转入安置帮教（以解除日期起算帮教期，按社区矫正期满人员的帮教期）"
          {...form.getInputProps('handOver', { type: 'checkbox' })}
        />
        {values.handOver && liveId && (
          <Alert color="orange" variant="light" py="xs">
            <Text size="sm">
              此人已有在册的安置帮教档案（
              <Anchor component={Link} to={recordPath('assistance', liveId)} target="_blank">
                查看
              </Anchor>
              ），不能再新建。
            </Text>
            <Checkbox mt={6} label="关联已有档案" {...form.getInputProps('link', { type: 'checkbox' })} />
          </Alert>
        )}
        {form.errors.handOver && (
          <Text c="red" size="xs">
            {form.errors.handOver}
          </Text>
        )}
        <ModalActions onCancel={onClose} submit={values.handOver ? '解除并转入安置帮教' : '解除'} loading={saving} />
      </Stack>
    </FormModal>
  );
}

export function ReleaseFromCorrectionModal({ file, onClose }: { file: CorrectionFileView; onClose: () => void }) {
  const end = useCorrectionEnd(file.id);
  const handOver = useCorrectionHandOver(file.id);
  if (!end.data || !handOver.data) return <Loading small>正在打开解除…</Loading>;
  return <ReleaseForm v={end.data} liveId={handOver.data.live?.id ?? null} onClose={onClose} />;
}
