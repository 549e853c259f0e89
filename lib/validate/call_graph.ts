/**
 * The recursion rule: the graph of direct calls between contract functions
 * must be acyclic, so that call depth is bounded statically. Strongly
 * connected components are found with an iterative Tarjan walk (no JS
 * recursion, whatever the input); each cycle is reported once, at its
 * first call in source order, with the path that closes it.
 */

import type { FunctionDef } from "./ast.ts";
import type { CallEdge, Checker } from "./checker.ts";

/** Reports every recursive cycle among `functions`. */
export function checkCallGraph(k: Checker, functions: readonly FunctionDef[]): void {
  for (const component of stronglyConnected(k, functions)) {
    const members = new Set(component);
    const edges = component.flatMap((caller) =>
      (k.calls.get(caller) ?? []).filter((edge) => members.has(edge.callee)).map((edge) => ({
        caller,
        edge,
      }))
    );
    edges.sort((a, b) => a.edge.span.start - b.edge.span.start);
    const first = edges[0];
    if (first === undefined) continue;
    const path = shortestPath(k, first.edge.callee, first.caller, members);
    const names = [first.caller.name, ...path.map((def) => def.name)].join(" -> ");
    k.report("no-recursion", first.edge.span, `recursive call: ${names}`);
  }
}

/** Components with a cycle (more than one member, or a self-call). */
function stronglyConnected(k: Checker, functions: readonly FunctionDef[]): FunctionDef[][] {
  const index = new Map<FunctionDef, number>();
  const low = new Map<FunctionDef, number>();
  const onStack = new Set<FunctionDef>();
  const stack: FunctionDef[] = [];
  const result: FunctionDef[][] = [];
  let counter = 0;
  for (const root of functions) {
    if (index.has(root)) continue;
    const work: { node: FunctionDef; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const edges: readonly CallEdge[] = k.calls.get(frame.node) ?? [];
      const edge = edges[frame.next++];
      if (edge !== undefined) {
        const callee = edge.callee;
        if (!index.has(callee)) {
          index.set(callee, counter);
          low.set(callee, counter++);
          stack.push(callee);
          onStack.add(callee);
          work.push({ node: callee, next: 0 });
        } else if (onStack.has(callee)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(callee) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      }
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: FunctionDef[] = [];
      while (true) {
        const member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
        if (member === frame.node) break;
      }
      const selfCall = (k.calls.get(frame.node) ?? []).some((e) => e.callee === frame.node);
      if (component.length > 1 || selfCall) result.push(component);
    }
  }
  return result;
}

/** Breadth-first path from `from` to `to` inside `members` (both ends included). */
function shortestPath(
  k: Checker,
  from: FunctionDef,
  to: FunctionDef,
  members: ReadonlySet<FunctionDef>,
): FunctionDef[] {
  const previous = new Map<FunctionDef, FunctionDef | null>([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node === undefined || node === to) break;
    for (const edge of k.calls.get(node) ?? []) {
      if (!members.has(edge.callee) || previous.has(edge.callee)) continue;
      previous.set(edge.callee, node);
      queue.push(edge.callee);
    }
  }
  const path: FunctionDef[] = [];
  for (
    let node: FunctionDef | null | undefined = to;
    node !== null && node !== undefined;
    node = previous.get(node)
  ) {
    path.unshift(node);
  }
  return path;
}
