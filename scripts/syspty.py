#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Our top and less (user/coreutils) driven through a terminal, as a person would use them
(and ps, which must name the terminal it runs on): top refreshes (two screens at least,
with a %Cpu line per CPU and the memory lines), quits on 'q' and gives the terminal its
modes back (on SIGTERM too); less pages forwards and back, by lines and screens (keys and
escape sequences), searches with / and ?, repeats with n and N, goes to the end and the
start, and quits on 'q'.

On this host each program runs on a pseudo-terminal of its own (Python's pty), 24x80;
in the VM (vm_steps(), run-tests' sysutils-vm) the terminal is Mica's serial
console, where our shell starts them, and the same steps are checked.

  scripts/syspty.py build/user/coreutils [build/user/coreutils/musl]
  flock /tmp/qemu.lock scripts/syspty.py --vm [build/disk.img]   (serial log: $TMPDIR)

Prints "ok - STEP" or "not ok - STEP: what came"; as a module, host_steps(dir) returns
[(step, ok, output)] for scripts/run-tests.
"""
import fcntl
import os
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import time

ROWS, COLS = 24, 80


class Term:
    """Output so far and a mark: expect() waits for a regex after the mark, moves past it."""

    def __init__(self):
        self.buf = ""
        self.mark = 0

    def _read(self, timeout):
        raise NotImplementedError

    def send(self, data):
        raise NotImplementedError

    def expect(self, rx, timeout=5.0, count=1):
        """The text from the mark to the count-th match of rx (None if it never came);
        the mark moves past that match either way (to the end of the text on a miss)."""
        end = time.monotonic() + timeout
        pat = re.compile(rx)
        while True:
            found = list(pat.finditer(self.buf, self.mark))
            if len(found) >= count:
                m = found[count - 1]
                seg = self.buf[self.mark:m.end()]
                self.mark = m.end()
                return seg
            left = end - time.monotonic()
            if left <= 0 or not self._read(min(left, 0.1)):
                if left <= 0:
                    self.mark = len(self.buf)
                    return None

    def tail(self, n=600):
        return self.buf[-n:]


class PtyTerm(Term):
    """A program of ours on a pseudo-terminal of this host; the slave stays open here, so
    that its modes can be read after the program has gone."""

    def __init__(self, argv, env):
        super().__init__()
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.modes = termios.tcgetattr(self.slave)
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.setsid()
                fcntl.ioctl(self.slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(self.slave, fd)
                os.close(self.master)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.status = None

    def _read(self, timeout):
        r, _, _ = select.select([self.master], [], [], timeout)
        if not r:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return False
        self.buf += chunk.decode(errors="replace")
        return bool(chunk)

    def send(self, data):
        os.write(self.master, data)

    def resize(self, rows, cols):
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def wait(self, timeout=5.0):
        """The program's wait status, or None if it is still running after timeout."""
        end = time.monotonic() + timeout
        while self.status is None and time.monotonic() < end:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = st
                break
            self._read(0.05)
        # what it wrote last may still be in the pty: the slave is open here, so no EOF
        while self.status is not None and select.select([self.master], [], [], 0.1)[0]:
            if not self._read(0):
                break
        return self.status

    def modes_restored(self):
        now = termios.tcgetattr(self.slave)
        return now[3] == self.modes[3] and now[0] == self.modes[0]

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
        os.close(self.master)
        os.close(self.slave)


def make_file(path):
    with open(path, "w") as f:
        f.writelines(f"line {i}\n" for i in range(1, 201))


def top_screens(term, steps, delay):
    """Two screens of top, then 'q'. steps gets (name, ok, output)."""
    frame = r"top - \d\d:\d\d:\d\d up .*load average: [\d.]+, [\d.]+, [\d.]+"
    seg = term.expect(frame, 10.0)
    steps.append(("top: the first screen has the uptime line", seg is not None,
                  term.tail()))
    seg = term.expect(r"PID USER +PR +NI +VIRT +RES +SHR S +%CPU +%MEM +TIME\+ COMMAND",
                      5.0)
    whole = term.buf
    steps.append(("top: Tasks, a %Cpu line per CPU, MiB Mem and Swap, the column header",
                  seg is not None and re.search(r"Tasks: +\d+ total, +\d+ running", whole)
                  is not None and re.search(r"%Cpu0 +: *[\d.]+ us", whole) is not None
                  and "MiB Mem :" in whole and "MiB Swap:" in whole, term.tail(1500)))
    seg = term.expect(frame, delay * 3 + 5.0)
    steps.append(("top: it refreshes (a second screen)", seg is not None, term.tail()))
    return seg


LESS_STEPS = [
    # (what, keys, the status line it must reach, a line that must be on the screen)
    ("less: the first screen and its status line", None, r"lines 1-23/200 11%", r"line 23\b"),
    ("less: space pages forward", b" ", r"lines 24-46/200", r"line 46\b"),
    ("less: b pages back", b"b", r"lines 1-23/200", r"line 1\b"),
    ("less: j a line down", b"j", r"lines 2-24/200", r"line 24\b"),
    ("less: k a line up", b"k", r"lines 1-23/200", None),
    ("less: the down arrow", b"\x1b[B", r"lines 2-24/200", None),
    ("less: PgDn", b"\x1b[6~", r"lines 25-47/200", r"line 47\b"),
    ("less: PgUp", b"\x1b[5~", r"lines 2-24/200", None),
    ("less: /RE searches forward", b"/line 1.5$\r", r"lines 105-127/200", r"line 105\b"),
    ("less: n repeats it", b"n", r"lines 115-137/200", r"line 115\b"),
    ("less: n again", b"n", r"lines 125-147/200", None),
    ("less: N goes back", b"N", r"lines 115-137/200", None),
    ("less: ?RE searches backward", b"?^line 3$\r", r"lines 3-25/200", r"line 3\b"),
    ("less: a pattern that is not there says so", b"/nowhere\r", r"Pattern not found",
     None),
    ("less: G goes to the end", b"G", r"lines 178-200/200 \(END\)", r"line 200\b"),
    ("less: g back to the start", b"g", r"lines 1-23/200 11%", None),
    ("less: a count before j", b"10j", r"lines 11-33/200", r"line 33\b"),
]


def less_steps(term, steps):
    for what, keys, status, line in LESS_STEPS:
        if keys:
            term.send(keys)
        seg = term.expect(status, 5.0)
        ok = seg is not None and (line is None or re.search(line, seg) is not None)
        steps.append((what, ok, seg if seg is not None else term.tail()))


def host_steps(bindir):
    """Each program of bindir (our libc's or musl's build) on a pseudo-terminal here."""
    steps = []
    suffix = ".musl" if bindir.rstrip("/").endswith("musl") else ""
    tag = "musl" if suffix else "ours"
    env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LC_ALL": "C", "TZ": "UTC"}
    top = os.path.join(bindir, "top" + suffix)
    less = os.path.join(bindir, "less" + suffix)
    more = os.path.join(bindir, "more" + suffix)

    def add(sub):
        steps.extend((f"[{tag}] {w}", ok, out) for w, ok, out in sub)

    # ps on a terminal: its name from stat's tty_nr, ps the foreground session leader
    t = PtyTerm([os.path.join(bindir, "ps" + suffix), "-o", "tty=,stat=,comm="], env)
    try:
        want = os.ttyname(t.slave)[len("/dev/"):]
        seg = t.expect(r"\n", 5.0)
        t.wait()
        steps.append((f"[{tag}] ps: the terminal's name ({want}) and the stat letters Rs+",
                      seg is not None and re.match(rf"{re.escape(want)} +Rs\+ +ps", seg)
                      is not None, seg or t.tail()))
    finally:
        t.close()
    # top: two screens, a resize, 'q', the modes back
    t = PtyTerm([top, "-d", "0.3"], env)
    sub = []
    try:
        if top_screens(t, sub, 0.3):
            t.resize(12, 60)
            t.expect(r"\x1b\[H\x1b\[2J", 5.0)
            seg = t.expect(r"\x1b\[J", 5.0)
            lines = re.findall(r"\n *\d+ \S+ +(?:\d+|rt) ", seg or "")
            sub.append(("top: SIGWINCH: the next screen fits 12 rows (5 processes)",
                        seg is not None and 1 <= len(lines) <= 12 - 7, repr(seg)[-800:]))
        t.send(b"q")
        st = t.wait()
        sub.append(("top: q quits with status 0", st is not None and os.WIFEXITED(st)
                    and os.WEXITSTATUS(st) == 0, f"wait status {st}"))
        sub.append(("top: the terminal's modes are restored", t.modes_restored(),
                    str(termios.tcgetattr(t.slave))))
        sub.append(("top: the cursor is shown again", "\x1b[?25h" in t.buf[-40:],
                    repr(t.buf[-40:])))
    finally:
        t.close()
    # top: SIGTERM
    t = PtyTerm([top, "-d", "5"], env)
    try:
        seg = t.expect(r"PID USER", 10.0)
        os.kill(t.pid, signal.SIGTERM)
        st = t.wait()
        sub.append(("top: SIGTERM ends it (by the signal) with the modes restored",
                    seg is not None and st is not None and os.WIFSIGNALED(st)
                    and os.WTERMSIG(st) == signal.SIGTERM and t.modes_restored(),
                    f"wait status {st}"))
    finally:
        t.close()
    # less on a file of 200 lines
    tmp = tempfile.mkdtemp(prefix="syspty.")
    path = os.path.join(tmp, "f")
    make_file(path)
    t = PtyTerm([less, path], env)
    try:
        less_steps(t, sub)
        t.send(b"q")
        st = t.wait()
        sub.append(("less: q quits with status 0 and the modes restored",
                    st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0
                    and t.modes_restored(), f"wait status {st}"))
    finally:
        t.close()
    # more: pages forward only, ends after the end
    t = PtyTerm([more, path], env)
    try:
        seg = t.expect(r"--More--\(11%\)", 5.0)
        sub.append(("more: the first screen, --More--(11%)", seg is not None and "line 23"
                    in seg, seg or t.tail()))
        t.send(b"G")
        st = t.wait()
        sub.append(("more: it ends by itself once the end is shown",
                    st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0
                    and "line 200" in t.buf and t.modes_restored(), f"wait status {st}"))
    finally:
        t.close()
        os.unlink(path)
        os.rmdir(tmp)
    add(sub)
    return steps


class QemuTerm(Term):
    """Mica's serial console: QEMU booted as make run boots it (init starts our shell on
    ttyS0, its controlling terminal), keys written to QEMU's standard input."""

    def __init__(self, image, extra=None, log=None, smp=2):
        import importlib.machinery
        import importlib.util
        import subprocess
        super().__init__()
        here = os.path.dirname(os.path.abspath(__file__))
        loader = importlib.machinery.SourceFileLoader("vmrun", os.path.join(here, "vmrun"))
        spec = importlib.util.spec_from_loader("vmrun", loader)
        vmrun = importlib.util.module_from_spec(spec)
        loader.exec_module(vmrun)
        a = vmrun.parse_args(["--image", image, "--smp", str(smp), "--cmdline", "console=ttyS0"]
                             + (["--extra", extra] if extra else []))
        self.tmp = tempfile.mkdtemp(prefix="sysptyvm.")
        scratch = vmrun.prepare_scratch(a, self.tmp)
        cmd = vmrun.qemu_command(a, scratch) + ["-display", "none", "-serial", "stdio",
                                                 "-monitor", "none", "-no-reboot"]
        self.log = open(log, "wb") if log else None
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True)

    def _read(self, timeout):
        r, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not r:
            return self.proc.poll() is None
        chunk = os.read(self.proc.stdout.fileno(), 65536)
        if self.log:
            self.log.write(chunk)
            self.log.flush()
        self.buf += chunk.decode(errors="replace")
        return bool(chunk)

    def send(self, data):
        # a byte at a time, as typed: the UART's FIFO is 16 bytes
        for b in data:
            self.proc.stdin.write(bytes([b]))
            self.proc.stdin.flush()
            time.sleep(0.002)

    def close(self):
        import shutil
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        if self.log:
            self.log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


# our shell's prompt (/etc/profile's "root@mica:DIR# " for the login shell, or a bare "# ") at
# the start of a line or right after what top or less left (a kernel message may follow it,
# so not anchored at the end)
PROMPT = r"(?:^|\n|\r|\x1b\[K)(?:[\w.-]+@[\w.-]+:[^\s#$]*)?[#$] "


def command(term, line, timeout):
    """Types a command line and returns what it printed up to the next prompt. The line
    editor redraws "\r ESC[K prompt text" as keys arrive, which looks like a prompt: the
    output only starts after the newline that Enter echoes."""
    term.send(line.encode() + b"\r")
    if term.expect(r"\n", timeout) is None:
        return ""
    return term.expect(PROMPT, timeout) or ""


def _stty_restored(term, steps, what, busybox):
    if not busybox:
        return
    seg = command(term, "busybox stty -a", 20.0)
    ok = re.search(r"(?<![-\w])icanon\b", seg) and re.search(r"(?<![-\w])echo\b", seg)
    steps.append((f"{what}: the console's modes are restored (busybox stty -a)", bool(ok),
                  seg[-600:]))


def vm_steps(image, logdir, busybox=None):
    """The same steps in the VM, on its serial console; and ps -ef and free there."""
    steps = []
    extra = None
    if busybox:
        extra = tempfile.mkdtemp(prefix="sysptyx.")
        os.makedirs(os.path.join(extra, "bin"))
        import shutil
        shutil.copy(busybox, os.path.join(extra, "bin", "busybox"))
    t = QemuTerm(image, extra, os.path.join(logdir, "sysutils-vm.log") if logdir else None)
    try:
        seg = t.expect(PROMPT, 120.0)
        steps.append(("the shell's prompt on the serial console", seg is not None, t.tail()))
        if seg is None:
            return steps
        seg = "\n" + command(t, "ps -ef", 30.0)
        steps.append(("ps -ef: the header, and init as pid 1 (parent 0, root)",
                      re.search(r"UID +PID +PPID +C STIME TTY +TIME CMD", seg) is not None
                      and re.search(r"\nroot +1 +0 +\d+ [\d:A-Za-z]+ \S+ +\d\d:\d\d:\d\d "
                                    r"\S*init", seg) is not None, seg[-1500:]))
        steps.append(("ps -ef: ps itself on ttyS0", re.search(
            r"\nroot +\d+ +\d+ .* ttyS0 +\d\d:\d\d:\d\d ps -ef", seg) is not None,
            seg[-1500:]))
        seg = command(t, "ps -o pid,tty,stat,comm", 30.0)
        steps.append(("ps: the terminal's own processes, ps in the foreground (R+)",
                      re.search(r"\d+ ttyS0 +R\+ +ps", seg) is not None
                      and re.search(r"\d+ ttyS0 +Ss\+? +sh", seg) is not None, seg[-800:]))
        seg = "\n" + command(t, "free; cat /proc/meminfo", 30.0)
        m = re.search(r"Mem: +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)", seg)
        info = {k: int(v) for k, v in re.findall(r"\n(\w+): +(\d+) kB", seg)}
        ok = False
        if m and "MemTotal" in info:
            total, used, free, shared, bc, avail = map(int, m.groups())
            cache = info.get("Buffers", 0) + info.get("Cached", 0) + info.get("SReclaimable", 0)
            ok = (total == info["MemTotal"] and used + avail == total
                  and abs(free - info["MemFree"]) <= total // 100
                  and abs(avail - info["MemAvailable"]) <= total // 100
                  and abs(bc - cache) <= total // 100
                  and abs(shared - info.get("Shmem", shared)) <= total // 100)
        steps.append(("free: its figures agree with /proc/meminfo", ok, seg[-1500:]))
        command(t, "seq -f 'line %g' 1 200 > /tmp/f", 20.0)
        t.send(b"top -d 1\r")
        if top_screens(t, steps, 1.0):
            t.send(b"q")
        seg = t.expect(PROMPT, 20.0)
        steps.append(("top: q quits, back at the prompt", seg is not None, t.tail()))
        _stty_restored(t, steps, "top", busybox)
        t.send(b"less /tmp/f\r")
        less_steps(t, steps)
        t.send(b"q")
        seg = t.expect(PROMPT, 20.0)
        steps.append(("less: q quits, back at the prompt", seg is not None, t.tail()))
        _stty_restored(t, steps, "less", busybox)
    finally:
        t.close()
        if extra:
            import shutil
            shutil.rmtree(extra, ignore_errors=True)
    return steps


def main():
    failed = 0
    args = sys.argv[1:]
    if args[:1] == ["--vm"]:
        import shutil
        results = vm_steps(args[1] if len(args) > 1 else "build/disk.img",
                           tempfile.gettempdir(), shutil.which("busybox"))
    else:
        results = []
        for d in args or ["build/user/coreutils"]:
            results += host_steps(os.path.abspath(d))
    for name, ok, out in results:
        if ok:
            print(f"ok - {name}")
        else:
            failed += 1
            print(f"not ok - {name}: {out!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
