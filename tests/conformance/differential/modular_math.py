# Modular arithmetic helpers for a commitment scheme.
# args X: 3 ;; 10 ;; 0 ;; -7 ;; 2 ** 64 + 13 ;; 1 ;; 6
# args E: -1 ;; -2 ;; 0 ;; 1 ;; 65537 ;; -(2 ** 40)
# args M: 7 ;; 11 ;; 1 ;; -7 ;; 0 ;; 2 ** 61 - 1 ;; 12
# call: power(X, E, M)
# call: inverse(X, M)
# call: crt(X, M, E)
# call: plain_power(X, E)

def power(x, e, m):
    return pow(x, e, m)

def inverse(x, m):
    inv = pow(x, -1, m)
    return inv, (inv * x) % m

def crt(x, m, e):
    r1 = x % m
    r2 = (x + e) % 5
    return [(r1 + m * k) for k in range(5) if (r1 + m * k) % 5 == r2][:1]

def plain_power(x, e):
    return x ** (e % 97) if e >= 0 else pow(x, e, 1000003)
