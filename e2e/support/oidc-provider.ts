// A real OpenID Connect provider (panva's oidc-provider, the certified implementation) on loopback, for
// the SSO tests in vitest and Playwright. Its built-in development pages do the sign-in: any password,
// the login name picks the account. Two accounts: alice (example.com, verified) and bob (another domain).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type TestAccount = { email: string; email_verified: boolean; name: string; groups: string[] };

export const ACCOUNTS: Record<string, TestAccount> = {
  alice: { email: "alice@example.com", email_verified: true, name: "Alice Allowed", groups: ["engineering"] },
  bob: { email: "bob@other.test", email_verified: true, name: "Bob Outsider", groups: ["contractors"] },
  // A listed domain, but the provider never verified the address: not allowed by the domain rule.
  mallory: { email: "mallory@example.com", email_verified: false, name: "Mallory Unverified", groups: [] },
};

export const TEST_CLIENT = { id: "parley-test", secret: "parley-test-client-secret-not-a-secret" };

export type TestProvider = { issuer: string; stop: () => Promise<void> };

type ProviderLike = { callback: () => http.RequestListener; on: (event: string, fn: (...args: unknown[]) => void) => void };

/** parleyUrl: the Parley origin whose /auth/callback and /auth/signed-out the client may redirect to. */
export async function startOidcProvider(parleyUrl: string): Promise<TestProvider> {
  // A variable specifier: the package ships no types, and both vitest (ESM) and Playwright (CommonJS
  // transpile, require() of an ES module on Node >= 20.19) load it this way.
  const name = "oidc-provider";
  let mod: unknown = await import(name);
  while (typeof mod !== "function") mod = (mod as { default: unknown }).default;
  const Provider = mod as new (issuer: string, config: object) => ProviderLike;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [`${parleyUrl}/auth/callback`],
        post_logout_redirect_uris: [`${parleyUrl}/auth/signed-out`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const account = ACCOUNTS[id];
      return account ? { accountId: id, claims: async () => ({ sub: id, ...account }) } : undefined;
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["oidc-test-cookie-key-not-a-secret"] },
  });
  provider.on("server_error", (_ctx, error) => console.error("oidc-provider:", error));
  server.on("request", provider.callback());
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
