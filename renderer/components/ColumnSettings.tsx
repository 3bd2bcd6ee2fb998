/**
 * 列设置: which columns a ledger shows, and in which order. The shown columns come first, each with
 * 上移/下移; the others follow in the ledger's own order, to be ticked back in (at the end). Every
 * change is the new choice at once; 恢复默认 forgets it. The print and the Excel export follow it.
 */
import { ActionIcon, Button, Checkbox, Divider, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';

export function ColumnSettings<K extends string>({
  headers,
  shown,
  customised,
  onChange,
}: {
  /** Every column of the ledger, in its own order. */
  headers: readonly { key: K; header: string }[];
  /** The columns on screen, in their order. */
  shown: readonly K[];
  /** Whether `shown` is the operator's choice rather than the ledger's usual columns. */
  customised: boolean;
  /** A new choice, or null for the usual columns. */
  onChange: (keys: K[] | null) => void;
}) {
  const header = new Map(headers.map((h) => [h.key, h.header]));
  const others = headers.filter((h) => !shown.includes(h.key));
  const move = (i: number, by: -1 | 1) => {
    const next = [...shown];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" size="compact-sm">
          列设置
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="列设置" role="dialog">
        <Stack gap={6} w={260}>
          <Text size="xs" c="dimmed">
            勾选要显示的列，用箭头调整先后。打印台账和导出Excel也按此列出。
          </Text>
          <ScrollArea.Autosize mah="min(360px, 40vh)" type="auto" offsetScrollbars>
            <Stack gap={4}>
              {shown.map((key, i) => (
                <Group key={key} justify="space-between" wrap="nowrap" gap={4}>
                  <Checkbox
                    size="xs"
                    label={header.get(key)}
                    checked
                    // One column at least: the last one cannot be taken away.
                    disabled={shown.length === 1}
                    onChange={() => onChange(shown.filter((k) => k !== key))}
                  />
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-label={`上移“${header.get(key)}”`}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-label={`下移“${header.get(key)}”`}
                      disabled={i === shown.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </ActionIcon>
                  </Group>
                </Group>
              ))}
              {others.length > 0 && <Divider label="未显示的列" labelPosition="left" />}
              {others.map((h) => (
                <Checkbox key={h.key} size="xs" label={h.header} checked={false} onChange={() => onChange([...shown, h.key])} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button variant="subtle" size="compact-sm" disabled={!customised} onClick={() => onChange(null)}>
              恢复默认
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
