/**
 * Login end to end (RELIABILITY T7, T17): set up with the administrator's password, log out and in,
 * five wrong passwords lock the account until a time the screen says, the host's clock moves past it and
 * the login works; the idle lock clears the screen and asks for the password again; a 查阅 account made
 * on 设置 → 账户 must change its first password and is refused every write.
 */
import { E2E_PASSWORD, expect, fillAdministrator, shot, test } from './fixtures';

test('set up, log in, be locked out, wait it out, idle-lock and log in again', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '乡镇司法台账 · 首次设置' })).toBeVisible();
  await page.getByLabel('乡镇名称').fill('高寨乡');
  await page.getByLabel('所属县（市、区）').fill('某某县');
  await page.getByLabel('您的姓名').fill('王调解');
  await page.getByLabel('管理员用户名').fill('admin');
  // The policy is checked as the password is typed.
  await page.getByLabel(/^管理员密码/).fill('short');
  await expect(page.getByText('密码至少10个字符（现有5个）')).toBeVisible();
  await fillAdministrator(page);
  await shot(page, '01-first-run-administrator');
  await page.getByRole('button', { name: '完成设置，开始使用' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveText('王调解管理员');

  // 退出登录 → the login screen, focus on 用户名, Enter submits.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '乡镇司法台账 · 登录' })).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeFocused();
  await page.getByLabel('用户名').fill('admin');
  for (let i = 1; i <= 4; i++) {
    await page.getByLabel('密码').fill(`wrong-password-${i}`);
    await page.getByLabel('密码').press('Enter');
    await expect(page.getByTestId('form-error')).toHaveText('用户名或密码不正确。');
    await expect(page.getByLabel('密码')).toHaveValue('');
  }
  // An unknown user is told the same.
  await page.getByLabel('用户名').fill('nobody');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('form-error')).toHaveText('用户名或密码不正确。');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('wrong-password-5');
  await page.getByLabel('密码').press('Enter');
  // Locked at 08:00 UTC for 15 minutes: 16:15 in China.
  await expect(page.getByTestId('form-error')).toContainText('账户已锁定，请于 2024-06-15 16:15 后再试');
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('form-error')).toContainText('账户已锁定');
  await shot(page, '02-locked-out');

  app.advance(15);
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

  // Idle for 10 minutes by the host's clock: the next call is refused, the screen locks and shows nothing of the ledger.
  app.call('persons.create', { name: '张三' });
  await page.getByRole('link', { name: '人员库' }).click();
  await expect(page.getByText('张三')).toBeVisible();
  app.advance(11);
  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await expect(page.getByRole('heading', { name: '乡镇司法台账 · 已锁定' })).toBeVisible();
  await expect(page.getByText('张三')).toHaveCount(0);
  await expect(page.getByLabel('用户名')).toHaveValue('admin');
  await expect(page.getByLabel('密码')).toBeFocused();
  await shot(page, '03-idle-locked');
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('signed-in-as')).toHaveText('王调解管理员');
  const lockRows = app.ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'lock'").get() as { n: number };
  expect(lockRows.n).toBe(1);
  const failures = app.ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'login-failed'").get() as { n: number };
  expect(failures.n).toBe(7);
  // The administrator sees every attempt on 设置 → 账户.
  await page.goto(`${app.url}#/settings?tab=accounts`);
  const events = page.getByRole('table', { name: '登录与账户记录' });
  await expect(events.getByRole('row').filter({ hasText: '锁定至：2024-06-15 16:15' })).toContainText('账户锁定');
  await expect(events.getByRole('row').filter({ hasText: 'nobody' })).toContainText('未登录');
  await expect(events.getByRole('row').filter({ hasText: '登录失败' })).toHaveCount(7);
  await shot(page, '04-account-events');
});

test('an administrator makes a 查阅 account: it changes its first password and may read but not write', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.call('persons.create', { name: '张三' });
  await page.goto(`${app.url}#/settings?tab=accounts`);
  await expect(page.getByRole('tab', { name: '账户' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: '新建账户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账户' });
  await dialog.getByLabel('或新人员姓名').fill('李主任');
  await dialog.getByLabel('职务').fill('分管领导');
  await dialog.getByLabel('用户名').fill('lizhuren');
  await dialog.getByRole('combobox', { name: '角色' }).click();
  await page.getByRole('option', { name: '查阅' }).click();
  await dialog.getByLabel(/^初始密码/).fill('leader-first-pw');
  await dialog.getByLabel('再次输入初始密码').fill('leader-first-pw');
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('table', { name: '账户', exact: true }).getByRole('row').filter({ hasText: 'lizhuren' });
  await expect(row).toContainText('待本人改密码');
  await shot(page, '05-accounts');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('lizhuren');
  await page.getByLabel('密码').fill('leader-first-pw');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
  await page.getByLabel('原密码').fill('leader-first-pw');
  await page.getByLabel(/^新密码/).fill('领导只看不改的登录密码');
  await page.getByLabel('再次输入新密码').fill('领导只看不改的登录密码');
  await shot(page, '06-forced-change');
  await page.getByRole('button', { name: '修改密码并继续' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText('李主任查阅');

  // Reads: the persons list. Writes: refused by the host with a Chinese message.
  await page.getByRole('link', { name: '人员库' }).click();
  await expect(page.getByText('张三')).toBeVisible();
  await page.goto(`${app.url}#/persons/new`);
  await page.getByLabel('姓名').fill('李四');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('您的账户为查阅账户，不能修改台账。')).toBeVisible();
  await shot(page, '07-viewer-refused');
  // 设置 → 账户 is not offered to a 查阅 account.
  await page.goto(`${app.url}#/settings`);
  await expect(page.getByRole('tab', { name: '账户' })).toHaveCount(0);
});

test('the window locks itself after 10 minutes without a key or the mouse, and asks for the password again', async ({ page, app }) => {
  await page.clock.install({ time: new Date('2024-06-15T16:00:00+08:00') });
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: '乡镇司法台账 · 已锁定' })).toBeVisible();
  const lock = app.ledger.db.prepare("SELECT after FROM audit_log WHERE action = 'lock'").get() as { after: string };
  expect(JSON.parse(lock.after)).toEqual({ 原因: '窗口长时间无操作' });
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
});
