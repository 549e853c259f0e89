# A fungible token ledger: mint, transfer and burn over a list of operations.
# args OPS: [("mint", "alice", 100), ("transfer", "alice", "bob", 30)] ;; [("mint", "a", 5), ("burn", "a", 6)] ;; [("transfer", "x", "y", 1)] ;; [("mint", "alice", 2 ** 70), ("transfer", "alice", "carol", 2 ** 69), ("burn", "carol", 1)] ;; [] ;; [("mint", "bob", -5)] ;; [("mint", "a", 10), ("transfer", "a", "a", 10), ("transfer", "a", "b", 0)] ;; [("mint", "\u00e9", 3), ("transfer", "\u00e9", "E", 2)] ;; [("noop", "a")] ;; [("mint", "a", 1), ("mint", "b", 2), ("mint", "c", 3), ("burn", "b", 2)]
# call: run(OPS)
# call: top_holders(OPS, N)
# args N: 0 ;; 1 ;; 2 ;; 5 ;; -1
from stdlib import abi, events

def apply(balances, op):
    kind = op[0]
    if kind == "mint":
        _, who, amount = op
        abi.require(amount >= 0, "negative mint")
        balances[who] = balances.get(who, 0) + amount
        events.emit(b"Mint", {"to": who, "amount": amount})
    elif kind == "transfer":
        _, src, dst, amount = op
        abi.require(balances.get(src, 0) >= amount, "insufficient")
        balances[src] -= amount
        balances[dst] = balances.get(dst, 0) + amount
    elif kind == "burn":
        _, who, amount = op
        balances[who] = balances[who] - amount
        if balances[who] < 0:
            abi.revert("burn exceeds balance")
        if balances[who] == 0:
            del balances[who]
    else:
        abi.revert(b"unknown op " + kind.encode())
    return balances

def run(ops):
    balances = {}
    for op in ops:
        apply(balances, op)
    return sorted(balances.items())

def top_holders(ops, n):
    balances = {}
    for op in ops:
        apply(balances, op)
    ranked = sorted([(amount, who) for who, amount in balances.items()], reverse=True)
    return [who for amount, who in ranked[:n]], sum(balances.values()), max(balances.values(), default=0)
