/**
 * The ledgers as a long list is worked through: a pager above and below the table, a new page starting
 * at its top, the whole filtered list printed, a two-character name search over the case numbers, parties and summaries, a reversed date
 * range flagged at the field, and a person search that stops at 100 saying so rather than "共 100 人".
 */
import { E2E_TODAY, expect, test } from './fixtures';

test('page through a long dispute ledger from either pager, search it, and see a capped person search said as such', async ({
  page,
  app,
}) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  // 120 persons whose names all hold 王 (the search stops at 100) and 60 disputes between two of them
  const people = Array.from({ length: 120 }, (_, i) => app.call('persons.create', { name: `王${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}` }));
  for (let i = 0; i < 60; i++) {
    app.call('disputes.create', {
      intakeDate: `2024-05-${String((i % 28) + 1).padStart(2, '0')}`,
      source: 'visit',
      category: '02',
      summary: i === 7 ? '宅基地边界争执，双方互不相让' : `邻里琐事第${i}起`,
      parties: [
        { personId: people[i]!.id, role: 'applicant' },
        { personId: people[i + 60]!.id, role: 'respondent' },
      ],
    });
  }
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/disputes`);
  await expect(page.getByText('共 60 条')).toBeVisible();
  // Two pagers; the lower one, used after scrolling down, opens page 2 at its top
  await expect(page.getByRole('button', { name: '上方翻页：下一页' })).toBeVisible();
  await page.getByRole('button', { name: '下方翻页：下一页' }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.getByRole('button', { name: '下方翻页：下一页' }).click();
  await expect(page.getByRole('row')).toHaveCount(11); // the header and the last 10
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await page.getByRole('button', { name: '上方翻页：上一页' }).click();
  await expect(page.getByRole('row')).toHaveCount(51);
  await page.screenshot({ path: test.info().outputPath('disputes-pagers.png') });

  // 打印台账: every one of the 60 rows, not the page of 50 on screen, on A4 landscape sheets with the header repeated
  await page.getByRole('button', { name: '打印台账' }).click();
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('#ledger-print');
  await expect(sheet.getByRole('heading', { name: '高寨乡矛盾纠纷排查登记' })).toBeVisible();
  await expect(sheet.getByText(/^全部　打印日期：\d{4}-\d{2}-\d{2}　共 60 条$/)).toBeVisible();
  await expect(sheet.locator('tbody tr')).toHaveCount(60);
  await expect(sheet.locator('thead th').first()).toHaveText('序号');
  await expect(page.getByRole('navigation')).toBeHidden();
  await page.pdf({ path: test.info().outputPath('ledger.pdf'), preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });

  // A two-character fragment of the summary, and of a party's name
  await page.getByLabel('查找').fill('边界');
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toContainText('王辛7');
  await page.getByLabel('查找').fill('丙2');
  await expect(page.getByText('共 2 条')).toBeVisible(); // 王丙2 and 王丙62 (a respondent)
  await page.getByLabel('查找').fill('');

  // A reversed date range is said at the field (the dates are behind 更多筛选)
  await page.getByRole('button', { name: /^更多筛选/ }).click();
  await page.getByLabel('登记日期从').fill('2024-05-20');
  await page.getByLabel('登记日期从').press('Enter');
  await page.getByRole('textbox', { name: '至' }).fill('2024-05-10');
  await page.getByRole('textbox', { name: '至' }).press('Enter');
  await expect(page.getByText('结束日期早于开始日期，请改正')).toBeVisible();

  // The registry's search stops at 100 and says so
  await page.goto(`${app.url}#/persons`);
  await page.getByLabel('搜索人员').fill('王');
  await expect(page.getByText('超过100人，请再输入几个字或身份证号')).toBeVisible();
  await expect(page.getByText('共 100 人')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('persons-capped.png') });
  await page.getByLabel('搜索人员').fill('王甲1');
  await expect(page.getByText(/^共 \d+ 人$/)).toBeVisible();
});
