# A two-party escrow kept in storage.
# args AMOUNT: 0 ;; 10 ;; -1 ;; 2 ** 64
# args STEPS: ["fund", "release"] ;; ["fund", "refund"] ;; ["release"] ;; ["fund", "fund"] ;; [] ;; ["fund", "release", "refund"] ;; ["cancel"]
# call: run(AMOUNT, STEPS)
from stdlib import abi, events, storage

def state():
    return storage.get(b"state") or b"open"

def step(name, amount):
    current = state()
    if name == "fund":
        abi.require(current == b"open", "already funded")
        abi.require(amount > 0, "nothing to fund")
        storage.set_int(b"amount", amount)
        storage.set(b"state", b"funded")
    elif name == "release" or name == "refund":
        abi.require(current == b"funded", b"not funded")
        events.emit(name.encode(), {"amount": storage.get_int(b"amount")})
        storage.set(b"state", b"closed")
        storage.delete(b"amount")
    else:
        abi.revert("bad step: " + name)

def run(amount, steps):
    for name in steps:
        step(name, amount)
    return state(), storage.get_int(b"amount", default=-1)
