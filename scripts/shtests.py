#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The shell's script cases (tests/sh/*.t), run by our sh and by dash; they must agree.

Each .t file holds cases, each starting with a line "#### NAME". A case is written to
case.sh in a scratch directory and run as "SHELL case.sh" there (so both shells name the
script alike in their messages), with stdin from /dev/null and a fixed environment. Its
stdout, stderr and exit status must equal dash's; a case for what dash lacks (pipefail) gives
its own answer after "#### expect" (and "#### status N").

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
        # A feature dash lacks (set -o pipefail): the case carries its answer, after a line
        # "#### expect" (stdout) and optionally "#### status N"; stderr must be empty.
        self.expect = None
        if "#### expect\n" in text:
            self.text, rest = text.split("#### expect\n", 1)
            status = 0
            if "#### status " in rest:
                rest, st = rest.split("#### status ", 1)
                status = int(st.strip())
            self.expect = (rest, "", status)

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
                if line.startswith("#### ") and not line.startswith(("#### expect",
                                                                      "#### status ")):
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


def run_case(shell, case, path="/usr/bin:/bin"):
    """(stdout, stderr, status) of the case run by shell, in a scratch directory."""
    with tempfile.TemporaryDirectory(prefix="shtest.") as d:
        with open(os.path.join(d, "case.sh"), "w") as f:
            f.write(case.text)
        env = {"PATH": path, "HOME": d, "LC_ALL": "C", "PWD": d,
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
        want = c.expect or run_case(dash, c)
        for sh in shells:
            report(sh, c, compare(want, run_case(sh, c)))


# ---- the same cases inside the VM, by our /bin/sh ----

GUEST_DIR = "/shtests"


def needs_no_programs(dash, case):
    """Does the case give dash's answer with no PATH at all (only built-ins)? Those are the
    ones the VM can run: its /bin has no coreutils."""
    if case.expect:
        return True, case.expect
    if "sleep" in case.text:  # a race: "not found" may come before or after a kill
        return False, None
    with_path = run_case(dash, case)
    saved = os.environ.get("SHTESTS_NOPATH")
    try:
        os.environ["SHTESTS_NOPATH"] = "1"
        without = run_case(dash, case, path="/nonexistent")
    finally:
        if saved is None:
            os.environ.pop("SHTESTS_NOPATH", None)
    return with_path == without and with_path[2] != "timeout", with_path


def vm_prepare(dash, busybox, cases, tmp):
    """Writes the --extra tree for the guest: /shtests/N.sh, the expected outputs dash gave
    here, /bin/busybox (for mkdir, cp and cmp), and run.sh, which our sh runs there and which
    prints "ok ID" or "not ok ID: what" per case. Returns (command, ids)."""
    root = os.path.join(tmp, GUEST_DIR.lstrip("/"))
    os.makedirs(root)
    os.makedirs(os.path.join(tmp, "bin"), exist_ok=True)
    shutil.copy(busybox, os.path.join(tmp, "bin", "busybox"))
    lines = ["bb=/bin/busybox", "n=0"]
    ids = []
    for i, c in enumerate(cases):
        ok, want = needs_no_programs(dash, c)
        if not ok:
            continue
        ids.append(c.id)
        with open(os.path.join(root, f"{i}.sh"), "w") as f:
            f.write(c.text)
        with open(os.path.join(root, f"{i}.out"), "w") as f:
            f.write(want[0])
        with open(os.path.join(root, f"{i}.err"), "w") as f:
            f.write(want[1])
        lines.append(
            f"d=/tmp/sht/{i}; $bb mkdir -p $d; $bb cp {GUEST_DIR}/{i}.sh $d/case.sh; "
            f"(cd $d && HOME=$d PWD=$d PATH=/nonexistent TESTSHELL=/bin/sh /bin/sh case.sh </dev/null >$d/.out 2>$d/.err); "
            f"st=$?; w=; [ $st = {want[2]} ] || w=\"status $st\"; "
            f"$bb cmp -s $d/.out {GUEST_DIR}/{i}.out || w=\"$w stdout\"; "
            f"$bb cmp -s $d/.err {GUEST_DIR}/{i}.err || w=\"$w stderr\"; "
            f"if [ -z \"$w\" ]; then echo 'shtest ok {c.id}'; "
            f"else echo 'shtest not ok {c.id} --'\"$w\"; fi")
    lines.append("echo shtest end")
    with open(os.path.join(root, "run.sh"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return ["sh", f"{GUEST_DIR}/run.sh"], ids


def vm_parse(output):
    """{case id: None (passed) or what differed}, from the guest's lines."""
    res = {}
    for raw in output.splitlines():
        line = raw.rstrip("\r")
        if line.startswith("shtest ok "):
            res[line[10:]] = None
        elif line.startswith("shtest not ok "):
            ident, _, why = line[14:].partition(" --")
            res[ident] = why.strip() or "differs"
    return res


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sh", action="append", required=True)
    p.add_argument("--only")
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--vm-dir", help="write the guest's tree here and stop (for trying it)")
    args = p.parse_args()
    dash = find_dash()
    if not dash:
        print("shtests: no dash here (apt-get install dash)", file=sys.stderr)
        return 1
    cases = load_cases(args.only)
    if args.vm_dir:
        cmd, ids = vm_prepare(dash, "/bin/busybox", cases, args.vm_dir)
        print(" ".join(cmd), f"({len(ids)} of {len(cases)} cases need no programs)")
        return 0
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
