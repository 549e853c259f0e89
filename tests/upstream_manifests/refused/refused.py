"""A contract whose upstream manifest cannot map."""


def f(x: int) -> int:
    return x
