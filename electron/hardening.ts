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
