#!/usr/bin/env python3
"""Decides regex cases with Google's RE2 (the google-re2 package), for the differential
test of swift-smi's RE2 engine.

Input (JSON file): {"cases": [{"pattern": P, "texts": [T, ...]}, ...]}
Output (stdout, JSON): [{"valid": bool, "full": [bool...], "prefix": [...], "search": [...]}, ...]
Exit status 3 when the re2 module is not installed.
"""
import json
import sys

try:
    import re2
except ImportError:
    sys.exit(3)

opts = re2.Options()
opts.log_errors = False


def main(path):
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    out = []
    for case in cases:
        try:
            r = re2.compile(case["pattern"], options=opts)
        except re2.error:
            out.append({"valid": False})
            continue
        out.append({
            "valid": True,
            "full": [r.fullmatch(t) is not None for t in case["texts"]],
            "prefix": [r.match(t) is not None for t in case["texts"]],
            "search": [r.search(t) is not None for t in case["texts"]],
        })
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
