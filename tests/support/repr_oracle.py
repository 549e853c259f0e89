"""CPython 3.11 side of tests that compare a program's result by repr.

stdin: JSON array of sources, each defining main(). stdout: JSON array,
one outcome per source: "OK " + repr(main()), or "ERR " + the exception's
type name + ": " + str(exception).
"""
import json
import sys

outcomes = []
for source in json.load(sys.stdin):
    namespace = {}
    try:
        exec(compile(source, "<contract>", "exec"), namespace)
        outcomes.append("OK " + repr(namespace["main"]()))
    except Exception as error:  # noqa: BLE001 - every failure is an outcome
        outcomes.append("ERR " + type(error).__name__ + ": " + str(error))
print(json.dumps(outcomes))
