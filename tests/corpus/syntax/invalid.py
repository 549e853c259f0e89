x = 
# ---
x = (1, 2
# ---
x = [1, 2)
# ---
x = 1)
# ---
def f(:
    pass
# ---
if x
    pass
# ---
if x:
pass
# ---
  x = 1
# ---
if x:
        a = 1
    b = 2
# ---
f(x for x in y, 1)
# ---
f(a=1, 2)
# ---
f(**a, *b)
# ---
def f(a=1, b):
    pass
# ---
def f(*):
    pass
# ---
def f(*, **k):
    pass
# ---
x = 0777
# ---
x = 1abc
# ---
x = 0x
# ---
x = "unterminated
# ---
x = """unterminated
# ---
x = b"é"
# ---
x = "\x4"
# ---
x = "a" b"b"
# ---
f() = 1
# ---
1 = x
# ---
None = 1
# ---
a + b += 1
# ---
(a, b) += 1
# ---
a, b: int
# ---
del f()
# ---
del a + b
# ---
x = $
# ---
x = a ! b
# ---
lambda x: (yield)
x = (*a)
# ---
try:
    pass
# ---
try:
    pass
except A, B:
    pass
# ---
try:
    pass
except* A:
    pass
except B:
    pass
# ---
for x in :
    pass
# ---
x = a if b
# ---
class C(:
    pass
# ---
import .a
# ---
from a import
# ---
x = [a for a in]
# ---
x = {1: }
# ---
with (a as b:
    pass
# ---
@d
x = 1
# ---
def f():
    return
  x = 1
# ---
x = 1 \ 2
# ---
x = 1 +\
