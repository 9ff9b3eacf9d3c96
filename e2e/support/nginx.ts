// Debian's nginx in front of a test server, configured from deploy/nginx.conf itself: only the host
// name, ports, certificate paths and upstream change; every other directive is the shipped one. It
// runs without root's paths (pid, logs and temp files under one /tmp directory) on loopback ports,
// with a self-signed certificate made by openssl for "localhost".
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./server";

const ROOT = path.join(__dirname, "..", "..");
export const NGINX_CONF = path.join(ROOT, "deploy", "nginx.conf");

export type Nginx = { httpsPort: number; httpPort: number; cert: Buffer; dir: string; stop: () => Promise<void>; log: () => string };

/** deploy/nginx.conf with the test's ports, certificate and upstream; throws if a placeholder moved. */
export function siteConfig(options: { upstreamPort: number; httpPort: number; httpsPort: number; cert: string; key: string }): string {
  const replacements: [RegExp, string][] = [
    [/server 127\.0\.0\.1:3000;/g, `server 127.0.0.1:${options.upstreamPort};`],
    [/listen 80;/g, `listen 127.0.0.1:${options.httpPort};`],
    [/listen 443 ssl/g, `listen 127.0.0.1:${options.httpsPort} ssl`],
    [/^\s*listen \[::\]:\d+.*$/gm, ""],
    [/parley\.example\.com/g, "localhost"],
    [/ssl_certificate \s*\S+;/g, `ssl_certificate ${options.cert};`],
    [/ssl_certificate_key \S+;/g, `ssl_certificate_key ${options.key};`],
  ];
  let conf = fs.readFileSync(NGINX_CONF, "utf8");
  for (const [pattern, value] of replacements) {
    if (!pattern.test(conf)) throw new Error(`deploy/nginx.conf no longer has ${pattern}: update e2e/support/nginx.ts`);
    conf = conf.replace(pattern, value);
  }
  return conf;
}

export async function startNginx(upstreamPort: number): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-nginx-"));
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => path.join(dir, t));
  const main = [
    // As root, nginx would hand its workers to "nobody", who cannot read this directory.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    "worker_processes 1;",
    "daemon off;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    "events { worker_connections 256; }",
    "http {",
    `  access_log ${dir}/access.log;`,
    `  client_body_temp_path ${temp[0]};`,
    `  proxy_temp_path ${temp[1]};`,
    `  fastcgi_temp_path ${temp[2]};`,
    `  uwsgi_temp_path ${temp[3]};`,
    `  scgi_temp_path ${temp[4]};`,
    siteConfig({ upstreamPort, httpPort, httpsPort, cert, key }),
    "}",
  ].join("\n");
  fs.writeFileSync(path.join(dir, "nginx.conf"), main);
  const child: ChildProcess = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const log = () => `${output}${fs.existsSync(`${dir}/error.log`) ? fs.readFileSync(`${dir}/error.log`, "utf8") : ""}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGQUIT");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) break;
    if (fs.existsSync(`${dir}/nginx.pid`)) return { httpsPort, httpPort, cert: fs.readFileSync(cert), dir, stop, log };
    await new Promise((r) => setTimeout(r, 50));
  }
  const text = log();
  await stop();
  throw new Error(`nginx did not start:\n${text}`);
}
