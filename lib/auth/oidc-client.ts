// The OpenID Connect side, through openid-client: discovery (once, retried after a failure), the
// authorization URL (code flow with PKCE S256, state and nonce), and the callback's code exchange,
// which checks state, nonce, issuer, audience and the ID token's signature.
import "server-only";
import * as oidc from "openid-client";
import { identityFrom, type Identity } from "./policy";
import type { LoginTransaction } from "./session";
import type { AuthSettings } from "./settings";

export class OidcClient {
  private discovered: Promise<oidc.Configuration> | null = null;
  constructor(private readonly settings: AuthSettings) {}

  get redirectUri(): string {
    return `${this.settings.publicUrl}/auth/callback`;
  }

  configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const { issuer, clientId, clientSecret } = this.settings;
      // Plain http is accepted by lib/config.ts only for a loopback issuer (the test provider).
      const execute = issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [];
      this.discovered = oidc.discovery(issuer, clientId, undefined, oidc.ClientSecretPost(clientSecret), { execute, timeout: 10 });
      this.discovered.catch(() => (this.discovered = null));
    }
    return this.discovered;
  }

  async start(returnTo: string, prompt?: string): Promise<{ url: URL; tx: LoginTransaction }> {
    const config = await this.configuration();
    const tx: LoginTransaction = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), returnTo };
    const scopes = ["openid", "email", "profile"];
    // The claim named by the policy often needs its own scope (groups, roles); asking for a scope the
    // provider does not know is harmless, it is left out of the grant.
    const claim = this.settings.policy.claim?.split(".")[0];
    if (claim && !scopes.includes(claim)) scopes.push(claim);
    const params: Record<string, string> = {
      redirect_uri: this.redirectUri,
      scope: scopes.join(" "),
      state: tx.state,
      nonce: tx.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(tx.verifier),
      code_challenge_method: "S256",
    };
    if (prompt) params.prompt = prompt;
    return { url: oidc.buildAuthorizationUrl(config, params), tx };
  }

  /** Throws on a state mismatch, an error answer from the provider, or a token that does not verify. */
  async finish(callbackUrl: URL, tx: LoginTransaction): Promise<Identity> {
    const config = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: tx.verifier,
      expectedState: tx.state,
      expectedNonce: tx.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    let claims: Record<string, unknown> = { ...idClaims };
    // Many providers put email and groups only in the userinfo answer, not in the ID token.
    if (config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      // The ID token wins, except for the fields userinfo states with the provider's current view.
      claims = { ...info, ...idClaims, ...pick(info, ["email", "email_verified", "name"]) };
    }
    return identityFrom(claims, this.settings.policy);
  }

  /** The provider's sign-out URL (RP-initiated logout), when it has one. */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<URL | null> {
    const config = await this.configuration().catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { client_id: this.settings.clientId, post_logout_redirect_uri: postLogoutRedirectUri });
  }
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}
