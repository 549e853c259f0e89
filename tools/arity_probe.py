"""Probe of CPython 3.11's argument-parsing style for every builtin and method of
spec/opcodes_vm_py.yaml (the `parse` field of each callable; spec/GAS.md §5). Run
`python3 tools/arity_probe.py` (needs PyYAML): each callable is called with 0 to (its
positional parameters + 1) positional arguments and with an unknown keyword after its
required ones, and the TypeErrors about arity or keywords show the style by their wording.
Prints one line per callable, `name: style` (the probe's guess; enumerate's own parser, and
the `least` and `keywords_as` of min, max and sorted, are read off the messages by eye), then
the messages it saw.
"""
import os
import re
import sys

import yaml

RECEIVERS = {
    "str": "'a,ba'",
    "bytes": "b'a,ba'",
    "list": "[3, 1, 2, 1]",
    "tuple": "(3, 1, 2, 1)",
    "dict": "{'a': 1}",
    "int": "(5)",
    "range": "range(1, 10, 2)",
    "dict_keys": "{'a': 1}.keys()",
    "dict_items": "{'a': 1}.items()",
}

ARITY = re.compile(
    r"takes (no|exactly|at most|at least) |expected (at most |at least )?\d+ arguments?, got"
    r"|missing required|invalid keyword argument|takes no keyword arguments"
)


def positional_counts(sig):
    """How many parameters can be passed by position, and how many of those are required."""
    params = [p.strip() for p in sig.strip("()").split(",") if p.strip()]
    count = required = 0
    for param in params:
        if param.startswith("*"):
            break
        if param != "/":
            count += 1
            required += "=" not in param
    return count, required


def message(expr):
    try:
        eval(expr)  # noqa: S307 - the probe's own expressions
    except TypeError as error:
        text = str(error)
        return text if ARITY.search(text) else None
    except Exception:  # a value error: not about arity
        return None
    return None


def style(messages):
    text = "\n".join(messages)
    if "takes no arguments" in text:
        return "noargs"
    if "takes exactly one argument" in text:
        return "one"
    if re.search(r"expected (at most |at least )?\d+ arguments?, got", text):
        return "checked"
    if "invalid keyword argument" in text:
        return "clinic"
    return "tuple"


def probe(callee, sig):
    most, required = positional_counts(sig)
    calls = [f"{callee}({', '.join(['1'] * count)})" for count in range(most + 2)]
    calls.append(f"{callee}({'1, ' * required}unknown=1)")
    return [m for m in (message(call) for call in calls) if m is not None]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "spec", "opcodes_vm_py.yaml"), encoding="utf-8") as file:
        spec = yaml.safe_load(file)
    entries = [(b["name"], b["name"], b["sig"]) for b in spec["builtins"]]
    for method in spec["methods"]:
        for receiver, body in method.items():
            if receiver in RECEIVERS:
                entries.append(
                    (f"{receiver}.{method['name']}", f"{RECEIVERS[receiver]}.{method['name']}",
                     body["sig"])
                )
    for name, callee, sig in entries:
        messages = probe(callee, sig)
        print(f"{name}: {style(messages)}")
        for text in dict.fromkeys(messages):
            print(f"    {text}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
