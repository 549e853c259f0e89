"""CPython 3.11's answers for tests/case_sweep_test.ts.

stdin: JSON {"block": N, "methods": [...], "strings": [[code point, ...], ...]}.
stdout: JSON {"digests": {method: [sha3-256 hex per block of N code points]},
"strings": {method: [[code point, ...] or bool, ...]}}: every code point
alone through each method (its results joined by NUL, encoded as UTF-8
with surrogates passed, hashed per block), and each given string through
each method.
"""
import hashlib
import json
import sys

request = json.load(sys.stdin)
block = request["block"]
methods = request["methods"]
strings = ["".join(map(chr, points)) for points in request["strings"]]


def text(result):
    if isinstance(result, bool):
        return "1" if result else "0"
    return result


digests = {}
answers = {}
for name in methods:
    method = getattr(str, name)
    digests[name] = [
        hashlib.sha3_256(
            "\0".join(text(method(chr(cp))) for cp in range(start, min(start + block, 0x110000)))
            .encode("utf-8", "surrogatepass")
        ).hexdigest()
        for start in range(0, 0x110000, block)
    ]
    answers[name] = [
        result if isinstance(result, bool) else [ord(c) for c in result]
        for result in (method(s) for s in strings)
    ]
json.dump({"digests": digests, "strings": answers}, sys.stdout)
