#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""`make run` driven over its serial console, as a person at the terminal would: wait for the
shell's prompt (any prompt ending in "# " or "$ "), run a pipeline and read its output, edit
a line with a cursor key and recall it from the history, then `poweroff` and wait for QEMU
to end. Needs Python's pexpect (Debian's python3-pexpect).

  scripts/makerun_test.py [--build DIR] [--timeout SECONDS]

Runs `make run O=DIR` itself, so it boots exactly what `make run` boots; hold the QEMU lock:
  flock /tmp/qemu.lock scripts/makerun_test.py

Prints "ok - STEP" or "not ok - STEP: what came"; as a module, run(build, timeout) returns
[(step, ok, detail)] for scripts/run-tests, or None when pexpect is missing.
"""
import argparse
import os
import re
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPT = r"[#$] "


def run(build, timeout=180.0, log=None):
    try:
        import pexpect
    except ImportError:
        return None
    steps = []
    env = dict(os.environ)
    env.pop("MAKEFLAGS", None)  # a make of our own, not a part of make test's
    env.pop("MAKELEVEL", None)
    start = time.monotonic()
    child = pexpect.spawn("make", ["-s", "--no-print-directory", "run", f"O={build}"],
                          cwd=ROOT, env=env, timeout=timeout, encoding="utf-8",
                          codec_errors="replace", dimensions=(24, 80))
    if log:
        child.logfile_read = log

    def tail():
        return (child.before or "")[-800:]

    try:
        # A boot message could end in "# " too: the prompt is the last thing on the console,
        # so it must still be last a moment later.
        seen = False
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            child.expect(r"\n[^\n]*" + PROMPT,
                         timeout=max(end - time.monotonic(), 1))
            try:
                child.expect(r".+", timeout=1.0)
            except pexpect.TIMEOUT:
                seen = True
                break
        steps.append(("the shell's prompt on the serial console", seen,
                      f"{time.monotonic() - start:.1f} s from make run"))
        child.sendline("echo hello mica | tr a-z A-Z")
        idx = child.expect([r"HELLO MICA\r*\n[^\n]*" + PROMPT, pexpect.TIMEOUT], timeout=60)
        steps.append(("a pipeline: echo hello mica | tr a-z A-Z prints HELLO MICA",
                      idx == 0, tail()))
        child.sendline("echo $((6*7)) | while read x; do echo got $x; done")
        idx = child.expect([r"got 42\r*\n[^\n]*" + PROMPT, pexpect.TIMEOUT], timeout=60)
        steps.append(("a pipeline into a while-read loop", idx == 0, tail()))
        # the line editor on our serial tty: a left arrow, an insert, then the history
        child.send("echo mica-abd\x1b[Dc\r")
        idx = child.expect([r"\nmica-abcd\r*\n[^\n]*" + PROMPT, pexpect.TIMEOUT], timeout=60)
        steps.append(("the line editor: a left arrow, then an insert in the middle", idx == 0,
                      tail()))
        child.send("\x1b[A\r")
        idx = child.expect([r"\nmica-abcd\r*\n[^\n]*" + PROMPT, pexpect.TIMEOUT], timeout=60)
        steps.append(("up recalls the line from the history", idx == 0, tail()))
        child.sendline("poweroff")
        idx = child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=90)
        child.close()
        steps.append(("poweroff ends QEMU, and make run with status 0",
                      idx == 0 and child.exitstatus == 0,
                      f"status {child.exitstatus}, signal {child.signalstatus}"))
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        steps.append(("the session went as planned", False,
                      f"{type(e).__name__}: {tail()!r}"))
    finally:
        if child.isalive():
            child.terminate(force=True)
    return steps


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", default="build")
    p.add_argument("--timeout", type=float, default=180.0)
    a = p.parse_args()
    steps = run(a.build, a.timeout, log=sys.stderr if os.environ.get("V") else None)
    if steps is None:
        print("ok - make run over the serial console # SKIP no pexpect "
              "(apt-get install python3-pexpect)")
        return 0
    failed = 0
    for name, ok, detail in steps:
        print(f"{'ok' if ok else 'not ok'} - {name}" + ("" if ok else f": {detail!r}"))
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
