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

    scripts/cutests.py --vm-dir DIR [-v]
writes the guest's half instead (vm_prepare: the cases whose answer does not depend on the
machine, with the host's answers) for `scripts/vmrun --extra DIR -- sh /cutests/run.sh`; -v
lists the cases kept here and why. scripts/run-tests ("coreutils-vm") runs it and reads the
guest's lines with vm_parse.
"""
import argparse
import glob
import hashlib
import os
import re
import shutil
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


def run_one(setup, cmd, path, want_tree, tree=snapshot, where=None):
    with tempfile.TemporaryDirectory(prefix="cutest.", dir=where) as scratch:
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
        tree = tree(scratch) if want_tree else ""
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

# ---- the same cases inside the VM (scripts/run-tests, "coreutils-vm") ----
#
# The guest runs our programs only: each is /bin/NAME in the image (busybox's applets are links
# there only for the names we do not build). The host's GNU tools give the expectation here, as
# above; the guest gets each case's setup and command, the expected stdout (stderr with @err,
# the status, the tree with @tree) in an --extra tree, and run.sh, run by our /bin/sh there,
# prints "cutest ok ID" or "cutest not ok ID -- what" per case.

GUEST_DIR = "/cutests"
GUEST_ENV = dict(ENV, PATH="/bin")

# Programs whose output is the machine's own state: processes, memory, load, mounts and file
# system usage, the host's name and kernel, its users and groups. Their answer here says
# nothing about the guest; they stay on this host, but for the cases that compare only the
# status (@status): a usage error, or a process, user or file system no machine has.
READS_THE_MACHINE = {"ps", "top", "free", "uptime", "df", "mount", "umount", "hostname",
                     "uname", "id", "whoami", "groups"}

# A case that reads the host's own files (outside its scratch directory; /dev/null and
# /dev/zero are the same everywhere; "#!/bin/sh" starts a script the case writes). basename
# and dirname only cut strings.
HOST_FILES = re.compile(r"(^|[^\w.~!-])/(usr|etc|proc|sys|bin|sbin|lib|lib64|var|home|root|opt|"
                        r"run|boot|srv|tmp|mnt|media)\b")
PURE_STRINGS = {"basename", "dirname"}

# Programs that show what a file system chooses: blocks, directories' sizes. Their cases are
# run here twice, on this file system and on a tmpfs (OTHER_FS): an answer that changes is the
# file system's, and the guest's is its own again.
SHOWS_THE_FS = {"ls", "du", "find", "stat"}
OTHER_FS = "/dev/shm"


def host_only_names():
    """User and group names this host's files define and the image's (user/rootfs) do not."""
    def names(path):
        try:
            with open(path) as f:
                return {l.split(":", 1)[0] for l in f if ":" in l}
        except OSError:
            return set()
    ours = set()
    for name in ("passwd", "group"):
        ours |= names(os.path.join(ROOT, "user", "rootfs", "etc", name))
    return (names("/etc/passwd") | names("/etc/group")) - ours


def machine_dependent(prog, flags, setup, cmd, host_names):
    """Why the case's answer here could not be the guest's, or None. Decided from what the
    case does: which program, which files it reads, whether it looks at the clock or at the
    host's users."""
    text = "\n".join(setup + [cmd])
    if prog in READS_THE_MACHINE and "status" not in flags:
        return "reads the machine's state"
    if prog not in PURE_STRINGS and HOST_FILES.search(text):
        return "reads the host's files"
    # a file stamped with the time now, or an hour ago, shown with its time of day: here and
    # there are minutes apart
    if re.search(r"date \+%s|\$\(date\)", text):
        return "the time now"
    if prog in ("chown", "chgrp") and set(re.split(r"[\s:']+", cmd)) & host_names:
        return "a user the image lacks"
    # the node's owner and times are the machine's (it is read, never listed, elsewhere)
    if prog == "ls" and "/dev/" in cmd:
        return "a device node's own times"
    return None


# ls's long listing of a directory: its size, its "total" blocks and, when the setup made it,
# its time (now, minutes apart here and there) are the file system's and the clock's
LS_DIR_LINE = re.compile(rb"^(total \d|d[rwxsStT-]{9})", re.M)


def output_machine_dependent(prog, want):
    """Why the host's answer shows something of this machine, or None: decided from it."""
    if prog == "ls" and LS_DIR_LINE.search(want[0]):
        return "a directory's size, blocks or time"
    return None


def vm_tree(top):
    """The scratch directory as the guest lists it (run.sh's tree function): one line per
    entry, sorted by path, "PATH dir MODE", "PATH file MODE SIZE SHA256-PREFIX",
    "PATH link -> TARGET" or "PATH special RAWMODE-HEX"."""
    out = []
    for dirpath, dirs, files in os.walk(top):
        for name in dirs + files:
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, top)
            st = os.lstat(p)
            mode = stat.S_IMODE(st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                out.append((rel, f"{rel} link -> {os.readlink(p)}"))
            elif stat.S_ISDIR(st.st_mode):
                out.append((rel, f"{rel} dir {mode:o}"))
            elif not stat.S_ISREG(st.st_mode):
                out.append((rel, f"{rel} special {st.st_mode:x}"))
            else:
                with open(p, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()[:16]
                out.append((rel, f"{rel} file {mode:o} {st.st_size} {digest}"))
    # the guest sorts with LC_ALL=C: bytes, which UTF-8 keeps in code point order
    return "".join(line + "\n" for _, line in sorted(out))


def quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


# cases.sh's helpers. t ID N SETUP STATUS FLAGS CMD runs one case in /tmp/cu/N: the setup
# lines (a variable of their own, shared by the cases of a block), then the command with
# stdin from /dev/null; files N.o, N.e (with @err: stderr, less the shell's "/bin/sh: ") and
# N.t (with @tree) in /cutests hold what the host gave, FLAGS says which exist (e: stderr,
# t: tree, o: stdout is empty, so no file; s: the status only). The files are compared by
# busybox's cmp (when it is there), not by one of the programs under test.
GUEST_LIB = r"""C=/cutests
bb=
[ -x /bin/busybox ] && bb="/bin/busybox"
tree() {
	find . -mindepth 1 | sort | while IFS= read -r p; do
		n=${p#./}
		if [ -L "$p" ]; then
			echo "$n link -> $(readlink "$p")"
		elif [ -d "$p" ]; then
			echo "$n dir $(stat -c %a "$p")"
		elif [ -f "$p" ]; then
			echo "$n file $(stat -c '%a %s' "$p") $(sha256sum <"$p" | cut -c1-16)"
		else
			echo "$n special $(stat -c %f "$p")"
		fi
	done
}
t() {
	d=/tmp/cu/$2
	mkdir -p $d && cd $d || { echo "cutest not ok $1 -- no scratch directory"; return; }
	if [ -n "$3" ] && ! /bin/sh -c "$3" </dev/null >/tmp/cu/$2.so 2>&1; then
		echo "cutest not ok $1 -- setup failed: $(head -c 200 /tmp/cu/$2.so)"
		cd /; rm -rf $d
		return
	fi
	/bin/sh -c "$6" </dev/null >/tmp/cu/$2.o 2>/tmp/cu/$2.e
	st=$?
	w=
	[ $st = $4 ] || w="status $st, want $4"
	case $5 in
	*o*) [ -s /tmp/cu/$2.o ] && w="$w stdout" ;;
	*s*) ;;
	*) $bb cmp -s /tmp/cu/$2.o $C/$2.o || w="$w stdout" ;;
	esac
	case $5 in
	*e*) sed 's|/bin/sh: ||g' /tmp/cu/$2.e >/tmp/cu/$2.e2
		$bb cmp -s /tmp/cu/$2.e2 $C/$2.e || w="$w stderr" ;;
	esac
	case $5 in
	*t*) tree >/tmp/cu/$2.t; $bb cmp -s /tmp/cu/$2.t $C/$2.t || w="$w tree" ;;
	esac
	cd /
	if [ -z "$w" ]; then
		echo "cutest ok $1"
	else
		echo "cutest not ok $1 -- $w"
		head -c 600 /tmp/cu/$2.o | sed 's/^/cutest|o /'
		head -c 300 /tmp/cu/$2.e | sed 's/^/cutest|e /'
		case $5 in *t*) head -c 600 /tmp/cu/$2.t | sed 's/^/cutest|t /' ;; esac
	fi
	rm -rf $d /tmp/cu/$2.*
}
"""


def vm_cases(cases, built):
    """The cases the guest runs: (case, why not) for the others."""
    names = host_only_names()
    take, left = [], []
    for c in cases:
        prog, no, flags, expect, setup, cmd = c
        why = None if prog in built else "not built"
        why = why or machine_dependent(prog, flags, setup, cmd, names)
        (left if why else take).append((c, why))
    return [c for c, _ in take], [(c, why) for c, why in left]


def vm_prepare(cases, tmp, build="build", busybox=None, left=None):
    """Writes the --extra tree for the guest (/cutests/: cases.sh, run.sh and the host's
    answers; /bin/busybox if given) and returns (command for init, [case ids]); the cases
    kept here go to left, as (id, why)."""
    built = {n for n in os.listdir(os.path.join(build, "user", "coreutils"))
             if "." not in n}
    take, others = vm_cases(cases, built)
    left = [] if left is None else left
    left += [(f"{c[0]}.t:{c[1]}", why) for c, why in others]
    root = os.path.join(tmp, GUEST_DIR.lstrip("/"))
    os.makedirs(root)
    if busybox:
        os.makedirs(os.path.join(tmp, "bin"), exist_ok=True)
        shutil.copy(busybox, os.path.join(tmp, "bin", "busybox"))
    lines, ids, setups = [GUEST_LIB], [], {}
    for i, (prog, no, flags, expect, setup, cmd) in enumerate(take):
        ident = f"{prog}.t:{no}"
        want_tree = "tree" in flags and not expect
        if expect:
            with open(os.path.join(CASES, "expected", expect), "rb") as f:
                want = (f.read(), b"", 0, "")
        else:
            want, why = run_one(setup, cmd, HOST_PATH, want_tree, tree=vm_tree)
            if want is None or want[2] == "timeout":
                left.append((ident, why or "times out here"))
                continue
            why = output_machine_dependent(prog, want)
            if not why and prog in SHOWS_THE_FS and os.path.isdir(OTHER_FS):
                other, _ = run_one(setup, cmd, HOST_PATH, want_tree, tree=vm_tree,
                                   where=OTHER_FS)
                why = None if other == want else "the file system's answer (differs on tmpfs)"
            if why:
                left.append((ident, why))
                continue
        status = want[2] if want[2] >= 0 else 128 - want[2]
        fl = ""
        if "status" in flags:
            fl += "s"
        elif not want[0]:
            fl += "o"
        else:
            with open(os.path.join(root, f"{i}.o"), "wb") as f:
                f.write(want[0])
        if "err" in flags:
            fl += "e"
            with open(os.path.join(root, f"{i}.e"), "wb") as f:
                f.write(want[1])
        if want_tree:
            fl += "t"
            with open(os.path.join(root, f"{i}.t"), "w") as f:
                f.write(want[3])
        # the host runs each setup line by itself and stops at the first that fails
        text = "".join(f"{{ {s}\n}} || exit 1\n" for s in setup)
        if text and text not in setups:
            setups[text] = f"S{len(setups)}"
            lines.append(f"{setups[text]}={quote(text)}")
        var = f'"${setups[text]}"' if text else "''"
        lines.append(f"t {ident} {i} {var} {status} '{fl or '-'}' {quote(cmd)}")
        ids.append(ident)
    # Canaries: answers the guest must find wrong, or the comparing itself is broken.
    for ident, (cmd, out, err, st, fl) in CANARIES.items():
        n = f"canary{ident[-1]}"
        for ext, text in (("o", out), ("e", err), ("t", "")):
            with open(os.path.join(root, f"{n}.{ext}"), "w") as f:
                f.write(text)
        lines.append(f"t {ident} {n} '' {st} '{fl}' {quote(cmd)}")
    lines.append("echo cutest end")
    with open(os.path.join(root, "cases.sh"), "w") as f:
        f.write("\n".join(lines) + "\n")
    # a clean environment, the one the host's runs get
    env = " ".join(f"{k}={v}" for k, v in sorted(GUEST_ENV.items()))
    with open(os.path.join(root, "run.sh"), "w") as f:
        f.write(f"mkdir -p /tmp/cu && cd /tmp/cu && "
                f"exec env -i {env} /bin/sh {GUEST_DIR}/cases.sh\n")
    return ["sh", f"{GUEST_DIR}/run.sh"], ids


# id: (command, stdout, stderr, status, flags) given as the host's answer, all wrong; what the
# guest must say differs is in CANARY_DIFFERS
CANARIES = {"canary-1": ("echo y; touch z; exit 3", "x\n", "", 0, "t"),
            "canary-2": ("echo y; echo y >&2", "", "x\n", 0, "oe")}
CANARY_DIFFERS = {"canary-1": ("status", "stdout", "tree"), "canary-2": ("stdout", "stderr")}


def vm_canaries(res):
    """Did the guest find every canary wrong, in each way it is wrong?"""
    return all(res.get(i) and all(w in res[i] for w in ws) for i, ws in CANARY_DIFFERS.items())


def vm_parse(output):
    """{case id: None (passed) or what differed}, from the guest's lines."""
    res = {}
    for raw in output.splitlines():
        line = raw.rstrip("\r")
        if line.startswith("cutest ok "):
            res[line[10:]] = None
        elif line.startswith("cutest not ok "):
            ident, _, why = line[14:].partition(" --")
            res[ident] = why.strip() or "differs"
    return res


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", default="build")
    p.add_argument("--only", action="append")
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--vm-dir", help="write the guest's tree here (scripts/vmrun --extra) and stop")
    args = p.parse_args()
    if args.vm_dir:
        cases = load_cases(args.only)
        left = []
        cmd, ids = vm_prepare(cases, args.vm_dir, args.build, "/bin/busybox", left)
        if args.verbose:
            for ident, why in left:
                print(f"host only: {ident}: {why}")
        print(" ".join(cmd), f"({len(ids)} of {len(cases)} cases)")
        return 0
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
