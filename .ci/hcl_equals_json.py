#!/usr/bin/env python3
"""Checks that each consul.hcl golden file, read by a real HCL 1 parser (pyhcl: HCL 1 is what
`consul config write` reads), holds the same config entries as the consul.json beside it.
Usage: hcl_equals_json.py DIR..."""
import json
import sys

import hcl


def hcl_entries(text):
    parts, current = [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("# ") and current:
            parts.append("".join(current))
            current = []
        current.append(line)
    if current:
        parts.append("".join(current))
    return [hcl.loads(p) for p in parts if p.strip()]


def json_entries(text):
    decoder, out, i = json.JSONDecoder(), [], 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        value, i = decoder.raw_decode(text, i)
        out.append(value)
    return out


failed = 0
count = 0
for folder in sys.argv[1:]:
    with open(f"{folder}/consul.hcl") as f:
        from_hcl = hcl_entries(f.read())
    with open(f"{folder}/consul.json") as f:
        from_json = json_entries(f.read())
    count += len(from_json)
    if from_hcl != from_json:
        failed += 1
        print(f"{folder}: consul.hcl and consul.json differ")
        for a, b in zip(from_hcl, from_json):
            if a != b:
                print(f"  hcl:  {a}\n  json: {b}")
                break
print(f"{count} config entries in {len(sys.argv) - 1} cases: HCL equals JSON in {len(sys.argv) - 1 - failed}")
sys.exit(1 if failed else 0)
