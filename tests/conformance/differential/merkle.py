# Merkle root over leaves with sha3-256.
# args LEAVES: [] ;; [b"a"] ;; [b"a", b"b"] ;; [b"a", b"b", b"c"] ;; [b""] * 5 ;; ["a"]
# args INDEX: 0 ;; 1 ;; 2 ;; -1 ;; 10
# call: root(LEAVES)
# call: proof(LEAVES, INDEX)
from stdlib import hash

def level(nodes):
    if len(nodes) % 2 == 1:
        nodes = nodes + [nodes[-1]]
    return [hash.sha3_256(nodes[i] + nodes[i + 1]) for i in range(0, len(nodes), 2)]

def root(leaves):
    nodes = [hash.sha3_256(leaf) for leaf in leaves]
    if not nodes:
        return b""
    while len(nodes) > 1:
        nodes = level(nodes)
    return nodes[0].hex()

def proof(leaves, index):
    nodes = [hash.sha3_256(leaf) for leaf in leaves]
    path = []
    while len(nodes) > 1:
        if len(nodes) % 2 == 1:
            nodes = nodes + [nodes[-1]]
        path.append(nodes[index ^ 1][:4].hex())
        nodes = level(nodes)
        index //= 2
    return path
