#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the folder layering over the sources (issue 18): every project include is rooted at the
repository root ("core/project/projectrun.h"), a folder includes only the folders ALLOWED lists
for it (so no arrow points upward and no cycle can form), and LibTorch headers appear only in the
engine, whose headers that include them stay private to it (tests aside). Usage: check_layers.py REPO_ROOT, or --self-test (the checker catches a
violation of each rule in a small made-up tree)."""
import os
import re
import sys
import tempfile

CORE = ["core/common", "core/engine", "core/jobs", "core/dataset", "core/cam", "core/measures", "core/store",
        "core/project", "core/demo"]
# Each folder and the folders it may include, lowest first. Tests may include anything.
ALLOWED = {
    "core/common": [],
    "core/engine": ["core/common"],
    "core/jobs": ["core/common", "core/engine"],
    "core/dataset": ["core/common", "core/engine", "core/jobs"],
    "core/cam": ["core/common", "core/engine", "core/jobs", "core/dataset"],
    "core/measures": ["core/common", "core/engine", "core/jobs", "core/dataset", "core/cam"],
    "core/store": ["core/common", "core/engine", "core/jobs", "core/dataset", "core/cam", "core/measures"],
    "core/project": ["core/common", "core/engine", "core/jobs", "core/dataset", "core/measures", "core/cam", "core/store"],
    "core/demo": CORE[:-1],
    "ui/i18n": CORE,
    "ui/report": CORE + ["ui/i18n"],
    "ui/images": CORE + ["ui/report"],
    "ui/results": CORE + ["ui/report"],
    "ui/runs": CORE + ["ui/report"],
    "ui/project": CORE + ["ui/report", "ui/images"],
    "ui/viewer": CORE + ["ui/report", "ui/images"],
    "ui/preview": CORE + ["ui/report", "ui/images"],
    "ui/mainwindow": CORE + ["ui/i18n", "ui/report", "ui/images", "ui/results", "ui/runs", "ui/project",
                             "ui/viewer", "ui/preview"],
    "app/cli": CORE,
    "app/report": CORE + ["ui/i18n", "ui/report", "app/cli"],
    "tools/selftest": ["core/common", "core/engine"],
    "tools/bench": CORE + ["ui/images"],
    "app/gui": CORE + ["ui/i18n", "ui/mainwindow"],
}
SCANNED = ("core", "ui", "app", "tools", "tests")
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)


TORCH = ("torch/", "ATen/", "c10/")


def includes_torch(root, header):
    with open(os.path.join(root, header), encoding="utf-8") as f:
        return any(kind == "<" and target.startswith(TORCH) for kind, target in INCLUDE.findall(f.read()))


def folder_of(path):
    parts = path.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else None


def has_cycle(graph):
    state = {}

    def visit(node):
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1 or (nxt not in state and visit(nxt)):
                return True
        state[node] = 2
        return False

    return any(node not in state and visit(node) for node in graph)


def check(root):
    problems = []
    if has_cycle(ALLOWED):
        problems.append("the allowed-dependency list itself has a cycle")
    for top in SCANNED:
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if not name.endswith((".h", ".cpp")):
                    continue
                path = os.path.relpath(os.path.join(dirpath, name), root)
                source = folder_of(path)
                with open(os.path.join(root, path), encoding="utf-8") as f:
                    text = f.read()
                for kind, target in INCLUDE.findall(text):
                    if kind == "<":
                        if target.startswith(TORCH) and source != "core/engine" and top != "tests":
                            problems.append(f"{path}: LibTorch header <{target}> outside the engine")
                        continue
                    if target.endswith(".moc") or target.startswith("ui_"):
                        continue
                    if not os.path.isfile(os.path.join(root, target)):
                        problems.append(f'{path}: "{target}" is not a path from the repository root')
                        continue
                    dest = folder_of(target)
                    if dest == "core/engine" and source != dest and top != "tests" and includes_torch(root, target):
                        problems.append(f'{path}: "{target}" brings LibTorch outside the engine')
                    if top == "tests" or dest == source or dest is None:
                        continue
                    if source not in ALLOWED:
                        problems.append(f"{path}: folder {source} is not in the allowed-dependency list")
                    elif dest not in ALLOWED[source]:
                        problems.append(f'{path}: {source} may not include {dest} ("{target}")')
    return problems


def self_test():
    cases = {
        "upward": ("core/store/a.h", '#include "core/project/b.h"\n', "core/project/b.h"),
        "unrooted": ("core/store/a.h", '#include "b.h"\n', "core/store/b.h"),
        "torch": ("core/store/a.cpp", "#include <torch/script.h>\n", None),
        "engine header with torch": ("core/store/a.cpp", '#include "core/engine/t.h"\n',
                                     ("core/engine/t.h", "#include <ATen/ATen.h>\n")),
        "unknown folder": ("core/newfolder/a.h", '#include "core/engine/b.h"\n', "core/engine/b.h"),
    }
    failures = 0
    for label, (path, text, other) in cases.items():
        with tempfile.TemporaryDirectory() as root:
            other, other_text = other if isinstance(other, tuple) else (other, "")
            for file, body in ((path, text), (other, other_text)):
                if file:
                    os.makedirs(os.path.dirname(os.path.join(root, file)), exist_ok=True)
                    with open(os.path.join(root, file), "w", encoding="utf-8") as f:
                        f.write(body)
            if not check(root):
                print(f"self-test: the {label} include was not caught")
                failures += 1
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "core/store"))
        os.makedirs(os.path.join(root, "core/measures"))
        open(os.path.join(root, "core/measures/m.h"), "w").close()
        with open(os.path.join(root, "core/store/a.h"), "w") as f:
            f.write('#include "core/measures/m.h"\n')
        if check(root):
            print("self-test: an allowed include was reported")
            failures += 1
    if has_cycle(ALLOWED) or not has_cycle({"a": ["b"], "b": ["a"]}):
        print("self-test: cycle detection is wrong")
        failures += 1
    return failures


def main():
    if sys.argv[1:] == ["--self-test"]:
        failures = self_test()
        print("self-test:", "failed" if failures else "passed")
        return 1 if failures else 0
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    problems = check(sys.argv[1])
    for p in problems:
        print(p)
    print(f"layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
