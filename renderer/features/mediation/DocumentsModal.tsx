/**
 * 文书与打印: every form of the case file, previewed as it will print, printed with the system
 * dialog, saved as Word (.docx) from the host, or — in the desktop app — saved straight to PDF.
 */
import { Alert, Badge, Box, Button, Group, Modal, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { availableDocs, buildMediationDocument, type MediationDocRequest } from '../../../shared/documents/mediation';
import type { AttachmentKind } from '../../../shared/schemas/attachments';
import type { MediationCase } from '../../../shared/schemas/mediation';
import { DocumentView, PrintHost } from '../../components/DocumentView';
import { useSavePdf } from '../../components/useDownload';
import { useAttachments } from '../attachments/queries';
import { useDicts } from '../reference/queries';
import { useMediationDocumentFile } from './mutations';

export function DocumentsModal({ c, opened, onClose }: { c: MediationCase; opened: boolean; onClose: () => void }) {
  const dicts = useDicts();
  const docs = useMemo(() => availableDocs(c), [c]);
  const [selected, setSelected] = useState<MediationDocRequest>(() => (c.agreement?.form === 'written' ? 'agreement' : 'register'));
  const download = useMediationDocumentFile();
  const pdf = useSavePdf();
  const papers = useAttachments('mediation_case', c.id);
  const model = useMemo(() => {
    const attachments: Partial<Record<AttachmentKind, number>> = {};
    for (const a of papers.data ?? []) attachments[a.kind] = (attachments[a.kind] ?? 0) + 1;
    return buildMediationDocument(c, { categoryLabel: dicts.label('dispute_category', c.category), attachments }, selected);
  }, [c, dicts, selected, papers.data]);
  const current = docs.find((d) => d.key === selected)!;

  const downloadDocx = () => download.run({ caseId: c.id, doc: selected });

  return (
    <Modal opened={opened} onClose={onClose} fullScreen title={`文书与打印 — ${c.caseNo}`} scrollAreaComponent={ScrollArea.Autosize}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={2} w={250} style={{ flexShrink: 0 }} role="listbox" aria-label="文书">
          {docs.map((d) => (
            <Tooltip key={d.key} label={d.why} disabled={d.ready} position="right">
              <NavLink
                component="button"
                label={d.title}
                active={d.key === selected}
                disabled={!d.ready}
                onClick={() => setSelected(d.key)}
                rightSection={d.key === 'dossier' ? <Badge size="xs">全卷</Badge> : undefined}
                description={d.ready ? undefined : d.why}
              />
            </Tooltip>
          ))}
        </Stack>
        <Stack style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between">
            <Text fw={600}>{current.title}</Text>
            <Group>
              <Button variant="default" onClick={() => window.print()} disabled={!current.ready}>
                打印
              </Button>
              {pdf.available && (
                <Button variant="default" onClick={() => pdf.save(model.name)} loading={pdf.busy} disabled={!current.ready}>
                  保存为PDF
                </Button>
              )}
              <Button onClick={downloadDocx} loading={download.busy} disabled={!current.ready}>
                下载Word文档
              </Button>
            </Group>
          </Group>
          {!pdf.available && (
            <Text size="xs" c="dimmed">
              打印时在打印对话框中选择纸张 A4、边距“默认”；需要 PDF 时选择“另存为 PDF”。Word 文档可在 WPS 或 Word 中修改后打印。
            </Text>
          )}
          {current.ready ? (
            <Box bg="gray.2" p="md" style={{ overflowX: 'auto' }} data-testid="doc-preview">
              <DocumentView model={model} />
            </Box>
          ) : (
            <Alert color="yellow">{current.why}</Alert>
          )}
        </Stack>
      </Group>
      {opened && current.ready && <PrintHost model={model} />}
    </Modal>
  );
}
