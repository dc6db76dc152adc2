#!/usr/bin/env python3
"""Decides regexes as Linkerd's proxy does, with Rust's regex crate (the regex-rs package):
a path or header value matches when the leftmost-first match found in it starts at 0 and
ends at its last byte (linkerd2-proxy http-route MatchPath::Regex).

Input (JSON file): {"cases": [{"pattern": P, "texts": [T, ...]}, ...]}
Output (stdout, JSON): [{"valid": bool, "spans": [bool...]}, ...]
Exit status 3 when the regex_rs module is not installed.
"""
import json
import sys

try:
    import regex_rs
except ImportError:
    sys.exit(3)


def spans(regex, text):
    found = regex.find(text)
    return found is not None and found.start == 0 and found.end == len(text.encode("utf-8"))


def main(path):
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    out = []
    for case in cases:
        try:
            regex = regex_rs.Regex(case["pattern"])
        except Exception:
            out.append({"valid": False})
            continue
        out.append({"valid": True, "spans": [spans(regex, t) for t in case["texts"]]})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
