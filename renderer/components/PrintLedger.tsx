/**
 * 打印台账: the list on screen — every row its filters match, not only the page shown — printed straight
 * from the window, as the Excel export lays it out: A4 landscape, the title with the township, a line
 * saying what was filtered, the header repeated on every sheet, 第 n 页，共 m 页 at the foot (ledger.css).
 * The rows are fetched page by page through the module's own query function; a list longer than
 * PRINT_LIMIT is refused with a message pointing to the Excel export.
 */
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Paged } from '../../shared/schemas/common';
import { useSettings } from '../features/reference/queries';
import { notifyError } from './notify';
import { todayLocal } from './today';
import './ledger-print.css';

export const PRINT_LIMIT = 2000;
const PAGE = 200;

export interface PrintColumn<R> {
  header: string;
  cell: (row: R) => ReactNode;
}

export interface LedgerPrint<R> {
  /** One page of the list as on screen (the module's queries.ts), `pageSize` at most 200. */
  fetchPage: (page: number, pageSize: number) => Promise<Paged<R>>;
  /** Under the title: what the list is filtered to, e.g. 登记日期：2024-05-01 至 2024-05-31. */
  subtitle: string;
}

/** The line under a printed ledger's title: the date range, whether other filters apply, and the day printed. */
export function printSubtitle(
  dateLabel: string,
  from: string | null | undefined,
  to: string | null | undefined,
  filtered: boolean,
): string {
  const range = from || to ? `${dateLabel}：${from || '不限'} 至 ${to || '不限'}；` : '';
  return `${range}${filtered ? '按屏幕上的筛选条件' : '全部'}　打印日期：${todayLocal()}`;
}

export function PrintLedgerButton<R extends { id: string }>({
  title,
  columns,
  print,
  unit,
}: {
  /** The ledger's name; printed after the township's. */
  title: string;
  columns: readonly PrintColumn<R>[];
  print: LedgerPrint<R>;
  unit: string;
}) {
  const settings = useSettings();
  const [rows, setRows] = useState<R[] | null>(null);
  const [busy, setBusy] = useState(false);

  // Printed once the rows are on the (hidden) sheet; the sheet stays until the next print or leaving the page.
  useEffect(() => {
    if (rows) window.print();
  }, [rows]);

  const run = async () => {
    setBusy(true);
    try {
      const first = await print.fetchPage(1, PAGE);
      if (first.total > PRINT_LIMIT) {
        notifications.show({
          color: 'orange',
          title: '未打印',
          message: `共 ${first.total} ${unit}，超过 ${PRINT_LIMIT} ${unit}，不宜直接打印。请先筛选，或导出Excel后打印。`,
          autoClose: 8000,
        });
        return;
      }
      const all = [...first.rows];
      for (let page = 2; all.length < first.total; page++) all.push(...(await print.fetchPage(page, PAGE)).rows);
      setRows(all);
    } catch (e) {
      notifyError(e, '未能打印');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => void run()} loading={busy}>
        打印台账
      </Button>
      {rows &&
        createPortal(
          <div id="ledger-print">
            <h1>
              {settings.data?.townshipName ?? ''}
              {title}
            </h1>
            <p className="ledger-print-sub">
              {print.subtitle}　共 {rows.length} {unit}
            </p>
            <table>
              <thead>
                <tr>
                  <th>序号</th>
                  {columns.map((c) => (
                    <th key={c.header}>{c.header}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.id}>
                    <td>{i + 1}</td>
                    {columns.map((c) => (
                      <td key={c.header}>{c.cell(r)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>,
          document.body,
        )}
    </>
  );
}
