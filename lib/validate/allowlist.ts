/**
 * What contract code may name: the builtins of the subset, the methods of
 * its value types, the stdlib surface, and the Python builtins that are
 * refused with a specific diagnostic.
 *
 * This table fixes the language surface for the compiler and runtime: a
 * name accepted here must be lowered and executed exactly as CPython 3.11
 * would. Adding a name is a language change (spec/LANGUAGE.md, bump the
 * language version).
 */

/** Builtin functions a contract may call. */
export const ALLOWED_BUILTINS: ReadonlySet<string> = new Set([
  "len",
  "range",
  "min",
  "max",
  "abs",
  "sum",
  "all",
  "any",
  "enumerate",
  "zip",
  "sorted",
  "reversed",
  "bytes",
  "int",
  "bool",
  "str",
  "list",
  "tuple",
  "dict",
  "isinstance",
  "ord",
  "chr",
  "hex",
  "divmod",
  "pow",
]);

/** Builtin type names usable as `isinstance`'s second argument and in annotations. */
export const TYPE_NAMES: ReadonlySet<string> = new Set([
  "int",
  "bool",
  "bytes",
  "str",
  "list",
  "tuple",
  "dict",
]);

/**
 * Classes with no values in the VM, accepted only as isinstance classes
 * (`isinstance(x, (bytes, bytearray))`), where they match nothing.
 */
export const VALUELESS_TYPE_NAMES: ReadonlySet<string> = new Set(["bytearray", "memoryview"]);

/** Builtins refused because they break determinism, isolation or static analysis. */
export const BANNED_BUILTINS: ReadonlySet<string> = new Set([
  "eval",
  "exec",
  "compile",
  "open",
  "print",
  "input",
  "hash",
  "id",
  "getattr",
  "setattr",
  "delattr",
  "hasattr",
  "globals",
  "locals",
  "vars",
  "dir",
  "__import__",
  "breakpoint",
  "help",
  "exit",
  "quit",
  "memoryview",
  "type",
  "object",
  "super",
]);

/** The other builtins of CPython 3.11: real, but outside the subset. */
export const OTHER_PYTHON_BUILTINS: ReadonlySet<string> = new Set([
  "aiter",
  "anext",
  "ascii",
  "bin",
  "bytearray",
  "callable",
  "classmethod",
  "complex",
  "filter",
  "float",
  "format",
  "frozenset",
  "issubclass",
  "iter",
  "map",
  "next",
  "oct",
  "property",
  "repr",
  "round",
  "set",
  "slice",
  "staticmethod",
  "copyright",
  "credits",
  "license",
  "NotImplemented",
  "Ellipsis",
  "BaseException",
  "Exception",
  "ArithmeticError",
  "AssertionError",
  "AttributeError",
  "IndexError",
  "KeyError",
  "LookupError",
  "NameError",
  "OverflowError",
  "RuntimeError",
  "StopIteration",
  "TypeError",
  "UnicodeDecodeError",
  "UnicodeEncodeError",
  "ValueError",
  "ZeroDivisionError",
]);

/**
 * Methods of the subset's value types, by type. The validator cannot know a
 * receiver's type, so it accepts any name in the union; the runtime raises
 * AttributeError when the receiver's type lacks the method, as CPython does.
 */
export const METHODS: Readonly<Record<string, readonly string[]>> = {
  int: ["to_bytes", "bit_length"],
  bytes: [
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "count",
    "hex",
    "decode",
    "join",
    "replace",
    "split",
    "strip",
    "lstrip",
    "rstrip",
    "removeprefix",
    "removesuffix",
    "upper",
    "lower",
    "rindex",
    "rsplit",
    "splitlines",
    "partition",
    "rpartition",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "expandtabs",
    "isalnum",
    "isalpha",
    "isdigit",
    "isspace",
    "isascii",
    "islower",
    "isupper",
    "istitle",
    "capitalize",
    "title",
    "swapcase",
    "translate",
  ],
  str: [
    "encode",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "count",
    "join",
    "replace",
    "split",
    "strip",
    "lstrip",
    "rstrip",
    "removeprefix",
    "removesuffix",
    "upper",
    "lower",
    "isdigit",
    "isalpha",
    "isalnum",
    "zfill",
    "rindex",
    "rsplit",
    "splitlines",
    "partition",
    "rpartition",
    "center",
    "ljust",
    "rjust",
    "expandtabs",
    "isspace",
    "isascii",
    "islower",
    "isupper",
    "istitle",
    "isdecimal",
    "isnumeric",
    "isprintable",
    "isidentifier",
    "translate",
    "capitalize",
    "title",
    "swapcase",
    "casefold",
  ],
  list: [
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "index",
    "count",
    "sort",
    "reverse",
    "copy",
    "clear",
  ],
  tuple: ["index", "count"],
  range: ["index", "count"],
  dict_keys: ["isdisjoint"],
  dict_items: ["isdisjoint"],
  dict: ["get", "keys", "values", "items", "pop", "setdefault", "update", "copy", "clear"],
};

/**
 * Exception classes a contract may raise, catch and call (spec/LANGUAGE.md
 * §3). The compiler maps each to its id in spec/opcodes_vm_py.yaml
 * `exceptions`, which holds the hierarchy; a test keeps the two in step.
 */
export const EXCEPTION_CLASSES: ReadonlySet<string> = new Set([
  "BaseException",
  "Exception",
  "ArithmeticError",
  "OverflowError",
  "ZeroDivisionError",
  "AssertionError",
  "AttributeError",
  "LookupError",
  "IndexError",
  "KeyError",
  "NameError",
  "UnboundLocalError",
  "RuntimeError",
  "NotImplementedError",
  "TypeError",
  "ValueError",
  "UnicodeError",
  "UnicodeDecodeError",
  "UnicodeEncodeError",
]);

/** Exception classes whose constructor needs arguments of its own (catch them only). */
export const UNCONSTRUCTIBLE_EXCEPTIONS: ReadonlySet<string> = new Set([
  "UnicodeDecodeError",
  "UnicodeEncodeError",
]);

/** Every method name of {@link METHODS}. */
export const METHOD_NAMES: ReadonlySet<string> = new Set(Object.values(METHODS).flat());

/** Class-level methods callable on a builtin type name: `int.from_bytes(...)`. */
export const TYPE_METHODS: Readonly<Record<string, readonly string[]>> = {
  int: ["from_bytes"],
  bytes: ["fromhex", "maketrans"],
  str: ["maketrans"],
};

/** How a stdlib member is used: called, or read as a value. */
export type StdlibMemberKind = "function" | "value";

/** The stdlib modules and their members (`from stdlib import storage`). */
export const STDLIB: Readonly<Record<string, Readonly<Record<string, StdlibMemberKind>>>> = {
  abi: {
    require: "function",
    revert: "function",
    encode: "function",
    decode: "function",
    caller: "function",
    sender: "function",
    msg_sender: "function",
    block_height: "function",
    block_number: "function",
    block_timestamp: "function",
    chain_id: "function",
    contract_address: "function",
    encode_int: "function",
    encode_bytes: "function",
    decode_int: "function",
    encode_struct: "function",
    hex: "function",
  },
  context: {
    sender: "value",
    value: "value",
    address: "value",
    block_height: "value",
    block_time: "value",
    chain_id: "value",
    tx_hash: "value",
  },
  events: { emit: "function" },
  hash: { sha3_256: "function", sha3_512: "function", keccak256: "function", blake3: "function" },
  random: { bytes: "function" },
  storage: {
    get: "function",
    set: "function",
    delete: "function",
    get_int: "function",
    set_int: "function",
    exists: "function",
  },
  pq_verify: { verify: "function" },
  syscalls: {
    blob_pin: "function",
    ai_enqueue: "function",
    quantum_enqueue: "function",
    read_result: "function",
    zk_verify: "function",
    random: "function",
  },
  treasury: { balance: "function", transfer: "function" },
};

/**
 * stdlib functions without effects or call-dependent results: a module
 * constant may call them (`KEY = hash.sha3_256(b"k")`).
 */
export const PURE_STDLIB: ReadonlySet<string> = new Set([
  "hash.sha3_256",
  "hash.sha3_512",
  "hash.keccak256",
  "hash.blake3",
  "abi.encode",
  "abi.decode",
  "abi.encode_int",
  "abi.encode_bytes",
  "abi.decode_int",
  "abi.encode_struct",
  "abi.hex",
]);

/** The only `from __future__` import accepted (it has no effect). */
export const ALLOWED_FUTURE = "annotations";
