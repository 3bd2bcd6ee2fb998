/**
 * A page fetched the first time it is shown, from its own chunk of the build, so that opening the
 * window loads only the first screen and what every page shares (the statistics pages' charts,
 * for one, load with those pages alone). `load` is the page file's `import()` and `name` its
 * exported component; the routes (renderer/app/routes.tsx) show a <Loading> naming the page
 * while it arrives.
 */
import { type ComponentType, lazy, type ReactElement } from 'react';

const loaders = new WeakMap<ReactElement, () => Promise<unknown>>();

/** A component fetched the first time it is drawn (inside a <Suspense> saying what comes): `name` exported by the file `load` imports. */
export function lazyComponent<P extends object, N extends string>(
  load: () => Promise<{ [K in N]: ComponentType<P> }>,
  name: N,
): ComponentType<P> {
  return lazy(async (): Promise<{ default: ComponentType<P> }> => ({ default: (await load())[name] }));
}

export function lazyPage<N extends string>(load: () => Promise<{ [K in N]: ComponentType }>, name: N): ReactElement {
  const Page = lazyComponent(load, name);
  const element = <Page />;
  loaders.set(element, load);
  return element;
}

/** Starts fetching a page's chunk before the page is drawn (nothing for a page that comes with the window). */
export function preloadPage(element: ReactElement): void {
  void loaders.get(element)?.();
}
