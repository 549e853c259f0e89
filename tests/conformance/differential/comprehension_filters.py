# Filters and joins lists with comprehensions.
# args XS: [1, 2, 3] ;; [] ;; [0, -1, 5] ;; [10]
# args YS: [1, 2] ;; [] ;; [3]
# args K: 0 ;; 1 ;; 2
# call: joined(XS, YS)
# call: late(XS, K)
# call: shadow(XS, K)
# call: nested(XS, YS, K)

def joined(xs, ys):
    return [(x, y) for x in xs for y in ys if x != y], [x for x in xs if x in [y for y in ys]]

def late(xs, k):
    if k > 1:
        limit = k
    return [x for x in xs if x > limit]

def shadow(xs, k):
    x = k
    out = [x * 2 for x in xs]
    return x, out

def nested(xs, ys, k):
    return [[x + y for y in ys if y > k] for x in xs], [y for x in xs for y in range(x % 4)]
