/**
 * The desktop shell's security settings in one place (RELIABILITY G6), free of Electron imports so that
 * the unit tests can assert them: the window's web preferences (electron/main.ts) and the fuses the
 * installer must flip (build/electron-builder.yml's electronFuses, read back by the tests).
 */

/** Every window's web preferences beside its preload script: no Node in the page, isolated, sandboxed. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/**
 * The fuses, as electron-builder's `electronFuses` names them: no running as plain Node, no NODE_OPTIONS
 * or inspector arguments, no extra privileges for file://, the app only from its asar archive with its
 * integrity checked, and cookies encrypted.
 */
export const FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
} as const;

/** The page's Content-Security-Policy: only the app's own files, no remote anything (checklist items 1 and 7). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  // Attachments: a PDF is viewed in an <iframe> whose src is a blob: URL the page made from bytes it
  // fetched (images use img-src blob: above). Without this, frames fall back to default-src 'self',
  // which blob: does not match. Only blob: is allowed, so no other site can be framed; object-src
  // stays 'none' (Chromium's built-in PDF viewer does not need it).
  'frame-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
