// Per-process state shared through globalThis. Next bundles the proxy, each page and each route
// separately, so a module-level cache would exist once per bundle: an unshare handled by the API
// route could not reach the copy the card route or the page holds.
type ShareScoped = { dropShare(shareId: string): void };

export function processSingleton<T>(name: string, create: () => T): T {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(`parley.${name}`);
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}

const shareCaches = () => processSingleton("shareCaches", () => new Map<string, ShareScoped>());

/** Registers a cache that holds data of shares, so that forgetShare() empties it. */
export function registerShareCache(name: string, cache: ShareScoped): void {
  shareCaches().set(name, cache);
}

/** Drops everything any cache in this process holds for a share: called on unshare and expiry. */
export function forgetShare(shareId: string): void {
  for (const cache of shareCaches().values()) cache.dropShare(shareId);
}
