#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Writes a directory as a newc cpio archive (the initramfs), with owners and modes from a
manifest instead of the files' own: the image is built without root, yet /etc/shadow and
/home/user must belong to their owners and su must be set-user-ID.

usage: mkcpio.py DIR [--perms MANIFEST]... > archive.cpio

A manifest line is "PATH MODE UID GID" (PATH from the root, MODE octal, the permission bits
and set-ID bits only); "#" starts a comment. Anything not listed is root's (0:0) with its own
mode, as "cpio -R 0:0" gives. Members come in sorted order with inode numbers counted from 1,
every mtime 0: the same tree gives the same archive."""
import os
import stat
import sys


def load_perms(paths):
    perms = {}
    for path in paths:
        with open(path) as f:
            for n, line in enumerate(f, 1):
                line = line.split("#", 1)[0].split()
                if not line:
                    continue
                if len(line) != 4:
                    sys.exit(f"mkcpio.py: {path}:{n}: want PATH MODE UID GID")
                perms["/" + line[0].strip("/")] = (int(line[1], 8), int(line[2]), int(line[3]))
    return perms


def member(out, ino, name, mode, uid, gid, data, nlink=1):
    fields = [ino, mode, uid, gid, nlink, 0, len(data), 0, 0, 0, 0, len(name) + 1, 0]
    head = b"070701" + b"".join(b"%08X" % v for v in fields)
    out.write(head + name.encode() + b"\0")
    out.write(b"\0" * (-(len(head) + len(name) + 1) % 4))
    out.write(data)
    out.write(b"\0" * (-len(data) % 4))


def main(argv):
    root, manifests = None, []
    while argv:
        if argv[0] == "--perms" and len(argv) > 1:
            manifests.append(argv[1])
            argv = argv[2:]
        elif root is None:
            root, argv = argv[0], argv[1:]
        else:
            sys.exit(__doc__)
    if root is None:
        sys.exit(__doc__)
    perms = load_perms(manifests)
    names = []
    for dirpath, dirs, files in os.walk(root):
        for n in dirs + files:
            names.append(os.path.relpath(os.path.join(dirpath, n), root))
    out = sys.stdout.buffer
    ino = 1
    member(out, ino, ".", stat.S_IFDIR | 0o755, 0, 0, b"", 2)
    seen = set()
    for name in sorted(names):
        ino += 1
        path = os.path.join(root, name)
        st = os.lstat(path)
        mode, uid, gid = stat.S_IMODE(st.st_mode), 0, 0
        key = "/" + name
        if key in perms:
            mode, uid, gid = perms[key]
            seen.add(key)
        kind = stat.S_IFMT(st.st_mode)
        if kind == stat.S_IFLNK:
            data = os.readlink(path).encode()
        elif kind == stat.S_IFREG:
            with open(path, "rb") as f:
                data = f.read()
        else:
            data = b""
        member(out, ino, name, kind | mode, uid, gid, data, 2 if kind == stat.S_IFDIR else 1)
    missing = sorted(set(perms) - seen)
    if missing:
        sys.exit("mkcpio.py: in the manifest but not in the tree: " + " ".join(missing))
    member(out, 0, "TRAILER!!!", 0, 0, 0, b"")


if __name__ == "__main__":
    main(sys.argv[1:])
