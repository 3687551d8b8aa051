#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make bench's host side, without QEMU, on the committed sample (tests/host/bench_sample/):
the parser of the benchmark's lines, the initramfs writer, the report (the HTML parses, each
SVG is well-formed XML, the tables have their rows, nothing is loaded from elsewhere) and
scripts/bench-compare (a made-up 10 % regression is flagged, 3 % is not). Prints KTAP, as
the host tests do; scripts/run-tests counts it in make test."""
import copy
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLE = os.path.join(HERE, "bench_sample")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import benchlib  # noqa: E402

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def load_sample():
    return benchlib.load_results(os.path.join(SAMPLE, "results.json"))


@case
def parser_reads_the_console_lines():
    with open(os.path.join(SAMPLE, "console.log"), newline="") as f:
        runs = benchlib.parse_output(f.read().split("\n"))
    assert len(runs) == 2, runs
    first, second = runs
    assert first["start"]["libc"] == "musl" and second["start"]["libc"] == "mica"
    assert [r["op"] for r in first["records"]] == ["getpid", "pipe_rtt", "fork_rss"]
    assert first["records"][2]["param"] == 16 and first["records"][1]["median"] == 4563.5
    assert first["skips"] == [{"op": "ipc_null", "variant": "same-cpu", "reason": "ENOSYS"}]
    assert first["end"] == {"status": 0, "records": 3}
    assert len(first["errors"]) == 1 and "broken" in first["errors"][0]
    # The second program died (status 139): no @bench-end, which the runner reports.
    assert second["end"] is None and len(second["records"]) == 1


@case
def several_boots_make_one_figure():
    base = {"kernel": "mica", "cpu": "qemu64", "mode": "wall", "smp": 1, "libc": "musl",
            "op": "getpid", "variant": "", "param": None, "unit": "ns", "rounds": 3}
    samples = [dict(base, min=m, median=d) for m, d in ((10, 12), (9, 15), (11, 11))]
    samples.append(dict(base, op="stat", min=1, median=2))
    figs = benchlib.aggregate(samples)
    assert len(figs) == 2
    g = [f for f in figs if f["op"] == "getpid"][0]
    assert (g["min"], g["median"], g["rounds"], g["runs"]) == (9, 12, 9, 3), g


@case
def initramfs_is_newc_that_cpio_reads():
    entries = [("bin", benchlib.S_IFDIR | 0o755, None, None),
               ("dev", benchlib.S_IFDIR | 0o755, None, None),
               ("dev/console", benchlib.S_IFCHR | 0o600, None, (5, 1)),
               ("init", benchlib.S_IFREG | 0o755, b"\x7fELF" + bytes(range(256)) * 3, None),
               ("bin/x", benchlib.S_IFREG | 0o755, b"abc", None)]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "i.cpio")
        benchlib.write_newc(path, entries)
        with open(path, "rb") as f:
            blob = f.read()
        assert len(blob) % 512 == 0
        back = benchlib.read_newc(blob)
        assert [(n, m, d or b"", r or (0, 0)) for n, m, d, r in entries] == back, back
        if shutil.which("cpio"):
            r = subprocess.run(["cpio", "-it", "--quiet"], input=blob, capture_output=True)
            assert r.returncode == 0 and r.stdout.decode().split() == [e[0] for e in entries], r


class StrictHTML(html.parser.HTMLParser):
    """Every element closed in order (void ones excepted); counts what the checks need."""
    VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "source"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tags = [], [], {}
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for k, v in attrs:
            if k in ("src", "href") or (k == "xlink:href"):
                self.errors.append(f"external reference {k}={v}")
        if tag in ("script", "link", "iframe", "object", "embed", "img"):
            self.errors.append(f"<{tag}> in a self-contained report")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def make_report(res):
    d = tempfile.mkdtemp(prefix="bench-report.")
    rep = benchlib.write_report(res, d)
    with open(os.path.join(d, "report.html")) as f:
        page = f.read()
    with open(os.path.join(d, "report.md")) as f:
        md = f.read()
    shutil.rmtree(d)
    return rep, page, md


@case
def html_report_parses_and_is_self_contained():
    rep, page, _ = make_report(load_sample())
    p = StrictHTML()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors[:5]
    assert not p.stack, f"unclosed: {p.stack}"
    assert page.startswith("<!DOCTYPE html>")
    assert "url(" not in page and "@import" not in page and "@font-face" not in page
    assert p.tags.get("svg", 0) >= 3, p.tags  # the ratio chart and two series charts


@case
def every_svg_is_well_formed_xml():
    _, page, _ = make_report(load_sample())
    n, start = 0, page.find("<svg")
    while start >= 0:
        end = page.index("</svg>", start) + len("</svg>")
        root = ET.fromstring(page[start:end])
        assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
        assert root.find("{http://www.w3.org/2000/svg}title") is not None
        n += 1
        start = page.find("<svg", end)
    assert n >= 3, n
    # The series charts draw both kernels: a polyline each.
    assert page.count("<polyline") >= 4


def table(rep, title_start):
    for _, blocks in rep.sections:
        for kind, b in blocks:
            if kind == "table" and b["title"].startswith(title_start):
                return b
    raise AssertionError(f"no table {title_start!r}")


@case
def tables_have_the_expected_rows():
    res = load_sample()
    rep, page, md = make_report(res)
    t = table(rep, "Targets of issue 11")
    assert len(t["rows"]) == len(benchlib.TARGETS)
    byname = {r[0]: r for r in t["rows"]}
    assert byname["null syscall (getpid) <= 60 instructions"][1:3] == ["91", "344"]
    assert byname["IPC call+reply, same CPU, <= 400 instructions"][3].startswith("not met")
    assert byname["boot to init < 0.5 s (TCG)"][3].startswith("not met")
    c = table(rep, "Claims of")
    assert len(c["rows"]) == 3
    assert "9 instructions" in c["rows"][0][2]
    assert "420 instructions" in c["rows"][1][2] and "0.95 µs" in c["rows"][1][2]
    assert "47x the in-kernel call" in c["rows"][2][2] and "4.6x getpid" in c["rows"][2][2]
    per_op = table(rep, "icount, 1 CPU, libc musl")
    ops = [r[0] for r in per_op["rows"]]
    for op in ("getpid", "pipe_rtt [same-cpu]", "fork_exit_wait", "stat", "ipc_null [same-cpu]"):
        assert op in ops, ops
    getpid = per_op["rows"][ops.index("getpid")]
    assert getpid[1:] == ["91", "344", "0.26"], getpid
    ipc = table(rep, "IPC, icount, qemu64, 1 CPU")
    assert [r[0] for r in ipc["rows"]] == ["ipc_null [same-cpu]", "ipc_echo64 [same-cpu]"]
    assert "4.62x getpid" in ipc["rows"][0][2] and "2.35x kecho64" in ipc["rows"][1][2]
    smp = table(rep, "icount, qemu64, libc musl: 1 and 2 CPUs")
    assert smp["rows"][[r[0] for r in smp["rows"]].index("getpid")][1:] == \
        ["91", "95", "344", "350"]
    series = table(rep, "fork_rss")
    assert [r[0] for r in series["rows"]] == ["1", "16", "128"]
    # The same tables in both renderings.
    for _, blocks in rep.sections:
        for kind, b in blocks:
            if kind == "table":
                assert f"**{b['title']}**" in md and b["title"] in page.replace("&#x27;", "'")
    assert md.count("| getpid |") >= 2


@case
def figures_print_without_exponents():
    # 999.6 instructions (a median of two rounds) once printed as "1e+03".
    assert benchlib.fmt(999.6) == "1,000" and benchlib.fmt(999.4) == "999"
    assert benchlib.fmt(1234.5) == "1,234" and benchlib.fmt(0.4567) == "0.457"
    assert benchlib.fmt(90.4) == "90.4" and benchlib.fmt(0) == "0" and benchlib.fmt(None) == "–"


def load_runner():
    import importlib.machinery
    import importlib.util
    path = os.path.join(ROOT, "scripts", "bench")
    loader = importlib.machinery.SourceFileLoader("bench_runner", path)
    spec = importlib.util.spec_from_loader("bench_runner", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


@case
def the_matrix_runs_both_builds_on_both_kernels():
    import argparse
    runner = load_runner()
    base = dict(only=None, cpu=None, smp=None, kernel=None, mode=None, wall_cpu="qemu64")
    for quick, runs in ((True, 1), (False, 5)):
        icount, wall = runner.plan(argparse.Namespace(quick=quick, runs=runs, **base))
        benches = [j for j in icount + wall if j.kind == "bench"]
        ran = {(j.kernel, p) for j in benches for p, _ in j.programs}
        assert ran == {(k, p) for k in ("mica", "linux") for p in ("bench", "bench.musl")}, ran
        assert all(j.mode == "icount" for j in icount) and all(j.mode == "wall" for j in wall)
        assert any(j.kind == "opscall" for j in icount) and any(j.kind == "opscall" for j in wall)
        for j in benches:
            clock = "--clock=tsc" if j.mode == "icount" else "--clock=ns"
            assert all(clock in args and ("--quick" in args) == quick for _, args in j.programs)
        # icount only on one CPU (QEMU's round-robin vCPUs starve each other there).
        assert not [j for j in icount if j.smp > 1]
        per_kernel = {}
        for j in wall:
            if j.kind == "bench":
                per_kernel[(j.kernel, j.smp)] = per_kernel.get((j.kernel, j.smp), 0) + 1
        assert set(per_kernel.values()) == {runs}, per_kernel
        # Each wall round boots Mica once more to its shell's prompt (boot_to_prompt).
        assert len([j for j in wall if j.kind == "prompt"]) == runs
        assert all(j.kernel == "mica" and j.smp == 1 for j in wall if j.kind == "prompt")
        if quick:
            assert len(icount) == 3 and len(wall) == 4, (len(icount), len(wall))
        else:
            assert {j.cpu for j in icount} == {"qemu64", "max,-erms"}
            assert {(j.kernel, j.smp) for j in wall} >= {("mica", 2), ("linux", 2)}
            # Interleaved: the first kernel of a round alternates.
            firsts = [wall[i].kernel for i in range(0, len(wall), 6)]
            assert firsts[:2] == ["mica", "linux"], firsts
    one, none = runner.plan(argparse.Namespace(quick=False, runs=1, **dict(
        base, kernel="linux", cpu="qemu64", smp=1, mode="icount", only="getpid")))
    assert len(one) == 1 and not none and one[0].programs == [
        ("bench.musl", ["--clock=tsc", "--only=getpid"])], one[0].programs


def compare_run(old, new, *extra):
    with tempfile.TemporaryDirectory() as d:
        po, pn = os.path.join(d, "old.json"), os.path.join(d, "new.json")
        for path, r in ((po, old), (pn, new)):
            with open(path, "w") as f:
                json.dump(r, f)
        return subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench-compare"),
                               *extra, po, pn], capture_output=True, text=True)


@case
def bench_compare_flags_a_ten_percent_regression():
    old = load_sample()
    new = copy.deepcopy(old)
    target = [f for f in new["figures"] if f["kernel"] == "mica" and f["op"] == "stat"
              and f["mode"] == "icount"][0]
    target["median"] *= 1.10
    r = compare_run(old, new)
    assert r.returncode == 1, r.stdout[-300:]
    flagged = [l for l in r.stdout.splitlines() if l.endswith("WORSE")]
    assert len(flagged) == 1 and " stat " in flagged[0] and "+10.0%" in flagged[0], flagged
    same = compare_run(old, old)
    assert same.returncode == 0 and "0 more than 5 % worse" in same.stdout, same.stdout[-300:]
    target["median"] = target["median"] / 1.10 * 1.03
    small = compare_run(old, new)
    assert small.returncode == 0, small.stdout[-300:]
    # Better is never flagged; a figure only in one file is listed, not flagged.
    target["median"] = target["median"] / 2
    new["figures"].append(dict(target, op="new_op"))
    better = compare_run(old, new)
    assert better.returncode == 0 and "only in" in better.stdout, better.stdout[-300:]
    assert compare_run(old, new, "--threshold", "1").returncode == 0


def main():
    print("KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: bench_report")
    print(f"    1..{len(CASES)}")
    failed = 0
    for i, fn in enumerate(CASES, 1):
        try:
            fn()
            print(f"    ok {i} {fn.__name__}")
        except Exception as e:  # noqa: BLE001 - any exception is that case's failure
            failed += 1
            for line in f"{type(e).__name__}: {e}".splitlines()[:10]:
                print(f"    # {fn.__name__}: {line}")
            print(f"    not ok {i} {fn.__name__}")
    print(f"{'not ok' if failed else 'ok'} 1 bench_report")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
