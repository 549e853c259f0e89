"""CPython 3.11's own signatures, where it publishes one (__text_signature__),
for the argument-binding sweep (tests/bind_sweep_test.ts).

stdin: JSON array of qualified names (`len`, `str.split`, `int.from_bytes`).
stdout: JSON array, per name, null when CPython publishes no signature, or
{"params": [[name, kind, required]...], "rest": name|null, "keywords": name|null}
with kinds as lib/compile/opcodes.ts spells them and the receiver (`self`) left out.
"""
import builtins
import inspect
import json
import sys

KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "either",
    inspect.Parameter.KEYWORD_ONLY: "keyword",
}


# Receiver types that are not builtin names.
TYPES = {"dict_keys": type({}.keys()), "dict_items": type({}.items())}


def lookup(name):
    head, _, tail = name.partition(".")
    target = TYPES[head] if head in TYPES else getattr(builtins, head)
    return getattr(target, tail) if tail else target


def describe(name):
    try:
        signature = inspect.signature(lookup(name))
    except (TypeError, ValueError):  # no or an unparsable __text_signature__
        return None
    params, rest, keywords = [], None, None
    for param in signature.parameters.values():
        if param.kind == inspect.Parameter.VAR_POSITIONAL:
            rest = param.name
        elif param.kind == inspect.Parameter.VAR_KEYWORD:
            keywords = param.name
        else:
            params.append([param.name, KINDS[param.kind], param.default is inspect.Parameter.empty])
    # An unbound method's receiver: CPython spells it `self`, the table leaves it out.
    if params and params[0][0] == "self":
        params = params[1:]
    return {"params": params, "rest": rest, "keywords": keywords}


def main():
    json.dump([describe(name) for name in json.load(sys.stdin)], sys.stdout)


if __name__ == "__main__":
    main()
