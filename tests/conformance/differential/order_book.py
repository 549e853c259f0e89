# Keeps open orders per trader and prunes filled ones.
# args ORDERS: {"a": 0, "b": 5, "c": 0} ;; {} ;; {"x": 1} ;; {"a": 0} ;; {"p": 3, "q": 0, "r": 2}
# args KEY: "a" ;; "b" ;; "z"
# call: prune(ORDERS)
# call: prune_copy(ORDERS)
# call: fill_all(ORDERS)
# call: add_during(ORDERS, KEY)
# call: values_live(ORDERS, KEY)

def prune(orders):
    for trader in orders:
        if orders[trader] == 0:
            del orders[trader]
    return sorted(orders.items())

def prune_copy(orders):
    for trader in list(orders):
        if orders[trader] == 0:
            del orders[trader]
    return sorted(orders.items())

def fill_all(orders):
    for trader, amount in orders.items():
        orders[trader] = amount + 1
    return sorted(orders.items())

def add_during(orders, key):
    for trader in orders.keys():
        orders[key] = 1
    return len(orders)

def values_live(orders, key):
    view = orders.values()
    items = orders.items()
    orders[key] = 99
    return sorted(view), len(items), sorted(orders.keys())
