"""CPython 3.11 side of the value sweeps (tests/support/value_sweep.ts).

stdin: JSON {"source": text defining functions, "calls": [[name, [arg, ...]], ...]}
with values tagged as value_sweep.ts writes them. stdout: JSON array, one
outcome per call: {"ok": tagged value} (a str or
bytes longer than 100,000 as its type and length only) or {"error": ExceptionName,
"message": str(exception)}.
"""
import json
import sys


def decode(tagged):
    tag = tagged[0]
    if tag == "str":
        return tagged[1]
    if tag == "bytes":
        return bytes.fromhex(tagged[1])
    if tag == "int":
        return int(tagged[1])
    if tag == "bool":
        return tagged[1]
    if tag == "none":
        return None
    if tag == "list":
        return [decode(item) for item in tagged[1]]
    if tag == "tuple":
        return tuple(decode(item) for item in tagged[1])
    if tag == "dict":
        return {decode(key): decode(value) for key, value in tagged[1]}
    raise ValueError(f"unknown tag {tag}")


LONG = 100_000


def encode(value):
    if isinstance(value, (str, bytes)) and len(value) > LONG:
        return ["long", type(value).__name__, len(value)]
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, int):
        return ["int", str(value)]
    if isinstance(value, str):
        return ["str", value]
    if isinstance(value, bytes):
        return ["bytes", value.hex()]
    if value is None:
        return ["none"]
    if isinstance(value, list):
        return ["list", [encode(item) for item in value]]
    if isinstance(value, tuple):
        return ["tuple", [encode(item) for item in value]]
    if isinstance(value, dict):
        return ["dict", [[encode(key), encode(item)] for key, item in value.items()]]
    return ["other", repr(value)]


def main():
    request = json.load(sys.stdin)
    scope = {"__name__": "contract"}
    exec(compile(request["source"], "contract.py", "exec"), scope)
    outcomes = []
    for name, args in request["calls"]:
        try:
            outcomes.append({"ok": encode(scope[name](*[decode(arg) for arg in args]))})
        except Exception as error:  # the exception type and message are what is compared
            outcomes.append({"error": type(error).__name__, "message": str(error)})
    json.dump(outcomes, sys.stdout)


if __name__ == "__main__":
    main()
