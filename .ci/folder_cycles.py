#!/usr/bin/env python3
"""Fails when the top-level folders of a Swift module depend on each other in a cycle.

A folder depends on another when one of its files names a type (struct, enum, class,
protocol, actor or typealias) declared at the top level of a file in the other. Comments and
string literals are left out. Files at the module's root are its face (the adapter, its
options and diagnostics) and take no part: only folders are checked. Usage: folder_cycles.py Sources/SMICore
Prints the dependency order (bottom first) and exits 1 on a cycle, naming its folders and
one reference for each edge in it.
"""
import os
import re
import sys

DECLARATION = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private|final|indirect|nonisolated)\s+)*"
    r"(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_]\w*)", re.M)
WORD = re.compile(r"\b[A-Z]\w*\b")


def strip(text):
    """The source without comments and string literals (multi-line ones included)."""
    text = re.sub(r'"""(?:.|\n)*?"""', '""', text)
    text = re.sub(r'#"(?:.|\n)*?"#', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"/\*(?:.|\n)*?\*/", "", text)
    return re.sub(r"//[^\n]*", "", text)


def main(root):
    files = {}
    for directory, _, names in os.walk(root):
        for name in names:
            if name.endswith(".swift"):
                path = os.path.join(directory, name)
                relative = os.path.relpath(path, root)
                folder = relative.split(os.sep)[0] if os.sep in relative else "."
                with open(path, encoding="utf-8") as f:
                    files[path] = (folder, strip(f.read()))
    declared = {}
    for path, (folder, text) in files.items():
        for name in DECLARATION.findall(text):
            declared.setdefault(name, folder)
    edges = {}
    for path, (folder, text) in files.items():
        for word in set(WORD.findall(text)):
            other = declared.get(word)
            if other and other != folder:
                edges.setdefault(folder, {}).setdefault(other, f"{os.path.relpath(path, root)} names {word}")
    edges.pop(".", None)
    for targets in edges.values():
        targets.pop(".", None)
    folders = sorted({folder for folder, _ in files.values()} - {"."})
    # Tarjan's strongly connected components.
    index, low, stack, on, order, cycles = {}, {}, [], set(), [], []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, {})):
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
            order.append(sorted(component))
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in folders:
        if v not in index:
            visit(v)
    if cycles:
        for cycle in cycles:
            print(f"folder cycle in {root}: {', '.join(cycle)}")
            for a in cycle:
                for b in cycle:
                    if b in edges.get(a, {}):
                        print(f"  {a} -> {b}: {edges[a][b]}")
        return 1
    if folders:
        print(f"{root}: no folder cycle; bottom first: {' < '.join(c[0] for c in order)}")
    else:
        print(f"{root}: no folders")
    return 0


if __name__ == "__main__":
    sys.exit(max(main(root) for root in sys.argv[1:]))
