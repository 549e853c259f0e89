/**
 * What the ahead-of-time manifest schema validator
 * (./manifest_schema_generated.ts, made by tools/manifest_schema.ts) needs
 * at run time besides itself: the shape of the problems it reports, a
 * string length in code points (JSON Schema `maxLength`), and equality of
 * JSON values (`uniqueItems`). Kept here so the generated code needs no
 * schema library when it runs.
 */

/** One schema violation, as the generated validator reports it. */
export interface SchemaError {
  /** The keyword that failed (`required`, `pattern`, `type`...). */
  readonly keyword: string;
  /** JSON Pointer of the offending value (`/abi/functions/0/name`). */
  readonly instancePath: string;
  /** JSON Pointer of the failing keyword in the schema. */
  readonly schemaPath: string;
  /** Keyword details (`missingProperty`, `pattern`, `allowedValues`...). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The validator's own wording of the problem. */
  readonly message?: string;
}

/** A validator of parsed JSON: true when it matches; the problems of the last call in `errors`. */
export interface SchemaValidator {
  (data: unknown): boolean;
  /** The problems found by the last call, or null when it matched. */
  errors?: readonly SchemaError[] | null;
}

/** Length of `text` in code points: a surrogate pair counts once, a lone surrogate once. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    count++;
  }
  return count;
}

/** Structural equality of two parsed JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const aRecord = a as Readonly<Record<string, unknown>>;
  const bRecord = b as Readonly<Record<string, unknown>>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && jsonEqual(aRecord[key], bRecord[key]));
}
