import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A card's facts as label–value rows, two pairs a row. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder fz="sm">
      <Table.Tbody>
        {Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => (
          <Table.Tr key={rows[i * 2]![0]}>
            {rows.slice(i * 2, i * 2 + 2).flatMap(([label, value]) => [
              <Table.Th key={`${label}-h`} w={130}>
                {label}
              </Table.Th>,
              <Table.Td key={`${label}-d`}>{value || '—'}</Table.Td>,
            ])}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
