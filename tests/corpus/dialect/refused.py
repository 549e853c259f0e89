def f(x):
    return globals()


def g(x):
    return getattr(x, "y")


def h(x):
    return (lambda y: y)(x)


def k(**kwargs):
    return kwargs
