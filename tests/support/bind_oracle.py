"""CPython 3.11 side of the argument-binding sweep (tests/bind_sweep_test.ts).

stdin: JSON array of sources, each defining main() (no stdlib). stdout: JSON
array of outcomes, {"ok": text}, the value's compact JSON text in the
VM's JSON mapping (as cpython_run.py encodes it), or {"error": ExceptionName, "message": text}, so
that the test can tell a TypeError of argument binding from any other.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cpython_run import encode  # noqa: E402


def js_json_text(text):
    """JSON text as JS's JSON.stringify writes the VM's: a high surrogate and a low one in a row
    are the astral character they spell (RUNTIME.md §1.1), any other surrogate a \\udXXX escape."""
    merged = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return re.sub("[\ud800-\udfff]", lambda match: "\\u%04x" % ord(match.group()), merged)


def run(source):
    scope = {"__name__": "contract"}
    try:
        exec(compile(source, "contract.py", "exec"), scope)
        value = encode(scope["main"]())
        return {"ok": js_json_text(json.dumps(value, separators=(",", ":"), ensure_ascii=False))}
    except Exception as error:  # the exception type and message are what is compared
        return {"error": type(error).__name__, "message": str(error)}


def main():
    json.dump([run(source) for source in json.load(sys.stdin)], sys.stdout)


if __name__ == "__main__":
    main()
