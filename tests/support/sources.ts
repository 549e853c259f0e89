/**
 * The repository's TypeScript files and the modules they import
 * statically, for the tests that check which module may import which
 * (architecture_test, dependencies_test, pq_loading_test).
 */

/** The repository's root folder. */
export const ROOT = new URL("../../", import.meta.url);

/** A source file: its path from the root, its URL and its text. */
export interface SourceFile {
  readonly path: string;
  readonly url: URL;
  readonly text: string;
}

/** The .ts files under `folder` (a path from the root ending in `/`), `_test.ts` files too or not. */
export function sourceFiles(folder: string, withTests = true): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (directory: URL) => {
    for (const entry of [...Deno.readDirSync(directory)].sort((a, b) => a.name < b.name ? -1 : 1)) {
      const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), directory);
      if (entry.isDirectory) walk(url);
      else if (entry.name.endsWith(".ts") && (withTests || !entry.name.endsWith("_test.ts"))) {
        files.push({
          path: url.pathname.slice(ROOT.pathname.length),
          url,
          text: Deno.readTextFileSync(url),
        });
      }
    }
  };
  walk(new URL(folder, ROOT));
  return files;
}

/**
 * The specifiers a module's text imports or re-exports statically: bare
 * imports too, and type-only ones unless `loadedOnly`. An `import type` or
 * `export type` statement loads nothing when the program runs, and neither
 * does one whose named specifiers are all marked `type` (Deno drops it).
 */
export function staticImports(text: string, loadedOnly = false): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  const pattern = /^\s*(?:import\s+"([^"]+)"|(import|export)\b([^;]*?)\bfrom\s+"([^"]+)")/gm;
  const found: string[] = [];
  for (const match of code.matchAll(pattern)) {
    const [, bare, , clause = "", from = ""] = match;
    if (bare !== undefined) found.push(bare);
    else if (!loadedOnly || !typeOnly(clause)) found.push(from);
  }
  return found;
}

/** Whether an import or export clause (what stands between the keyword and `from`) names only types. */
function typeOnly(clause: string): boolean {
  const trimmed = clause.trim();
  if (/^type\b/.test(trimmed)) return true;
  const named = /^\{([^}]*)\}$/.exec(trimmed);
  if (named === null) return false;
  const items = (named[1] ?? "").split(",").map((item) => item.trim()).filter((item) =>
    item !== ""
  );
  return items.length > 0 && items.every((item) => /^type\s/.test(item));
}

/**
 * Every module reached from `entry` by static imports (only those that
 * load a module when `loadedOnly`): local URLs (href) and package specifiers.
 */
export function staticGraph(entry: URL, loadedOnly = false): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as URL;
    if (seen.has(file.href)) continue;
    seen.add(file.href);
    let text: string;
    try {
      text = Deno.readTextFileSync(file);
    } catch {
      continue; // a specifier in a generator's output text, not a module here
    }
    for (const specifier of staticImports(text, loadedOnly)) {
      if (specifier.startsWith(".")) pending.push(new URL(specifier, file));
      else seen.add(specifier);
    }
  }
  return seen;
}
