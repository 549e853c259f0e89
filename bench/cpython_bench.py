"""Times each workload of bench/runtime_workloads.ts under CPython 3.11 with
the test model of stdlib (tests/support/cpython_run.py). stdin: JSON object
name -> source; stdout: JSON object name -> microseconds per call."""
import json
import sys
import timeit

sys.path.insert(0, "tests/support")
import cpython_run  # noqa: E402


def per_call_us(source):
    code = compile(source, "contract.py", "exec")

    def call():
        state, events = {}, []
        sys.modules["stdlib"] = cpython_run.build_stdlib(state, events)
        scope = {"__name__": "contract"}
        exec(code, scope)
        return scope["main"]()

    call()
    runs, total = timeit.Timer(call).autorange()
    best = min(timeit.repeat(call, number=runs, repeat=5))
    return best / runs * 1e6


def main():
    workloads = json.load(sys.stdin)
    json.dump({name: per_call_us(source) for name, source in workloads.items()}, sys.stdout)


if __name__ == "__main__":
    main()
