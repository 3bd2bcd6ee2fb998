/**
 * The typed client: `api.disputes.create(input)` is checked against shared/contract.ts, so the UI
 * cannot call a method that does not exist or send the wrong shape. Errors arrive as ApiError with
 * the host's Chinese message and per-field messages. Only the features' queries.ts and mutations.ts
 * import `api` and `call` (biome.jsonc); components use their hooks.
 */
import type { Input, Method, Output } from '../../shared/contract';
import type { WireError } from '../../shared/errors';
import { transport } from './transport';

export class ApiError extends Error {
  readonly wire: WireError;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = 'ApiError';
    this.wire = wire;
  }
}

/** Told when the host answers that the session is gone (logged out, locked by idle time) or must change its password first. */
const sessionListeners = new Set<() => void>();
export function onSessionLost(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const env = await transport.invoke(method, input);
  if (!env.ok) {
    if (env.error.code === 'LOGIN_REQUIRED' || env.error.code === 'PASSWORD_CHANGE_REQUIRED') for (const l of sessionListeners) l();
    throw new ApiError(env.error);
  }
  return env.value as Output<M>;
}

type ModuleOf<M extends string> = M extends `${infer Mod}.${string}` ? Mod : never;
type Api = {
  [Mod in ModuleOf<Method>]: {
    [M in Method as M extends `${Mod}.${infer Verb}` ? Verb : never]: (input: Input<M>) => Promise<Output<M>>;
  };
};

export const api = new Proxy({} as Api, {
  get: (_t, mod: string) =>
    new Proxy(
      {},
      {
        get: (_u, verb: string) => (input: unknown) => call(`${mod}.${verb}` as Method, input as never),
      },
    ),
});

/**
 * The input of a long call with the caller's id for it beside, so that jobs.progress and jobs.cancel can
 * name it (for the methods the contract marks `job`: shared/contract/define.ts).
 */
export function withJob<I>(input: I, jobId: string): I {
  return { ...(input ?? {}), jobId } as I;
}

/** The Chinese sentence to show for any error. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.wire.message;
  if (e instanceof Error) return `出错了：${e.message}`;
  return '出错了';
}
