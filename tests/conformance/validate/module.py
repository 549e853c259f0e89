# Module-level rules: what the top level may hold, imports, names bound once,
# and pure constant initialisers that only use names defined above them.
# ---
x = 1
if x:   # expect: module-statement@1
    pass
# ---
# ok: module-statement
"""Docstring."""
X = 1
def f():
    if X:
        pass
# ---
f()   # expect: module-statement@1
def f():
    pass
# ---
import os   # expect: import-not-allowed@1
# ---
from os import path   # expect: import-not-allowed@1
# ---
from .stdlib import storage   # expect: import-not-allowed@1
# ---
from stdlib import *   # expect: import-not-allowed@20
# ---
# ok: a stdlib member imported by name
from stdlib.storage import get, set as sset
# ---
from stdlib.storage import fetch   # expect: unknown-attribute@28
# ---
from stdlib.storage import *   # expect: import-not-allowed@28
# ---
from stdlib.nothing import get   # expect: import-not-allowed@1
# ---
from stdlib.storage import get
X = get(b"k")   # expect: impure-constant@5
# ---
# ok: a pure stdlib function in a constant
from stdlib.hash import sha3_256
from stdlib import abi
X = sha3_256(b"k")
Y = abi.encode_int(1)
# ---
# ok: strings anywhere at module level, __all__ ignored
from __future__ import annotations
"""Docstring after the future import."""
__all__ = ["f"]
def f():
    pass
"""Notes at the end."""
# ---
__all__ = [f"x"]   # expect: module-statement@11
# ---
__all__ = ["a", 1]   # expect: module-statement@11
# ---
"""Doc"""
"""Not a docstring."""
from __future__ import annotations   # expect: import-not-allowed@1
# ---
# ok: bytearray and memoryview as isinstance classes
def f(x):
    return isinstance(x, (bytes, bytearray, memoryview))
# ---
def f(x):
    return bytearray(x)   # expect: builtin-not-allowed@12
# ---
from __future__ import division   # expect: import-not-allowed@24
# ---
X = 1
from __future__ import annotations   # expect: import-not-allowed@1
# ---
# ok: import-not-allowed
from __future__ import annotations
from typing import Final, Optional
from stdlib import storage, events as ev
def f() -> Optional[int]:
    ev.emit(b"x", {})
    return storage.get_int(b"k")
# ---
from stdlib import storage, files   # expect: unknown-stdlib-module@29
# ---
# ok: unknown-stdlib-module
from stdlib import storage, hash, random, syscalls, treasury, context, abi, events
# ---
def f():
    from stdlib import storage   # expect: import-in-function@5
    return 1
# ---
def f():
    import os   # expect: import-in-function@5
# ---
# ok: import-in-function
from stdlib import storage
def f():
    return storage.get(b"k")
# ---
X = 1
X = 2   # expect: duplicate-definition@1
# ---
def f():
    pass
def f():   # expect: duplicate-definition@5
    pass
# ---
from stdlib import storage
storage = 1   # expect: duplicate-definition@1
# ---
# ok: duplicate-definition
X = 1
Y = 2
def f():
    X = 3
    return X
# ---
len = 3   # expect: shadowed-name@1
# ---
def sum(a, b):   # expect: shadowed-name@5
    return a + b
# ---
# ok: shadowed-name
def total(a, b):
    return a + b
def g(xs):
    sum = 0
    for x in xs:
        sum += x
    return sum
# ---
def f():
    return 1
X = f()   # expect: impure-constant@5
# ---
from stdlib import storage
X = storage.get(b"k")   # expect: impure-constant@5
# ---
from stdlib import context
X = context.sender   # expect: impure-constant@5
# ---
from stdlib import storage
def f(k=storage.get(b"k")):   # expect: impure-constant@9
    return k
# ---
# ok: impure-constant
X = len(b"abc") + max(1, 2) * 3
Y = [i * X for i in range(4)]
Z = {"a": X, "b": Y[0]}
# ---
X = Y + 1   # expect: forward-reference@5
Y = 1
# ---
X = X   # expect: forward-reference@5
# ---
def f(a=LIMIT):   # expect: forward-reference@9
    return a
LIMIT = 3
# ---
# ok: forward-reference
def f():
    return LIMIT
LIMIT = 3
def g(a=LIMIT):
    return a
# ---
A, B = 1, 2   # expect: assign-target@1
# ---
X = Y = 1   # expect: assign-target@1
# ---
X: int   # expect: assign-target@1
# ---
def f(xs):
    [xs for xs[0] in xs]   # expect: assign-target@13
# ---
def f(a):
    a + 1 = 2
# expect-at 2:5 syntax-error
# ---
# ok: assign-target
A = (1, 2)
B: int = 1
def f(xs):
    a, b = xs
    [c, d] = xs
    (e, (f2, g)) = 1, xs
    return a + b + c + d + e + f2 + g
