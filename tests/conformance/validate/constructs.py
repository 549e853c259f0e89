# Language constructs outside the subset, each with its own rule.
# ---
X = 1.5   # expect: no-float@5
# ---
X = 2j   # expect: no-float@5
# ---
# ok: no-float
X = 15 // 10
# ---
def f(a, b):
    return a / b   # expect: no-true-division@14
# ---
def f(a, b):
    a /= b   # expect: no-true-division@5
    return a
# ---
# ok: no-true-division
def f(a, b):
    a //= b
    return a // b
# ---
def f(a, b):
    return a @ b   # expect: no-matmul@14
# ---
# ok: no-matmul
def f(a, b):
    return a * b
# ---
X = {1, 2}   # expect: no-set@5
# ---
def f(xs):
    return {x for x in xs}   # expect: no-set@12
# ---
# ok: no-set
X = {1: True, 2: True}
# ---
def f(xs):
    return {x: 1 for x in xs}   # expect: no-dict-comprehension@12
# ---
# ok: no-dict-comprehension
def f(xs):
    d = {}
    for x in xs:
        d[x] = 1
    return d
# ---
def f(xs):
    return sum(x for x in xs)   # expect: no-generator-expression@15
# ---
def f(xs):
    return any((x > 0 for x in xs))   # expect: no-generator-expression@16
# ---
# ok: no-generator-expression
def f(xs):
    return sum([x for x in xs]) + any([x > 0 for x in xs])
# ---
def f():
    return (lambda: 1)   # expect: no-lambda@13
# ---
# ok: no-lambda
def one():
    return 1
def f():
    return one()
# ---
def f():
    def g():   # expect: no-nested-def@5
        return 1
    return 2
# ---
# ok: no-nested-def
def g():
    return 1
def f():
    return g()
# ---
class Point:   # expect: no-class@1
    x = 1
# ---
def f():
    class C:   # expect: no-class@5
        pass
# ---
# ok: no-class
def point(x, y):
    return {"x": x, "y": y}
# ---
X = 1
def f():
    global X   # expect: no-global@5
    X = 2
# ---
def f():
    nonlocal y   # expect: no-global@5
# ---
# ok: no-global
X = 1
def f():
    x = X + 1
    return x
# ---
def f(xs):
    for x in xs:
        yield x   # expect: no-yield@9
# ---
def f(g):
    x = yield from g   # expect: no-yield@9
# ---
# ok: no-yield
def f(xs):
    out = []
    for x in xs:
        out.append(x)
    return out
# ---
async def f():   # expect: no-async@1
    pass
# ---
def f(x):
    return await x   # expect: no-async@12
# ---
def f(xs):
    async for x in xs:   # expect: no-async@5
        pass
# ---
# ok: no-async
def f(xs):
    for x in xs:
        pass
# ---
def f(x):
    with x:   # expect: no-with@5
        pass
# ---
# ok: no-with
def f(x):
    return x
# ---
def f(x):
    try:   # expect: no-try@5
        return 1 // x
    except* ZeroDivisionError:
        return 0
# ---
# ok: no-try
def f(x):
    try:
        return 1 // x
    except ZeroDivisionError:
        return 0
    finally:
        x = 0
# ---
def f(x):
    try:
        return x[0]
    except IndexError or KeyError:   # expect: except-type@12
        return 0
    except (KeyError, abs):   # expect: except-type@23
        return 1
# ---
# ok: except-type
def f(x):
    try:
        return x[0]
    except (IndexError, KeyError) as e:
        return str(e)
    except Exception:
        return e.args
# ---
def f(x):
    if x:
        raise   # expect: bare-raise@9
    try:
        return 1
    finally:
        raise   # expect: bare-raise@9
# ---
# ok: bare-raise
def f(x):
    try:
        return 1 // x
    except ZeroDivisionError:
        try:
            x = 0
        finally:
            raise
# ---
def f(x):
    cls = ValueError   # expect: exception-class@11
    raise ValueError(x, reason=1)   # expect: exception-class@11
# ---
def f(x):
    raise UnicodeDecodeError("utf-8", x, 0, 1, "bad")   # expect: exception-class@11
# ---
# ok: exception-class
def f(x):
    e = ValueError("bad", x)
    if x:
        raise e from None
    raise KeyError
# ---
@decorator   # expect: no-decorator@1
def f():
    pass
# ---
# ok: no-decorator
def f():
    pass
# ---
def f(*args):   # expect: no-star-args@8
    pass
# ---
def f(**kw):   # expect: no-star-args@9
    pass
# ---
# ok: keyword-only parameters
def f(a, *, b, c=2):
    pass
# ---
def f(a, /, b):   # expect: no-star-args@7
    pass
# ---
# ok: no-star-args
def f(a, b=2, c=None):
    return a
# ---
def f(xs):
    return [*xs, 1]   # expect: no-star-expression@13
# ---
def f(d):
    return {**d}   # expect: no-star-expression@13
# ---
def f(xs):
    a, *b = xs   # expect: no-star-expression@8
# ---
def g(a, b):
    return a
def f(xs):
    return g(*xs)   # expect: no-star-expression@14
# ---
# ok: no-star-expression
def f(xs):
    a, b = xs
    return xs + [1] + [a * b]
# ---
def f(xs):
    if (n := len(xs)) > 2:   # expect: no-walrus@9
        return 0
# ---
# ok: no-walrus
def f(xs):
    n = len(xs)
    if n > 2:
        return n
# ---
def f(name):
    return f"hello {name}"   # expect: no-f-string@12
# ---
# ok: no-f-string
def f(name):
    return "hello " + name
# ---
def f(x):
    match x:   # expect: no-match@5
        case 1:
            return 1
# ---
# ok: no-match
def f(x):
    match = x
    if match == 1:
        return 1
# ---
def f():
    ...   # expect: no-ellipsis@5
# ---
# ok: no-ellipsis
def f():
    pass
# ---
def f(x):
    x.y = 1   # expect: no-attribute-assignment@5
# ---
def f(x):
    del x.y   # expect: no-attribute-assignment@9
# ---
# ok: no-attribute-assignment
def f(x):
    x["y"] = 1
# ---
def f(x):
    del x   # expect: del-target@9
# ---
# ok: del-target
def f(d):
    del d["k"], d["j"]
# ---
def f(a, b):
    return a is b   # expect: identity-comparison@12
# ---
def f(a):
    return a is not 0   # expect: identity-comparison@12
# ---
# ok: identity-comparison
def f(a, b):
    return a is None or b is not None or a == b
# ---
def f():
    break   # expect: break-outside-loop@5
# ---
def f(xs):
    for x in xs:
        pass
    else:
        continue   # expect: break-outside-loop@9
# ---
# ok: break-outside-loop
def f(xs):
    for x in xs:
        if x:
            break
        continue
    while True:
        break
# ---
def f(x: 3) -> int:   # expect: bad-annotation@10
    return x
# ---
X = 1
def f(x: X):   # expect: bad-annotation@10
    return x
# ---
def f(x: foo.bar):   # expect: bad-annotation@10
    return x
# ---
# ok: bad-annotation
from typing import Optional, Tuple
def f(x: int, y: "bytes", z: list[int] | None, w: Optional[Tuple[int, ...]]) -> dict[str, int]:
    return {}
