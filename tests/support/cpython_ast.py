"""Dumps CPython's own AST of each source, in the normalized JSON form that
tests/support/ast_dump.ts produces for animica's parser.

Input (stdin): a JSON array of source strings. Output (stdout): a JSON array
with, per source, either the normalized tree or {"error": message}.
Positions are [lineno, col_offset, end_lineno, end_col_offset] with columns
in UTF-8 bytes, exactly as CPython reports them. f-string internals are not
compared (animica does not parse them); Constant.kind and type comments are
ignored.
"""
import ast
import json
import struct
import sys

SKIPPED_FIELDS = {"type_comment", "kind", "type_ignores"}


def constant(value):
    if value is None:
        return {"None": None}
    if value is Ellipsis:
        return {"Ellipsis": None}
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, float):
        return {"float": struct.pack(">d", value).hex()}
    if isinstance(value, complex):
        return {"imaginary": struct.pack(">d", value.imag).hex()}
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    raise TypeError(type(value))


def dump(node):
    if isinstance(node, list):
        return [dump(item) for item in node]
    if not isinstance(node, ast.AST):
        return node
    if not node._fields and not hasattr(node, "lineno"):
        return type(node).__name__
    out = {"_type": type(node).__name__}
    if hasattr(node, "lineno"):
        out["pos"] = [node.lineno, node.col_offset, node.end_lineno, node.end_col_offset]
    if isinstance(node, ast.JoinedStr):
        return out
    for field in node._fields:
        if field in SKIPPED_FIELDS:
            continue
        value = getattr(node, field, None)
        if field == "value" and isinstance(node, (ast.Constant, ast.MatchSingleton)):
            out[field] = constant(value)
        else:
            out[field] = dump(value)
    return out


def main():
    results = []
    for source in json.load(sys.stdin):
        try:
            results.append(dump(ast.parse(source)))
        except SyntaxError as error:
            results.append({"error": f"{error.msg} ({error.lineno}:{error.offset})"})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
