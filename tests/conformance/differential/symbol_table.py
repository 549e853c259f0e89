# Assigns ids to symbols; tracks insertion order and lookups.
# args SYMS: ["a", "b", "a", "c"] ;; [] ;; ["x", "x", "x"] ;; [1, True, 2, "1"] ;; [(1, 2), (1, 2), ()]
# args Q: "a" ;; 1 ;; (1, 2) ;; [1]
# call: assign(SYMS)
# call: lookup(SYMS, Q)
# call: invert(SYMS)

def assign(syms):
    ids = {}
    for s in syms:
        if s not in ids:
            ids[s] = len(ids)
    return list(ids.items()), list(ids.keys()), list(ids.values())

def lookup(syms, q):
    ids = {}
    for s in syms:
        ids.setdefault(s, len(ids))
    return ids.get(q, -1), q in ids, ids.pop(q, None), len(ids)

def invert(syms):
    ids = {}
    for s in syms:
        ids.setdefault(s, len(ids))
    return sorted([(v, k) for k, v in ids.items()])
