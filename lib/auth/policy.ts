// Who may read shares in SSO mode: a verified email in one of the listed domains, or a listed value of
// one named claim (groups, roles). Either rule is enough when both are configured. Pure, so it is
// checked on every request against the claims kept in the session: a policy change applies at once.

export type Policy = { emailDomains: string[]; claim: string | null; claimValues: string[] };

/** The claims a session keeps: only what the policy and the 403 page need. */
export type Identity = { sub: string; email: string | null; emailVerified: boolean; name: string | null; claim: string[] };

/** A claim by name; "realm_access.roles" reaches into nested objects when no key has that literal name. */
export function readClaim(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes(".")) {
    value = name.split(".").reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined), claims);
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  return [];
}

export function identityFrom(claims: Record<string, unknown>, policy: Policy): Identity {
  const email = typeof claims.email === "string" ? claims.email : null;
  return {
    sub: String(claims.sub),
    email,
    // Some providers send the string "true"; anything else counts as unverified.
    emailVerified: claims.email_verified === true || claims.email_verified === "true",
    name: typeof claims.name === "string" ? claims.name : null,
    // Only the values the policy lists: a provider may send hundreds of groups, and the cookie that
    // carries them must stay under the browsers' 4 KB. (A newly listed value needs a new sign-in.)
    claim: policy.claim ? readClaim(claims, policy.claim).filter((v) => policy.claimValues.includes(v)) : [],
  };
}

export function isAllowed(who: Identity, policy: Policy): boolean {
  if (policy.emailDomains.length > 0 && who.email && who.emailVerified) {
    const at = who.email.lastIndexOf("@");
    // Exact domain: a listed example.com does not admit evil-example.com nor sub.example.com.
    const domain = at > 0 ? who.email.slice(at + 1).toLowerCase() : "";
    if (domain && policy.emailDomains.includes(domain)) return true;
  }
  if (policy.claim && policy.claimValues.length > 0) {
    if (who.claim.some((v) => policy.claimValues.includes(v))) return true;
  }
  return false;
}
