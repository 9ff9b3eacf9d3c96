// The ordinary-code half of the negative corpus: what a coding session is full of and what must
// never be rewritten. Names like `password`, `token` and `auth` next to type annotations, identifiers,
// member access, calls, env lookups and template placeholders; config files in several languages;
// docs prose about credentials; hashes, ids and encoded blobs that are not credentials.
// Part hand-written (realistic snippets), part generated (every secret-ish name with every shape of
// non-secret value), all deterministic.

type Tools = {
  pick: <T>(xs: readonly T[]) => T;
  chars: (alphabet: string, n: number) => string;
  int: (lo: number, hi: number) => number;
};

const HEX = "0123456789abcdef";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B64 = ALNUM + "+/";

// Hand-written snippets, as they appear in tool inputs, file reads, diffs and answers.
const SNIPPETS: string[] = [
  // TypeScript
  `interface AuthOptions {\n  auth: AuthConfig;\n  password: PasswordHash;\n  secret: SecretValue;\n  credentials: CredentialProvider;\n}`,
  `export type Session = { token: AccessToken; refreshToken: RefreshToken | null; auth: Authorization };`,
  `function login(password: PasswordInput, token?: TokenString): Promise<AuthResult> {`,
  `const auth: AuthConfig = loadAuthConfig();`,
  `let credentials: CredentialProvider = new DefaultCredentialProvider();`,
  `constructor(private readonly secret: SecretManagerService, private token: TokenService) {}`,
  `export const authOptions: NextAuthOptions = { providers: [GitHubProvider({ clientId, clientSecret })] };`,
  `import { type ApiKey, type ClientSecret } from "./types";\nconst apiKey: ApiKey = config.apiKey;`,
  `auth=OAuth2Provider`,
  `const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });`,
  `const apiKey = config.apiKey ?? process.env.OPENAI_API_KEY;`,
  `headers: { Authorization: \`Bearer \${session.accessToken}\` },`,
  `const password = form.get("password") as string;`,
  `if (password !== confirmPassword) return { error: "Passwords do not match" };`,
  `const hashed = await bcrypt.hash(password, SALT_ROUNDS);`,
  `token: TokenResponse["access_token"],`,
  `secret: SecretsManagerClient,`,
  `  private_key: PrivateKeyPem;`,
  `  apiKey: z.string().min(1).describe("Provider API key"),`,
  `type Credentials = Record<ProviderName, CredentialEntry>;`,
  `export enum AuthMethod { Password = "password", Token = "token", OAuth = "oauth" }`,
  `case "password": return <PasswordField name="password" autoComplete="current-password" />;`,
  `<input type="password" name="password" placeholder="Password" required />`,
  `const { data: session } = useSession(); const token = session?.user?.accessToken;`,
  `expect(screen.getByLabelText("Password")).toHaveAttribute("type", "password");`,
  `auth: Authorization`,
  `secretKey: SecretKeyObject,`,
  `accessToken: AccessTokenString | undefined;`,
  `password: PasswordHashString;`,
  `token = jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: "1h" });`,
  `apiKey: providerConfig.apiKey,`,
  `clientSecret: env.GITHUB_CLIENT_SECRET,`,
  `auth: { user: SMTP_USER, pass: SMTP_PASSWORD },`,
  `const secret = new TextEncoder().encode(process.env.AUTH_SECRET);`,
  `"apiKey": "{env:ANTHROPIC_API_KEY}",`,
  `"apiKey": "{file:~/.secrets/openai-key}",`,
  // Python
  `class Settings(BaseSettings):\n    api_key: SecretStr\n    password: SecretStr = Field(..., env="DB_PASSWORD")\n    token: Optional[str] = None`,
  `api_key = os.environ["OPENAI_API_KEY"]\nclient = OpenAI(api_key=api_key)`,
  `password = os.getenv("DB_PASSWORD", "")`,
  `SECRET_KEY = env("DJANGO_SECRET_KEY")`,
  `token = request.headers.get("Authorization", "").removeprefix("Bearer ")`,
  `def authenticate(username: str, password: str) -> Optional[User]:`,
  `password = getpass.getpass("Password: ")`,
  `conn = psycopg2.connect(host=DB_HOST, user=DB_USER, password=DB_PASSWORD)`,
  `credentials = service_account.Credentials.from_service_account_file(KEY_PATH)`,
  `auth_token: AuthToken = Depends(get_auth_token)`,
  `secret = settings.SECRET_KEY`,
  `"password": "%(db_password)s",`,
  // Go
  `type Config struct {\n\tToken    string \`env:"GITHUB_TOKEN"\`\n\tPassword string \`json:"password"\`\n}`,
  `token := os.Getenv("GITHUB_TOKEN")`,
  `password, err := term.ReadPassword(int(os.Stdin.Fd()))`,
  `auth := &oauth2.Config{ClientID: clientID, ClientSecret: clientSecret, Endpoint: github.Endpoint}`,
  `secret, err := client.AccessSecretVersion(ctx, req)`,
  `Token: cfg.Token,`,
  // Rust
  `pub struct Credentials {\n    pub api_key: SecretString,\n    pub password: Option<SecretString>,\n}`,
  `let token: String = env::var("GITHUB_TOKEN")?;`,
  `let auth = BasicAuth::new(username, password);`,
  `api_key: ApiKey::from_env()?,`,
  `secret: SecretBox<Vec<u8>>,`,
  // YAML / config
  `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}\n      POSTGRES_USER: app`,
  `env:\n  - name: API_TOKEN\n    valueFrom:\n      secretKeyRef:\n        name: api-token\n        key: token`,
  `steps:\n  - uses: actions/checkout@v4\n    with:\n      token: \${{ secrets.GITHUB_TOKEN }}`,
  `password: "{{ vault_db_password }}"`,
  `auth:\n  type: oauth2\n  token_url: https://auth.example.com/oauth/token`,
  `spring.datasource.password=\${DB_PASSWORD}`,
  `password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256`,
  `secret: <your-secret-here>`,
  `api_key: YOUR_API_KEY_HERE`,
  `token: <your-token-here>`,
  `password = "<password>"`,
  `OPENAI_API_KEY=your-openai-api-key`,
  `STRIPE_SECRET_KEY=sk_test_...`,
  `DATABASE_PASSWORD=changeme`,
  `GITHUB_TOKEN=\${{ secrets.GITHUB_TOKEN }}`,
  `[auth]\nmethod = "token"\ntoken_file = "/run/secrets/api_token"`,
  `token: /var/run/secrets/kubernetes.io/serviceaccount/token`,
  `password_file: ./secrets/db_password.txt`,
  `{"auth": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}`,
  `{"password": {"type": "string", "minLength": 12, "format": "password"}}`,
  `{"token_type": "Bearer", "expires_in": 3600, "scope": "read write"}`,
  `"auth": "AuthenticationProvider",`,
  // Shell
  `export TOKEN=$(gh auth token)`,
  `PASSWORD="\${PASSWORD:-changeme}"`,
  `read -rsp "Password: " PASSWORD && echo`,
  `curl -u "$USER:$TOKEN" https://api.github.com/user`,
  `echo "$DOCKER_PASSWORD" | docker login -u "$DOCKER_USER" --password-stdin`,
  `TOKEN=$(openssl rand -hex 32)`,
  `kubectl create secret generic db --from-literal=password="$DB_PASSWORD"`,
  `gh secret set NPM_TOKEN --body "$NPM_TOKEN"`,
  `aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY"`,
  `git config --global credential.helper store`,
  `ssh-keygen -t ed25519 -C "jane@example.com" -f ~/.ssh/id_ed25519`,
  // SQL
  `CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE NOT NULL, password_hash text NOT NULL);`,
  `UPDATE users SET password = crypt($1, gen_salt('bf')) WHERE id = $2;`,
  `SELECT id FROM sessions WHERE token = $1 AND expires_at > now();`,
  `INSERT INTO api_keys (user_id, key_hash, created_at) VALUES (?, ?, CURRENT_TIMESTAMP);`,
  // CSS
  `.password-field input[type="password"] { letter-spacing: 0.2em; border: 1px solid var(--auth-border); }`,
  `:root { --token-color: #1f6feb; --secret-bg: rgba(0, 0, 0, 0.04); }`,
  `.auth-card { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); }`,
  // Prose
  `The password must be at least 12 characters long and contain a number.`,
  `To authenticate, pass your API key in the Authorization header: \`Authorization: Bearer <token>\`.`,
  `Tokens expire after one hour; use the refresh token to get a new access token.`,
  `Never commit secrets to the repository. Store the token in your password manager and load it through an environment variable.`,
  `I've updated the auth middleware so the token is read from the cookie instead of the query string.`,
  `The secret: keep it out of logs. The token: rotate it monthly. The password: hash it with argon2.`,
  `Rotate the credentials: delete the old access key in the IAM console, then create a new one.`,
  `Auth: handled by the AuthProvider component, which wraps the app and exposes useAuth().`,
  `Password: required. Token: optional. Secret: never shown again after creation.`,
  `We use OAuth2 with PKCE, so there is no client secret in the mobile app.`,
  // Diffs
  `-  password: PasswordHash;\n+  passwordHash: PasswordHash;\n   token: AccessToken;`,
  `@@ -12,7 +12,7 @@ export interface AuthConfig {\n-  secret: string;\n+  secret: SecretValue;`,
  // Hashes, ids and blobs
  `"integrity": "sha512-vJp9KqzYb7h4RfJmN0a0yB2c4Zq3vOfp+KpD2r0nGzwTt4c5E5pN5m2m5d3bA3qWQ7Hq1gYp4QfM9m0c7s3bTw=="`,
  `"resolved": "https://registry.npmjs.org/next/-/next-16.4.6.tgz",`,
  `Merge: 4502756 0fce14f\nAuthor: Dev <dev@example.com>`,
  `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 is the base64url of {"alg":"HS256","typ":"JWT"}`,
  `The JWT format is base64url(header).base64url(payload).signature, for example eyJhbGciOi...`,
  `<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt="">`,
  `url("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'/>")`,
  `font-src 'self' data:; img-src 'self' data: blob:`,
];

// A secret-ish name, then a separator, then a value that names or describes a secret without being one.
const NAMES = [
  "auth", "password", "passwd", "secret", "token", "credentials", "credential", "apiKey", "api_key", "accessToken",
  "refreshToken", "clientSecret", "client_secret", "privateKey", "private_key", "secretKey", "authToken", "sessionToken",
  "API_KEY", "SECRET_KEY", "ACCESS_TOKEN", "DB_PASSWORD", "GITHUB_TOKEN",
];
const TYPES = [
  "AuthConfig", "PasswordHash", "SecretValue", "CredentialProvider", "Authorization", "OAuth2Provider", "AccessToken",
  "TokenResponse", "ClientSecretCredential", "SecretString", "PrivateKeyPem", "ApiKeyConfig", "SessionTokenStore",
  "AuthenticationProvider", "HttpBasicAuth", "JwtPayload", "SecretManagerServiceClient", "KeyVaultSecret",
  "CredentialsProvider", "PasswordEncoder", "BCryptPasswordEncoder", "OAuth2AuthorizedClient", "IAuthService",
  "TokenBucket", "XMLHttpRequest", "HTTPBasicCredentials", "S3ClientConfig", "AWSCredentials", "GitHubAppAuth",
];
const VALUES = [
  ...TYPES,
  "config.apiKey", "settings.SECRET_KEY", "process.env.API_TOKEN", "import.meta.env.VITE_API_KEY", "ctx.session.token",
  "opts.credentials", "this.authService", "self.password_hash", "req.body.password", "user.passwordHash",
  "getToken()", "loadSecret(name)", "readPasswordFromStdin()", "os.getenv('TOKEN')", "env::var(\"API_KEY\")",
  "${TOKEN}", "${API_KEY}", "${{ secrets.NPM_TOKEN }}", "{{ .Values.auth.token }}", "$DB_PASSWORD", "%(password)s",
  "<your-token-here>", "<YOUR_API_KEY>", "YOUR_API_KEY", "REPLACE_ME", "xxxxxxxxxxxxxxxx", "********", "sk-...",
  "PASSWORD_PLACEHOLDER", "changeme123", "not-a-real-secret", "example-token", "my_secret_name", "dummyPassword",
  "defaultAuthConfig", "passwordHashAlgorithm", "refresh_token_ttl", "AUTH_HEADER_NAME", "oauth2-proxy",
  "/run/secrets/db_password", "./config/credentials.json", "~/.aws/credentials", "https://auth.example.com/token",
];
const SHAPES: Array<(name: string, value: string) => string> = [
  (n, v) => `${n}: ${v}`,
  (n, v) => `  ${n}: ${v};`,
  (n, v) => `${n}: ${v},`,
  (n, v) => `${n} = ${v}`,
  (n, v) => `const ${n} = ${v};`,
  (n, v) => `${n}=${v}`,
  (n, v) => `${n} := ${v}`,
  (n, v) => `function f(${n}: ${v}) {}`,
  (n, v) => `  "${n}": "${v}",`,
  (n, v) => `${n}: "${v}"`,
];

export function codeNegatives({ pick, chars, int }: Tools): string[] {
  const out = [...SNIPPETS];
  for (const name of NAMES) for (const value of VALUES) out.push(pick(SHAPES)(name, value));
  for (let i = 0; i < 30; i++) {
    out.push(
      `"integrity": "sha512-${chars(B64, 86)}=="`,
      `"integrity": "sha1-${chars(B64, 27)}="`,
      `git checkout ${chars(HEX, 40)} && git log --oneline ${chars(HEX, 7)}..HEAD`,
      `id: ${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-8${chars(HEX, 3)}-${chars(HEX, 12)}`,
      `<img alt="logo" src="data:image/png;base64,${Buffer.from(chars(ALNUM, int(100, 600))).toString("base64")}">`,
      // Three base64url segments, but not a JWT: no eyJ header.
      `${chars(ALNUM, int(10, 20))}.${chars(ALNUM, int(10, 40))}.${chars(ALNUM, int(10, 40))}`,
      `"etag": "W/\\"${chars(HEX, 8)}-${chars(ALNUM, 27)}\\""`,
      `checksum: sha256:${chars(HEX, 64)}`,
      `token: ${pick(TYPES)}${pick(["", " | null", " | undefined", "[]", "<T>"])}`,
    );
  }
  return out;
}
