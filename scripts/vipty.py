#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Our vi (user/vi) driven through a pseudo-terminal as a person would use it: each case
writes its files, runs vi, types keys, looks at the screen where it says so (through a
small terminal emulator of the few sequences vi sends), and compares the files afterwards.

  scripts/vipty.py build/user/vi/vi [build/user/vi-musl/vi.musl ...]
  scripts/vipty.py --vm build/disk.img [LOG]  the same cases on Mica's serial console

On this host each case runs vi in a scratch directory on a pty of 24x80 (the terminal's
size and a resize, SIGWINCH, are checked too); in the VM, one boot of the image (make run's:
init, then our shell on the serial console) runs them all with LINES=24 COLUMNS=80, creates
the files with printf and reads them back with cat. Prints "ok - VI: CASE: STEP" or
"not ok - ..."; as a module, run(vi) and run_vm(image, vmrun) return [(step, ok, detail)]
for scripts/run-tests.
"""
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROWS, COLS = 24, 80


class Screen:
    """Just what vi sends: text, CR, LF, BS, CUP, ED 2, EL 0; other sequences ignored."""

    def __init__(self, rows=ROWS, cols=COLS):
        self.resize(rows, cols)
        self.pending = ""

    def resize(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.cells = [[" "] * cols for _ in range(rows)]
        self.y = self.x = 0
        self.wrap = False

    def feed(self, text):
        s = self.pending + text
        self.pending = ""
        i = 0
        while i < len(s):
            c = s[i]
            if c == "\x1b":
                m = re.match(r"\x1b\[([?0-9;]*)([@-~])", s[i:])
                if not m:
                    if len(s) - i < 16 and re.fullmatch(r"\x1b(\[[?0-9;]*)?", s[i:]):
                        self.pending = s[i:]  # cut in two by the read
                        return
                    i += 1
                    continue
                self.csi(m.group(1), m.group(2))
                i += m.end()
                continue
            if c == "\r":
                self.x, self.wrap = 0, False
            elif c == "\n":
                self.newline()
            elif c == "\b":
                self.x, self.wrap = max(self.x - 1, 0), False
            elif c >= " ":
                if self.wrap:
                    self.x = 0
                    self.newline()
                self.cells[self.y][self.x] = c
                if self.x == self.cols - 1:
                    self.wrap = True
                else:
                    self.x += 1
            i += 1

    def newline(self):
        self.wrap = False
        if self.y == self.rows - 1:
            self.cells = self.cells[1:] + [[" "] * self.cols]
        else:
            self.y += 1

    def csi(self, params, final):
        if params.startswith("?"):
            return
        nums = [int(p) if p else 0 for p in params.split(";")] if params else []
        if final == "H":
            r = (nums[0] if nums and nums[0] else 1) - 1
            c = (nums[1] if len(nums) > 1 and nums[1] else 1) - 1
            self.y, self.x = min(r, self.rows - 1), min(c, self.cols - 1)
            self.wrap = False
        elif final == "J" and nums[:1] == [2]:
            self.cells = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "K":
            for x in range(self.x, self.cols):
                self.cells[self.y][x] = " "

    def line(self, n):
        return "".join(self.cells[n]).rstrip()

    def text(self):
        return "\n".join(self.line(n) for n in range(self.rows))


ESC = b"\x1b"

# A case: files before, vi's arguments, then steps: bytes to type, or a check of the screen
# ("screen", regex, what) or of its last row ("status", regex, what); files wanted after.
A_TXT = "one two three\nfour five six\nseven eight nine\nten\n"
BIG = "".join(f"line {i}\n" for i in range(1, 501))
BIG_AFTER = BIG.split("\n")[:-1]
BIG_AFTER[0] = "ine 1"
BIG_AFTER[249] = "LINE 250"
del BIG_AFTER[499]
del BIG_AFTER[9]
LONG = "x" * 100 + "y" * 100

CASES = [
    {"name": "move, insert, delete words and lines, undo, :w, :q",
     "files": {"a.txt": A_TXT}, "args": ["a.txt"],
     "steps": [("status", r'^"a\.txt" 4L, 49B', "the file's lines and bytes on opening"),
               b"w", b"dw", b"j0", b"dd", b"A", b" more", ESC,
               ("screen", r"seven eight nine more", "insert mode's text shown"),
               b"u", ("screen", r"seven eight nine\n", "u undoes the append"),
               b"gg", b"O", b"top", ESC, b"G", b"x",
               ("status", r"\[Modified\]", "the status line says [Modified]"),
               b":w\r", ("status", r'^"a\.txt" 4L, 34B written', "the write's message"),
               b":q\r"],
     "want": {"a.txt": "top\none three\nseven eight nine\nen\n"}},
    {"name": "counts, operators with motions, registers, x r ~ J",
     "files": {"b.txt": "a b c d e f\nline2\nline3\nline4\nline5\n"}, "args": ["b.txt"],
     "steps": [b"3w", b"d2w", b"yy", b"j", b"p", b"2j", b"yj", b"G", b"p",
               b"gg", b"c2w", b"X Y", ESC, b"A", b"!", ESC, b"j", b"J",
               b"0", b"ye", b"$", b"p", b"0", b"3~", b"G", b"rX", b"3G", b"f3", b"D",
               b"k$", b"F2", b"C", b"-2", ESC, b"2GdG", b"P",
               b":wq\r"],
     "want": {"b.txt": "LINe-2\nline\nline4\nline5\nline4\nXine5\nX Y c f!\n"}},
    {"name": "/ and ? search with n and N, :s on a line and :%s",
     "files": {"c.txt": "apple pie\nbanana split\ncherry pie\napple tart\n"},
     "args": ["c.txt"],
     "steps": [b"/pie\r", b"n", b"N", b"?apple\r", b"n",
               ("status", r"search hit TOP", "? wraps around the top, and says so"),
               b":s/apple/APPLE/\r", b"gg", b":%s/p/P/g\r",
               ("screen", r"aPPle Pie\nbanana sPlit\ncherry Pie\nAPPLE tart",
                ":%s/p/P/g changed every line"),
               b"u", b":%s/i\\(e\\)/I\\1/\r", b"G", b":s/tart/[&]/\r",
               b"/nothere\r", ("status", r"Pattern not found: nothere", "a search that fails"),
               b"gg/ban\r", b"cwBAN", ESC, b":wq\r"],
     "want": {"c.txt": "apple pIe\nBAN split\ncherry pIe\nAPPLE [tart]\n"}},
    {"name": "a 500-line file: G, gg, ^F ^B ^D ^U, :NUMBER, edits, :wq",
     "files": {"big.txt": BIG}, "args": ["big.txt"],
     "steps": [b"G", ("screen", r"(?m)^line 500$", "G shows the last line"),
               ("status", r"500L", "the line count"),
               b"dd", b"gg", ("screen", r"^line 1\nline 2\n", "gg shows the first line"),
               b"x", b"\x06", ("screen", r"^line 22\n", "^F: a screen forward, two lines kept"),
               b"\x02", ("screen", r"^ine 1\n", "^B: back to the top"),
               b"\x04", ("screen", r"^line 12\n", "^D: half a screen down"),
               b"\x15", ("screen", r"^ine 1\n", "^U: half a screen up"),
               b"250G", ("screen", r"(?m)^line 250$", "250G"),
               b"cwLINE", ESC, b":10\r", b"dd", b":wq\r"],
     "want": {"big.txt": "".join(l + "\n" for l in BIG_AFTER)}},
    {"name": ":q on a modified buffer refuses, :q! quits",
     "files": {"q.txt": "keep me\n"}, "args": ["q.txt"],
     "steps": [b"dd", b":q\r",
               ("status", r"No write since last change", ":q refuses, vi stays"),
               b":e other.txt\r",
               ("status", r"No write since last change", ":e refuses too"),
               b":q!\r"],
     "want": {"q.txt": "keep me\n"}},
    {"name": "a new file, written by :w",
     "files": {}, "args": ["new.txt"],
     "steps": [("status", r'"new\.txt" \[New File\]', "a new file says so"),
               b"ihello", ESC, b"oworld", ESC, b":w\r",
               ("status", r'"new\.txt" \[New\] 2L, 12B written', "written, [New]"),
               b":q\r"],
     "want": {"new.txt": "hello\nworld\n"}},
    {"name": "no file name: :w FILE names it; :e FILE, :NUMBER, . and ^R, ZZ",
     "files": {"e2.txt": "a\tb\nc\nd\ne\n"}, "args": [],
     "steps": [b"ifoo", ESC, b":w\r", ("status", r"No file name", ":w needs a name"),
               b":w b.txt\r", ("status", r'"b\.txt" \[New\] 1L, 4B written', ":w FILE"),
               b":e e2.txt\r", ("screen", r"^a       b\n", "a tab shown to column 8"),
               b":3\r", b"x", b"u", b"\x12", b"gg", b"A!", ESC, b"j", b".",
               b"ZZ"],
     "want": {"b.txt": "foo\n", "e2.txt": "a\tb!\nc!\n\ne\n"}},
    {"name": "counts on inserts, . repeats a change, undo and redo",
     "files": {"d.txt": "a\nb\n"}, "args": ["d.txt"],
     "steps": [b"3oxy", ESC, b"gg", b"2Aq", ESC, b"G", b".", b"k", b"3ix", ESC, b"kdd", b"j.",
               b"u", b"u", b"\x12", ("screen", r"^aqq\nxy\nxxxxy\nbqq\n~",
                                    "two undos, then one redo"),
               b":wq\r"],
     "want": {"d.txt": "aqq\nxy\nxxxxy\nbqq\n"}},
    {"name": "long lines wrap on screen",
     "files": {"l.txt": LONG + "\nshort\n"}, "args": ["l.txt"],
     "steps": [("screen", r"^x{80}\nx{20}y{60}\ny{40}\nshort\n", "200 characters on 3 rows"),
               b"$", b"x", b"j0", b"iafter ", ESC,
               ("screen", r"\ny{39}\nafter short\n", "the row after follows"),
               b":wq\r"],
     "want": {"l.txt": LONG[:-1] + "\nafter short\n"}},
]

HOST_ONLY = [
    {"name": "SIGWINCH: a new size is redrawn",
     "files": {"w.txt": "resize me\n"}, "args": ["w.txt"],
     "steps": [("resize", 30, 100), ("row", 29, r'^"w\.txt"', "the status line moves to row 30"),
               ("screen", r"^resize me\n~\n", "the text is redrawn"),
               b":q\r"],
     "want": {"w.txt": "resize me\n"}},
]


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


class Term:
    """One end of a terminal and the screen it shows."""

    def __init__(self, fd, quiet):
        self.fd, self.quiet, self.screen, self.raw = fd, quiet, Screen(), b""

    def read(self, until=None, timeout=5.0):
        """Reads until nothing came for self.quiet seconds (or until the regex matches)."""
        end = time.monotonic() + timeout
        last = time.monotonic()
        got = b""
        while time.monotonic() < end:
            r, _, _ = select.select([self.fd], [], [], 0.02)
            if r:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                got += chunk
                self.screen.feed(chunk.decode("utf-8", errors="replace"))
                last = time.monotonic()
                if until and re.search(until, got.decode("utf-8", errors="replace")):
                    break
            elif not until and time.monotonic() - last > self.quiet:
                break
        self.raw += got
        return got.decode("utf-8", errors="replace")

    def send(self, data):
        # Escape alone, so that vi cannot take it for the start of an arrow key's sequence.
        for part in re.split(b"(\x1b)", data):
            if part:
                os.write(self.fd, part)
                self.read()


def play(term, case, results, tag, on_resize=None):
    """Types a case's steps; results get one entry per check."""
    for step in case["steps"]:
        if isinstance(step, bytes):
            term.send(step)
            continue
        kind = step[0]
        if kind == "resize":
            on_resize(step[1], step[2])
            term.screen.resize(step[1], step[2])
            term.read()
            continue
        if kind == "screen":
            what, where = step[2], term.screen.text()
            ok = bool(re.search(step[1], where))
        elif kind == "status":
            what, where = step[2], term.screen.line(term.screen.rows - 1)
            ok = bool(re.search(step[1], where))
        else:  # ("row", n, regex, what)
            what, where = step[3], term.screen.line(step[1])
            ok = bool(re.search(step[2], where))
        results.append((f"{tag}: {case['name']}: {what}", ok, where))


def run_case(vi, case):
    results = []
    tmp = tempfile.mkdtemp(prefix="vipty.")
    try:
        for name, text in case["files"].items():
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(tmp)
            env = {"HOME": tmp, "PATH": "/usr/bin:/bin", "TERM": "xterm"}
            os.execve(vi, [vi] + case["args"], env)
        set_size(fd, ROWS, COLS)
        term = Term(fd, 0.08)
        term.read(until=r"\x1b\[\?25h", timeout=5)
        term.read()
        raw_mode = not termios.tcgetattr(fd)[3] & termios.ICANON
        play(term, case, results, "host",
             on_resize=lambda r, c: (set_size(fd, r, c), os.kill(pid, signal.SIGWINCH)))
        status = wait_exit(pid, term)
        cooked = bool(termios.tcgetattr(fd)[3] & termios.ICANON)
        results.append((f"host: {case['name']}: raw mode on, and restored on exit",
                        raw_mode and cooked, f"raw {raw_mode}, cooked after {cooked}"))
        results.append((f"host: {case['name']}: vi exits with status 0",
                        status is not None and os.WIFEXITED(status) and
                        os.WEXITSTATUS(status) == 0, f"wait status {status}"))
        os.close(fd)
        for name, want in case["want"].items():
            path = os.path.join(tmp, name)
            got = open(path).read() if os.path.exists(path) else None
            results.append((f"host: {case['name']}: {name} as it should be", got == want,
                            f"got {got!r}, want {want!r}"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def wait_exit(pid, term, timeout=5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        p, st = os.waitpid(pid, os.WNOHANG)
        if p:
            return st
        term.read(timeout=0.1)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


def run_signal_case(vi):
    """A fatal signal puts the terminal back before vi dies of it."""
    tmp = tempfile.mkdtemp(prefix="vipty.")
    try:
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(tmp)
            os.execve(vi, [vi, "s.txt"], {"TERM": "xterm"})
        set_size(fd, ROWS, COLS)
        term = Term(fd, 0.08)
        term.read(until=r"\x1b\[\?25h", timeout=5)
        term.read()
        raw_mode = not termios.tcgetattr(fd)[3] & termios.ICANON
        os.kill(pid, signal.SIGTERM)
        status = wait_exit(pid, term)
        cooked = termios.tcgetattr(fd)[3] & (termios.ICANON | termios.ECHO)
        os.close(fd)
        ok = (raw_mode and cooked == termios.ICANON | termios.ECHO and status is not None and
              os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM)
        return [("host: SIGTERM: the terminal restored, then vi dies of the signal", ok,
                 f"raw {raw_mode}, lflag after {cooked}, wait status {status}")]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_plain(vi):
    """--help, and a standard input that is no terminal."""
    r = subprocess.run([vi, "--help"], capture_output=True, text=True, timeout=10)
    out = [("host: --help prints the usage on stdout, status 0",
            r.returncode == 0 and r.stdout.startswith("usage: vi") and not r.stderr,
            repr(r.stdout[:80] + r.stderr[:80]))]
    r = subprocess.run([vi, "x"], capture_output=True, text=True, timeout=10,
                       stdin=subprocess.DEVNULL)
    out.append(("host: no terminal: an error on stderr, status 1",
                r.returncode == 1 and re.match(r"^vi: standard input: .+\n$", r.stderr) is not None,
                repr(r.stderr)))
    return out


def run(vi):
    """Every case with one build of vi on this host: [(step, ok, detail)]."""
    tag = os.path.basename(vi)
    results = run_plain(vi)
    for case in CASES + HOST_ONLY:
        results += run_case(vi, case)
    results += run_signal_case(vi)
    return [(f"{tag}: {what}", ok, detail) for what, ok, detail in results]


def sh_quote_printf(text):
    """A printf format that writes text (no single quotes in our cases)."""
    assert "'" not in text
    return "'" + text.replace("\\", "\\\\").replace("%", "%%").replace("\n", "\\n") \
        .replace("\t", "\\t") + "'"


def run_vm(image, vmrun, timeout=420, log=None):
    """The cases on Mica's serial console: one boot of a scratch copy of the image; the
    serial output goes to log if given."""
    results = []
    tmp = tempfile.mkdtemp(prefix="vipty-vm.")
    pid = term = None
    try:
        scratch = os.path.join(tmp, "disk.img")
        shutil.copyfile(image, scratch)
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(vmrun, [vmrun, "--interactive", "--smp", "2", "--image", scratch])
        term = Term(fd, 0.4)
        deadline = time.monotonic() + timeout

        def shell(cmd, marker, t=60):
            os.write(fd, cmd.encode() + b"\n")
            return term.read(until=marker, timeout=t)

        boot = term.read(until=r"(# |\$ |login: )$", timeout=90)
        if boot.endswith("login: "):
            boot += shell("root", r"(# |\$ )$")
        ready = shell("cd /tmp; echo @@REA''DY", r"@@READY\r*\n")
        results.append(("vm: the shell prompts on the serial console", "@@READY" in ready,
                        boot[-300:]))
        if "@@READY" not in ready:
            return results
        for n, case in enumerate(CASES):
            if time.monotonic() > deadline:
                results.append((f"vm: {case['name']}: not run, out of time", False, ""))
                continue
            setup = "; ".join(f"printf {sh_quote_printf(t)} > {name}"
                              for name, t in case["files"].items() if name != "big.txt")
            if "big.txt" in case["files"]:
                setup += ('; i=1; while [ $i -le 500 ]; do echo "line $i"; i=$((i+1)); '
                          'done > big.txt')
            setup = setup.lstrip("; ")
            shell(f"rm -rf /tmp/v{n}; mkdir /tmp/v{n}; cd /tmp/v{n}; {setup}; echo @@SET''UP",
                  r"@@SETUP\r*\n")
            term.screen = Screen()
            start = len(term.raw)
            os.write(fd, f"LINES={ROWS} COLUMNS={COLS} vi {' '.join(case['args'])}; "
                     f"echo @@VI-EXIT $?\n".encode())
            term.read(until=r"\x1b\[\?25h", timeout=20)
            term.read()
            play(term, case, results, "vm")
            # the last keys' read may have taken the marker already
            if not re.search(rb"@@VI-EXIT \d+", term.raw[start:]):
                term.read(until=r"@@VI-EXIT \d+", timeout=20)
            out = term.raw[start:].decode("utf-8", errors="replace")
            m = re.search(r"@@VI-EXIT (\d+)", out)
            results.append((f"vm: {case['name']}: vi exits with status 0",
                            bool(m) and m.group(1) == "0", out[-200:]))
            for name, want in case["want"].items():
                # the serial console ends its lines with \r\r\n
                out = shell(f"echo @@BEG''IN; cat {name}; echo @@EN''D",
                            r"@@END\r*\n")
                m = re.search(r"@@BEGIN\r*\n(.*?)@@END", out, re.S)
                got = re.sub(r"\r+\n", "\n", m.group(1)) if m else None
                results.append((f"vm: {case['name']}: {name} as it should be", got == want,
                                f"got {got!r}, want {want!r}"))
        os.write(fd, b"poweroff\n")
        term.read(timeout=10, until=r"reboot: Power down")
    finally:
        if log and term:
            with open(log, "wb") as f:
                f.write(term.raw)
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def main():
    args = sys.argv[1:]
    results = []
    if args[:1] == ["--vm"]:
        here = os.path.dirname(os.path.abspath(__file__))
        results = run_vm(args[1], os.path.join(here, "vmrun"),
                         log=args[2] if len(args) > 2 else None)
    else:
        for vi in args:
            results += run(os.path.abspath(vi))
    failed = 0
    for what, ok, detail in results:
        if ok:
            print(f"ok - {what}")
        else:
            failed += 1
            print(f"not ok - {what}: {detail!r}")
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
