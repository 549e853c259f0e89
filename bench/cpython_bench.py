"""Times each workload of bench/runtime_workloads.ts under CPython 3.11 with
the test model of stdlib (tests/support/cpython_run.py). stdin: JSON object
name -> source; stdout: JSON object name -> {best, median} microseconds per call over
15 rounds. With --cpu, by this process's CPU time instead of the wall clock."""
import json
import sys
import time
import timeit

sys.path.insert(0, "tests/support")
import cpython_run  # noqa: E402


TIMER = time.process_time if "--cpu" in sys.argv else time.perf_counter


def per_call_us(source):
    code = compile(source, "contract.py", "exec")

    def call():
        state, events = {}, []
        sys.modules["stdlib"] = cpython_run.build_stdlib(state, events)
        scope = {"__name__": "contract"}
        exec(code, scope)
        return scope["main"]()

    call()
    runs, _ = timeit.Timer(call, timer=TIMER).autorange()
    runs = max(1, runs // 8)  # autorange targets 0.2 s; rounds of about 25 ms
    rounds = sorted(t / runs * 1e6 for t in timeit.repeat(call, number=runs, repeat=15, timer=TIMER))
    return {"best": rounds[0], "median": rounds[len(rounds) // 2]}


def main():
    workloads = json.load(sys.stdin)
    json.dump({name: per_call_us(source) for name, source in workloads.items()}, sys.stdout)


if __name__ == "__main__":
    main()
