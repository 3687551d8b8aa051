#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Our shell driven through a pseudo-terminal (this host's), as a person would use it: the
prompt (PS1's \\u \\w \\$), continuation lines, the line editor (cursor keys in both their
ESC [ and ESC O forms, Home/End, Delete, Backspace, ^A ^E ^K ^U ^W ^Y, ^C on a line),
history (up/down, ^R, the history built-in, ~/.sh_history across two shells), Tab completion
(a command, a path, a variable, the list on a second Tab), a line longer than the terminal
and a change of its width, job control (^Z, jobs, bg, fg, kill %1, the "Stopped", "Done"
notices), ^C interrupting a foreground sleep (status 130), an error that does not end the
shell, and ^D ending it.

The shell's output goes through a small model of a VT100 screen, so the checks read what a
person would see, however the editor chose to draw it.

The same steps run three ways: on a pseudo-terminal of this host (Python's pty); through
user/bin/ptyrelay on this host (--relay), which runs the shell on a pty of its own and
relays bytes, as in the VM; and in the VM (--vm), where ptyrelay, started by the shell on
Mica's serial console, runs our /bin/sh on one of Mica's ptys (/dev/pts/N), so the keys go
through our pty driver, n_tty and job control. There every wait is 4 times as long (TCG).

  scripts/shpty.py build/user/sh/sh [build/user/sh-musl/sh.musl ...]
  scripts/shpty.py --relay build/user/bin/ptyrelay build/user/sh/sh
  flock /tmp/qemu.lock scripts/shpty.py --vm [build/disk.img]   (serial log: $TMPDIR)

Prints "ok - SHELL: STEP" or "not ok - SHELL: STEP: what came"; as a module, run(shell)
and run_vm(image) return [(step, ok, output)] for scripts/run-tests.
"""
import fcntl
import os
import pty
import pwd
import re
import select
import shlex
import shutil
import struct
import sys
import tempfile
import termios
import time

LEFT, RIGHT, UP, DOWN = b"\x1b[D", b"\x1b[C", b"\x1b[A", b"\x1b[B"


def read_fd(fd, timeout):
    """What a pty's master has within timeout: b"" for nothing yet, None once it is closed."""
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return b""
    try:
        return os.read(fd, 4096) or None
    except OSError:
        return None


class Screen:
    """What a VT100 shows: rows of text (never scrolled away), a cursor, a width."""

    def __init__(self, width):
        self.width = width
        self.rows = [[]]
        self.r = self.c = 0
        self.top = 0  # the row ESC [H goes to: the first after the last clear
        self.pending = b""
        self.wrapped = 0  # characters the terminal had to wrap to a new row

    def _put(self, ch):
        if self.c >= self.width:  # the terminal wraps before the next character
            self.r, self.c = self.r + 1, 0
            self.wrapped += 1
        while len(self.rows) <= self.r:
            self.rows.append([])
        row = self.rows[self.r]
        while len(row) < self.c:
            row.append(" ")
        if self.c < len(row):
            row[self.c] = ch
        else:
            row.append(ch)
        self.c += 1

    def feed(self, data):
        data = self.pending + data
        self.pending = b""
        i = 0
        while i < len(data):
            b = data[i]
            if b == 0x1b:
                m = re.compile(rb"\x1b\[([0-9;?]*)([@-~])").match(data, i)
                if not m:
                    if len(data) - i < 16:
                        self.pending = data[i:]
                        return
                    i += 1
                    continue
                self._csi(m.group(1).decode(), chr(m.group(2)[0]))
                i = m.end()
                continue
            if b == 0x0d:
                self.c = 0
            elif b == 0x0a:
                self.r += 1
                while len(self.rows) <= self.r:
                    self.rows.append([])
            elif b == 0x08:
                self.c = max(0, self.c - 1)
            elif b == 0x09:
                self.c = min(self.width - 1, (self.c // 8 + 1) * 8)
            elif b >= 0x20:
                self._put(chr(b) if b < 0x80 else "?")
            i += 1

    def _csi(self, params, final):
        ps = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        n = ps[0] if ps and ps[0] else 1
        row = self.rows[self.r] if self.r < len(self.rows) else []
        if final == "K":
            del row[self.c:]
        elif final == "C":
            self.c = min(self.width - 1, self.c + n)
        elif final == "D":
            self.c = max(0, self.c - n)
        elif final == "A":
            self.r = max(0, self.r - n)
        elif final == "B":
            self.r += n
        elif final == "H":
            self.r = self.top + ((ps[0] - 1) if ps and ps[0] else 0)
            self.c = (ps[1] - 1) if len(ps) > 1 and ps[1] else 0
        elif final == "J":
            if ps and ps[0] == 2:  # a new, empty screen below the old; the cursor stays
                old, self.top = self.top, len(self.rows)
                self.r = self.top + self.r - old
            else:
                del row[self.c:]
                del self.rows[self.r + 1:]
        while len(self.rows) <= self.r:
            self.rows.append([])

    def text(self, since=0):
        return "\n".join("".join(r) for r in self.rows[since:])

    def line(self):
        return "".join(self.rows[self.r])


class Session:
    """A shell on a terminal and the Screen it draws on. A transport gives _read(timeout)
    (bytes; b"" when nothing came; None at the end), send(data) and _resize(width)."""

    def __init__(self, width=80):
        self.screen = Screen(width)
        self.raw = b""

    def set_width(self, width, signal=True):
        self._resize(width)
        if signal:
            self.screen.width = width

    def pump(self, timeout):
        chunk = self._read(timeout)
        if chunk is None:
            return None
        if not chunk:
            return False
        self.raw += chunk
        self.screen.feed(chunk)
        return True

    def wait_for(self, rx, since, timeout):
        """Reads until the screen from row 'since' matches rx; returns that text."""
        end = time.monotonic() + timeout
        rx = re.compile(rx, re.S)
        while True:
            text = self.screen.text(since)
            if rx.search(text):
                return text, True
            left = end - time.monotonic()
            if left <= 0 or self.pump(min(left, 0.05)) is None:
                return self.screen.text(since), False

    def settle(self, quiet=0.15, limit=2.0):
        """Reads until the shell has been silent for a moment."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if not self.pump(quiet):
                return


class PtySession(Session):
    """The shell on a pseudo-terminal of this host (Python's pty.fork)."""

    def __init__(self, shell, home, env, width=80):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(home)
            os.execve(shell, [shell], env)
        super().__init__(width)
        self.set_width(width, signal=False)

    def _resize(self, width):
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, width, 0, 0))

    def send(self, data):
        os.write(self.fd, data)

    def _read(self, timeout):
        return read_fd(self.fd, timeout)

    def exit_status(self, timeout=5.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            p, st = os.waitpid(self.pid, os.WNOHANG)
            if p:
                return st
            self.pump(0.05)
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        return None

    def close(self):
        try:
            os.close(self.fd)
        except OSError:
            pass


RELAY_STATUS = re.compile(rb"\r\nptyrelay: status (\d+)\r\n")


class RelaySession(Session):
    """The shell on a pseudo-terminal of user/bin/ptyrelay's, which a stream reaches (a
    pty of this host, or Mica's serial console where the relay runs on one of Mica's
    ptys): the pty's size is set by ESC ] W COLS ; ROWS BEL in the input, and the shell's
    wait status comes on the relay's last line, which the Screen never sees."""

    def __init__(self, stream, width=80):
        super().__init__(width)
        self.stream = stream
        self.status = None
        self.end = None  # where the status line ends, in the stream's bytes

    def _resize(self, width):
        self.stream.write(b"\x1b]W%d;24\x07" % width)

    def send(self, data):
        self.stream.write(data)

    def _read(self, timeout):
        if self.status is not None:
            return None
        chunk = self.stream.read(timeout)
        if not chunk:
            return chunk
        # the status line may have come in pieces: look again from just before this chunk
        base = max(0, len(self.raw) - 32)
        m = RELAY_STATUS.search(self.raw + chunk, base)
        if not m:
            return chunk
        self.status = int(m.group(1))
        self.end = m.end()
        return chunk[:max(0, m.start() - len(self.raw))]

    def exit_status(self, timeout=5.0):
        end = time.monotonic() + timeout
        while self.status is None and time.monotonic() < end:
            if self.pump(0.05) is None:
                break
        return self.status

    def close(self):
        self.stream.close(self.end)


def make_home(home, guest_home=None):
    """The files the steps use, in home (guest_home: where they will be in the VM)."""
    bindir = os.path.join(home, "bin")
    os.makedirs(os.path.join(home, "dir1"))
    os.makedirs(bindir)
    with open(os.path.join(bindir, "mycmdxyz"), "w") as f:
        f.write("#!/bin/sh\necho ran-mycmdxyz\n")
    os.chmod(os.path.join(bindir, "mycmdxyz"), 0o755)
    with open(os.path.join(home, "file with space.txt"), "w") as f:
        f.write("spaced-content\n")
    for n in ("alpha1", "alpha2"):
        open(os.path.join(home, n), "w").close()


class HostPty:
    """The shell on this host's pseudo-terminals, directly: the user and '#'/'$' are this
    host's, the home a temporary directory."""
    slow = 1.0

    def __init__(self, shell):
        self.shell = shell
        self.user = pwd.getpwuid(os.geteuid()).pw_name
        self.mark = "#" if os.geteuid() == 0 else "$"
        self.home = tempfile.mkdtemp(prefix="shpty.")
        make_home(self.home)

    def session(self, env):
        return PtySession(self.shell, self.home, env)

    def history(self):
        try:
            with open(os.path.join(self.home, ".sh_history")) as f:
                return f.read()
        except OSError as e:
            return str(e)

    def close(self):
        shutil.rmtree(self.home, ignore_errors=True)


class HostRelayStream:
    """ptyrelay -e SHELL on a pseudo-terminal of this host, 80x24."""

    def __init__(self, relay, shell, home, env):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                os.chdir(home)
                os.execve(relay, [relay, "-e", shell], env)
            finally:
                os._exit(127)
        os.close(slave)
        self.fd = master
        self.relay_status = None

    def read(self, timeout):
        return read_fd(self.fd, timeout)

    def write(self, data):
        os.write(self.fd, data)

    def close(self, _end):
        os.close(self.fd)
        _, self.relay_status = os.waitpid(self.pid, 0)


class HostRelay(HostPty):
    """The shell on a pty of ptyrelay's, ptyrelay on one of this host's: the VM's way,
    without the VM (a test of ptyrelay and of RelaySession)."""

    def __init__(self, shell, relay):
        super().__init__(shell)
        self.relay = relay
        self.streams = []

    def session(self, env):
        self.streams.append(HostRelayStream(self.relay, self.shell, self.home, env))
        return RelaySession(self.streams[-1])


class GuestStream:
    """ptyrelay's side of Mica's serial console, from where the relay started."""

    def __init__(self, guest, start):
        self.guest = guest
        self.start = self.pos = start

    def read(self, timeout):
        t = self.guest.term
        if self.pos >= len(t.buf) and not t._read(timeout) and t.proc.poll() is not None:
            return None
        data = t.buf[self.pos:]
        self.pos = len(t.buf)
        # QemuTerm keeps text: one character for each byte (ASCII) or bad sequence
        return data.encode("latin-1", errors="replace")

    def write(self, data):
        self.guest.term.send(data)

    def close(self, end):
        t = self.guest.term
        t.mark = self.start + end if end is not None else len(t.buf)
        self.guest.prompt_back = t.expect(self.guest.PROMPT, 30.0) is not None


class Guest:
    """Mica booted as scripts/syspty.py's QemuTerm boots it: its serial console's shell
    starts ptyrelay (user/bin/ptyrelay), and our /bin/sh runs on the relay's /dev/pts/N.
    The home is an --extra tree; the user is root."""
    slow = 4.0  # TCG
    HOME = "/shpty"
    user, mark = "root", "#"

    def __init__(self, image, log=None):
        import syspty
        self.PROMPT = syspty.PROMPT
        self.command = syspty.command
        self.home = self.HOME
        self.extra = tempfile.mkdtemp(prefix="shptyvm.")
        make_home(os.path.join(self.extra, self.HOME.lstrip("/")))
        self.term = syspty.QemuTerm(image, self.extra, log)
        self.prompt_back = True
        self.booted = self.term.expect(self.PROMPT, 120.0) is not None
        if self.booted:
            # kernel messages would land in the middle of the screen
            self.command(self.term, "dmesg -n 1", 30.0)

    def session(self, env):
        words = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # the outer line editor echoes what is typed: the marker only shows as output
        self.term.send(f"cd {self.HOME} && echo RELAY''START && env -i {words} "
                       f"ptyrelay /bin/sh\r".encode())
        if self.term.expect(r"RELAYSTART\r?\n", 60.0) is None:
            self.term.mark = len(self.term.buf)
        return RelaySession(GuestStream(self, self.term.mark))

    def history(self):
        seg = self.command(self.term, f"echo HIST''BEGIN; cat {self.HOME}/.sh_history; "
                           "echo HIST''END", 30.0)
        m = re.search(r"HISTBEGIN\r?\n(.*?)HISTEND", seg, re.S)
        return m.group(1).replace("\r\n", "\n") if m else seg

    def close(self):
        self.term.close()
        shutil.rmtree(self.extra, ignore_errors=True)


def run(shell, relay=None):
    """The steps on this host: the shell on a pty of its own, or (relay) on ptyrelay's."""
    tp = HostRelay(shell, relay) if relay else HostPty(shell)
    try:
        steps = _run(tp)
        if relay:
            st = [s.relay_status for s in tp.streams]
            steps.append(("ptyrelay -e: exits with the shell's status (0), both times",
                          len(st) == 2 and all(x is not None and os.WIFEXITED(x)
                                               and os.WEXITSTATUS(x) == 0 for x in st),
                          f"wait statuses {st}"))
        return steps
    finally:
        tp.close()


def run_vm(image, log=None):
    """The steps in the VM, our /bin/sh on one of Mica's ptys: [(step, ok, output)]."""
    g = Guest(image, log)
    try:
        if not g.booted:
            return [("the serial console's shell prompts", False, g.term.tail())]
        return _run(g)
    finally:
        g.close()


def _run(tp):
    """The steps, on the transport tp (HostPty, HostRelay or Guest)."""
    k = tp.slow  # every wait and pause is k times as long (1 here: exactly as strict)
    home = tp.home
    ptext = f"{tp.user}:~{tp.mark} "
    prompt = re.escape(ptext)
    bindir = os.path.join(home, "bin")
    env = {"PS1": "\\u:\\w\\$ ", "PS2": "more> ", "HOME": home,
           "PATH": f"/usr/bin:/bin:{bindir}", "TERM": "vt100"}

    def secs(x):
        """A sleep's duration for the command line, k times x."""
        return f"{x * k:g}"

    steps = []
    s = tp.session(env)
    since = [0]

    def step(name, send, check, until=None, timeout=3.0, delay=0.0):
        """Sends keys; waits until the screen (the rows since the step's start) matches
        'until' (the prompt again by default), then checks 'check' on that text."""
        since[0] = s.screen.r
        for part in send if isinstance(send, list) else [send]:
            if part:
                s.send(part)
            if delay:
                time.sleep(delay * k)
                s.settle(0.02 * k, delay * k)
        text, _ = s.wait_for(until if until is not None else check, since[0], timeout * k)
        ok = bool(re.search(check, text, re.S))
        steps.append((name, ok, text))
        return ok

    # the prompt and plain commands
    step("the prompt shows the user, ~ and #/$", None, "^" + prompt + "$")
    step("a command's output, then the prompt again", b"echo hi $((6*7))\r",
         r"\nhi 42\n" + prompt + "$")
    step("a continuation line prompts with PS2", b"for i in 1 2\r", "\nmore> $")
    step("the loop runs when complete", b"do echo n$i; done\r",
         r"\nn1\nn2\n" + prompt + "$")

    # editing keys: each case's command prints what the edits must have made
    def edit(name, keys, want):
        step(name, keys, r"\n" + re.escape(want) + r"\n" + prompt + "$", delay=0.05)

    edit("left arrow (ESC [ D) then insert in the middle",
         [b"echo ac", LEFT, b"b\r"], "abc")
    edit("left and right arrows in the ESC O form",
         [b"echo xz", b"\x1bOD", b"\x1bOD", b"\x1bOC", b"y\r"], "xyz")
    edit("^A and ^E: start and end of the line", [b"cho hi", b"\x01", b"e", b"\x05",
                                                  b" there\r"], "hi there")
    edit("^B and ^F: a character back and forward",
         [b"echo 13", b"\x02\x02\x06", b"2\r"], "123")
    edit("Home and End: ESC [H, ESC [F", [b"cho a", b"\x1b[H", b"e", b"\x1b[F", b"b\r"], "ab")
    edit("Home and End: ESC [1~, ESC [4~, ESC OH, ESC OF",
         [b"ho c", b"\x1b[1~", b"c", b"\x1bOH", b"e", b"\x1b[4~", b"d", b"\x1bOF", b"e\r"],
         "cde")
    edit("Delete (ESC [3~) takes the character under the cursor",
         [b"echo abXc", LEFT, LEFT, b"\x1b[3~", b"\r"], "abc")
    edit("Backspace as DEL and as ^H", [b"echo abXY", b"\x7f", b"\x08", b"c\r"], "abc")
    edit("^K kills to the end of the line",
         [b"echo abc def", b"\x02\x02\x02\x02", b"\x0b", b"\r"], "abc")
    edit("^U kills to the start, ^Y yanks it back",
         [b"echo one", b"\x15", b"echo two ", b"\x19", b"\r"], "two echo one")
    edit("^W kills the word before the cursor", [b"echo one two", b"\x17", b"three\r"],
         "one three")
    edit("^K then ^Y: the killed text comes back elsewhere",
         [b"echo tail head ", b"\x01", b"\x06" * 5, b"\x0b", b"X ", b"\x19", b"\r"],
         "X tail head")
    step("^C abandons the line: a new prompt", [b"echo never", b"\x03"],
         r"echo never\^C\n" + prompt + "$", delay=0.05)
    step("  ... and $? is 130", b"echo st=$?\r", r"\nst=130\n" + prompt + "$")
    top = s.screen.top
    step("^L clears the screen and redraws the line", [b"echo kept", b"\x0c"],
         r"\n" + prompt + "echo kept$", delay=0.05)
    steps.append(("  ... (the screen was cleared)", s.screen.top > top,
                  s.screen.text(s.screen.top)))
    step("  ... which still runs", b"\r", r"\nkept\n" + prompt + "$")

    # history
    step("history: two commands", [b"echo hist1\r", b"echo hist2\r"],
         r"hist2\n" + prompt + "$", delay=0.1)
    edit("up, up, down recalls the later one", [UP, UP, DOWN, b"\r"], "hist2")
    edit("up, up recalls the earlier one (a repeated line is kept once)", [UP, UP, b"\r"],
         "hist1")
    edit("^P and ^N as up and down", [b"\x10", b"\x10", b"\x10", b"\x0e", b"\r"], "hist2")
    step("^R searches back as one types", [b"\x12", b"ist1"],
         r"\(reverse-i-search\)`ist1': echo hist1", delay=0.05)
    step("  ... Enter runs the match", b"\r", r"\nhist1\n" + prompt + "$")
    step("^R again finds the next older match",
         [b"echo rsA one\r", b"echo rsB one\r", b"\x12", b"one", b"\x12"],
         r"`one': echo rsA one$", delay=0.1)
    step("  ... and runs it", b"\r", r"\nrsA one\n" + prompt + "$")
    step("^G cancels a search and gives the line back",
         [b"echo keep", b"\x12", b"zzz", b"\x07", b"\r"], r"\nkeep\n" + prompt + "$",
         delay=0.05)
    step("the history built-in numbers the lines", b"history\r",
         r"\n +\d+  echo hist1\n +\d+  echo hist2\n.*  history\n" + prompt + "$")

    # completion
    step("Tab completes a command of $PATH", [b"mycmdx", b"\t"],
         "^" + prompt + r"mycmdxyz $", delay=0.1)
    step("  ... which runs", b"\r", r"\nran-mycmdxyz\n" + prompt + "$")
    step("Tab completes a built-in", [b"histo", b"\t"], "^" + prompt + r"history $",
         delay=0.1)
    step("  ... (cleared with ^U)", b"\x15", "^" + prompt + "$")
    step("Tab completes a path, quoting its blanks", [b"cat fil", b"\t"],
         "^" + prompt + r"cat file\\ with\\ space\.txt $", delay=0.1)
    step("  ... which cat reads", b"\r", r"\nspaced-content\n" + prompt + "$")
    step("Tab completes a directory with a /", [b"echo di", b"\t"],
         "^" + prompt + r"echo dir1/$", delay=0.1)
    step("  ... (cleared)", b"\x15", "^" + prompt + "$")
    step("(a variable to complete)", b"MYVARXYZ=val\r", r"\n" + prompt + "$")
    step("Tab completes a variable", [b"echo $MYVARX", b"\t"],
         "^" + prompt + r"echo \$MYVARXYZ $", delay=0.1)
    step("  ... which expands", b"\r", r"\nval\n" + prompt + "$")
    step("several matches: Tab completes their common prefix", [b"echo alp", b"\t"],
         "^" + prompt + r"echo alpha$", delay=0.1)
    step("  ... a second Tab lists them, and the line is drawn again", b"\t",
         r"\nalpha1 +alpha2\n" + prompt + "echo alpha$")
    step("  ... (cleared)", b"\x15", prompt + "$")

    # a line longer than the terminal, and a change of the terminal's width
    s.set_width(40)  # the kernel sends SIGWINCH to the foreground group
    s.settle(0.15 * k, 2.0 * k)
    long = "echo " + "a" * 30 + "b" * 30 + "c" * 20
    wrapped = s.screen.wrapped
    step("a long line scrolls inside the 40 columns", long.encode(),
         "^" + prompt + r"b{10}c{20}$", delay=0.05)
    steps.append(("  ... the terminal never had to wrap it", s.screen.wrapped == wrapped,
                  f"{s.screen.wrapped - wrapped} characters wrapped"))
    step("  ... ^A shows its start", b"\x01", "^" + prompt + "echo a{26}$")
    s.set_width(60)
    s.settle(0.15 * k, 2.0 * k)
    step("  ... SIGWINCH: the new width is used", b"\x05", "^" + prompt + r"b{30}c{20}$")
    step("  ... the whole line runs", b"\r",
         r"\na{30}b{30}\nc{20}\n" + prompt + "$")  # the terminal wraps the output at 60
    s.set_width(80)
    s.settle(0.15 * k, 2.0 * k)

    # job control
    step("^Z stops a foreground job with a notice", [b"sleep 30\r", b"\x1a"],
         r"\[1\] \+ Stopped\s+sleep 30\n" + prompt + "$", delay=0.4)
    step("jobs lists it", b"jobs\r", r"\[1\] \+ Stopped\s+sleep 30\n" + prompt + "$")
    step("bg continues it", b"bg\r", r"\[1\] sleep 30 &\n" + prompt + "$")
    step("kill %1 ends it, with a notice by the next prompt", [b"kill %1\r", b"\r"],
         r"Terminated\s+sleep 30", delay=0.4)
    step("a background job's Done notice at the next prompt",
         [f"sleep {secs(0.2)} &\r".encode()], r"\[1\] \d+\n" + prompt + "$")
    time.sleep(0.5 * k)
    step("  ... [1] + Done, then the prompt is drawn again", [b"\r"],
         r"\[1\] \+ Done\s+sleep " + re.escape(secs(0.2)) + r"\n" + prompt + "$")
    nap = re.escape(secs(0.7))
    step("^Z, then fg brings the job back", [f"sleep {secs(0.7)}\r".encode(), b"\x1a",
                                               b"fg\r"],
         r"Stopped\s+sleep " + nap + r"\n" + prompt + r"fg\nsleep " + nap + r"\n" + prompt
         + "$", delay=0.3)
    step("^C interrupts a foreground sleep 100, status 130",
         [b"sleep 100\r", b"\x03", b"echo st=$?\r"], r"\nst=130\n" + prompt + "$",
         delay=0.4)
    step("an error does not end an interactive shell", b"echo ${nope?gone}; echo no\r",
         r"nope: gone\n" + prompt + "$")
    step("  ... it goes on", b"echo alive\r", r"\nalive\n" + prompt + "$")
    step("a line starting with a blank is not kept", b" echo secret\r",
         r"\nsecret\n" + prompt + "$")
    s.send(b"\x04")
    status = s.exit_status(5.0 * k)
    steps.append(("^D on an empty line ends the shell, status 0",
                  status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0,
                  f"wait status {status}"))
    # The terminal's ONLCR turns the editor's "\n" into "\r\n"; a "\r\n" of its own
    # would reach the screen as "\r\r\n".
    i = s.raw.find(b"\r\r\n")
    steps.append(("no row ends in CR CR LF", i < 0, repr(s.raw[max(0, i - 60):i + 3])))
    s.close()

    # a second shell finds the first one's history in ~/.sh_history
    saved = tp.history()
    steps.append(("~/.sh_history holds the session's lines, not the blank-led one",
                  "echo hist2\n" in saved and "history\n" in saved and "secret" not in saved
                  and saved.endswith("echo alive\n"), saved))
    s = tp.session(env)
    since[0] = 0
    step("a second shell starts", None, "^" + prompt + "$")
    step("  ... up recalls the first shell's last line", UP, "^" + prompt + "echo alive$")
    step("  ... which runs", b"\r", r"\nalive\n" + prompt + "$")
    s.send(b"exit\r")
    status = s.exit_status(5.0 * k)
    steps.append(("exit ends the second shell", status is not None and os.WIFEXITED(status),
                  f"wait status {status}"))
    s.close()
    return steps


def main():
    args = sys.argv[1:]
    if args[:1] == ["--vm"]:
        image = args[1] if len(args) > 1 else "build/disk.img"
        log = os.path.join(tempfile.gettempdir(), "shpty-vm.log")
        results = [("vm", r) for r in run_vm(image, log)]
    else:
        relay = None
        if args[:1] == ["--relay"]:
            relay, args = os.path.abspath(args[1]), args[2:]
        results = []
        for shell in args:
            results += [(os.path.basename(shell), r)
                        for r in run(os.path.abspath(shell), relay)]
    failed = 0
    for tag, (name, ok, out) in results:
        if ok:
            print(f"ok - {tag}: {name}")
        else:
            failed += 1
            print(f"not ok - {tag}: {name}: {out!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
