"""CPython 3.11 side of the limits corpus check: reads a JSON list of
sources (each defines main(), imports nothing), runs each main() and prints
a JSON list of outcomes in the corpus's form: "ok <repr>" or
"error <ExceptionType>". Only cases whose every expected outcome is such a
value or error are sent here: the others are caps, which CPython lacks."""

import json
import sys

sys.set_int_max_str_digits(0)


def outcome(source):
    namespace = {}
    try:
        exec(compile(source, "<case>", "exec"), namespace)
        return "ok " + repr(namespace["main"]())
    except Exception as error:  # noqa: BLE001 - the type name is the result
        return "error " + type(error).__name__


print(json.dumps([outcome(source) for source in json.load(sys.stdin)]))
