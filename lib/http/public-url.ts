// The public origin used in share URLs and preview tags: configured, else taken from the request.
import { getConfig } from "../config";

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function publicUrlFrom(headers: Headers): string {
  const configured = getConfig().PARLEY_PUBLIC_URL;
  if (configured) return configured;
  const first = (v: string | null) => v?.split(",")[0].trim() || undefined;
  const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host"));
  const proto = first(headers.get("x-forwarded-proto"));
  // A malformed Host header must not end up inside the URLs we hand out.
  const safeHost = host && HOST.test(host) ? host : `localhost:${getConfig().PORT}`;
  const safeProto = proto === "https" || proto === "http" ? proto : "http";
  return `${safeProto}://${safeHost}`;
}
