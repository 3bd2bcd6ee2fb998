/**
 * The ledgers' one screen (矛盾纠纷排查登记, 人民调解案件台账, 重点人员台账, 人员库): the title with the
 * page's buttons (other pages of the ledger, 打印台账, 导出Excel, the new-record button), a filter bar
 * folded into one row (更多筛选 opens the rest), the total with 列设置 and the pager, one page of a
 * table whose rows open their record, the empty state and the pager again. Columns are data, by key:
 * a header, a cell, a least width, and the host's sort key when the header sorts; which of them show,
 * in which order, is the operator's choice (列设置, kept by the host), and the print and the export
 * follow it. A window too narrow for the chosen columns leaves out those before the last column that
 * must stay in view (`keep`), rightmost first, and says which. Filtering, sorting and paging happen
 * on the host; useLedger keeps the page's filters, search text, page and order.
 */
import { Anchor, Badge, Box, Button, Center, Collapse, Group, Loader, Pagination, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useElementSize } from '@mantine/hooks';
import { isValidElement, memo, useState, type CSSProperties, type ReactNode } from 'react';
import { Link, useNavigate, type NavigateFunction } from 'react-router';
import { MODULE_INFO, recordPath, type ModuleName } from '../../shared/modules';
import type { Paged } from '../../shared/schemas/common';
import { errorMessage } from '../api/client';
import { useSaveListColumns } from '../features/reference/mutations';
import { useListColumns } from '../features/reference/queries';
import { ColumnSettings } from './ColumnSettings';
import { EmptyState } from './EmptyState';
import { type LedgerPrint, PrintLedgerButton } from './PrintLedger';
import { SortHeader } from './SortHeader';

export type SortDir = 'asc' | 'desc';

const CONTROL_LABELS = { first: '第一页', previous: '上一页', next: '下一页', last: '最后一页' } as const;

export interface LedgerColumn<R, S extends string = never> {
  header: string;
  cell: (row: R) => ReactNode;
  /** Its width in pixels on a window just wide enough: the table is laid out on these, one line a row. */
  width: number;
  /** Stays in view on a narrow window (a case number, the parties, the state, the deadline). */
  keep?: boolean;
  /** The host's sort key this column's header sets; a plain header when omitted. */
  sort?: S;
  /** The cell links to the record (as a click anywhere on the row does). */
  link?: boolean;
  /** How its cells differ from the others' (numbers to the right, an ID number in a fixed-width font). */
  style?: CSSProperties;
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
    <Button variant="subtle" size="xs" mb={6} onClick={ledger.reset}>
      {label}
    </Button>
  );
}

/**
 * The filter bar: `main` always in view (the search box and one or two main filters, 清除筛选),
 * `more` behind 更多筛选, whose badge counts how many of them are set.
 */
export interface LedgerFilters {
  main: ReactNode;
  more?: ReactNode;
  moreSet?: number;
}

export interface LedgerListProps<R extends { id: string }, S extends string, K extends string> {
  /** Whose ledger: its rows open `${route}/${id}`, its pages lie below its route, its columns are kept under its name. */
  module: ModuleName;
  title: string;
  /** Other pages of the ledger (统计, 走访计划表) by their path below the module's route, before 导出Excel. */
  links?: readonly { label: string; path: string }[];
  /** 打印台账: every row of the filters on screen, printed in the columns on screen (PrintLedger.tsx). */
  print?: LedgerPrint<R>;
  /** 导出Excel: the ledger with the filters on screen, in the chosen columns (undefined: the export's usual ones). */
  exportFile?: { busy: boolean; run: (columns: K[] | undefined) => void };
  /** The page's main button, to `${route}/new`. */
  create: string;
  filters: LedgerFilters;
  /** The query: while a new filter or page loads, the previous rows stay on screen, dimmed (`isPlaceholderData`). */
  list: { data?: Paged<R> | undefined; error: unknown; isLoading: boolean; isPlaceholderData?: boolean };
  /** What the total counts (条, 件, 人). */
  unit: string;
  /** Said instead of the total when the host stopped at its limit (Paged.capped). */
  cappedText?: string;
  /** Every column the ledger can show, by its key (shared/schemas/<m>.ts), in the order 列设置 offers them. */
  columns: { readonly [key in K]: LedgerColumn<R, S> };
  /** The columns shown until the operator chooses others, in order. */
  defaultColumns: readonly K[];
  sort?: LedgerSort<S>;
  /** The page on screen (useLedger). */
  ledger: { page: number; setPage: (page: number) => void };
  empty: { title: string; children?: ReactNode };
  stickyHeader?: boolean;
}

/** One line a row: what does not fit its column ends in …, and the cell's title says all of it. */
const CELL: CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

/**
 * The chosen columns that fit `available` pixels with every `keep` column in view: those before the
 * last such column are left out, rightmost first, until it ends inside the window; the columns
 * after it may run past the edge (the table then scrolls sideways to them). Nothing is left out
 * before the width is known.
 */
function fitColumns<K extends string>(keys: readonly K[], width: (k: K) => number, keep: (k: K) => boolean, available: number) {
  const shown = [...keys];
  const keptEnd = () => {
    let x = 0;
    let end = 0;
    for (const k of shown) {
      x += width(k);
      if (keep(k)) end = x;
    }
    return end;
  };
  const lastIndex = (list: readonly K[], test: (k: K) => boolean) => list.reduce((found, k, i) => (test(k) ? i : found), -1);
  while (available > 0 && keptEnd() > available) {
    const drop = lastIndex(shown.slice(0, lastIndex(shown, keep)), (k) => !keep(k));
    if (drop < 0) break;
    shown.splice(drop, 1);
  }
  return { shown, left: keys.filter((k) => !shown.includes(k)) };
}

/**
 * Whether two cells' contents draw the same: text by value, an element by its type and props (its
 * children alike, a fragment's one by one). A cell whose function made a new but equal element
 * (<StatusBadge status="…" />) is not drawn again.
 */
function sameNode(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameNode(x, b[i]));
  if (!isValidElement(a) || !isValidElement(b) || a.type !== b.type || a.key !== b.key) return false;
  const pa = a.props as Record<string, unknown>;
  const pb = b.props as Record<string, unknown>;
  const keys = Object.keys(pa);
  return keys.length === Object.keys(pb).length && keys.every((k) => (k === 'children' ? sameNode(pa[k], pb[k]) : Object.is(pa[k], pb[k])));
}

function sameProps(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const pa = a as Record<string, unknown>;
  const pb = b as Record<string, unknown>;
  return Object.keys(pa).length === Object.keys(pb).length && Object.keys(pa).every((k) => Object.is(pa[k], pb[k]));
}

interface RowCell {
  key: string;
  content: ReactNode;
  link?: boolean;
  style?: CSSProperties;
}

/**
 * A row and its cells as Mantine's Table.Tr and Table.Td draw them inside the ledger's table
 * (striped, highlighted on hover, bordered rows), written out: with five hundred cells a page, each
 * a Mantine component working out its styles again, they were a quarter of the scripting of a
 * change of page.
 */
const ROW = { className: `${Table.classes.tr} mantine-Table-tr`, 'data-with-row-border': true, 'data-striped': 'odd', 'data-hover': true };
const TD = `${Table.classes.td} mantine-Table-td`;

/**
 * One row of the page. Its cells are worked out by the ledger and the row is drawn again only when
 * one of them reads differently: a key typed in a filter, the page dimmed while the next loads, or
 * a query of the page coming in redraws the ledger, not its fifty rows of cells.
 */
const LedgerRow = memo(
  function LedgerRow({ href, cells, navigate }: { href: string; cells: RowCell[]; navigate: NavigateFunction }) {
    return (
      <tr {...ROW} style={{ cursor: 'pointer' }} onClick={() => navigate(href)}>
        {cells.map((c) => (
          <td
            key={c.key}
            className={TD}
            style={c.style ? { ...CELL, ...c.style } : CELL}
            title={typeof c.content === 'string' ? c.content : undefined}
          >
            {c.link ? (
              <Anchor component={Link} to={href} onClick={(e) => e.stopPropagation()}>
                {c.content}
              </Anchor>
            ) : (
              c.content
            )}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.href === b.href &&
    a.navigate === b.navigate &&
    a.cells.length === b.cells.length &&
    a.cells.every((c, i) => {
      const d = b.cells[i]!;
      return c.key === d.key && c.link === d.link && sameNode(c.content, d.content) && sameProps(c.style, d.style);
    }),
);

/** The operator's columns of a ledger: kept by the host, changed here at once and saved behind. */
function useColumnChoice<K extends string>(module: ModuleName, known: readonly K[], defaults: readonly K[]) {
  const saved = useListColumns(module);
  const save = useSaveListColumns(module, saved.operatorId);
  // What this page changed, for the operator it was changed for (a switch of operator shows theirs).
  const [draft, setDraft] = useState<{ operatorId: string | null; keys: K[] | null }>();
  const stored = saved.columns?.filter((k): k is K => (known as readonly string[]).includes(k)) ?? [];
  const chosen = draft && draft.operatorId === saved.operatorId ? draft.keys : stored.length ? stored : null;
  return {
    keys: chosen ?? defaults,
    customised: chosen !== null,
    loading: saved.loading,
    choose: (keys: K[] | null) => {
      setDraft({ operatorId: saved.operatorId, keys });
      void save.run(keys);
    },
  };
}

function FilterBar({ filters }: { filters: LedgerFilters }) {
  const [open, { toggle }] = useDisclosure(false);
  const set = filters.moreSet ?? 0;
  return (
    <Box mb="xs">
      <Group gap="xs" align="flex-end" wrap="wrap">
        {filters.main}
        {filters.more && (
          <Button
            variant={open ? 'light' : 'default'}
            onClick={toggle}
            aria-expanded={open}
            aria-label={set ? `更多筛选（已设 ${set} 项）` : '更多筛选'}
            rightSection={
              set > 0 && (
                <Badge size="sm" circle>
                  {set}
                </Badge>
              )
            }
          >
            更多筛选 {open ? '▴' : '▾'}
          </Button>
        )}
      </Group>
      {filters.more && (
        // At once rather than sliding: the filters are there the moment they are asked for.
        <Collapse expanded={open} transitionDuration={0}>
          <Group gap="xs" align="flex-end" wrap="wrap" pt="xs">
            {filters.more}
          </Group>
        </Collapse>
      )}
    </Box>
  );
}

export function LedgerList<R extends { id: string }, S extends string = never, K extends string = string>(props: LedgerListProps<R, S, K>) {
  const { columns, sort, list } = props;
  const navigate = useNavigate();
  const route = MODULE_INFO[props.module].route;
  const rowLink = (r: R) => recordPath(props.module, r.id);
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const stale = !!list.isPlaceholderData;
  const known = Object.keys(columns) as K[];
  const choice = useColumnChoice(props.module, known, props.defaultColumns);
  const { ref: tableBox, width: available } = useElementSize();
  const fitted = fitColumns(
    choice.keys,
    (k) => columns[k].width,
    (k) => !!columns[k].keep,
    available,
  );
  const shown = fitted.shown.map((k) => ({ key: k, ...columns[k] }));
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
      layout="fixed"
      verticalSpacing={3}
      stickyHeader={props.stickyHeader}
      aria-busy={stale}
      style={{ opacity: stale ? 0.45 : 1, transition: 'opacity 120ms' }}
    >
      <colgroup>
        {shown.map((c) => (
          <col key={c.key} style={{ width: c.width }} />
        ))}
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          {shown.map((c) =>
            c.sort && sort ? (
              <SortHeader key={c.key} label={c.header} field={c.sort} sort={sort.by} dir={sort.dir} onSort={sort.onSort} style={CELL} />
            ) : (
              <Table.Th key={c.key} style={CELL}>
                {c.header}
              </Table.Th>
            ),
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data?.rows.map((r, i) => (
          <LedgerRow
            // A row is a place on the page: the next page's row takes over its cells rather than new ones being built.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows hold no state of their own; the place is the identity here.
            key={i}
            href={rowLink(r)}
            navigate={navigate}
            cells={shown.map((c) => ({ key: c.key, content: c.cell(r), link: c.link, style: c.style }))}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Title order={3}>{props.title}</Title>
        <Group gap="xs">
          {props.links?.map((l) => (
            <Button key={l.path} variant="default" component={Link} to={`${route}/${l.path}`}>
              {l.label}
            </Button>
          ))}
          {props.print && (
            <PrintLedgerButton title={props.title} columns={choice.keys.map((k) => columns[k])} print={props.print} unit={props.unit} />
          )}
          {props.exportFile && (
            <Button
              variant="default"
              onClick={() => props.exportFile?.run(choice.customised ? [...choice.keys] : undefined)}
              loading={props.exportFile.busy}
            >
              导出Excel
            </Button>
          )}
          <Button component={Link} to={`${route}/new`}>
            {props.create}
          </Button>
        </Group>
      </Group>
      <FilterBar filters={props.filters} />
      {list.error ? <Text c="red">{errorMessage(list.error)}</Text> : null}
      <Group justify="space-between" mb={4} mih={28} wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c={data?.capped ? 'orange' : 'dimmed'}>
            {data?.capped
              ? (props.cappedText ?? `超过 ${data.total} ${props.unit}，请再输入几个字缩小范围`)
              : `共 ${(data?.total ?? 0).toLocaleString('zh-CN')} ${props.unit}`}
          </Text>
          {stale && (
            <Group gap={4} wrap="nowrap">
              <Loader size={12} />
              <Text size="xs" c="dimmed">
                正在查询…
              </Text>
            </Group>
          )}
          {fitted.left.length > 0 && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              窗口较窄，未显示：{fitted.left.map((k) => columns[k].header).join('、')}
            </Text>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <ColumnSettings
            headers={known.map((k) => ({ key: k, header: columns[k].header }))}
            shown={choice.keys}
            customised={choice.customised}
            onChange={choice.choose}
          />
          {pager('top')}
        </Group>
      </Group>
      <Box ref={tableBox}>
        {!choice.loading && <Table.ScrollContainer minWidth={shown.reduce((sum, c) => sum + c.width, 0)}>{table}</Table.ScrollContainer>}
      </Box>
      {(list.isLoading || choice.loading) && (
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
