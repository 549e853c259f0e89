/**
 * byteText (values.ts) gives the windows-1252 decoder's text at every
 * length, whether it writes the units itself (short bytes) or calls the
 * decoder: a dict key or a search of bytes must not depend on the way.
 * Every byte value gets a unit of its own.
 */

import assert from "node:assert/strict";
import { byteText } from "./values.ts";
import { SeededRandom } from "../../tests/support/random.ts";

const decoder = new TextDecoder("windows-1252");

Deno.test("byteText is the decoder's text at every length up to 200", () => {
  const random = new SeededRandom(1252);
  for (let length = 0; length <= 200; length++) {
    for (let trial = 0; trial < 20; trial++) {
      const bytes = Uint8Array.from({ length }, () => random.nextU32() & 0xff);
      assert.equal(byteText(bytes), decoder.decode(bytes), `${length} bytes: ${bytes}`);
    }
  }
});

Deno.test("byteText gives every byte value a unit of its own", () => {
  const units = new Set<string>();
  for (let byte = 0; byte < 256; byte++) {
    const text = byteText(Uint8Array.of(byte));
    assert.equal(text.length, 1);
    assert.equal(text, decoder.decode(Uint8Array.of(byte)));
    units.add(text);
  }
  assert.equal(units.size, 256);
});
