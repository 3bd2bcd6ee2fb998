/**
 * Browser mode on an encrypted ledger (RELIABILITY G8): until it is unlocked, the server answers every call
 * with "locked" and its page is a small 解锁 form (a user name and its login password, which also signs that
 * account in, or the recovery code), posted
 * without any script (the page's CSP allows none inline); nothing of the ledger is read before. The
 * secret goes to db/crypto/encrypt.ts `unlockLedger`; the key it gives opens the ledger (`open`), and the
 * server then serves the app as usual. One attempt at a time (each costs a deliberate scrypt).
 */
import { accountSlotFor, type UnlockSlot, unlockLedger } from '../db/crypto/encrypt';
import { invokeAsync } from '../db/router';
import type { Host } from '../db/router';
import { LedgerError } from '../shared/errors';
import { CSP } from './hardening';

/**
 * The 解锁 page's headers: the app's policy, except that its form may post to this server (the app's pages
 * post no form), and the referrer policy lets the browser name this server as the form's Origin (under
 * no-referrer it sends "null", which the server refuses).
 */
export const UNLOCK_HEADERS = {
  'Content-Security-Policy': CSP.replace("form-action 'none'", "form-action 'self'"),
  'Referrer-Policy': 'same-origin',
};

export const LOCKED_MESSAGE = '账本已加密，请先在解锁页面输入密码或恢复码。';

export interface LockedLedger {
  path: string;
  /** The host once unlocked; null while locked. */
  host: Host | null;
  /** Opens the unlocked ledger with its key (the caller's openLedger + createHost). */
  open(key: Buffer): Host;
  /** Told of each failed attempt (the log). */
  onFailure?: (message: string) => void;
}

const html = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The 解锁 page: no script, inline style only. */
export function unlockPage(token: string, error: string | null, account = 'admin'): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8" /><title>解锁账本 · 乡镇司法台账</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f5f6f8;margin:0}
main{max-width:420px;margin:12vh auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 4px #0002}
h1{font-size:22px;margin:0 0 8px}p{color:#555;line-height:1.6}label{display:block;margin:14px 0 4px}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px;font-size:16px}
button{margin-top:20px;width:100%;padding:10px;font-size:16px;background:#1c7ed6;color:#fff;border:0;border-radius:4px}
.err{color:#c92a2a;background:#fff5f5;padding:8px;border-radius:4px}fieldset{border:0;padding:0;margin:14px 0 0}
</style></head>
<body><main>
<h1>解锁账本</h1>
<p>账本已加密。请输入您的用户名和登录密码（解锁后即已登录）；忘记密码时，用保存在保险柜中的恢复码解锁。</p>
${error ? `<p class="err" role="alert">${html(error)}</p>` : ''}
<form method="post" action="/unlock">
<input type="hidden" name="t" value="${html(token)}" />
<fieldset><label><input type="radio" name="mode" value="password" checked /> 用密码解锁</label>
<label><input type="radio" name="mode" value="recovery" /> 用恢复码解锁</label></fieldset>
<label for="account">用户名</label><input id="account" name="account" type="text" value="${html(account)}" autocomplete="username" />
<label for="secret">密码或恢复码</label><input id="secret" name="secret" type="password" autocomplete="current-password" autofocus required />
<button type="submit">解锁</button>
</form></main></body></html>`;
}

let attempt: Promise<unknown> = Promise.resolve();

/** POST /unlock: the form checked (its token), the secret tried; the app's page on success, the form again with the reason otherwise. */
export async function handleUnlock(options: {
  gate: LockedLedger;
  token: string;
  body: string;
  send: (status: number, html: string, extra?: Record<string, string>) => void;
}): Promise<void> {
  const form = new URLSearchParams(options.body);
  if (form.get('t') !== options.token) return options.send(401, '拒绝访问：请使用启动时显示的完整地址打开。');
  const account = (form.get('account') ?? '').trim() || 'admin';
  const recovery = form.get('mode') === 'recovery';
  const slot: UnlockSlot = recovery ? 'recovery' : accountSlotFor(options.gate.path, account);
  const secret = form.get('secret') ?? '';
  const run = attempt.then(async () => {
    if (options.gate.host) return;
    const key = await unlockLedger(options.gate.path, slot, secret);
    try {
      options.gate.host = options.gate.open(key);
    } finally {
      key.fill(0);
    }
    // The password that opened the file is the account's login too: signed in as the app would (its lockout,
    // a disabled account and a first-password change still apply; a failure leaves the login screen to say why).
    if (!recovery) await invokeAsync(options.gate.host, 'session.login', { username: account, password: secret });
  });
  attempt = run.catch(() => undefined);
  try {
    await run;
  } catch (e) {
    const message = e instanceof LedgerError ? e.message : `解锁失败：${(e as Error).message}`;
    options.gate.onFailure?.(message);
    return options.send(200, unlockPage(options.token, message, account));
  }
  return options.send(303, '', { Location: `/?t=${encodeURIComponent(options.token)}` });
}
