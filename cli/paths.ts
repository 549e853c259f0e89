/**
 * File paths for the CLI: join, resolve, dirname, basename, isAbsolute and
 * relative, as node:path gives them. On POSIX systems they are computed
 * here, so that no command loads Deno's Node compatibility layer for them
 * (spec/RUNTIME.md §8); on Windows, whose drive letters and separators
 * need node:path's rules, node:path itself does the work.
 * tests/cli_paths_test.ts checks these against node:path's POSIX forms.
 */

/** The path functions this CLI uses. */
interface PathFunctions {
  join(...parts: string[]): string;
  resolve(...parts: string[]): string;
  dirname(path: string): string;
  basename(path: string): string;
  isAbsolute(path: string): boolean;
  relative(from: string, to: string): string;
}

/** `path` with `.`, `..` and repeated slashes resolved (a trailing slash kept), as node's normalize. */
function normalize(path: string): string {
  if (path === "") return ".";
  const absolute = path.startsWith("/");
  const trailing = path.endsWith("/");
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part !== "..") parts.push(part);
    else if (parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else if (!absolute) parts.push("..");
  }
  let out = parts.join("/");
  if (out === "" && !absolute) out = ".";
  if (out !== "" && trailing) out += "/";
  return absolute ? `/${out}` : out;
}

const POSIX: PathFunctions = {
  join(...parts) {
    const joined = parts.filter((part) => part !== "").join("/");
    return joined === "" ? "." : normalize(joined);
  },
  resolve(...parts) {
    let resolved = "";
    for (let i = parts.length - 1; i >= 0 && !resolved.startsWith("/"); i--) {
      const part = parts[i] ?? "";
      if (part !== "") resolved = resolved === "" ? part : `${part}/${resolved}`;
    }
    if (!resolved.startsWith("/")) {
      resolved = resolved === "" ? Deno.cwd() : `${Deno.cwd()}/${resolved}`;
    }
    const normal = normalize(resolved);
    return normal.length > 1 && normal.endsWith("/") ? normal.slice(0, -1) : normal;
  },
  dirname(path) {
    if (path === "") return ".";
    // The last slash that has a non-slash after it (the first character aside); repeats are kept.
    let end = -1;
    let seenName = false;
    for (let i = path.length - 1; i >= 1; i--) {
      if (path[i] !== "/") seenName = true;
      else if (seenName) {
        end = i;
        break;
      }
    }
    const rooted = path.startsWith("/");
    if (end === -1) return rooted ? "/" : ".";
    return rooted && end === 1 ? "//" : path.slice(0, end);
  },
  basename(path) {
    let end = path.length;
    while (end > 0 && path[end - 1] === "/") end--;
    return path.slice(path.lastIndexOf("/", end - 1) + 1, end);
  },
  isAbsolute(path) {
    return path.startsWith("/");
  },
  relative(from, to) {
    const source = POSIX.resolve(from);
    const target = POSIX.resolve(to);
    if (source === target) return "";
    const a = source.split("/").filter((part) => part !== "");
    const b = target.split("/").filter((part) => part !== "");
    let shared = 0;
    while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
    return [...a.slice(shared).map(() => ".."), ...b.slice(shared)].join("/");
  },
};

const native: PathFunctions | null = Deno.build.os === "windows" ? await import("node:path") : null;
const platform: PathFunctions = native ?? POSIX;

/** The POSIX forms, for tests. */
export const POSIX_PATHS: PathFunctions = POSIX;

/** node:path's join. */
export function join(...parts: string[]): string {
  return platform.join(...parts);
}

/** node:path's resolve (against the working directory). */
export function resolve(...parts: string[]): string {
  return platform.resolve(...parts);
}

/** node:path's dirname. */
export function dirname(path: string): string {
  return platform.dirname(path);
}

/** node:path's basename (no suffix stripping: its rules for that have corner cases). */
export function basename(path: string): string {
  return platform.basename(path);
}

/** node:path's isAbsolute. */
export function isAbsolute(path: string): boolean {
  return platform.isAbsolute(path);
}

/** node:path's relative. */
export function relative(from: string, to: string): string {
  return platform.relative(from, to);
}
