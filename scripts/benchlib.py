# SPDX-License-Identifier: GPL-2.0
"""What make bench does without QEMU: the initramfs writer, the parser of the benchmark's
lines (docs/bench.md), results.json, the comparison of two results and the report.

scripts/bench (the runner), scripts/bench-compare and the report check of make test
(tests/host/bench_report_test.py) share it. Python 3 standard library only.
"""
import html
import json
import math
import os
import re
import statistics

# ---------------------------------------------------------------------------------------------
# The initramfs: a newc cpio written directly (no cpio tool, no root for the device nodes).

S_IFDIR, S_IFREG, S_IFCHR = 0o040000, 0o100000, 0o020000


def newc_entry(name, mode, data=b"", rdev=(0, 0), ino=1):
    name_b = name.encode() + b"\0"
    fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0]
    hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
    out = hdr + name_b
    out += b"\0" * (-len(out) % 4)
    out += data
    out += b"\0" * (-len(out) % 4)
    return out


def write_newc(path, entries):
    """entries: (name, mode, data, rdev) in order, directories before their contents."""
    blob = b"".join(newc_entry(n, m, d or b"", r or (0, 0), ino=i + 1)
                    for i, (n, m, d, r) in enumerate(entries))
    blob += newc_entry("TRAILER!!!", 0, ino=0)
    blob += b"\0" * (-len(blob) % 512)
    with open(path, "wb") as f:
        f.write(blob)


def read_newc(blob):
    """[(name, mode, data, (rdevmajor, rdevminor))]: for checking what write_newc wrote."""
    out, off = [], 0
    while True:
        if blob[off:off + 6] != b"070701":
            raise ValueError(f"bad newc magic at {off}")
        f = [int(blob[off + 6 + 8 * i:off + 14 + 8 * i], 16) for i in range(13)]
        namesize, filesize = f[11], f[6]
        name = blob[off + 110:off + 110 + namesize - 1].decode()
        off += 110 + namesize
        off += -off % 4
        data = blob[off:off + filesize]
        off += filesize
        off += -off % 4
        if name == "TRAILER!!!":
            return out
        out.append((name, f[1], data, (f[9], f[10])))


# ---------------------------------------------------------------------------------------------
# The benchmark's lines, as they arrive on a serial console (docs/bench.md).

LINE = re.compile(r"(?:^|\s)@(?P<kind>bench-start|bench-skip|bench-end|bench) (?P<json>\{.*\})\s*$")
PROGRESS = re.compile(r"@bench-progress (?P<op>\S+) (?P<i>\d+)/(?P<n>\d+)")


def parse_output(lines):
    """The benchmark runs in a console stream: [{start, records, skips, end, errors}], one per
    @bench-start. Lines that do not parse are kept in errors, never guessed at."""
    runs, cur = [], None
    for raw in lines:
        line = raw.rstrip("\r\n")
        m = LINE.search(line)
        if not m:
            continue
        kind = m.group("kind")
        try:
            obj = json.loads(m.group("json"))
        except ValueError as e:
            if cur is not None:
                cur["errors"].append(f"bad JSON ({e}): {line}")
            continue
        if kind == "bench-start":
            cur = {"start": obj, "records": [], "skips": [], "end": None, "errors": []}
            runs.append(cur)
        elif cur is None:
            continue
        elif kind == "bench":
            cur["records"].append(obj)
        elif kind == "bench-skip":
            cur["skips"].append(obj)
        elif kind == "bench-end":
            cur["end"] = obj
    return runs


# ---------------------------------------------------------------------------------------------
# results.json: one record per figure.

KEY = ("kernel", "cpu", "mode", "smp", "libc", "op", "variant", "param")
UNIT = {"icount": "instructions", "wall": "ns"}


def figure_key(r):
    return tuple(r.get(k) for k in KEY)


def aggregate(samples):
    """samples: raw per-boot records with the KEY fields and min, median, rounds. Several
    boots of one figure (the wall runs) become one: the least min, the median of the
    medians."""
    groups = {}
    for s in samples:
        groups.setdefault(figure_key(s), []).append(s)
    out = []
    for key, ss in groups.items():
        r = dict(ss[0])
        r["min"] = min(s["min"] for s in ss)
        r["median"] = statistics.median(s["median"] for s in ss)
        r["rounds"] = sum(s.get("rounds", 1) for s in ss)
        r["runs"] = len(ss)
        out.append(r)
    out.sort(key=lambda r: tuple("" if v is None else str(v) for v in figure_key(r)))
    return out


def load_results(path):
    with open(path) as f:
        res = json.load(f)
    if "figures" not in res or "meta" not in res:
        raise ValueError(f"{path}: not a make bench results file (no meta/figures)")
    return res


class Index:
    """Finding figures by their fields."""

    def __init__(self, figures):
        self.figures = figures
        self.by_key = {figure_key(r): r for r in figures}

    def get(self, kernel, cpu, mode, smp, libc, op, variant="", param=None):
        return self.by_key.get((kernel, cpu, mode, smp, libc, op, variant, param))

    def find(self, kernel, cpu, mode, smp, libc, op, variant=""):
        """The figure of op with this variant, else with none, else same-cpu."""
        for v in (variant, "", "same-cpu"):
            r = self.get(kernel, cpu, mode, smp, libc, op, v)
            if r:
                return r
        return None

    def value(self, *a, **k):
        r = self.find(*a, **k)
        return r["median"] if r else None


# ---------------------------------------------------------------------------------------------
# Comparing two results (scripts/bench-compare)

def compare(old, new, threshold=0.05):
    """Each figure present in both: (key, old, new, change). Lower is better for every figure
    (all are costs), so a change above threshold is a regression."""
    o = {figure_key(r): r for r in old["figures"]}
    n = {figure_key(r): r for r in new["figures"]}
    rows, worse = [], []
    for key in sorted(set(o) & set(n), key=lambda k: tuple(str(x) for x in k)):
        a, b = o[key]["median"], n[key]["median"]
        change = (b - a) / a if a else (0.0 if b == a else math.inf)
        rows.append((key, a, b, change))
        if change > threshold:
            worse.append(key)
    only_old = sorted(set(o) - set(n), key=lambda k: tuple(str(x) for x in k))
    only_new = sorted(set(n) - set(o), key=lambda k: tuple(str(x) for x in k))
    return rows, worse, only_old, only_new


def key_name(key):
    d = dict(zip(KEY, key))
    op = d["op"] + (f"[{d['variant']}]" if d["variant"] else "") + (
        f"({d['param']})" if d["param"] is not None else "")
    libc = f" {d['libc']}" if d["libc"] else ""
    return f"{d['kernel']} {d['cpu']} {d['mode']} smp{d['smp']}{libc} {op}"


# ---------------------------------------------------------------------------------------------
# The report

# The targets: (label, op, kind, bound): kind "abs" compares our figure (icount
# instructions) with the bound, "half" with bound x Linux's, "boot" the boot time in s.
TARGETS = [
    ("null syscall (getpid) <= 60 instructions", "getpid", "abs", 60),
    ("IPC call+reply, same CPU, <= 400 instructions", "ipc_null", "abs", 400),
    ("pipe round trip <= 1/2 Linux", "pipe_rtt", "half", 0.5),
    ("fork+exit+wait <= 1/2 Linux", "fork_exit_wait", "half", 0.5),
    ("fork+execve+wait <= 1/2 Linux", "fork_exec_wait", "half", 0.5),
    ("open+close <= 1/2 Linux", "open_close", "half", 0.5),
    ("stat <= 1/2 Linux", "stat", "half", 0.5),
    ("mmap+touch+munmap 4 KiB <= 1/2 Linux", "mmap_4k", "half", 0.5),
    ("boot to init < 0.5 s (TCG)", "boot_to_init", "boot", 0.5),
    ("boot to the shell's prompt < 1 s (TCG)", "boot_to_prompt", "boot", 1.0),
]

# The boot-time figures, kept apart from the per-operation tables.
BOOT_OPS = ("boot_to_init", "boot_to_prompt")

# IPC beside what it replaces: (IPC op, its variant, [(baseline op, baseline variant)]).
IPC_PAIRS = [
    ("ipc_null", "same-cpu", [("getpid", ""), ("kernel_ops_call", "")]),
    ("ipc_null", "cross-cpu", [("getpid", "")]),
    ("ipc_regs48", "same-cpu", [("getpid", ""), ("ipc_null", "same-cpu")]),
    ("ipc_echo64", "same-cpu", [("pipe_echo64", "same-cpu"), ("pipe_rtt", "same-cpu"),
                                ("kecho64", "")]),
    ("ipc_echo64", "cross-cpu", [("pipe_echo64", "cross-cpu"), ("pipe_rtt", "cross-cpu"),
                                 ("kecho64", "")]),
    ("ipc_bulk", "4k", [("pread_tmpfs", "4k"), ("pread_4k", "")]),
    ("ipc_bulk", "64k", [("pread_tmpfs", "64k")]),
]

SERIES = {"fork_rss": ("fork+exit+wait against the parent's resident memory", "MiB"),
          "path_depth": ("stat against the path's depth", "components"),
          "pipe_tput": ("moving 1 MiB through a pipe against the bytes per write", "bytes")}

KERNEL_NAME = {"mica": "Mica", "linux": "Linux"}


def fmt(v, digits=3):
    if v is None:
        return "–"
    if isinstance(v, str):
        return v
    if v == 0:
        return "0"
    if abs(v) >= 10 ** digits - 0.5:  # what rounds to 1000 would print as 1e+03
        return f"{v:,.0f}"
    return f"{v:.{digits}g}"


def ratio(a, b):
    return a / b if a is not None and b else None


class Report:
    """The report's content, once, as tables (title, header, rows, note) and charts; the two
    renderers (markdown and HTML) only lay it out."""

    def __init__(self, res):
        self.res = res
        self.meta = res["meta"]
        self.idx = Index(res["figures"])
        self.main_libc = self.meta.get("main_libc", "musl")
        self.sections = []  # (title, [blocks]); a block is ("table", t) / ("svg", s) / ("p", s)

    # -- helpers over the figures
    def configs(self, mode=None):
        cs = sorted({(r["mode"], r["cpu"], r["smp"], r["libc"]) for r in self.idx.figures
                     if r["op"] not in BOOT_OPS + ("kernel_ops_call",)
                     and (mode is None or r["mode"] == mode)})
        return cs

    def ops(self, pred=lambda r: True):
        seen = []
        for r in self.idx.figures:
            k = (r["op"], r["variant"])
            if r["param"] is None and r["op"] not in BOOT_OPS + ("kernel_ops_call",) \
                    and pred(r) and k not in seen:
                seen.append(k)
        order = self.meta.get("op_order", [])
        return sorted(seen, key=lambda k: (order.index(k[0]) if k[0] in order else len(order),
                                           k[0], k[1]))

    def main_config(self, mode):
        """The reference figures of a mode: qemu64, one CPU, the main libc, if measured."""
        cs = self.configs(mode)
        for want in ((mode, "qemu64", 1, self.main_libc),):
            if want in cs:
                return want
        return cs[0] if cs else None

    def kernel_call(self, mode):
        for cpu in ("qemu64", self.meta.get("wall_cpu", "qemu64")):
            r = self.idx.get("mica", cpu, mode, 1, "", "kernel_ops_call")
            if r:
                return r
        rs = [r for r in self.idx.figures if r["op"] == "kernel_ops_call" and r["mode"] == mode]
        return rs[0] if rs else None

    def skip_reason(self, op, variant=""):
        for s in self.res.get("skips", []):
            if s.get("op") == op and s.get("variant", "") in (variant, ""):
                return s.get("reason", "skipped")
        return None

    # -- sections
    def build(self):
        self.sections.append(("Parameters", [("table", self.parameters())]))
        self.sections.append(("The issue's targets", [("table", self.targets())]))
        self.sections.append(("The concept card's claims", [("table", self.claims())]))
        blocks = []
        for mode in ("icount", "wall"):
            for smp in sorted({c[2] for c in self.configs(mode)}):
                for libc in sorted({c[3] for c in self.configs(mode) if c[2] == smp}):
                    t = self.per_op(mode, smp, libc)
                    if t:
                        blocks.append(("table", t))
        mc = self.main_config("icount")
        if mc:
            blocks.append(("svg", self.ratio_chart(mc)))
        self.sections.append(("Each operation, Mica against Linux", blocks))
        self.sections.append(("One CPU and two", [("table", t) for t in self.smp_tables()]))
        self.sections.append(("IPC beside the syscall, the pipe and the in-kernel copy",
                              [("table", t) for t in self.ipc_tables()]))
        blocks = []
        for op in SERIES:
            for mode in ("icount", "wall"):
                c = self.main_config(mode)
                if c and any(r["op"] == op for r in self.idx.figures):
                    t, svg = self.series(op, c)
                    if t["rows"]:
                        blocks += [("svg", svg), ("table", t)]
        self.sections.append(("Scaling series", blocks))
        self.sections.append(("Boot time", [("table", self.boot())]))
        skips = self.res.get("skips", [])
        if skips:
            rows = sorted({(s.get("kernel", ""), s.get("libc", ""), s["op"], s.get("variant", ""),
                            s.get("reason", "")) for s in skips})
            self.sections.append(("Skipped operations", [("table", {
                "title": "Operations the benchmark skipped", "header":
                ["kernel", "libc", "op", "variant", "reason"], "rows": [list(r) for r in rows],
                "note": ""})]))
        return self

    def parameters(self):
        m = self.meta
        rows = [["date", m.get("date", "")], ["QEMU", m.get("qemu", "")],
                ["machine", m.get("machine", "")],
                ["CPU models", ", ".join(m.get("cpus", []))],
                ["memory", m.get("mem", "")],
                ["matrix", m.get("matrix", "")]]
        for k in ("mica", "linux"):
            kk = m.get("kernels", {}).get(k, {})
            rows.append([f"{KERNEL_NAME[k]} kernel",
                         f"{kk.get('release', '?')}; {kk.get('version', '')}; "
                         f"config {kk.get('config', '?')}"])
        for k, v in m.get("libcs", {}).items():
            rows.append([f"libc {k}", v])
        rows.append(["which libc where", m.get("libc_use", "")])
        rows.append(["host", m.get("host", "")])
        rows.append(["source", m.get("source", "")])
        if m.get("notes"):
            rows.append(["notes", m["notes"]])
        return {"title": "The run", "header": ["parameter", "value"], "rows": rows,
                "note": "Figures under icount are guest instructions (-icount shift=0: one TSC "
                        "tick per instruction); wall figures are ns of CLOCK_MONOTONIC under "
                        "plain TCG, median of the runs' medians."}

    def targets(self):
        rows = []
        mc = self.main_config("icount")
        for label, op, kind, bound in TARGETS:
            if kind == "boot":
                r = self.idx.get("mica", self.meta.get("wall_cpu", "qemu64"), "wall",
                                 self.meta.get("wall_smp", 1), "", op)
                got = r["median"] / 1000 if r else None
                li = self.idx.get("linux", self.meta.get("wall_cpu", "qemu64"), "wall",
                                  self.meta.get("wall_smp", 1), "", op)
                rows.append([label, f"{fmt(got)} s" if got is not None else "not measured",
                             f"{fmt(li['median'] / 1000)} s" if li else "–",
                             verdict(got, bound)])
                continue
            if not mc:
                rows.append([label, "not measured", "–", "–"])
                continue
            _, cpu, smp, libc = mc
            ours = self.idx.find("mica", cpu, "icount", smp, libc, op, "same-cpu")
            lin = self.idx.find("linux", cpu, "icount", smp, libc, op, "same-cpu")
            if not ours:
                why = self.skip_reason(op, "same-cpu")
                rows.append([label, f"not measured ({why})" if why else "not measured",
                             fmt(lin["median"]) if lin else "–", "–"])
                continue
            if kind == "abs":
                rows.append([label, fmt(ours["median"]), fmt(lin["median"]) if lin else "–",
                             verdict(ours["median"], bound)])
            else:
                rt = ratio(ours["median"], lin["median"] if lin else None)
                rows.append([label, fmt(ours["median"]), fmt(lin["median"]) if lin else "–",
                             (f"{rt:.2f}x Linux: " + ("met" if rt <= bound else "not met"))
                             if rt is not None else "–"])
        where = f"icount, {mc[1]}, {mc[2]} CPU, {mc[3]}" if mc else "icount"
        return {"title": "Targets of issue 11", "header": ["target", "Mica", "Linux", "stands"],
                "rows": rows, "note": f"Instructions per operation ({where}); boot time under "
                                      "plain TCG, QEMU start to init's first line."}

    def claims(self):
        mc = self.main_config("icount")
        wc = self.main_config("wall")
        kc_i, kc_w = self.kernel_call("icount"), self.kernel_call("wall")
        ipc_i = self.idx.find("mica", mc[1], "icount", mc[2], mc[3], "ipc_null", "same-cpu") \
            if mc else None
        ipc_w = self.idx.find("mica", wc[1], "wall", wc[2], wc[3], "ipc_null", "same-cpu") \
            if wc else None
        gp_i = self.idx.find("mica", mc[1], "icount", mc[2], mc[3], "getpid") if mc else None
        why = self.skip_reason("ipc_null", "same-cpu")
        missing = f"not measured ({why})" if why else "not measured"

        def v(r, unit):
            return f"{fmt(r['median'])} {unit}" if r else missing

        rows = [
            ["A function call inside a monolith costs nanoseconds",
             "an indirect call through an ops table in our kernel (ktest opscall)",
             f"{v(kc_i, 'instructions')}; {v(kc_w, 'ns')} under TCG"],
            ["An IPC round trip costs ~1 µs even on seL4",
             "our ipc_null: call + reply to a user-space server, one CPU",
             f"{v(ipc_i, 'instructions')}; {v(ipc_w, 'ns')} under TCG"
             + (f" ({ipc_w['median'] / 1000:.2f} µs)" if ipc_w else "")],
            ["Mach was ~50x slower",
             "our ipc_null against the in-kernel call and against getpid",
             (f"{ipc_i['median'] / kc_i['median']:.0f}x the in-kernel call"
              if ipc_i and kc_i else "x call: " + missing) + "; " +
             (f"{ipc_i['median'] / gp_i['median']:.1f}x getpid" if ipc_i and gp_i
              else "x getpid: " + missing)],
        ]
        return {"title": "Claims of ../shared/seeds/ beside what we measured",
                "header": ["claim", "what we measure", "measured"], "rows": rows,
                "note": "Instructions under icount on " + (mc[1] if mc else "?") +
                        "; ns under plain TCG (an emulator: read them as relative costs)."}

    def per_op(self, mode, smp, libc):
        cpus = sorted({c[1] for c in self.configs(mode) if c[2] == smp and c[3] == libc})
        ops = self.ops(lambda r: r["mode"] == mode and r["smp"] == smp and r["libc"] == libc)
        if not ops:
            return None
        header = ["op"]
        for cpu in cpus:
            header += [f"Mica {cpu}", f"Linux {cpu}", f"ratio {cpu}"]
        rows = []
        for op, variant in ops:
            row = [op + (f" [{variant}]" if variant else "")]
            for cpu in cpus:
                a = self.idx.get("mica", cpu, mode, smp, libc, op, variant)
                b = self.idx.get("linux", cpu, mode, smp, libc, op, variant)
                a, b = (a["median"] if a else None), (b["median"] if b else None)
                rt = ratio(a, b)
                row += [fmt(a), fmt(b), f"{rt:.2f}" if rt is not None else "–"]
            rows.append(row)
        return {"title": f"{mode}, {smp} CPU{'s' if smp > 1 else ''}, libc {libc}: "
                         f"{UNIT[mode]} per operation (median)",
                "header": header, "rows": rows,
                "note": "ratio = Mica / Linux: below 1 Mica is cheaper."}

    def smp_tables(self):
        out = []
        for mode in ("icount", "wall"):
            groups = {}
            for (m, cpu, smp, libc) in self.configs(mode):
                groups.setdefault((cpu, libc), set()).add(smp)
            for (cpu, libc), smps in sorted(groups.items()):
                if not {1, 2} <= smps:
                    continue
                rows = []
                for op, variant in self.ops(lambda r: r["mode"] == mode and r["cpu"] == cpu
                                            and r["libc"] == libc):
                    vals = [self.idx.get(k, cpu, mode, s, libc, op, variant)
                            for k in ("mica", "linux") for s in (1, 2)]
                    rows.append([op + (f" [{variant}]" if variant else "")] +
                                [fmt(v["median"]) if v else "–" for v in vals])
                out.append({"title": f"{mode}, {cpu}, libc {libc}: 1 and 2 CPUs",
                            "header": ["op", "Mica 1 CPU", "Mica 2 CPUs", "Linux 1 CPU",
                                       "Linux 2 CPUs"], "rows": rows,
                            "note": f"{UNIT[mode]} per operation (median)."})
        return out

    def ipc_tables(self):
        out = []
        for (mode, cpu, smp, libc) in self.configs():
            rows = []
            for op, variant, bases in IPC_PAIRS:
                r = self.idx.get("mica", cpu, mode, smp, libc, op, variant)
                if not r and variant == "same-cpu":  # a program that names no placement
                    r = self.idx.get("mica", cpu, mode, smp, libc, op, "")
                if not r:
                    continue
                cells = []
                for bop, bvar in bases:
                    if bop == "kernel_ops_call":
                        b = self.kernel_call(mode)
                    else:
                        b = self.idx.get("mica", cpu, mode, smp, libc, bop, bvar) or (
                            self.idx.find("mica", cpu, mode, smp, libc, bop, bvar)
                            if bvar in ("", "same-cpu") else None)
                    if b:
                        cells.append(f"{r['median'] / b['median']:.2f}x {bop}"
                                     f"{' [' + bvar + ']' if bvar else ''} ({fmt(b['median'])})")
                rows.append([f"{op} [{variant}]", fmt(r["median"]), "; ".join(cells) or "–"])
            if rows:
                out.append({"title": f"IPC, {mode}, {cpu}, {smp} CPU{'s' if smp > 1 else ''}, "
                                     f"libc {libc}",
                            "header": ["IPC op", f"Mica ({UNIT[mode]})", "against"],
                            "rows": rows, "note": "Same data and sizes on both sides."})
        if not out:
            why = self.skip_reason("ipc_null", "same-cpu")
            out.append({"title": "IPC", "header": ["IPC op", "Mica", "against"],
                        "rows": [["ipc_null", "not measured" + (f" ({why})" if why else ""),
                                  "–"]], "note": ""})
        return out

    def series(self, op, config):
        mode, cpu, smp, libc = config
        title, xunit = SERIES[op]
        lines, params = {}, set()
        for k in ("mica", "linux"):
            pts = sorted((r["param"], r["median"]) for r in self.idx.figures
                         if r["op"] == op and r["kernel"] == k and r["mode"] == mode
                         and r["cpu"] == cpu and r["smp"] == smp and r["libc"] == libc
                         and r["param"] is not None)
            if pts:
                lines[KERNEL_NAME[k]] = pts
                params |= {p for p, _ in pts}
        rows = []
        for p in sorted(params):
            a = dict(lines.get("Mica", [])).get(p)
            b = dict(lines.get("Linux", [])).get(p)
            rt = ratio(a, b)
            rows.append([str(p), fmt(a), fmt(b), f"{rt:.2f}" if rt is not None else "–"])
        name = f"{op}: {title} ({mode}, {cpu}, {smp} CPU, {libc})"
        t = {"title": name, "header": [xunit, "Mica", "Linux", "ratio"], "rows": rows,
             "note": f"{UNIT[mode]} per operation" + (" (per MiB moved)" if op == "pipe_tput"
                                                       else "")}
        return t, line_chart(name, xunit, UNIT[mode], lines)

    def ratio_chart(self, config):
        mode, cpu, smp, libc = config
        bars = []
        for op, variant in self.ops(lambda r: r["mode"] == mode and r["cpu"] == cpu and
                                    r["smp"] == smp and r["libc"] == libc):
            a = self.idx.get("mica", cpu, mode, smp, libc, op, variant)
            b = self.idx.get("linux", cpu, mode, smp, libc, op, variant)
            if a and b and b["median"]:
                bars.append((op + (f" [{variant}]" if variant else ""),
                             a["median"] / b["median"]))
        return bar_chart(f"Mica / Linux, {mode}, {cpu}, {smp} CPU, {libc} (log scale; "
                         "left of 1: Mica cheaper)", bars)

    def boot(self):
        rows = []
        for op, what in (("boot_to_init", "init's first line"), ("boot_to_prompt", "prompt")):
            for k in ("mica", "linux"):
                for r in self.idx.figures:
                    if r["op"] == op and r["kernel"] == k:
                        rows.append([what, KERNEL_NAME[k], r["cpu"], f"{r['mode']}",
                                     str(r["smp"]), f"{r['min'] / 1000:.3f}",
                                     f"{r['median'] / 1000:.3f}", str(r.get("runs", 1))])
        return {"title": "QEMU start to init's first line, and to the shell's prompt "
                         "(s, host clock)",
                "header": ["to", "kernel", "cpu", "mode", "CPUs", "min", "median", "boots"],
                "rows": rows,
                "note": "Mica boots from its disk image through SeaBIOS and GRUB; Linux is "
                        "loaded by QEMU's -kernel (no boot loader) and decompresses itself. "
                        "The prompt is Mica's own boot as make run's (init, /etc/inittab, "
                        "getty's autologin, sh -l reading /etc/profile); Linux's initramfs "
                        "has no shell."}


def verdict(got, bound):
    if got is None:
        return "–"
    return "met" if got <= bound else f"not met ({got / bound:.1f}x the target)"


# ---------------------------------------------------------------------------------------------
# SVG charts: plain elements, no scripts or fonts from elsewhere.

COLORS = {"Mica": "#1f77b4", "Linux": "#d62728"}


def esc(s):
    return html.escape(str(s), quote=True)


def short(v):
    """An axis label: 14.1M rather than 14,135,064."""
    for div, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= div:
            return f"{v / div:.3g}{suffix}"
    return f"{v:.3g}"


def line_chart(title, xunit, yunit, lines, w=640, h=320):
    """lines: {name: [(x, y)]}; x on a log-2 axis (the series double), y linear from 0."""
    ml, mr, mt, mb = 70, 90, 40, 45
    pts = [p for ps in lines.values() for p in ps]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
           f'viewBox="0 0 {w} {h}" role="img" aria-label="{esc(title)}">',
           f'<title>{esc(title)}</title>',
           f'<rect x="0" y="0" width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w / 2}" y="16" font-size="12" text-anchor="middle">{esc(title)}</text>']
    if not pts:
        out.append(f'<text x="{w / 2}" y="{h / 2}" text-anchor="middle">no data</text></svg>')
        return "\n".join(out)
    xs = [math.log2(max(p[0], 1e-9)) for p in pts]
    x0, x1 = min(xs), max(xs)
    if x1 == x0:
        x1 = x0 + 1
    y1 = max(p[1] for p in pts) * 1.1 or 1

    def X(x):
        return ml + (math.log2(max(x, 1e-9)) - x0) / (x1 - x0) * (w - ml - mr)

    def Y(y):
        return h - mb - y / y1 * (h - mt - mb)

    out.append(f'<line x1="{ml}" y1="{h - mb}" x2="{w - mr}" y2="{h - mb}" stroke="black"/>')
    out.append(f'<line x1="{ml}" y1="{mt}" x2="{ml}" y2="{h - mb}" stroke="black"/>')
    for i in range(5):
        yv = y1 * i / 4
        out.append(f'<line x1="{ml - 4}" y1="{Y(yv):.1f}" x2="{w - mr}" y2="{Y(yv):.1f}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{ml - 6}" y="{Y(yv) + 4:.1f}" font-size="11" '
                   f'text-anchor="end">{esc(short(yv))}</text>')
    for xv in sorted({p[0] for p in pts}):
        out.append(f'<text x="{X(xv):.1f}" y="{h - mb + 16}" font-size="11" '
                   f'text-anchor="middle">{esc(xv)}</text>')
    out.append(f'<text x="{(ml + w - mr) / 2}" y="{h - 8}" font-size="12" '
               f'text-anchor="middle">{esc(xunit)} (log scale)</text>')
    out.append(f'<text x="14" y="{(mt + h - mb) / 2}" font-size="12" text-anchor="middle" '
               f'transform="rotate(-90 14 {(mt + h - mb) / 2})">{esc(yunit)}</text>')
    for i, (name, ps) in enumerate(lines.items()):
        color = COLORS.get(name, "#2ca02c")
        d = " ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in ps)
        out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{d}"/>')
        for x, y in ps:
            out.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="3" fill="{color}"/>')
        out.append(f'<rect x="{w - mr + 10}" y="{mt + 18 * i}" width="12" height="12" '
                   f'fill="{color}"/>')
        out.append(f'<text x="{w - mr + 28}" y="{mt + 18 * i + 11}" font-size="12">'
                   f'{esc(name)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def bar_chart(title, bars, w=640):
    """Horizontal bars of ratios on a log axis centred on 1."""
    row, ml, mr, mt = 18, 190, 60, 30
    h = mt + row * max(len(bars), 1) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
           f'viewBox="0 0 {w} {h}" role="img" aria-label="{esc(title)}">',
           f'<title>{esc(title)}</title>',
           f'<rect x="0" y="0" width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w / 2}" y="16" font-size="12" text-anchor="middle">{esc(title)}</text>']
    lim = max([abs(math.log10(r)) for _, r in bars if r > 0] + [1.0])
    mid = ml + (w - ml - mr) / 2
    scale = (w - ml - mr) / 2 / lim
    for i, (name, r) in enumerate(bars):
        y = mt + i * row
        lv = math.log10(r) if r > 0 else 0
        x = mid + min(lv, 0) * scale
        color = "#2ca02c" if r <= 1 else "#d62728"
        out.append(f'<text x="{ml - 6}" y="{y + 12}" font-size="11" text-anchor="end">'
                   f'{esc(name)}</text>')
        out.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{abs(lv) * scale:.1f}" '
                   f'height="{row - 5}" fill="{color}"/>')
        out.append(f'<text x="{mid + max(lv, 0) * scale + 4:.1f}" y="{y + 12}" '
                   f'font-size="10">{r:.2f}</text>')
    out.append(f'<line x1="{mid}" y1="{mt - 4}" x2="{mid}" y2="{h - 26}" stroke="black"/>')
    out.append(f'<text x="{mid}" y="{h - 12}" font-size="11" text-anchor="middle">1</text>')
    out.append("</svg>")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Rendering

def render_markdown(rep):
    out = [f"# make bench: Mica against Linux ({rep.meta.get('date', '')})", ""]
    for title, blocks in rep.sections:
        out += [f"## {title}", ""]
        for kind, b in blocks:
            if kind == "table":
                out += [f"**{b['title']}**", ""]
                out.append("| " + " | ".join(b["header"]) + " |")
                out.append("|" + "---|" * len(b["header"]))
                for r in b["rows"]:
                    out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")
                if b.get("note"):
                    out += ["", b["note"]]
                out.append("")
            elif kind == "p":
                out += [b, ""]
        if not blocks:
            out += ["(nothing measured)", ""]
    out.append("Charts: report.html.")
    return "\n".join(out) + "\n"


CSS = """body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;
padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
caption{font-weight:bold;text-align:left;padding:4px 0}p.note{color:#555;margin-top:-1em}"""


def render_html(rep):
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>make bench: Mica against Linux</title>", f"<style>{CSS}</style>",
           "</head>", "<body>",
           f"<h1>make bench: Mica against Linux ({esc(rep.meta.get('date', ''))})</h1>"]
    for title, blocks in rep.sections:
        out.append(f"<h2>{esc(title)}</h2>")
        for kind, b in blocks:
            if kind == "table":
                out.append("<table>")
                out.append(f"<caption>{esc(b['title'])}</caption>")
                out.append("<tr>" + "".join(f"<th>{esc(h)}</th>" for h in b["header"]) +
                           "</tr>")
                for r in b["rows"]:
                    out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>")
                out.append("</table>")
                if b.get("note"):
                    out.append(f'<p class="note">{esc(b["note"])}</p>')
            elif kind == "svg":
                out.append(f"<figure>{b}</figure>")
            elif kind == "p":
                out.append(f"<p>{esc(b)}</p>")
        if not blocks:
            out.append("<p>(nothing measured)</p>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def write_report(res, outdir):
    rep = Report(res).build()
    md, page = render_markdown(rep), render_html(rep)
    with open(os.path.join(outdir, "report.md"), "w") as f:
        f.write(md)
    with open(os.path.join(outdir, "report.html"), "w") as f:
        f.write(page)
    return rep


def summary_table(res):
    """The short table printed at the end of a run: the main icount figures."""
    rep = Report(res)
    mc = rep.main_config("icount") or rep.main_config("wall")
    if not mc:
        return "no figures\n"
    lines = []
    for t in (rep.per_op(mc[0], mc[2], mc[3]), rep.targets(), rep.boot()):
        lines.append(t["title"])
        width = max([len(str(r[0])) for r in t["rows"]] + [len(t["header"][0])])
        for r in [t["header"]] + t["rows"]:
            lines.append(f"{r[0]:<{width}} " + " ".join(f"{c:>14}" for c in r[1:]))
        lines.append("")
    return "\n".join(lines)
