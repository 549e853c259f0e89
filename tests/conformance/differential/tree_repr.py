# Builds nested structures for a debug dump, including cycles.
# args DEPTH: 0 ;; 1 ;; 5 ;; 50 ;; 3000
# args X: 1 ;; "a" ;; b"\x00" ;; None
# call: cyclic(X)
# call: cyclic_dict(X)
# call: nested(DEPTH)
# call: compare_nested(DEPTH)
# call: cyclic_compare(X)

def cyclic(x):
    node = [x]
    node.append(node)
    return str(node), node == node, node in node, len(str([node, node]))

def cyclic_dict(x):
    d = {"v": x}
    d["self"] = d
    d["list"] = [d]
    return str(d)

def nested(depth):
    value = []
    for i in range(depth):
        value = [value, i]
    return len(str(value))

def compare_nested(depth):
    left = []
    right = []
    for i in range(depth):
        left = [left]
        right = [right]
    return left == right, left < [right]

def cyclic_compare(x):
    a = [x]
    a.append(a)
    b = [x]
    b.append(b)
    return a == b
