#!/usr/bin/env python3
"""Fails when the summary of a public symbol's documentation is over 120 characters.

The summary is the first paragraph of the `///` comment before a `public` or `open`
declaration (or an enum `case`), which swift-format's BeginDocumentationCommentWithOneLineSummary
rule keeps to one sentence. Usage: doc_summaries.py DIR... Prints each offender and a count.
"""
import os
import re
import sys

LIMIT = 120


def main(roots):
    total, long = 0, []
    for root in roots:
        for directory, _, names in os.walk(root):
            for name in sorted(names):
                if not name.endswith(".swift"):
                    continue
                path = os.path.join(directory, name)
                lines = open(path, encoding="utf-8").read().split("\n")
                i = 0
                while i < len(lines):
                    if not lines[i].strip().startswith("///"):
                        i += 1
                        continue
                    j, summary = i, []
                    while j < len(lines) and lines[j].strip().startswith("///"):
                        text = lines[j].strip()[3:].strip()
                        if text == "" and summary:
                            summary.append(None)
                        elif None not in summary:
                            summary.append(text)
                        j += 1
                    k = j
                    while k < len(lines) and lines[k].strip().startswith("@"):
                        k += 1
                    declaration = lines[k].strip() if k < len(lines) else ""
                    if re.match(r"(public|open)\b", declaration) or declaration.startswith("case "):
                        total += 1
                        text = " ".join(t for t in summary if t)
                        if len(text) > LIMIT:
                            long.append(f"{path}:{i + 1}: summary of {len(text)} characters: {text[:80]}...")
                    i = j
    for line in long:
        print(line)
    print(f"{total} documented public symbols, {len(long)} summaries over {LIMIT} characters")
    return 1 if long else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
