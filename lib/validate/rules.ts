/**
 * The catalogue of diagnostic rules: stable ids, one-line summaries and the
 * default hint telling the author what to write instead.
 *
 * Rule ids are part of the public contract (tests, editors and CI scripts
 * match on them): never rename one; retire it and add a new id instead.
 * spec/VALIDATION.md documents every rule; a test keeps the two in step.
 */

/** Static description of one rule. */
export interface RuleInfo {
  /** What the rule forbids, in a few words. */
  readonly summary: string;
  /** Default advice printed under the diagnostic. */
  readonly hint: string;
}

/** Every rule the tokenizer, parser and validator can report. */
export const RULES = {
  "invalid-utf8": {
    summary: "source is not valid UTF-8",
    hint: "save the file as UTF-8",
  },
  "null-byte": {
    summary: "source contains a NUL byte",
    hint: 'remove the NUL character; use b"\\x00" inside a literal',
  },
  "source-encoding": {
    summary: "coding declaration other than UTF-8",
    hint: "remove the coding comment and save the file as UTF-8",
  },
  "syntax-error": {
    summary: "not valid Python 3.11 syntax",
    hint: "check the code at the caret against Python 3.11 syntax",
  },
  "indentation-error": {
    summary: "inconsistent or missing indentation",
    hint: "indent each block one level deeper than the line that opens it, by 4 spaces",
  },
  "tab-error": {
    summary: "tabs and spaces mixed ambiguously in indentation",
    hint: "indent with spaces only",
  },
  "too-deep": {
    summary: "nesting deeper than the parser accepts",
    hint: "split the expression or block into helper functions or named steps",
  },
  "int-too-large": {
    summary: "int literal at or above 2**int_bits",
    hint: "abs(x) must stay below 2**int_bits (spec/GAS.md caps); store larger numbers as bytes",
  },
  "code-size": {
    summary: "contract whose compiled IR is over the code_size cap",
    hint:
      "split the contract or move large constants into storage; IR is capped at caps.code_size bytes",
  },
  "unsupported-escape": {
    summary: "string escape outside the subset",
    hint: "write the character itself or use \\u/\\U escapes",
  },
  "module-statement": {
    summary: "statement not allowed at module level",
    hint:
      "the module may hold only strings, imports, constants (NAME = expr), __all__ and def statements; put code in a function",
  },
  "import-not-allowed": {
    summary: "import outside stdlib, typing and `__future__` annotations",
    hint:
      "write `from stdlib import storage, events` (or `from typing import ...`) at module level",
  },
  "unknown-stdlib-module": {
    summary: "name that stdlib does not provide",
    hint:
      "stdlib provides abi, context, events, hash, pq_verify, random, storage, syscalls and treasury",
  },
  "banned-builtin": {
    summary: "builtin that would break determinism or isolation",
    hint: "there is no equivalent inside a contract; emit an event to report values",
  },
  "builtin-not-allowed": {
    summary: "Python builtin outside the subset",
    hint: "see spec/LANGUAGE.md for the allowed builtins",
  },
  "unknown-name": {
    summary: "name that is not defined",
    hint: "define it as a local, parameter, module constant or function, or import it from stdlib",
  },
  "typing-name": {
    summary: "typing name used outside an annotation",
    hint: "names imported from typing may appear only in annotations",
  },
  "dunder-name": {
    summary: "double-underscore name",
    hint: "names of the form __x__ are interpreter internals; choose another name",
  },
  "dunder-attribute": {
    summary: "double-underscore attribute",
    hint: "attributes of the form __x__ are interpreter internals",
  },
  "unknown-attribute": {
    summary: "attribute that no value of the subset has",
    hint: "see spec/LANGUAGE.md for the methods of each type and stdlib module",
  },
  "attribute-not-called": {
    summary: "method used without calling it",
    hint: "call the method directly: x.append(v)",
  },
  "callable-as-value": {
    summary: "function, builtin or module used as a value",
    hint: "functions are not values in the subset; call them directly",
  },
  "not-callable": {
    summary: "call of something that is not a function",
    hint: "only functions, builtins, methods and stdlib functions can be called",
  },
  "call-arity": {
    summary: "call that does not match the function's parameters",
    hint: "pass each parameter exactly once, by position or by name",
  },
  "no-float": {
    summary: "float or complex literal",
    hint: "use integers in fixed point, e.g. amounts in the smallest unit",
  },
  "no-true-division": {
    summary: "true division `/`",
    hint: "use floor division `//` (and `%` for the remainder)",
  },
  "no-matmul": {
    summary: "matrix multiplication `@`",
    hint: "no value in the subset supports `@`; use `*` for numbers",
  },
  "no-set": {
    summary: "set display or set comprehension",
    hint: "use a dict with True values, or a list",
  },
  "no-dict-comprehension": {
    summary: "dict comprehension",
    hint: "build the dict in a for loop",
  },
  "no-generator-expression": {
    summary: "generator expression",
    hint: "use a list comprehension: [x for x in xs]",
  },
  "no-lambda": {
    summary: "lambda expression",
    hint: "define a module-level function and call it",
  },
  "no-nested-def": {
    summary: "function defined inside a function",
    hint: "define the function at module level",
  },
  "no-class": {
    summary: "class definition",
    hint: "use dicts or tuples for records and module functions for behaviour",
  },
  "no-global": {
    summary: "global or nonlocal statement",
    hint: "keep persistent values in storage; module constants are read-only",
  },
  "no-yield": {
    summary: "yield or yield from",
    hint: "return a list instead",
  },
  "no-async": {
    summary: "async or await",
    hint: "contract calls are synchronous; remove async/await",
  },
  "no-with": {
    summary: "with statement",
    hint: "call the functions directly",
  },
  "no-try": {
    summary: "try statement with except* (exception groups)",
    hint: "catch with plain except clauses: except (KeyError, ValueError) as e",
  },
  "no-raise": {
    summary: "retired: raise is supported",
    hint: "raise ValueError(message); abi.revert(reason) fails the call uncatchably",
  },
  "no-decorator": {
    summary: "decorator",
    hint: "remove the decorator; exports are declared in the manifest",
  },
  "no-star-args": {
    summary: "variadic or positional-only parameters",
    hint: "declare each parameter by name, with a default if it is optional",
  },
  "no-star-expression": {
    summary: "starred or double-starred expression",
    hint: "pass or assign each element explicitly, or concatenate lists with +",
  },
  "no-walrus": {
    summary: "assignment expression `:=`",
    hint: "assign in a statement of its own before the expression",
  },
  "no-f-string": {
    summary: "f-string",
    hint: "build text with str() and +",
  },
  "no-match": {
    summary: "match statement",
    hint: "use if/elif/else",
  },
  "no-ellipsis": {
    summary: "Ellipsis `...`",
    hint: "write `pass` for an empty body",
  },
  "no-recursion": {
    summary: "recursive call (direct or mutual)",
    hint: "rewrite the recursion as a loop; the call graph must be acyclic",
  },
  "no-attribute-assignment": {
    summary: "assignment or deletion of an attribute",
    hint: "values in the subset have no writable attributes; use a dict",
  },
  "del-target": {
    summary: "del of something other than a subscript",
    hint: "del removes items: del d[key] or del xs[i]",
  },
  "identity-comparison": {
    summary: "`is` comparison with something other than None",
    hint: "use == and !=; `is` is only allowed as `x is None` / `x is not None`",
  },
  "break-outside-loop": {
    summary: "break or continue outside a loop",
    hint: "use return to leave a function",
  },
  "import-in-function": {
    summary: "import inside a function",
    hint: "move the import to the top of the module",
  },
  "duplicate-definition": {
    summary: "module-level name defined twice",
    hint: "give each constant, function and import its own name",
  },
  "shadowed-name": {
    summary: "module-level name that hides a builtin",
    hint: "rename it; the builtin of that name would become unreachable",
  },
  "duplicate-parameter": {
    summary: "parameter or keyword argument repeated",
    hint: "give each parameter a distinct name and pass it once",
  },
  "impure-constant": {
    summary: "module-level value that calls a function or reads the host",
    hint:
      "module constants may use literals, operators, builtins and pure stdlib functions (hash.*, abi.encode*) only; compute the rest in a function",
  },
  "forward-reference": {
    summary: "module-level value that uses a name defined later",
    hint: "define constants before the constants and defaults that use them",
  },
  "bad-annotation": {
    summary: "annotation outside the typing subset",
    hint: "annotate with type names, typing names, subscripts and `|`: list[int], Optional[bytes]",
  },
  "assign-target": {
    summary: "assignment form outside the subset",
    hint: "assign to names, subscripts, or tuples/lists of them",
  },
  "except-type": {
    summary: "except clause that names no exception class",
    hint: "name exception classes: except ValueError, or except (KeyError, IndexError) as e",
  },
  "bare-raise": {
    summary: "bare raise outside an except block",
    hint:
      "raise an exception object, e.g. raise ValueError(message), or move the raise into the handler",
  },
  "exception-class": {
    summary: "exception class used other than called, raised or caught",
    hint:
      "write ValueError(message) with positional arguments; classes are not values in the subset",
  },
} as const satisfies Record<string, RuleInfo>;

/** Identifier of a diagnostic rule. */
export type RuleId = keyof typeof RULES;

/** Rules only the compiler reports, after lowering: `validate` never returns them. */
export const COMPILE_RULES: readonly RuleId[] = ["code-size"];

/** Retired rules: never reported again, kept so that their ids are not reused. */
export const RETIRED_RULES: readonly RuleId[] = ["no-raise"];

/** Every rule id, in catalogue order. */
export const RULE_IDS: readonly RuleId[] = Object.keys(RULES) as RuleId[];
