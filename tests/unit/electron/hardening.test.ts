/**
 * The desktop shell's security settings (RELIABILITY G6) as built: the fuses the installer flips, read from
 * build/electron-builder.yml, and the window's web preferences, which electron/main.ts takes from one place.
 * (Where the binary exists, the Electron launch test checks in the running app that the page has no Node.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUSES, WEB_PREFERENCES } from '../../../electron/hardening';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The `electronFuses:` block of the builder's YAML: its `key: true|false` lines, two spaces in. */
function builderFuses(): Record<string, boolean> {
  const lines = read('build/electron-builder.yml').split('\n');
  const start = lines.indexOf('electronFuses:');
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}(\w+): (true|false)\s*$/.exec(line);
    if (!m) break;
    fuses[m[1]!] = m[2] === 'true';
  }
  return fuses;
}

describe('desktop shell hardening', () => {
  it('flips exactly the fuses the checklist asks for', () => {
    expect(builderFuses()).toEqual(FUSES);
    expect(FUSES).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false });
    expect(FUSES).toMatchObject({ onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true, enableCookieEncryption: true });
  });

  it('gives the window no Node, context isolation, the sandbox and web security', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    const main = read('electron/main.ts');
    // The window takes them whole (nothing after the spread but its preload), and denies every permission.
    expect(main).toContain('webPreferences: { ...WEB_PREFERENCES, preload:');
    expect(main.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(main).toContain('setPermissionRequestHandler((_wc, _permission, callback) => callback(false))');
    expect(main).toContain('setPermissionCheckHandler(() => false)');
    expect(main).toContain("on('will-navigate', (e) => e.preventDefault())");
    expect(main).toContain("return { action: 'deny' }");
  });
});
