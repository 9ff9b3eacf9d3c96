// An AbortSignal per incoming HTTP request that fires when the client goes away before the response
// is finished. Next aborts nothing when a reader closes the tab halfway through a long streamed page
// (React's cacheSignal() only fires once the render is complete), so without this a 2,000-message
// share keeps rendering for seconds for nobody. The http.Server patch in lib/shares/lifecycle.ts stamps
// every request with a fresh id in REQUEST_HEADER (overwriting any the client sent) and calls
// trackRequest; a page reads the header and asks for its signal.
import { randomUUID } from "node:crypto";
import type http from "node:http";

export const REQUEST_HEADER = "x-parley-request";

const KEY = Symbol.for("parley.requestSignals");
type Holder = { [KEY]?: Map<string, AbortController> };
const open = (): Map<string, AbortController> => ((globalThis as Holder)[KEY] ??= new Map());

// An aborted request's signal stays findable this long: the page may ask for it after the reader left.
const KEEP_ABORTED_MS = 10_000;

export function trackRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const id = randomUUID();
  req.headers[REQUEST_HEADER] = id;
  const controller = new AbortController();
  const map = open();
  map.set(id, controller);
  const socket = req.socket;
  // The response's "close" ends every request but one that waits behind another on a pipelined
  // connection: that one gets no response events at all when the client leaves, only its socket's.
  const done = () => {
    socket?.off("close", done);
    res.off("close", done);
    if (res.writableFinished) return void map.delete(id);
    controller.abort(); // an AbortError, which Next does not report as a failure
    setTimeout(() => map.delete(id), KEEP_ABORTED_MS).unref();
  };
  res.once("close", done);
  socket?.once("close", done);
}

/** The signal of the request with this id, if it is open in this process. */
export function requestSignal(id: string | null | undefined): AbortSignal | undefined {
  return id ? open().get(id)?.signal : undefined;
}

