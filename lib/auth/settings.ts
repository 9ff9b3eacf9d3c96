// The SSO settings, taken once from the parsed configuration. Tests build their own.
import "server-only";
import type { Config } from "../config";
import type { Policy } from "./policy";

export type AuthSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** PARLEY_PUBLIC_URL: the callback is `${publicUrl}/auth/callback`. */
  publicUrl: string;
  sessionSecret: string;
  sessionTtlMs: number;
  policy: Policy;
  siteName: string;
  /** Cookies carry Secure when the public URL is https. */
  secure: boolean;
};

/** Null unless PARLEY_AUTH=oidc; lib/config.ts has already refused an incomplete configuration. */
export function settingsFromConfig(c: Config): AuthSettings | null {
  if (c.PARLEY_AUTH !== "oidc") return null;
  const publicUrl = c.PARLEY_PUBLIC_URL!;
  return {
    issuer: new URL(c.PARLEY_OIDC_ISSUER!),
    clientId: c.PARLEY_OIDC_CLIENT_ID!,
    clientSecret: c.PARLEY_OIDC_CLIENT_SECRET!,
    publicUrl,
    sessionSecret: c.PARLEY_SESSION_SECRET!,
    sessionTtlMs: c.PARLEY_SESSION_TTL,
    policy: { emailDomains: c.PARLEY_AUTH_EMAIL_DOMAINS, claim: c.PARLEY_AUTH_CLAIM ?? null, claimValues: c.PARLEY_AUTH_CLAIM_VALUES },
    siteName: c.PARLEY_SITE_NAME,
    secure: publicUrl.startsWith("https:"),
  };
}
