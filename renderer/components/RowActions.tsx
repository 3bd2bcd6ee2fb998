import { Button, Group } from '@mantine/core';

/** A record row's 修改 and 删除, in a table of records on a file's page. */
export function RowActions({ onEdit, onDelete }: { onEdit: () => void; onDelete: () => void }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="subtle" onClick={onEdit}>
        修改
      </Button>
      <Button size="compact-xs" variant="subtle" color="red" onClick={onDelete}>
        删除
      </Button>
    </Group>
  );
}
