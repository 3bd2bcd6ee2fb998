/**
 * 文书与打印, as every record with forms has it: the forms listed (the ones the record cannot fill yet
 * greyed, with the reason), the chosen one previewed as it will print, printed with the system dialog,
 * saved as Word (.docx) from the host, or — in the desktop app — saved straight to PDF.
 */
import { Alert, Badge, Box, Button, Group, Modal, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { DocChoice, DocumentModel } from '../../shared/documents/model';
import { DocumentView, PrintHost } from './DocumentView';
import { useSettings } from '../features/reference/queries';
import { useSavePdf } from './useDownload';

export function DocumentsModal<K extends string>(props: {
  title: string;
  opened: boolean;
  onClose: () => void;
  docs: readonly DocChoice<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** The chosen form, built from the record on screen (what the .docx will hold). */
  model: DocumentModel;
  download: { busy: boolean; run: () => void };
  badge?: (key: K) => ReactNode;
}) {
  const { docs, selected, model } = props;
  const pdf = useSavePdf();
  const current = docs.find((d) => d.key === selected)!;
  return (
    <Modal opened={props.opened} onClose={props.onClose} fullScreen title={props.title} scrollAreaComponent={ScrollArea.Autosize}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={2} w={250} style={{ flexShrink: 0 }} role="listbox" aria-label="文书">
          {docs.map((d) => (
            <Tooltip key={d.key} label={d.why} disabled={d.ready} position="right">
              <NavLink
                component="button"
                label={d.title}
                active={d.key === selected}
                disabled={!d.ready}
                onClick={() => props.onSelect(d.key)}
                rightSection={props.badge?.(d.key)}
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
              <Button onClick={props.download.run} loading={props.download.busy} disabled={!current.ready}>
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
      {props.opened && current.ready && <PrintHost model={model} />}
    </Modal>
  );
}

/**
 * The forms of one person's file (安置帮教, 社区矫正 …): `build` makes the chosen one from the file on
 * screen and the township's name; `whole` is the request for the whole file, marked 全档.
 */
export function RecordDocuments<K extends string>(props: {
  name: string;
  docs: readonly DocChoice<K>[];
  initial: K;
  whole: K;
  build: (key: K, townshipName: string) => DocumentModel;
  download: { busy: boolean; run: (key: K) => void };
  onClose: () => void;
}) {
  const settings = useSettings();
  const [selected, setSelected] = useState<K>(props.initial);
  const town = settings.data?.townshipName ?? '';
  const { build } = props;
  const model = useMemo(() => build(selected, town), [build, selected, town]);
  return (
    <DocumentsModal
      title={`文书与打印 — ${props.name}`}
      opened
      onClose={props.onClose}
      docs={props.docs}
      selected={selected}
      onSelect={setSelected}
      model={model}
      download={{ busy: props.download.busy, run: () => props.download.run(selected) }}
      badge={(key) => (key === props.whole ? <Badge size="xs">全档</Badge> : undefined)}
    />
  );
}
