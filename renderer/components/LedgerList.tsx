/**
 * The ledgers' one screen (矛盾纠纷排查登记, 人民调解案件台账, 重点人员台账, 人员库): the title with the
 * page's buttons (other pages of the ledger, 导出Excel, the new-record button), a filter bar, the
 * total, one page of a table whose rows open their record, the empty state and the pages. Columns
 * are data: a header, a cell, and the host's sort key when the header sorts. Filtering, sorting and
 * paging happen on the host; useLedger keeps the page's filters, search text, page and order.
 */
import { Anchor, Button, Center, Group, Loader, Pagination, Table, Text, Title, type TableTdProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { MODULE_INFO, recordPath, type ModuleName } from '../../shared/modules';
import type { Paged } from '../../shared/schemas/common';
import { errorMessage } from '../api/client';
import { EmptyState } from './EmptyState';
import { type LedgerPrint, PrintLedgerButton } from './PrintLedger';
import { SortHeader } from './SortHeader';

export type SortDir = 'asc' | 'desc';

const CONTROL_LABELS = { first: '第一页', previous: '上一页', next: '下一页', last: '最后一页' } as const;

export interface LedgerColumn<R, S extends string = never> {
  header: string;
  cell: (row: R) => ReactNode;
  /** The host's sort key this column's header sets; a plain header when omitted. */
  sort?: S;
  /** The cell links to the record (as a click anywhere on the row does). */
  link?: boolean;
  td?: TableTdProps;
}

export interface LedgerSort<S extends string> {
  by: S;
  dir: SortDir;
  onSort: (by: S) => void;
}

/**
 * A ledger's filters (with the search text `q`, debounced for the host) and page. Any change of
 * filter goes back to page 1; `filtered` says whether the filters differ from the defaults.
 */
export function useLedger<F extends { q: string }>(defaults: F, debounceMs = 300) {
  const [filters, setFilters] = useState<F>(defaults);
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(filters.q.trim(), debounceMs);
  const patch = (p: Partial<F>) => {
    setFilters((x) => ({ ...x, ...p }));
    setPage(1);
  };
  return {
    filters,
    /** The search text as sent to the host (trimmed and debounced). */
    q,
    page,
    setPage,
    set: <K extends keyof F>(k: K, v: F[K]) => {
      const p: Partial<F> = {};
      p[k] = v;
      patch(p);
    },
    patch,
    reset: () => patch(defaults),
    filtered: JSON.stringify(filters) !== JSON.stringify(defaults),
  };
}

/** A ledger's order: a header click sorts by its column, a second click reverses; `newestFirst` keys (dates) start descending. */
export function useLedgerSort<S extends string>(
  initial: S,
  initialDir: SortDir,
  newestFirst: readonly S[],
  onChange: () => void,
): LedgerSort<S> {
  const [by, setBy] = useState<S>(initial);
  const [dir, setDir] = useState<SortDir>(initialDir);
  const onSort = (field: S) => {
    if (field === by) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setBy(field);
      setDir(newestFirst.includes(field) ? 'desc' : 'asc');
    }
    onChange();
  };
  return { by, dir, onSort };
}

/** 清除筛选 (or the page's word for it), shown while the filters differ from the defaults. */
export function ResetFilters({ ledger, label }: { ledger: { filtered: boolean; reset: () => void }; label: string }) {
  if (!ledger.filtered) return null;
  return (
    <Button variant="subtle" size="xs" onClick={ledger.reset}>
      {label}
    </Button>
  );
}

export interface LedgerListProps<R extends { id: string }, S extends string> {
  /** Whose ledger: its rows open `${route}/${id}`, its pages lie below its route. */
  module: ModuleName;
  title: string;
  /** Other pages of the ledger (统计, 走访计划表) by their path below the module's route, before 导出Excel. */
  links?: readonly { label: string; path: string }[];
  /** 打印台账: every row of the filters on screen, printed (PrintLedger.tsx). */
  print?: LedgerPrint<R>;
  /** 导出Excel: the ledger with the filters on screen. */
  exportFile?: { busy: boolean; run: () => void };
  /** The page's main button, to `${route}/new`. */
  create: string;
  filters: ReactNode;
  /** The query: while a new filter or page loads, the previous rows stay on screen, dimmed (`isPlaceholderData`). */
  list: { data?: Paged<R> | undefined; error: unknown; isLoading: boolean; isPlaceholderData?: boolean };
  /** What the total counts (条, 件, 人). */
  unit: string;
  /** Said instead of the total when the host stopped at its limit (Paged.capped). */
  cappedText?: string;
  columns: readonly LedgerColumn<R, S>[];
  sort?: LedgerSort<S>;
  /** The page on screen (useLedger). */
  ledger: { page: number; setPage: (page: number) => void };
  empty: { title: string; children?: ReactNode };
  /** Scrolls sideways below this width (wide ledgers). */
  minWidth?: number;
  stickyHeader?: boolean;
}

export function LedgerList<R extends { id: string }, S extends string = never>(props: LedgerListProps<R, S>) {
  const { columns, sort, list } = props;
  const navigate = useNavigate();
  const route = MODULE_INFO[props.module].route;
  const rowLink = (r: R) => recordPath(props.module, r.id);
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const stale = !!list.isPlaceholderData;
  // A new page starts at its top, whichever of the two pagers was used.
  const toPage = (page: number) => {
    props.ledger.setPage(page);
    window.scrollTo({ top: 0 });
  };
  const pager = (where: 'top' | 'bottom') =>
    pages > 1 && (
      <Pagination
        size={where === 'top' ? 'sm' : 'md'}
        mt={where === 'bottom' ? 'md' : 0}
        total={pages}
        value={props.ledger.page}
        onChange={toPage}
        getControlProps={(control) => ({ 'aria-label': `${where === 'top' ? '上方' : '下方'}翻页：${CONTROL_LABELS[control]}` })}
        getItemProps={(page) => ({ 'aria-label': `第 ${page} 页` })}
      />
    );
  const table = (
    <Table
      striped
      highlightOnHover
      withTableBorder
      stickyHeader={props.stickyHeader}
      aria-busy={stale}
      style={{ opacity: stale ? 0.45 : 1, transition: 'opacity 120ms' }}
    >
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) =>
            c.sort && sort ? (
              <SortHeader key={c.header} label={c.header} field={c.sort} sort={sort.by} dir={sort.dir} onSort={sort.onSort} />
            ) : (
              <Table.Th key={c.header}>{c.header}</Table.Th>
            ),
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data?.rows.map((r) => (
          <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(rowLink(r))}>
            {columns.map((c) => (
              <Table.Td key={c.header} {...c.td}>
                {c.link ? (
                  <Anchor component={Link} to={rowLink(r)} onClick={(e) => e.stopPropagation()}>
                    {c.cell(r)}
                  </Anchor>
                ) : (
                  c.cell(r)
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{props.title}</Title>
        <Group>
          {props.links?.map((l) => (
            <Button key={l.path} variant="default" component={Link} to={`${route}/${l.path}`}>
              {l.label}
            </Button>
          ))}
          {props.print && <PrintLedgerButton title={props.title} columns={columns} print={props.print} unit={props.unit} />}
          {props.exportFile && (
            <Button variant="default" onClick={props.exportFile.run} loading={props.exportFile.busy}>
              导出Excel
            </Button>
          )}
          <Button component={Link} to={`${route}/new`}>
            {props.create}
          </Button>
        </Group>
      </Group>
      {props.filters}
      {list.error ? <Text c="red">{errorMessage(list.error)}</Text> : null}
      <Group justify="space-between" mb={4} mih={28}>
        <Group gap="xs">
          <Text size="sm" c={data?.capped ? 'orange' : 'dimmed'}>
            {data?.capped
              ? (props.cappedText ?? `超过 ${data.total} ${props.unit}，请再输入几个字缩小范围`)
              : `共 ${data?.total ?? 0} ${props.unit}`}
          </Text>
          {stale && (
            <Group gap={4}>
              <Loader size={12} />
              <Text size="xs" c="dimmed">
                正在查询…
              </Text>
            </Group>
          )}
        </Group>
        {pager('top')}
      </Group>
      {props.minWidth ? <Table.ScrollContainer minWidth={props.minWidth}>{table}</Table.ScrollContainer> : table}
      {list.isLoading && (
        <Center py="xl">
          <Group gap="xs">
            <Loader size="sm" />
            <Text c="dimmed">正在加载{props.title}…</Text>
          </Group>
        </Center>
      )}
      {data && data.rows.length === 0 && !stale && <EmptyState title={props.empty.title}>{props.empty.children}</EmptyState>}
      {pager('bottom')}
    </>
  );
}
