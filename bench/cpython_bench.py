"""Times rounds of the workloads of bench/runtime_workloads.ts under CPython
3.11, with the test model of stdlib (tests/support/cpython_run.py), on
request, so that bench/compare.ts can interleave them with the VM's rounds.
stdin, one JSON value a line: first an object name -> source, then names;
stdout: for each name, one line with the microseconds per call of one round
of it (the first request for a name warms it up and picks the round's
number of calls, for rounds of about 25 ms). With --cpu, by this process's
CPU time instead of the wall clock."""
import json
import math
import sys
import time
import timeit

sys.path.insert(0, "tests/support")
import cpython_run  # noqa: E402


TIMER = time.process_time if "--cpu" in sys.argv else time.perf_counter


def workload_call(source):
    """One call of the workload's main(), in fresh state, as the VM side makes it."""
    code = compile(source, "contract.py", "exec")

    def call():
        state, events = {}, []
        sys.modules["stdlib"] = cpython_run.build_stdlib(state, events)
        scope = {"__name__": "contract"}
        exec(code, scope)
        return scope["main"]()

    return call


def calibrated(call):
    """A round of about 25 ms of `call`, after warming it up."""
    call()
    timer = timeit.Timer(call, timer=TIMER)
    calls, seconds = timer.autorange()  # at least 0.2 s
    return timer, max(1, math.ceil(0.025 * calls / seconds))


def main():
    sources = json.loads(sys.stdin.readline())
    rounds = {}
    for line in sys.stdin:
        name = json.loads(line)
        if name not in rounds:
            rounds[name] = calibrated(workload_call(sources[name]))
        timer, runs = rounds[name]
        print(json.dumps(timer.timeit(number=runs) / runs * 1e6), flush=True)


if __name__ == "__main__":
    main()
