/**
 * ABI v1 types: the type tree, the parser for type strings and their
 * canonical spelling (used in selectors).
 *
 *   type := "int" | "bool" | "bytes" | "str" | "address"
 *         | "list" "<" type ">" | "tuple" "(" [type ("," type)*] ")"
 *
 * Spaces are allowed between tokens on input; the canonical form has none.
 */

import { AbiTypeError } from "../errors.ts";

/** A parsed ABI type. */
export type AbiType =
  | { readonly kind: "int" }
  | { readonly kind: "bool" }
  | { readonly kind: "bytes" }
  | { readonly kind: "str" }
  | { readonly kind: "address" }
  | { readonly kind: "list"; readonly item: AbiType }
  | { readonly kind: "tuple"; readonly items: readonly AbiType[] };

/** Longest type string accepted, and deepest nesting of list/tuple. */
export const MAX_TYPE_LENGTH = 1024;
export const MAX_TYPE_DEPTH = 16;

const SCALARS = new Set(["int", "bool", "bytes", "str", "address"]);

/** Parses a type string such as `list<tuple(address,int)>`. */
export function parseAbiType(text: string): AbiType {
  if (text.length > MAX_TYPE_LENGTH) {
    throw new AbiTypeError(`type is longer than ${MAX_TYPE_LENGTH} characters`);
  }
  const parser = new TypeParser(text);
  const type = parser.type(0);
  parser.end();
  return type;
}

/** The canonical spelling of a type (no spaces). */
export function canonicalType(type: AbiType): string {
  switch (type.kind) {
    case "list":
      return `list<${canonicalType(type.item)}>`;
    case "tuple":
      return `tuple(${type.items.map(canonicalType).join(",")})`;
    default:
      return type.kind;
  }
}

class TypeParser {
  readonly #text: string;
  #pos = 0;

  constructor(text: string) {
    this.#text = text;
  }

  #skipSpaces(): void {
    while (this.#text[this.#pos] === " ") this.#pos++;
  }

  #fail(message: string): never {
    throw new AbiTypeError(`${message} in type '${this.#text}' at position ${this.#pos + 1}`);
  }

  #expect(char: string): void {
    this.#skipSpaces();
    if (this.#text[this.#pos] !== char) this.#fail(`expected '${char}'`);
    this.#pos++;
  }

  type(depth: number): AbiType {
    if (depth > MAX_TYPE_DEPTH) this.#fail(`type nested deeper than ${MAX_TYPE_DEPTH} levels`);
    this.#skipSpaces();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.#text.slice(this.#pos));
    if (match === null) this.#fail("expected a type name");
    const name = match[0];
    this.#pos += name.length;
    if (name === "list") {
      this.#expect("<");
      const item = this.type(depth + 1);
      this.#expect(">");
      return { kind: "list", item };
    }
    if (name === "tuple") {
      this.#expect("(");
      const items: AbiType[] = [];
      this.#skipSpaces();
      if (this.#text[this.#pos] !== ")") {
        items.push(this.type(depth + 1));
        this.#skipSpaces();
        while (this.#text[this.#pos] === ",") {
          this.#pos++;
          items.push(this.type(depth + 1));
          this.#skipSpaces();
        }
      }
      this.#expect(")");
      return { kind: "tuple", items };
    }
    if (!SCALARS.has(name)) {
      throw new AbiTypeError(
        `unknown type '${name}' (types are int, bool, bytes, str, address, list<T>, tuple(T,...))`,
      );
    }
    return { kind: name as "int" };
  }

  end(): void {
    this.#skipSpaces();
    if (this.#pos < this.#text.length) this.#fail(`unexpected '${this.#text[this.#pos]}'`);
  }
}
