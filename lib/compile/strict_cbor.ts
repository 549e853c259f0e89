/**
 * The one set of cborg decoder options behind every strict decoder of
 * canonical bytes (IR modules, transactions, receipts): maps as Maps,
 * duplicate keys, undefined, indefinite lengths, infinities and NaN
 * refused. Each decoder re-encodes what it read and compares, so the
 * canonical form itself is checked there.
 */

/** cborg decode options shared by the strict decoders. */
export const STRICT_CBOR_DECODE = {
  strict: true,
  useMaps: true,
  rejectDuplicateMapKeys: true,
  allowUndefined: false,
  allowIndefinite: false,
  allowInfinity: false,
  allowNaN: false,
} as const;
