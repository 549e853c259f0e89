pass
# ---
x = 1; y = 2;
# ---
a = b = c = 1
# ---
a, b = b, a
# ---
(a, b) = [c, d] = e
# ---
[a, [b, c]] = x
# ---
a, *b = c
# ---
*a, b = c
# ---
a[0] = 1
# ---
a.b = 1
# ---
a[1:2] = b
# ---
x += 1
# ---
x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6
# ---
x <<= 1; x >>= 2; x &= 3; x |= 4; x ^= 5; x @= 6
# ---
a[0] += 1
# ---
a.b -= 1
# ---
x: int
# ---
x: int = 5
# ---
(x): int = 5
# ---
a.b: str = "s"
# ---
a[0]: bytes
# ---
x: list[int] = []
# ---
del a[0]
# ---
del a, b[1], c.d
# ---
del (a, b)
# ---
del [a, b]
# ---
assert x
# ---
assert x, "message"
# ---
def f():
    return
# ---
def f():
    return 1, 2
# ---
def f():
    return *a, b
# ---
raise
# ---
raise ValueError("x")
# ---
raise ValueError from None
# ---
global a, b
# ---
def f():
    nonlocal x
# ---
import a
# ---
import a.b.c as d, e
# ---
from a import b
# ---
from a.b import c as d, e
# ---
from . import x
# ---
from .. import (x, y,)
# ---
from ...a import *
# ---
from .... import z
# ---
from stdlib import storage, events as ev
# ---
from __future__ import annotations
# ---
if a:
    pass
# ---
if a:
    x = 1
elif b:
    x = 2
elif c:
    x = 3
else:
    x = 4
# ---
if a: x = 1
else: x = 2
# ---
while x:
    x -= 1
# ---
while x:
    break
else:
    continue
# ---
for x in y:
    pass
# ---
for x, y in z:
    pass
else:
    pass
# ---
for (a, b), c in d:
    pass
# ---
for x in 1, 2, 3:
    pass
# ---
for *a, b in c:
    pass
# ---
def f(a, b):
    return a
# ---
def f(a: int, b: str = "x") -> bool:
    """Docstring."""
    return True
# ---
def f(a, /, b, *, c, d=1):
    pass
# ---
def f(*args, **kwargs):
    pass
# ---
def f(a, *args: int, b: str, **kw: bytes) -> None:
    pass
# ---
def f(a=1, b=2, /, c=3):
    pass
# ---
def f(
    a,
    b,
):
    pass
# ---
@decorator
def f():
    pass
# ---
@a.b(c)
@d
def f():
    pass
# ---
class C:
    pass
# ---
class C(A, B, metaclass=M):
    x = 1
    def m(self):
        return self.x
# ---
@dataclass
class D:
    x: int
# ---
try:
    pass
except:
    pass
# ---
try:
    pass
except ValueError as e:
    pass
except (TypeError, KeyError):
    pass
else:
    pass
finally:
    pass
# ---
try:
    pass
finally:
    pass
# ---
try:
    pass
except* ValueError:
    pass
# ---
with a:
    pass
# ---
with a as b, c as d:
    pass
# ---
with (a as b, c as d,):
    pass
# ---
with (a, b):
    pass
# ---
with (a, b) as c:
    pass
# ---
with a as (b, c):
    pass
# ---
async def f():
    async for x in y:
        pass
    async with a as b:
        pass
# ---
@d
async def f():
    pass
# ---
def outer():
    def inner():
        pass
    return inner
# ---
x = 1
if x:
    y = 2
z = 3
# ---
def f():
    if a:
        if b:
            return 1
    return 2
# ---
def f():
    x = 1  # comment

    # another comment
    return x
# ---
"""Module docstring."""
x = 1
# ---
x = 1 \
    + 2
# ---
if a and \
   b:
    pass
# ---
def f():
	return 1
# ---
match = 1
case = 2
match.x = 3
print(match, case)
# ---
_ = 1
