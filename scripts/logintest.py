#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Logs in over the serial console of `make run` (issue 13's test), as a person would.

The image boots as `make run` boots it (scripts/vmrun --interactive: QEMU's serial port on a
pseudo-terminal driven by pexpect). The console's getty logs root in by itself the first
time; root leaves a sleeping process behind and logs out. At the login prompt a wrong
password must say "Login incorrect"; then the ordinary user logs in with "user", runs id and
ls, cannot read /etc/shadow, cannot kill init nor root's process (EPERM), changes its
password with passwd and proves it through su, and at last powers the machine off through
su (root has no password) and QEMU must end cleanly.

Prints TAP; exit status 0 if every step passed. Needs python3-pexpect (SKIP: exit 77).

usage: scripts/logintest.py [--image IMG] [--log FILE] [--timeout SEC]
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


class Steps:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, why=""):
        self.n += 1
        if not cond:
            self.failed += 1
        print(f"{'ok' if cond else 'not ok'} {self.n} - {name}" +
              (f"\n# {why}" if not cond and why else ""), flush=True)
        return cond


def tour(run, child, expect, steps):
    """Issue 13's "done when", typed as root: the pipelines, ps, top, find, vi, busybox's
    tar."""
    out, status = run("ls -l /bin | grep sh")
    steps.ok(status == 0 and re.search(r"^-r[-w]xr-xr-x .* sh\r*$", out or "", re.M),
             "ls -l /bin | grep sh: our sh, a file of its own", repr(out))
    out, status = run("cat /proc/meminfo | head -3")
    steps.ok(status == 0 and re.search(r"MemTotal: +\d+ kB\r*\nMemFree: +\d+ kB\r*\n"
                                       r"MemAvailable: +\d+ kB", out or ""),
             "cat /proc/meminfo | head -3", repr(out))
    out, status = run("ps -ef")
    steps.ok(status == 0 and re.search(r"^root +1 +0 .*init", out or "", re.M),
             "ps -ef shows init as pid 1", repr(out))
    out, status = run("find / -name '*.conf'")
    steps.ok(status == 0 and re.search(r"^/etc/resolv\.conf\r*$", out or "", re.M)
             and "find:" not in (out or ""),
             "find / -name '*.conf' finds /etc/resolv.conf, and no error", repr(out))
    child.sendline("top -d 1")
    ok = expect(r"Tasks: +\d+ total") and expect(r"Tasks: +\d+ total")
    child.send("q")
    out, status = run("echo back")
    steps.ok(ok and status == 0, "top refreshes and quits on q", repr(out))
    child.sendline("vi /tmp/note.txt")
    expect(r"/tmp/note\.txt")
    child.send("ihello from vi\x1b")
    child.send(":wq\r")
    out, status = run("cat /tmp/note.txt")
    steps.ok(status == 0 and re.search(r"^hello from vi\r*$", out or "", re.M),
             "vi writes a file that cat reads back", repr(out))
    out, status = run("tar czf /tmp/etc.tgz /etc && tar tzf /tmp/etc.tgz")
    steps.ok(status == 0 and re.search(r"^etc/passwd\r*$", out or "", re.M),
             "busybox's tar czf a directory, and tar tzf lists it", repr(out))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--image", default=os.path.join(HERE, "..", "build", "disk.img"))
    p.add_argument("--log", default=None)
    p.add_argument("--timeout", type=float, default=90)
    a = p.parse_args(argv)
    try:
        import pexpect
    except ImportError:
        print("1..0 # SKIP no python3-pexpect (Debian's python3-pexpect)")
        return 77
    log = open(a.log, "w") if a.log else None
    steps = Steps()
    child = pexpect.spawn(os.path.join(HERE, "vmrun"),
                          ["--interactive", "--image", a.image, "--smp", "2"],
                          timeout=a.timeout, encoding="utf-8", codec_errors="replace",
                          dimensions=(24, 200))
    child.logfile_read = log
    marker = [0]

    def run(cmd, want=None, timeout=None):
        """Runs cmd in the shell; returns its output (up to an end mark) and status."""
        marker[0] += 1
        end = f"END{marker[0]}"
        # The mark is computed, so that the echo of the command line does not match it.
        child.sendline(f"{cmd}; echo {end[:3]}''{end[3:]}=$?")
        i = child.expect([end + r"=(\d+)", pexpect.TIMEOUT, pexpect.EOF],
                         timeout=timeout or a.timeout)
        if i:
            return None, None
        out = child.before
        return out, int(child.match.group(1))

    def expect(pattern, timeout=None):
        try:
            child.expect(pattern, timeout=timeout or a.timeout)
            return True
        except (pexpect.TIMEOUT, pexpect.EOF):
            return False

    try:
        # 1. Boot: getty -a gives root a shell at once.
        steps.ok(expect("Welcome to Mica", timeout=max(a.timeout, 120)),
                 "boot ends in a root session (motd shown)")
        out, status = run("id -u")
        steps.ok(status == 0 and re.search(r"^0\r*$", out or "", re.M),
                 "the automatic session is root's", repr(out))
        tour(run, child, expect, steps)
        # Deaf to the hangup its session's end brings.
        out, status = run("(trap '' HUP; exec sleep 1000) & echo ROOTPID=$!")
        m = re.search(r"ROOTPID=(\d+)", out or "")
        rootpid = m.group(1) if m else None
        steps.ok(rootpid is not None, "root leaves a process behind", repr(out))
        child.sendline("exit")
        steps.ok(expect(r"login: "), "after logout: a login prompt")

        # 2. A wrong password.
        child.sendline("user")
        steps.ok(expect("Password: "), "login asks for the password")
        child.sendline("not-the-password")
        steps.ok(expect("Login incorrect"), "a wrong password: Login incorrect")
        steps.ok(expect(r"login: "), "and a login prompt again")

        # 3. The ordinary user.
        child.sendline("user")
        expect("Password: ")
        child.sendline("user")
        steps.ok(expect("Welcome to Mica"), "user logs in with password user (motd)")
        out, status = run("id")
        steps.ok(status == 0 and "uid=1000(user) gid=1000(user)" in (out or ""),
                 "id says uid=1000(user) gid=1000(user)", repr(out))
        out, status = run("pwd; ls -a /home/user")
        steps.ok(status == 0 and "/home/user" in (out or ""), "ls /home/user, at home",
                 repr(out))
        out, status = run("cat /etc/shadow")
        steps.ok(status != 0 and "Permission denied" in (out or ""),
                 "cat /etc/shadow: Permission denied", repr(out))
        out, status = run("kill -9 1")
        steps.ok(status != 0 and re.search(r"(?i)not permitted", out or ""),
                 "kill -9 1: Operation not permitted", repr(out))
        if rootpid:
            out, status = run(f"kill -9 {rootpid}")
            steps.ok(status != 0 and re.search(r"(?i)not permitted", out or ""),
                     "kill -9 of root's sleep: Operation not permitted", repr(out))

        # 4. passwd, checked through su.
        child.sendline("passwd")
        ok = expect("Current password: ")
        child.sendline("user")
        ok = ok and expect("New password: ")
        child.sendline("n3w-Secret")
        ok = ok and expect("Retype new password: ")
        child.sendline("n3w-Secret")
        ok = ok and expect("updated successfully")
        steps.ok(ok, "passwd changes user's password")
        child.sendline("su -c 'echo SU''=$(id -un)' user")
        expect("Password: ")
        child.sendline("n3w-Secret")
        steps.ok(expect(r"SU=user"), "su with the new password")
        child.sendline("su -c 'echo SU''=$(id -un)' user")
        expect("Password: ")
        child.sendline("user")
        steps.ok(expect("Authentication failure"), "su with the old one fails")
        out, status = run("ls -l /etc/shadow")
        steps.ok(status == 0 and re.search(r"^-rw-r----- .* root +shadow ", out or "", re.M),
                 "/etc/shadow stays 0640 root:shadow", repr(out))

        # 5. Power off through su: root has no password.
        child.sendline("su -c poweroff")
        steps.ok(expect(r"reboot: Power down"), "su -c poweroff: the kernel powers down")
        steps.ok(expect(pexpect.EOF, timeout=30), "QEMU ends")
        child.close()
        steps.ok(child.exitstatus == 0, "QEMU's exit status is 0",
                 f"status {child.exitstatus}, signal {child.signalstatus}")
    finally:
        if child.isalive():
            child.terminate(force=True)
        if log:
            log.close()
    print(f"1..{steps.n}")
    return 1 if steps.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
