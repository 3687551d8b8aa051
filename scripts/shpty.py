#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Our shell driven through a pseudo-terminal (this host's), as a person would use it: the
prompt (PS1's \\u \\w \\$), continuation lines, job control (^Z and a "Stopped" notice, jobs,
bg, fg, kill %1, a "Done" notice before the next prompt), ^C interrupting a foreground sleep
(status 130), an error that does not end the shell, and ^D ending it.

  scripts/shpty.py build/user/sh/sh [build/user/sh-musl/sh.musl ...]

Prints "ok - SHELL: STEP" or "not ok - SHELL: STEP: what came"; as a module, run(shell)
returns [(step, ok, output)] for scripts/run-tests.
"""
import os
import pty
import pwd
import re
import select
import sys
import tempfile
import time


def _read(fd, until, timeout):
    """Reads until the regex matches the text so far, or the time is up."""
    out = b""
    end = time.monotonic() + timeout
    rx = re.compile(until)
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if rx.search(out.decode(errors="replace")):
                break
    return out.decode(errors="replace")


def run(shell):
    home = tempfile.mkdtemp(prefix="shpty.")
    user = pwd.getpwuid(os.geteuid()).pw_name
    mark = "#" if os.geteuid() == 0 else "$"
    prompt = re.escape(f"{user}:~{mark} ")
    env = {"PS1": "\\u:\\w\\$ ", "PS2": "more> ", "HOME": home, "PATH": "/usr/bin:/bin",
           "TERM": "dumb"}
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(home)
        os.execve(shell, [shell], env)
    steps = []

    def step(name, send, until, check, timeout=3.0):
        if send is not None:
            os.write(fd, send)
        out = _read(fd, until, timeout)
        steps.append((name, bool(re.search(check, out)), out))

    step("the prompt shows the user, ~ and #/$", None, prompt, "^" + prompt)
    step("a command's output, then the prompt again", b"echo hi $((6*7))\n", prompt,
         r"hi 42\r?\n" + prompt)
    step("a continuation line prompts with PS2", b"for i in 1 2\n", "more> ", "more> ")
    step("the loop runs when complete", b"do echo n$i; done\n", prompt,
         r"n1\r?\nn2\r?\n" + prompt)
    step("^Z stops a foreground job with a notice", b"sleep 30\n", "sleep 30", "sleep 30",
         timeout=1.0)
    time.sleep(0.3)
    step("  ... [1] + Stopped", b"\x1a", prompt, r"\[1\] \+ Stopped\s+sleep 30")
    step("jobs lists it", b"jobs\n", prompt, r"\[1\] \+ Stopped\s+sleep 30")
    step("bg continues it", b"bg\n", prompt, r"\[1\] sleep 30 &")
    os.write(fd, b"kill %1\n")
    out = _read(fd, prompt, 3.0)
    time.sleep(0.3)
    os.write(fd, b"\n")
    out += _read(fd, prompt, 3.0)
    steps.append(("kill %1 ends it, with a notice by the next prompt",
                  bool(re.search(r"Terminated\s+sleep 30", out)), out))
    step("a background job's Done notice at the next prompt",
         b"sleep 0.2 &\n", prompt, r"\[1\] \d+")
    time.sleep(0.5)
    step("  ... [1] + Done", b"\n", prompt, r"\[1\] \+ Done\s+sleep 0.2")
    step("fg brings a job back", b"sleep 0.5 &\n", prompt, r"\[1\] \d+")
    step("  ... and waits for it", b"fg\n", prompt, r"sleep 0.5\r?\n" + prompt)
    step("^C interrupts a foreground sleep", b"sleep 30\n", "sleep 30", "sleep 30",
         timeout=1.0)
    time.sleep(0.3)
    step("  ... back at the prompt", b"\x03", prompt, prompt)
    step("  ... with status 130", b"echo st=$?\n", prompt, r"st=130")
    step("an error does not end an interactive shell", b"echo ${nope?gone}; echo no\n",
         prompt, r"nope: gone\r?\n" + prompt)
    step("  ... it goes on", b"echo alive\n", prompt, r"alive\r?\n" + prompt)
    os.write(fd, b"\x04")
    status = None
    end = time.monotonic() + 3
    while time.monotonic() < end:
        p, st = os.waitpid(pid, os.WNOHANG)
        if p:
            status = st
            break
        _read(fd, "x^", 0.1)
    if status is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    steps.append(("^D on an empty line ends the shell, status 0",
                  status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0,
                  f"wait status {status}"))
    os.close(fd)
    return steps


def main():
    failed = 0
    for shell in sys.argv[1:]:
        for name, ok, out in run(os.path.abspath(shell)):
            tag = os.path.basename(shell)
            if ok:
                print(f"ok - {tag}: {name}")
            else:
                failed += 1
                print(f"not ok - {tag}: {name}: {out!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
