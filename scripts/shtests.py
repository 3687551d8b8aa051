#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The shell's script cases (tests/sh/*.t), run by our sh and by dash; they must agree.

Each .t file holds cases, each starting with a line "#### NAME". A case is written to
case.sh in a scratch directory and run as "SHELL case.sh" there (so both shells name the
script alike in their messages), with stdin from /dev/null and a fixed environment. Its
stdout, stderr and exit status must equal dash's.

  scripts/shtests.py --sh build/user/sh/sh --sh build/user/sh-musl/sh.musl [--only NAME]

As a module, scripts/run-tests uses load_cases(), run_case() and the VM helpers.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(HERE, "..", "tests", "sh")
TIMEOUT = 20


class Case:
    def __init__(self, file, name, text):
        self.file = file
        self.name = name
        self.text = text

    @property
    def id(self):
        return f"{self.file}:{self.name}"


def load_cases(only=None):
    cases = []
    for path in sorted(glob.glob(os.path.join(CASES_DIR, "*.t"))):
        base = os.path.basename(path)[:-2]
        name, lines = None, []
        with open(path) as f:
            for line in f:
                if line.startswith("#### "):
                    if name:
                        cases.append(Case(base, name, "".join(lines)))
                    name, lines = line[5:].strip(), []
                elif name:
                    lines.append(line)
        if name:
            cases.append(Case(base, name, "".join(lines)))
    if only:
        cases = [c for c in cases if only in c.id]
    return cases


def find_dash():
    for p in ("/usr/bin/dash", "/bin/dash"):
        if os.access(p, os.X_OK):
            return p
    return shutil.which("dash")


def run_case(shell, case):
    """(stdout, stderr, status) of the case run by shell, in a scratch directory."""
    with tempfile.TemporaryDirectory(prefix="shtest.") as d:
        with open(os.path.join(d, "case.sh"), "w") as f:
            f.write(case.text)
        env = {"PATH": "/usr/bin:/bin", "HOME": d, "LC_ALL": "C", "PWD": d,
               "TESTSHELL": os.path.abspath(shell)}
        try:
            r = subprocess.run([os.path.abspath(shell), "case.sh"], cwd=d, env=env,
                               stdin=subprocess.DEVNULL, capture_output=True,
                               timeout=TIMEOUT)
            out, err, st = r.stdout, r.stderr, r.returncode
        except subprocess.TimeoutExpired as e:
            out, err, st = e.stdout or b"", e.stderr or b"", "timeout"
    return (out.decode(errors="replace"), err.decode(errors="replace"), st)


def compare(want, got):
    """None if equal, else a short reason."""
    what = []
    if want[2] != got[2]:
        what.append(f"status {got[2]}, dash {want[2]}")
    if want[0] != got[0]:
        what.append(f"stdout {got[0][:200]!r}, dash {want[0][:200]!r}")
    if want[1] != got[1]:
        what.append(f"stderr {got[1][:200]!r}, dash {want[1][:200]!r}")
    return "; ".join(what) or None


def run_all(shells, cases, dash, report):
    """Calls report(shell, case, reason-or-None) for each case and shell."""
    for c in cases:
        want = run_case(dash, c)
        for sh in shells:
            report(sh, c, compare(want, run_case(sh, c)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sh", action="append", required=True)
    p.add_argument("--only")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args()
    dash = find_dash()
    if not dash:
        print("shtests: no dash here (apt-get install dash)", file=sys.stderr)
        return 1
    cases = load_cases(args.only)
    counts = {"pass": 0, "fail": 0}

    def report(sh, c, why):
        tag = os.path.basename(sh)
        if why:
            counts["fail"] += 1
            print(f"not ok - {tag} {c.id}: {why}")
        else:
            counts["pass"] += 1
            if args.verbose:
                print(f"ok - {tag} {c.id}")

    run_all(args.sh, cases, dash, report)
    print(f"sh-tests: {len(cases)} cases; {counts['pass']} passed, {counts['fail']} failed")
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
