// Maps fence info strings and file names to shiki language ids. Allow-listed: anything shiki does
// not bundle becomes "text", so a fence string never reaches an attribute or a grammar lookup raw.
import { bundledLanguages, bundledLanguagesAlias } from "shiki";
import { baseName } from "../view/paths";

const EXTENSIONS: Record<string, string> = {
  ts: "typescript",
  tsx: "tsx",
  mts: "typescript",
  cts: "typescript",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "jsx",
  py: "python",
  rb: "ruby",
  rs: "rust",
  go: "go",
  java: "java",
  kt: "kotlin",
  swift: "swift",
  c: "c",
  h: "c",
  cc: "cpp",
  cpp: "cpp",
  hpp: "cpp",
  cs: "csharp",
  php: "php",
  sh: "bash",
  bash: "bash",
  zsh: "bash",
  fish: "fish",
  ps1: "powershell",
  md: "markdown",
  mdx: "mdx",
  json: "json",
  jsonc: "jsonc",
  yml: "yaml",
  yaml: "yaml",
  toml: "toml",
  ini: "ini",
  xml: "xml",
  html: "html",
  htm: "html",
  css: "css",
  scss: "scss",
  less: "less",
  sql: "sql",
  graphql: "graphql",
  gql: "graphql",
  vue: "vue",
  svelte: "svelte",
  astro: "astro",
  lua: "lua",
  dart: "dart",
  scala: "scala",
  ex: "elixir",
  exs: "elixir",
  erl: "erlang",
  hs: "haskell",
  ml: "ocaml",
  zig: "zig",
  nix: "nix",
  tf: "hcl",
  diff: "diff",
  patch: "diff",
  dockerfile: "docker",
  makefile: "make",
  proto: "proto",
  r: "r",
  jl: "julia",
  pl: "perl",
  txt: "text",
};

/** A shiki language id for a fence info string or id, or "text". */
export function languageFor(info: string | undefined | null): string {
  const lang = (info ?? "").trim().split(/\s+/)[0].toLowerCase();
  if (!/^[a-z0-9][a-z0-9+#._-]{0,30}$/.test(lang)) return "text";
  if (lang in bundledLanguages || lang in bundledLanguagesAlias) return lang;
  return EXTENSIONS[lang] ?? "text";
}

/** A shiki language id for a file path, from its extension or well-known name, or "text". */
export function languageForPath(path: string | undefined | null): string {
  const name = baseName(path ?? "").toLowerCase();
  if (name === "dockerfile" || name === "makefile") return EXTENSIONS[name];
  const dot = name.lastIndexOf(".");
  if (dot < 0) return "text";
  return EXTENSIONS[name.slice(dot + 1)] ?? languageFor(name.slice(dot + 1));
}

/** The label shown on a code block for a language id. */
export function languageLabel(id: string): string {
  return id === "text" ? "text" : id;
}
