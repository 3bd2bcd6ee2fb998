import { Alert, Button, Card, FileButton, Group, Image, Modal, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_KIND_LABELS,
  attachmentSizeProblem,
  formatSize,
  type Attachment,
  type AttachmentKind,
  type AttachmentOwner,
} from '../../../shared/schemas/attachments';
import { errorMessage } from '../../api/client';
import { confirmDelete } from '../../components/ConfirmDelete';
import { fileBlob, saveFile } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { notifyError } from '../../components/notify';
import { useDeleteAttachment, useUploadAttachments } from './mutations';
import { attachmentFile, useAttachments } from './queries';
import { formatInstant } from '../../../shared/instants';

/** 查看: an image inline, a PDF in the browser's own viewer; both from a blob URL that is revoked on close. */
function ViewModal({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  // Not kept in the cache after closing: a scan can be many megabytes.
  const q = useQuery(attachmentFile(attachment.id));
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!q.data) return;
    const u = URL.createObjectURL(fileBlob(q.data));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [q.data]);
  const isPdf = attachment.mime === 'application/pdf';
  // Chromium shows every accepted image type but TIFF.
  const isImage = attachment.mime.startsWith('image/') && attachment.mime !== 'image/tiff';
  return (
    <Modal opened onClose={onClose} title={attachment.fileName} size="80%" styles={{ title: { wordBreak: 'break-all' } }}>
      <Stack>
        {q.isLoading && <Loading center>正在打开附件…</Loading>}
        {q.error && <Alert color="red">{errorMessage(q.error)}</Alert>}
        {url && isImage && <Image src={url} alt={attachment.fileName} fit="contain" mah="70vh" />}
        {url && isPdf && <iframe src={url} title={attachment.fileName} style={{ width: '100%', height: '75vh', border: 0 }} />}
        {url && !isImage && !isPdf && <Text c="dimmed">此格式无法在此预览，请下载后查看。</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            关闭
          </Button>
          <Button disabled={!q.data} onClick={() => q.data && saveFile(q.data)}>
            下载
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * 附件 of one record (a mediation case, a follow-up file): upload scans and photos,
 * view, download, delete (to the recycle bin). Read-only when the record itself is deleted.
 */
export function AttachmentsCard({
  ownerType,
  ownerId,
  readOnly = false,
  defaultKind = ATTACHMENT_KINDS[0],
}: {
  ownerType: AttachmentOwner;
  ownerId: string;
  readOnly?: boolean;
  defaultKind?: AttachmentKind;
}) {
  const qc = useQueryClient();
  const list = useAttachments(ownerType, ownerId);
  const uploadFiles = useUploadAttachments();
  const del = useDeleteAttachment();
  const [kind, setKind] = useState<AttachmentKind>(defaultKind);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string } | null>(null);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);

  const upload = async (files: File[]) => {
    // Let the same file be picked again after a refusal.
    resetRef.current?.();
    // Refused before reading: a too-large file never leaves the disk.
    const accepted = files.filter((f) => {
      const problem = attachmentSizeProblem(f.size);
      if (problem) notifications.show({ color: 'red', title: `未能上传：${f.name}`, message: problem, autoClose: 8000 });
      return !problem;
    });
    if (accepted.length === 0) return;
    await uploadFiles.run(
      { ownerType, ownerId, kind, files: accepted, onProgress: setProgress },
      (saved) => (saved > 0 ? `已上传 ${saved} 个附件` : null),
      () => setProgress(null),
    );
  };

  const download = async (a: Attachment) => {
    setDownloading(a.id);
    try {
      saveFile(await qc.fetchQuery(attachmentFile(a.id)));
    } catch (e) {
      notifyError(e, '未能下载');
    } finally {
      setDownloading(null);
    }
  };

  const remove = async (a: Attachment) => {
    if (await confirmDelete('删除附件', `确定删除“${a.fileName}”吗？删除后可在回收站恢复。`))
      void del.run(a.id, `“${a.fileName}”已移入回收站`);
  };

  return (
    <Card withBorder data-testid="attachments-card">
      <Group justify="space-between" mb="xs">
        <Title order={5}>附件</Title>
        {!readOnly && (
          <Group gap="xs" align="flex-end">
            <Select
              size="xs"
              w={130}
              aria-label="附件类别"
              allowDeselect={false}
              data={ATTACHMENT_KINDS.map((k) => ({ value: k, label: ATTACHMENT_KIND_LABELS[k] }))}
              value={kind}
              onChange={(v) => v && setKind(v as AttachmentKind)}
              disabled={!!progress}
            />
            <FileButton
              multiple
              accept="image/*,application/pdf"
              onChange={(files) => void upload(files)}
              resetRef={resetRef}
              disabled={!!progress}
            >
              {(props) => (
                <Button size="xs" variant="light" loading={!!progress} {...props}>
                  上传附件
                </Button>
              )}
            </FileButton>
          </Group>
        )}
      </Group>
      {progress && (
        <Stack gap={4} mb="sm">
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            正在上传 {progress.done + 1}/{progress.total}：{progress.current}
          </Text>
          <Progress value={((progress.done + 1) / progress.total) * 100} striped animated aria-label="上传进度" />
        </Stack>
      )}
      {list.isLoading && <Loading center>正在加载附件列表…</Loading>}
      {list.error && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {list.data?.length === 0 && (
        <EmptyState title="还没有附件">
          <Text size="sm">可上传签字的协议书、身份证明、证据材料等的扫描件或照片（图片或 PDF，单个不超过 20 MB）。</Text>
        </EmptyState>
      )}
      {!!list.data?.length && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>名称</Table.Th>
              <Table.Th>类别</Table.Th>
              <Table.Th>大小</Table.Th>
              <Table.Th>上传时间</Table.Th>
              <Table.Th>上传人</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((a) => (
              <Table.Tr key={a.id} data-testid="attachment-row">
                <Table.Td style={{ wordBreak: 'break-all' }}>{a.fileName}</Table.Td>
                <Table.Td>{ATTACHMENT_KIND_LABELS[a.kind]}</Table.Td>
                <Table.Td>{formatSize(a.sizeBytes)}</Table.Td>
                <Table.Td>{formatInstant(a.createdAt)}</Table.Td>
                <Table.Td>{a.createdBy}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button size="compact-xs" variant="subtle" onClick={() => setViewing(a)}>
                      查看
                    </Button>
                    <Button size="compact-xs" variant="subtle" loading={downloading === a.id} onClick={() => void download(a)}>
                      下载
                    </Button>
                    {!readOnly && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(a)}>
                        删除
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {viewing && <ViewModal attachment={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
}
