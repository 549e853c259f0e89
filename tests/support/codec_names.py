"""CPython 3.11's codec names, for tests/conformance_codecs_test.ts.

stdout: JSON {"aliases": {alias: module}, "modules": [name, ...]}: the alias
table of encodings/aliases.py and the codec modules of the encodings package.
"""
import encodings
import encodings.aliases
import json
import pkgutil
import sys


def main():
    modules = sorted(info.name for info in pkgutil.iter_modules(encodings.__path__))
    json.dump({"aliases": encodings.aliases.aliases, "modules": modules}, sys.stdout)


if __name__ == "__main__":
    main()
