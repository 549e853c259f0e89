/**
 * cli/paths.ts against node:path's POSIX functions on every path built
 * from a few awkward pieces (empty, ".", "..", repeated and trailing
 * slashes, absolute and relative), one to four pieces long.
 */

import assert from "node:assert/strict";
import { posix } from "node:path";
import { POSIX_PATHS } from "../cli/paths.ts";

const PIECES = ["", "/", "//", ".", "..", "a", "bb", "a/", "/a", "../c", "./d/", "x/../y", "c.py"];

function* paths(count: number): Generator<string[]> {
  if (count === 0) {
    yield [];
    return;
  }
  for (const rest of paths(count - 1)) for (const piece of PIECES) yield [piece, ...rest];
}

Deno.test("cli paths: join, resolve, dirname, basename, isAbsolute and relative are node:path's", () => {
  let checked = 0;
  for (let count = 1; count <= 4; count++) {
    for (const parts of paths(count)) {
      const where = JSON.stringify(parts);
      assert.equal(POSIX_PATHS.join(...parts), posix.join(...parts), `join ${where}`);
      assert.equal(POSIX_PATHS.resolve(...parts), posix.resolve(...parts), `resolve ${where}`);
      const path = parts.join("");
      assert.equal(POSIX_PATHS.dirname(path), posix.dirname(path), `dirname ${where}`);
      assert.equal(POSIX_PATHS.basename(path), posix.basename(path), `basename ${where}`);
      assert.equal(POSIX_PATHS.isAbsolute(path), posix.isAbsolute(path), `isAbsolute ${where}`);
      const [from = "", to = ""] = [parts.slice(0, 1).join(""), parts.slice(1).join("")];
      assert.equal(POSIX_PATHS.relative(from, to), posix.relative(from, to), `relative ${where}`);
      checked++;
    }
  }
  assert.ok(checked > 20000);
});
