#!/usr/bin/env python3
"""Module dependencies of the library: which module uses which, and whether any of them form a cycle.

    python3 .ci/modules.py            # prints each cycle found; exit 1 if there is one
    python3 .ci/modules.py --graph    # prints every edge

A module is a file under src/ (src/rules/check.rs is rules::check, src/rules/mod.rs is rules). An edge
a -> b is a path to b in a's code: `crate::b::…`, `super::…`, `self::…`, and the names inside `use`
braces. Two things are structure, not dependency, and are left out: a parent declaring its children
(`mod check;`) and a parent re-exporting a child's items (`pub use check::check;`, its facade).
A use of a module's own descendants is an edge like any other; so is a child's use of its parent.
"""
import os
import re
import sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def module_of(path):
    rel = os.path.relpath(path, SRC)[:-3].split(os.sep)
    if rel[-1] == "mod":
        rel = rel[:-1]
    if rel in (["lib"], ["main"], ["cli"]):
        return None
    return tuple(rel)


def modules():
    found = {}
    for root, _, files in os.walk(SRC):
        for name in files:
            if name.endswith(".rs"):
                path = os.path.join(root, name)
                module = module_of(path)
                if module:
                    found[module] = path
    return found


def strip(code):
    """The code without comments, strings and `#[cfg(test)]` modules."""
    code = re.sub(r"//[^\n]*", "", code)
    code = re.sub(r'"(?:\\.|[^"\\])*"', '""', code)
    cut = code.find("#[cfg(test)]")
    return code if cut < 0 else code[:cut]


def use_paths(tree, prefix=""):
    """Every full path a use tree names: `a::{b, c::d}` -> a::b, a::c::d."""
    tree = tree.strip()
    brace = tree.find("{")
    if brace < 0:
        return [prefix + tree.split(" as ")[0].strip()]
    head = prefix + tree[:brace]
    body = tree[brace + 1 : tree.rfind("}")]
    parts, depth, start = [], 0, 0
    for i, c in enumerate(body):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [p for part in parts if part.strip() for p in use_paths(part, head)]


def root_exports(known):
    """The names the crate root re-exports (`pub use analysis::{Analysis, analyse};`), by module."""
    code = strip(open(os.path.join(SRC, "lib.rs"), encoding="utf-8").read())
    exports = {}
    for match in re.finditer(r"pub use\s+([^;]+);", code):
        for p in use_paths(match.group(1)):
            segments = p.split("::")
            target = resolve((), "crate::" + p, known, {})
            if target:
                exports[segments[-1]] = target
    return exports


def resolve(module, path, known, exports):
    """The module a path starting in `module` reaches (the longest known prefix), or None."""
    segments = [s for s in path.split("::") if s]
    if not segments:
        return None
    if segments[0] == "crate" and len(segments) > 1 and segments[1] in exports:
        return exports[segments[1]]
    if segments[0] == "crate":
        base, rest = (), segments[1:]
    elif segments[0] in ("super", "self"):
        base = module if segments[0] == "self" else module[:-1]
        rest = segments[1:]
        while rest and rest[0] == "super":
            base, rest = base[:-1], rest[1:]
    else:
        return None
    target = None
    for i in range(len(rest) + 1):
        candidate = base + tuple(rest[:i])
        if candidate in known:
            target = candidate
    return target


def edges():
    known = modules()
    exports = root_exports(known)
    out = {}
    for module, path in known.items():
        code = strip(open(path, encoding="utf-8").read())
        targets = set()
        for match in re.finditer(r"(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", code):
            is_pub, tree = match.group(1), match.group(2)
            for p in use_paths(tree):
                target = resolve(module, p, known, exports)
                facade = is_pub and target and target[: len(module)] == module
                if target and target != module and not facade:
                    targets.add(target)
        for match in re.finditer(r"\b(crate|super)::[\w:]+", code):
            target = resolve(module, match.group(0), known, exports)
            if target and target != module:
                targets.add(target)
        out[module] = targets
    return out


def cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return found


def name(module):
    return "::".join(module)


def main():
    graph = edges()
    if "--graph" in sys.argv:
        for a in sorted(graph):
            for b in sorted(graph[a]):
                print(f"{name(a)} -> {name(b)}")
    found = cycles(graph)
    for component in found:
        members = set(component)
        print("cycle: " + ", ".join(sorted(name(m) for m in component)))
        for a in sorted(members):
            for b in sorted(graph[a] & members):
                print(f"    {name(a)} -> {name(b)}")
    if found:
        sys.exit(1)
    print(f"modules: {len(graph)}, no cycles")


if __name__ == "__main__":
    main()
