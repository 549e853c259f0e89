match x:
    case 1:
        pass
# ---
match x:
    case -1 | 2 | 3.5:
        pass
    case 1 + 2j:
        pass
    case "s" "t":
        pass
    case b"b":
        pass
# ---
match x:
    case None:
        pass
    case True:
        pass
    case _:
        pass
# ---
match x:
    case y:
        pass
    case a.b.c:
        pass
# ---
match x:
    case [a, b, *rest]:
        pass
    case (a, b):
        pass
    case ():
        pass
    case []:
        pass
    case [*_]:
        pass
# ---
match x:
    case a, b:
        pass
    case *a, b:
        pass
# ---
match x:
    case {"k": v, 1: w, **rest}:
        pass
    case {}:
        pass
    case {a.b: c}:
        pass
# ---
match x:
    case Point(x=0, y=0):
        pass
    case Point(1, y=2):
        pass
    case m.Cls():
        pass
# ---
match x:
    case [1, 2] as whole if whole:
        pass
    case (1 | 2) as y:
        pass
    case (y):
        pass
# ---
match a, b:
    case 1, 2:
        pass
# ---
match (x):
    case _:
        pass
