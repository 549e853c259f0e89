# The call graph of contract functions must be acyclic.
# ---
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)   # expect: no-recursion@16
# ---
def even(n):
    return n == 0 or odd(n - 1)   # expect: no-recursion@22
def odd(n):
    return n != 0 and even(n - 1)
# ---
def a():
    return b()   # expect: no-recursion@12
def b():
    return c()
def c():
    return a()
# ---
def a():
    return b() + a()   # expect: no-recursion@12
def b():
    return a()
# ---
# ok: no-recursion
def a():
    return b() + c()
def b():
    return c()
def c():
    return 1
# ---
# ok: no-recursion
def fact(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result
