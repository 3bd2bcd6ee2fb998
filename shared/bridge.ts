/**
 * What the desktop app's preload (electron/preload.ts) gives the window as `window.ledger`, and
 * nothing more: the one generic call into the contract, and printing the window's print media to a
 * PDF. The preload object is typed by this interface and the launch test checks that the window gets
 * exactly BRIDGE_FUNCTIONS, so the three cannot drift apart. Browser mode has no bridge: the same
 * calls go over loopback HTTP (renderer/api/transport.ts).
 */
import type { Envelope } from './errors';

export interface LedgerBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Prints the window's print media to a PDF the user picks; the saved path, or null when cancelled. */
  printToPdf(fileName: string): Promise<Envelope<string | null>>;
}

/** The IPC channel behind each function. */
export const BRIDGE_CHANNELS = {
  invoke: 'ledger:invoke',
  printToPdf: 'ledger:printToPdf',
} as const satisfies { [K in keyof LedgerBridge]: string };

/** The bridge's functions by name, as the window sees them. */
export const BRIDGE_FUNCTIONS = Object.keys(BRIDGE_CHANNELS) as (keyof LedgerBridge)[];
