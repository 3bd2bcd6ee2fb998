import { Table, UnstyledButton } from '@mantine/core';
import type { CSSProperties } from 'react';

/** A sortable column header: click to sort by it, click again to reverse; announced via aria-sort. */
export function SortHeader<S extends string>({
  label,
  field,
  sort,
  dir,
  onSort,
  style,
}: {
  label: string;
  field: S;
  sort: S;
  dir: 'asc' | 'desc';
  onSort: (f: S) => void;
  style?: CSSProperties;
}) {
  const active = sort === field;
  return (
    <Table.Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} style={style}>
      <UnstyledButton onClick={() => onSort(field)} fw={600} fz="sm">
        {label} {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
      </UnstyledButton>
    </Table.Th>
  );
}
