x = a + b - c * d // e % f @ g
# ---
x = a / b
# ---
x = a ** b ** c
# ---
x = -a ** -b
# ---
x = ~a + +b - -c
# ---
x = a << 2 >> 3 & 4 | 5 ^ 6
# ---
x = (a + b) * (c - d)
# ---
x = ((a))
# ---
x = (a) + b
# ---
x = a < b <= c > d >= e == f != g
# ---
x = a in b and c not in d
# ---
x = a is None or b is not None
# ---
x = not a and not not b
# ---
x = a or b and c or d
# ---
x = a if b else c if d else e
# ---
x = f()
# ---
x = f(1, 2, k=3)
# ---
x = f(*args, **kwargs)
# ---
x = f(a, *b, c=1, *d, **e)
# ---
x = f(x for x in y)
# ---
x = f((x for x in y), 1)
# ---
x = a.b.c.d
# ---
x = a.b(c).d[e]
# ---
x = a[1]
# ---
x = a[1:2]
# ---
x = a[::2]
# ---
x = a[:]
# ---
x = a[1:]
# ---
x = a[:-1:]
# ---
x = a[1:2, 3]
# ---
x = a[1, 2]
# ---
x = a[*b]
# ---
x = a[b:c, d:e:f, ...]
# ---
x = []
# ---
x = [1, 2, 3,]
# ---
x = [*a, *b]
# ---
x = ()
# ---
x = (1,)
# ---
x = 1, 2
# ---
x = (1, 2, *rest)
# ---
x = {}
# ---
x = {1: 2, "a": [3]}
# ---
x = {**a, 'b': 1, **c}
# ---
x = {1, 2}
# ---
x = {*a, 1}
# ---
x = [i * 2 for i in range(10)]
# ---
x = [i for i in a if i if i > 2 for j in b]
# ---
x = [(i, j) for i, j in pairs]
# ---
x = [y for (y, z) in w]
# ---
x = {k: v for k, v in items}
# ---
x = {v for v in values}
# ---
x = (v for v in values if v)
# ---
x = [a async for a in b]
# ---
x = lambda: 0
# ---
x = lambda a, b=1, *c, d, e=2, **f: a
# ---
x = lambda a, /, b: a
# ---
x = lambda *, k: k
# ---
if (n := len(a)) > 10:
    pass
# ---
x = [y := f(x), y ** 2]
# ---
x = a[b := 1]
# ---
def f():
    x = yield
    y = yield 1
    z = yield from g()
    w = (yield a, b)
# ---
async def f():
    await g()
    x = await a.b
# ---
x = a.b[c](d)(e)[f:g]
# ---
x = a if b else lambda: c
# ---
x = not a == b
# ---
x = -1
# ---
x = a + (b
    + c)
# ---
x = [
    1,
    2,
]
# ---
x = f(
    a,
    b=c,
)
# ---
print(a, b, sep="")
# ---
x = a @ b
# ---
x = 1 + 2 * 3 ** 4 // 5
# ---
x = a < (b < c)
# ---
x = (a for b in c for d in e if f)
# ---
x = "abc"[1]
# ---
x = f()[0].g
