/**
 * What the desktop app's preload (electron/preload.ts) gives the window as `window.ledger`, and
 * nothing more: the one generic call into the contract, printing the window's print media to a
 * PDF, and the system's dialog for choosing a folder or a backup file (a USB stick's). The preload object is typed by this interface and the launch test checks that the window gets
 * exactly BRIDGE_FUNCTIONS, so the three cannot drift apart. Browser mode has no bridge: the same
 * calls go over loopback HTTP (renderer/api/transport.ts).
 */
import type { Envelope } from './errors';

export interface LedgerBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Prints the window's print media to a PDF the user picks; the saved path, or null when cancelled. */
  printToPdf(fileName: string): Promise<Envelope<string | null>>;
  /** The system's dialog for a folder (to write into) or a backup file (to restore from); the path, or null when cancelled. */
  choosePath(kind: PathKind): Promise<Envelope<string | null>>;
}

export type PathKind = 'folder' | 'backup';

/** The IPC channel behind each function. */
export const BRIDGE_CHANNELS = {
  invoke: 'ledger:invoke',
  printToPdf: 'ledger:printToPdf',
  choosePath: 'ledger:choosePath',
} as const satisfies { [K in keyof LedgerBridge]: string };

/** The bridge's functions by name, as the window sees them. */
export const BRIDGE_FUNCTIONS = Object.keys(BRIDGE_CHANNELS) as (keyof LedgerBridge)[];
