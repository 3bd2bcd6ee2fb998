/**
 * 上报包 and 县级汇总 in Chromium: a township writes its package from 设置 → 上报包 (verified before it is
 * renamed into place), and the county's view receives it and a second township's, refuses a wrong password,
 * lists who has not reported, the statistics side by side and the combined ledger with its township column.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../db/context';
import { reportParts } from '../../db/modules';
import { openLedger } from '../../db/open';
import { closeHost, contextFor, createHost, invoke } from '../../db/router';
import { makeReportPackage } from '../../db/services/report-package';
import { choose, E2E_TODAY, expect, shot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const PASSWORD = '县里给的密码2024';

/** Another township's ledger and its package for 2024-05, written as its own program would. */
async function otherTownshipPackage(stick: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-town-'));
  const host = createHost(openLedger(join(dir, 'ledger.db')), { clock: fixedClock('2024-06-03'), log: () => {} });
  try {
    const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    ok(invoke(host, 'setup.init', { townshipName: '李堡镇', county: '某某县', operatorName: '李所长' }));
    for (const [name, summary] of [
      ['赵小河', '宅基地纠纷'],
      ['钱大江', '邻里纠纷'],
    ] as const) {
      const p = ok(invoke(host, 'persons.create', { name }));
      ok(
        invoke(host, 'disputes.create', {
          intakeDate: '2024-05-20',
          source: 'visit',
          category: '02',
          summary,
          parties: [{ personId: p.id, role: 'applicant' }],
        }),
      );
    }
    const done = await makeReportPackage(contextFor(host), reportParts, {
      periodKey: '2024-05',
      modules: ['persons', 'disputes', 'mediation'],
      password: PASSWORD,
      folder: stick,
    });
    return done.path;
  } finally {
    await closeHost(host);
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a township writes its package; the county receives two townships and sees them combined', async ({ page, app }) => {
  const stick = mkdtempSync(join(tmpdir(), 'ledger-e2e-stick-'));
  try {
    app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const p = app.call('persons.create', { name: '张三' });
    app.call('disputes.create', {
      intakeDate: '2024-05-08',
      source: 'visit',
      category: '02',
      summary: '排水沟纠纷',
      parties: [{ personId: p.id, role: 'applicant' }],
    });

    // The township: 设置 → 上报包.
    await page.goto(`${app.url}#/settings`);
    await page.getByRole('tab', { name: '上报包' }).click();
    const form = page.getByTestId('report-package-form');
    await expect(form.getByRole('combobox', { name: '上报期间' })).toHaveValue('2024年5月');
    await form.getByRole('radio', { name: '其他文件夹' }).check();
    await form.getByRole('textbox', { name: '文件夹' }).fill(stick);
    await form.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await form.getByLabel('再输一次').fill('不一样的密码123');
    await form.getByRole('button', { name: '生成上报包' }).click();
    await expect(form.getByText('两次输入的密码不一致')).toBeVisible();
    await form.getByLabel('再输一次').fill(PASSWORD);
    await form.getByRole('button', { name: '生成上报包' }).click();
    const done = page.getByTestId('package-done');
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done).toContainText('数据.tjpkg');
    await expect(done).toContainText('00_高寨乡2024年5月司法工作统计表.xlsx');
    await shot(page, '01-package-written');
    const own = readdirSync(stick).find((n) => n.startsWith('上报包_高寨乡_2024-05_'))!;
    expect(readdirSync(stick).filter((n) => n.includes('.tmp-'))).toEqual([]);

    const other = await otherTownshipPackage(stick);

    // The county's view.
    await page.goto(`${app.url}#/county`);
    await expect(page.getByPlaceholder('还没有收到上报包')).toBeVisible();
    await page.getByRole('tab', { name: '应上报乡镇' }).click();
    await page.getByLabel('应上报的乡镇').fill('高寨乡\n李堡镇\n曹回乡');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存应上报乡镇')).toBeVisible();

    const receive = page.getByTestId('receive-form');
    await receive.getByRole('textbox', { name: '上报包文件夹' }).fill(join(stick, own));
    await receive.getByLabel('密码').fill('不对的密码abcdef');
    await receive.getByRole('button', { name: '校验并接收' }).click();
    await expect(page.getByText(/密码错误/)).toBeVisible({ timeout: 20_000 });
    await receive.getByLabel('密码').fill(PASSWORD);
    await receive.getByRole('button', { name: '校验并接收' }).click();
    await expect(page.getByText('高寨乡 2024年5月')).toBeVisible({ timeout: 20_000 });
    await expect(receive.getByRole('textbox', { name: '上报包文件夹' })).toHaveValue('');
    await receive.getByRole('textbox', { name: '上报包文件夹' }).fill(other);
    await receive.getByLabel('密码').fill(PASSWORD);
    await receive.getByRole('button', { name: '校验并接收' }).click();
    await expect(page.getByText('李堡镇 2024年5月')).toBeVisible({ timeout: 20_000 });

    await page.getByRole('tab', { name: '已收上报包' }).click();
    const packages = page.getByTestId('county-packages');
    await expect(packages.getByRole('row')).toHaveCount(3);
    await expect(packages).toContainText('李堡镇');
    await expect(packages).toContainText('首次上报');
    await expect(page.getByTestId('missing')).toContainText('曹回乡');
    await expect(page.getByTestId('missing')).not.toContainText('高寨乡');
    await shot(page, '02-county-received');

    await page.getByRole('tab', { name: '汇总统计' }).click();
    const registered = page.getByTestId('county-stats').getByRole('row').filter({ hasText: '登记件数' });
    await expect(registered).toContainText('2');
    await expect(registered.getByRole('cell').last()).toHaveText('3');
    await shot(page, '03-county-stats');

    await page.getByRole('tab', { name: '汇总台账' }).click();
    const ledger = page.getByTestId('county-ledger');
    await expect(ledger.getByRole('row')).toHaveCount(4);
    await expect(ledger.getByRole('row').nth(1)).toContainText('李堡镇');
    await expect(ledger).toContainText('排水沟纠纷');
    await shot(page, '04-county-ledger');
    await choose(page, page, '台账', /^人员库?$/);
    await page.getByRole('textbox', { name: '查找' }).fill('张');
    await expect(ledger.getByRole('row')).toHaveCount(2);
    await expect(ledger).toContainText('高寨乡');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出汇总台账' }).click();
    expect((await download).suggestedFilename()).toMatch(/^2024年5月人员汇总台账_/);
  } finally {
    rmSync(stick, { recursive: true, force: true });
  }
  void E2E_TODAY;
});
