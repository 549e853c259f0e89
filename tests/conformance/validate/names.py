# Name resolution and what may be called: builtins, stdlib members, methods,
# contract functions (with their parameters) and typing names.
# ---
def f(x):
    print(x)   # expect: banned-builtin@5
# ---
def f(x):
    return eval("1") + hash(x)   # expect: banned-builtin@12 banned-builtin@24
# ---
def f(x):
    return getattr(x, "a")   # expect: banned-builtin@12
# ---
# ok: banned-builtin
from stdlib import hash, events
def f(x: bytes):
    events.emit(b"log", {"x": x})
    return hash.sha3_256(x)
# ---
def f(x):
    return float(x)   # expect: builtin-not-allowed@12
# ---
def f(xs):
    return list(map(abs, xs))   # expect: builtin-not-allowed@17 callable-as-value@21
# ---
def f(x):
    assert x, ValueError   # expect: exception-class@15
# ---
# ok: builtin-not-allowed
def f(xs):
    return [abs(x) for x in xs]
# ---
def f():
    return undefined + 1   # expect: unknown-name@12
# ---
def f():
    return [y for x in range(3)]   # expect: unknown-name@13
# ---
def f():
    [x for x in range(3)]
    return x   # expect: unknown-name@12
# ---
# ok: unknown-name
LIMIT = 3
def helper():
    return LIMIT
def f(a, b=LIMIT):
    c = a + b
    return [x + c for x in range(helper())]
# ---
from typing import Final
def f():
    return Final   # expect: typing-name@12
# ---
# ok: typing-name
from typing import Final, Dict
X: Final[int] = 1
def f(d: Dict[str, int]) -> Final:
    y: Dict[str, int] = d
    return y
# ---
def f():
    return __name__   # expect: dunder-name@12
# ---
def __init__(self):   # expect: dunder-name@5
    pass
# ---
def f():
    __x__ = 1   # expect: dunder-name@5
# ---
# ok: dunder-name
def f():
    _private = 1
    __mangled = 2
    return _private + __mangled
# ---
def f(x):
    return x.__class__   # expect: dunder-attribute@14
# ---
def f(d):
    return d.__len__()   # expect: dunder-attribute@14
# ---
# ok: dunder-attribute
def f(d):
    return len(d)
# ---
def f(x):
    return x.foo()   # expect: unknown-attribute@14
# ---
from stdlib import storage
def f():
    return storage.load(b"k")   # expect: unknown-attribute@20
# ---
def f(x):
    return int.parse(x)   # expect: unknown-attribute@16
# ---
def f(x):
    return x.real   # expect: unknown-attribute@14
# ---
# ok: unknown-attribute
from stdlib import storage
def f(x: bytes, xs: list):
    xs.append(x.hex())
    return storage.get(x) + bytes.fromhex("00") + int.from_bytes(x, "big").to_bytes(4, "big")
# ---
def f(xs):
    add = xs.append   # expect: attribute-not-called@14
# ---
from stdlib import storage
def f():
    return storage.get   # expect: attribute-not-called@20
# ---
def f():
    return int.from_bytes   # expect: attribute-not-called@16
# ---
# ok: attribute-not-called
from stdlib import context
def f(xs):
    xs.append(context.sender)
    return context.block_height
# ---
def g():
    return 1
def f():
    h = g   # expect: callable-as-value@9
# ---
def f():
    return len   # expect: callable-as-value@12
# ---
from stdlib import storage
def f():
    return storage   # expect: callable-as-value@12
# ---
def f(xs):
    return sorted(xs, key=len)   # expect: callable-as-value@27
# ---
# ok: callable-as-value
def g(x):
    return x
def f(x):
    return isinstance(x, (int, bool)) and isinstance(g(x), bytes)
# ---
def f(x):
    return x()   # expect: not-callable@12
# ---
X = 1
def f():
    return X()   # expect: not-callable@12
# ---
from stdlib import context
def f():
    return context.sender()   # expect: not-callable@12
# ---
def f(xs):
    return xs[0]()   # expect: not-callable@12
# ---
# ok: not-callable
def g():
    return 1
def f(xs):
    return g() + len(xs)
# ---
def g(a, b=1):
    return a + b
def f():
    return g(1, 2, 3)   # expect: call-arity@12
# ---
def g(a, b=1):
    return a + b
def f():
    return g(b=2)   # expect: call-arity@12
# ---
def g(a):
    return a
def f():
    return g(1, c=2)   # expect: call-arity@17
# ---
def g(a):
    return a
def f():
    return g(1, a=2)   # expect: call-arity@17
# ---
# ok: call-arity
def g(a, b=1):
    return a + b
def f():
    return g(1) + g(1, 2) + g(a=1, b=2) + g(1, b=3)
# ---
def f(a, a):   # expect: duplicate-parameter@10
    pass
# ---
def g(a):
    return a
def f():
    return g(a=1, a=2)   # expect: duplicate-parameter@19
# ---
# ok: duplicate-parameter
def f(a, b):
    return a + b
