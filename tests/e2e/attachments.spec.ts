/**
 * Attachments on a mediation case: upload a scan, see it listed, view it, download the same bytes,
 * delete it and get it back from the recycle bin; a text file dressed up as a .jpg is refused in
 * Chinese. No page script may open a dialog and nothing may trip the content security policy.
 */
import { readFile } from 'node:fs/promises';
import { E2E_TODAY, expect, test } from './fixtures';

/** A real 1×1 PNG and a minimal one-page PDF, built here rather than kept as fixture files. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

test('upload, view, download, delete and restore an attachment of a mediation case', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const person = app.call('persons.create', { name: '张三' });
  const staffId = app.call('staff.list', {})[0]!.id;
  const c = app.call('mediation.create', {
    origin: 'application',
    acceptedDate: '2024-06-03',
    mediatingBody: 'township',
    category: '01',
    summary: '赡养费纠纷',
    parties: [{ personId: person.id, role: 'applicant' }],
    mediatorIds: [staffId],
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/mediation/${c.id}`);

  const card = page.getByTestId('attachments-card');
  await expect(card.getByText('还没有附件')).toBeVisible();
  const fileInput = card.locator('input[type="file"]');

  // A scan of the signed agreement, filed as evidence
  await card.getByRole('combobox', { name: '附件类别' }).click();
  await page.getByRole('option', { name: '证据材料' }).click();
  await fileInput.setInputFiles({ name: '协议书扫描件.png', mimeType: 'image/png', buffer: PNG });
  const rows = card.getByTestId('attachment-row');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText('协议书扫描件.png');
  await expect(row).toContainText('证据材料');
  await expect(row).toContainText(`${PNG.length} B`);
  await expect(row).toContainText('王调解');
  await page.screenshot({ path: test.info().outputPath('01-listed.png'), fullPage: true });

  // 查看: the image itself, decoded from a blob URL
  await row.getByRole('button', { name: '查看' }).click();
  const viewer = page.getByRole('dialog', { name: '协议书扫描件.png' });
  const img = viewer.getByRole('img', { name: '协议书扫描件.png' });
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute('src', /^blob:/);
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1);
  await viewer.getByRole('button', { name: '关闭' }).click();
  await expect(viewer).toBeHidden();

  // 下载: the same bytes under the same name
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: '下载' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('协议书扫描件.png');
  expect((await readFile(await download.path())).equals(PNG)).toBe(true);

  // A PDF opens in a frame from a blob URL (the CSP allows blob: frames only)
  await fileInput.setInputFiles({ name: '身份证明.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole('button', { name: '查看' }).click();
  const pdfViewer = page.getByRole('dialog', { name: '身份证明.pdf' });
  await expect(pdfViewer.locator('iframe')).toHaveAttribute('src', /^blob:/);
  await page.screenshot({ path: test.info().outputPath('02-pdf.png'), fullPage: true });
  await pdfViewer.getByRole('button', { name: '关闭' }).click();
  await expect(pdfViewer).toBeHidden();

  // Text renamed to .jpg: refused by its content, in Chinese, nothing added
  await fileInput.setInputFiles({ name: '照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是图片，只是改了扩展名的文字。') });
  await expect(page.getByText('只能上传图片（JPG、PNG、GIF、WebP、BMP、TIFF）或 PDF 文件')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('03-refused.png'), fullPage: true });
  await expect(rows).toHaveCount(2);

  // 删除, after confirming; it waits in the recycle bin
  await row.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除附件' });
  await expect(confirm).toContainText('协议书扫描件.png');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('身份证明.pdf');

  await page.getByRole('link', { name: '回收站' }).click();
  await page.getByRole('tab', { name: '附件（1）' }).click();
  const binRow = page.getByRole('row', { name: /协议书扫描件\.png/ });
  await expect(binRow).toContainText(c.caseNo);
  await binRow.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('tab', { name: '附件（0）' })).toBeVisible();
  await page.goto(`${app.url}#/mediation/${c.id}`);
  await expect(card.getByTestId('attachment-row')).toHaveCount(2);

  expect(dialogs).toEqual([]);
  expect(cspViolations).toEqual([]);
});
