#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The coreutils (user/coreutils) against the host's GNU tools, on this host.

Each tests/coreutils/NAME.t holds cases, one shell command a line, run by /bin/sh in a fresh
scratch directory twice for each of our builds (NAME with our libc, musl/NAME.musl): once with our
programs first in PATH, once with only the host's. Standard output and the exit status must
match; with @err, standard error too; with @tree, the scratch directory's contents after (names,
types, permissions, sizes, file contents and link targets). A case marked @expect FILE is
compared with tests/coreutils/expected/FILE instead of GNU's output, where GNU legitimately
differs (the file says why); its status must be 0.

Lines of a .t file:
    # comment
    %setup CMD     run (with the host's tools) before every following case of the file
    %reset         forget the setup lines so far
    [@err] [@tree] [@status] [@expect FILE] CMD
@status compares only the exit status (for output that is not defined, like --help text).

Shell builtins (echo, printf, true, false, kill) must be run as `exec NAME ...` or through
env so that PATH decides which program runs.

    scripts/cutests.py [--build build] [--only NAME] [-v]
prints one line per program and "N passed, N failed"; exits 1 on any failure.
"""
import argparse
import glob
import hashlib
import os
import stat
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "tests", "coreutils")
HOST_PATH = "/usr/local/bin:/usr/bin:/bin"
ENV = {"LC_ALL": "C", "TZ": "UTC", "HOME": "/root", "TERM": "dumb", "USER": "root"}


def load_cases(only=None):
    """[(program, lineno, flags, expect, setup, cmd)] from every .t file."""
    cases = []
    for path in sorted(glob.glob(os.path.join(CASES, "*.t"))):
        prog = os.path.basename(path)[:-2]
        if only and prog not in only:
            continue
        setup = []
        with open(path) as f:
            for no, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if line.startswith("%setup "):
                    setup.append(line[7:])
                    continue
                if line.strip() == "%reset":
                    setup = []
                    continue
                flags, expect = set(), None
                while line.startswith("@"):
                    word, _, line = line.partition(" ")
                    if word == "@expect":
                        expect, _, line = line.partition(" ")
                    flags.add(word[1:])
                cases.append((prog, no, flags, expect, list(setup), line))
    return cases


def snapshot(top):
    """What a case left in its directory, independent of times and inode numbers."""
    out = []
    for dirpath, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(dirs + files):
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, top)
            st = os.lstat(p)
            mode = stat.S_IMODE(st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                out.append(f"{rel} link -> {os.readlink(p)}")
            elif stat.S_ISDIR(st.st_mode):
                out.append(f"{rel} dir {mode:o}")
            elif not stat.S_ISREG(st.st_mode):  # a FIFO would block the read
                out.append(f"{rel} special {stat.S_IFMT(st.st_mode):o} {mode:o}")
            else:
                with open(p, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()[:16]
                out.append(f"{rel} file {mode:o} {st.st_size} {digest}")
    return "\n".join(out)


def run_one(setup, cmd, path, want_tree):
    with tempfile.TemporaryDirectory(prefix="cutest.") as scratch:
        env = dict(ENV, PATH=HOST_PATH)
        for s in setup:
            r = subprocess.run(["/bin/sh", "-c", s], cwd=scratch, env=env,
                               capture_output=True, timeout=30)
            if r.returncode:
                return None, f"setup failed: {s}: {r.stderr.decode(errors='replace')}"
        env["PATH"] = path
        try:
            r = subprocess.run(["/bin/sh", "-c", cmd], cwd=scratch, env=env, capture_output=True,
                               timeout=20, stdin=subprocess.DEVNULL)
            res = (r.stdout, r.stderr.replace(b"/bin/sh: ", b""), r.returncode)
        except subprocess.TimeoutExpired:
            res = (b"", b"timeout", "timeout")
        tree = snapshot(scratch) if want_tree else ""
        os.system(f"chmod -R u+rwx {scratch} 2>/dev/null")
        return res + (tree,), None


def make_bindir(build, suffix, tmp):
    """A directory of links NAME -> our build of NAME, so argv[0] is the plain name."""
    d = os.path.join(tmp, "bin" + suffix)
    os.makedirs(d)
    src = os.path.abspath(os.path.join(build, "user", "coreutils", "musl" if suffix else ""))
    for p in glob.glob(os.path.join(src, "*")):
        name = os.path.basename(p)
        if name.endswith((".o", ".d")) or not os.access(p, os.X_OK):
            continue
        if suffix and not name.endswith(suffix):
            continue
        if not suffix and "." in name:
            continue
        os.symlink(p, os.path.join(d, name[:-len(suffix)] if suffix else name))
    return d


def show(b):
    return b.decode(errors="replace") if isinstance(b, bytes) else str(b)


def run_all(build, report, only=None, verbose=False):
    """Runs every case with both builds; report(program, case, ok, why) for each."""
    cases = load_cases(only)
    with tempfile.TemporaryDirectory(prefix="cubin.") as tmp:
        bindirs = {"ours": make_bindir(build, "", tmp), "musl": make_bindir(build, ".musl", tmp)}
        for prog, no, flags, expect, setup, cmd in cases:
            want, why = None, None
            if expect:
                with open(os.path.join(CASES, "expected", expect), "rb") as f:
                    want = (f.read(), b"", 0, "")
            else:
                want, why = run_one(setup, cmd, HOST_PATH, "tree" in flags)
            for build_name, bindir in bindirs.items():
                name = f"{prog}.t:{no} [{build_name}] {cmd}"
                if want is None:
                    report(prog, name, False, why)
                    continue
                if not os.path.exists(os.path.join(bindir, prog)):
                    report(prog, name, False, f"{prog} was not built")
                    continue
                got, why2 = run_one(setup, cmd, bindir + ":" + HOST_PATH, "tree" in flags)
                if got is None:
                    report(prog, name, False, why2)
                    continue
                diffs = []
                if got[2] != want[2]:
                    diffs.append(f"status {got[2]}, want {want[2]}")
                if "status" not in flags and got[0] != want[0]:
                    diffs.append(f"stdout:\n{show(got[0])}--- want:\n{show(want[0])}")
                if "err" in flags and got[1] != want[1]:
                    diffs.append(f"stderr:\n{show(got[1])}--- want:\n{show(want[1])}")
                if "tree" in flags and got[3] != want[3]:
                    diffs.append(f"tree:\n{got[3]}\n--- want:\n{want[3]}")
                why3 = "; ".join(diffs)
                if diffs and "err" not in flags:
                    why3 += f"\n(stderr: {show(got[1]).strip()})"
                report(prog, name, not diffs, why3)
    return len(cases)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", default="build")
    p.add_argument("--only", action="append")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args()
    per = {}

    def report(prog, name, ok, why):
        per.setdefault(prog, [0, 0])[0 if ok else 1] += 1
        if not ok:
            print(f"FAIL {name}\n  {why}", file=sys.stderr)
        elif args.verbose:
            print(f"ok   {name}", file=sys.stderr)

    run_all(args.build, report, args.only)
    for prog, (ok, bad) in sorted(per.items()):
        print(f"  {prog:12s} {ok} passed, {bad} failed")
    passed = sum(v[0] for v in per.values())
    failed = sum(v[1] for v in per.values())
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
