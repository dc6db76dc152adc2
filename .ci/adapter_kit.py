#!/usr/bin/env python3
"""Fails when an adapter names a public SMICore type that is not in the adapter kit.

The kit is the list of symbol links (``Name``) in SMICore's article "The adapter kit"
(Sources/SMICore/SMICore.docc/AdapterKit.md), which the docs build checks are real symbols.
An adapter module is a folder Sources/*Adapter. A name the adapter declares itself (at any
depth) is its own, not SMICore's. Comments and string literals are left out. Usage:
adapter_kit.py [REPO_ROOT]. Prints, for each adapter, the kit types it uses; exits 1 naming
each file and type outside the kit.
"""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from folder_cycles import strip  # noqa: E402

PUBLIC_TYPE = re.compile(
    r"^public\s+(?:final\s+)?(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_]\w*)", re.M)
ANY_TYPE = re.compile(r"\b(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_]\w*)")
WORD = re.compile(r"\b[A-Z]\w*\b")
KIT_LINK = re.compile(r"``([A-Za-z_]\w*)``")


def main(root):
    core = set()
    for path in glob.glob(os.path.join(root, "Sources/SMICore/**/*.swift"), recursive=True):
        with open(path, encoding="utf-8") as f:
            core.update(PUBLIC_TYPE.findall(strip(f.read())))
    with open(os.path.join(root, "Sources/SMICore/SMICore.docc/AdapterKit.md"), encoding="utf-8") as f:
        kit = set(KIT_LINK.findall(f.read()))
    unknown = sorted(kit - core)
    if unknown:
        print("the adapter kit lists types SMICore does not declare public: " + ", ".join(unknown))
        return 1
    failed = False
    for adapter in sorted(glob.glob(os.path.join(root, "Sources/*Adapter"))):
        texts = {}
        for path in glob.glob(os.path.join(adapter, "**/*.swift"), recursive=True):
            with open(path, encoding="utf-8") as f:
                texts[path] = strip(f.read())
        own = set()
        for text in texts.values():
            own.update(ANY_TYPE.findall(text))
        used = set()
        for path, text in sorted(texts.items()):
            names = (set(WORD.findall(text)) & core) - own
            used |= names
            for name in sorted(names - kit):
                print(f"{os.path.relpath(path, root)}: {name} is not in the adapter kit")
                failed = True
        print(f"{os.path.basename(adapter)}: {len(used & kit)} kit types")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
