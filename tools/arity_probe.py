"""Probe of CPython 3.11's argument-parsing style for every builtin and method of
spec/opcodes_vm_py.yaml (the `parse` field of each callable; spec/RUNTIME.md, "Argument
binding"). Run `python3 tools/arity_probe.py` (needs PyYAML): each callable is called with
0 to (its positional parameters + 1) positional arguments and with an unknown keyword, and
the TypeErrors about arity or keywords name the style the message wording shows. Prints one
line per callable: `name: style` (the probe's guess), then the messages it saw, so that a
new callable's style can be read off and written into the spec.
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


def positional_count(sig):
    params = [p.strip() for p in sig.strip("()").split(",") if p.strip()]
    count = 0
    for param in params:
        if param.startswith("*"):
            break
        if param != "/":
            count += 1
    return count


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
    most = positional_count(sig)
    calls = [f"{callee}({', '.join(['1'] * count)})" for count in range(most + 2)]
    calls.append(f"{callee}(unknown=1)")
    calls.append(f"{callee}({', '.join(['1'] * most)}{', ' if most else ''}unknown=1)")
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
