// Counts failed database operations (parley_db_errors_total{op}) without touching the adapters: every
// Store method is wrapped once. The contract's own errors (gone, too large) are answers, not failures.
import { dbErrors } from "../ops/metrics";
import type { Store } from "./types";

const EXPECTED = new Set(["ShareGoneError", "ShareTooLargeError"]);

export function instrumentStore(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || prop === "close") return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((err: unknown) => {
          if (!EXPECTED.has((err as Error | undefined)?.name ?? "")) dbErrors.inc({ op: String(prop) });
          throw err;
        });
      };
    },
  });
}
