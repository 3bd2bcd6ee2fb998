/**
 * What the statistics pages' specs check of their charts (renderer/components/StatsCharts.tsx): bars
 * drawn, the figure table's rows, the page as printed, and the empty period.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

export const CHARTS = ['chart-month', 'chart-category', 'chart-outcome'] as const;

/** The cells of the row of `table` whose first cell is `first`. */
export const cells = (table: Locator, first: string) =>
  table
    .getByRole('row')
    .filter({ has: table.page().getByRole('cell', { name: first, exact: true }) })
    .getByRole('cell');

/** A bar chart drew at least one bar (a zero draws an empty, invisible one). */
export const expectBars = (chart: Locator) =>
  expect(chart.locator('.recharts-bar-rectangle').filter({ visible: true }).first()).toBeVisible();

/**
 * In print media the page stands alone (no navigation, `navLink` hidden), its charts drawn in full
 * beside their tables; leaves a screenshot and the PDF Chromium prints (A4, the app's @page margins).
 */
export async function expectPrinted(page: Page, navLink: string, name: string) {
  await page.emulateMedia({ media: 'print' });
  await expectBars(page.getByTestId('chart-month'));
  await expect(page.getByTestId('chart-month-table')).toBeVisible();
  await expect(page.getByRole('link', { name: navLink })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  await page.pdf({ path: test.info().outputPath(`${name}.pdf`), preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
}

/** A period with nothing in it: every chart says 本期无数据 and none is drawn. */
export async function expectNoData(page: Page) {
  for (const chart of CHARTS) await expect(page.getByTestId(chart)).toContainText('本期无数据');
  await expect(page.locator('.recharts-surface')).toHaveCount(0);
}
