// SPDX-License-Identifier: GPL-2.0
/*
 * What the system-wide procfs files say, in the layouts Linux uses: the field order, widths
 * and units of meminfo, uptime, mounts, interrupts, cpuinfo, version, loadavg and stat,
 * because programs (busybox free, top, ps) parse them. The per-task files are in base.c.
 */
#include <asm/cpufeature.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/tsc.h>
#include <kernel/fs.h>
#include <kernel/gfp.h>
#include <kernel/interrupt.h>
#include <kernel/main.h>
#include <kernel/mm.h>
#include <kernel/proc_fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/timer.h>

#define KB(pages) ((unsigned long)(pages) << (PAGE_SHIFT - 10))

static void meminfo_line(struct proc_buf *b, const char *name, unsigned long kb)
{
	proc_printf(b, "%-16s%8lu kB\n", name, kb);
}

int proc_meminfo_show(struct proc_buf *b, struct task_struct *task)
{
	unsigned long cached = nr_pagecache_pages(), free = nr_free_pages();

	meminfo_line(b, "MemTotal:", KB(totalram_pages()));
	meminfo_line(b, "MemFree:", KB(free));
	meminfo_line(b, "MemAvailable:", KB(free + cached));
	meminfo_line(b, "Buffers:", 0);
	meminfo_line(b, "Cached:", KB(cached));
	meminfo_line(b, "SwapCached:", 0);
	meminfo_line(b, "SwapTotal:", 0);
	meminfo_line(b, "SwapFree:", 0);
	meminfo_line(b, "Shmem:", KB(cached)); /* all cached pages are tmpfs pages today */
	meminfo_line(b, "SReclaimable:", 0); /* free and top add it to the cache */
	meminfo_line(b, "PageTables:", KB(nr_pgtable_pages() + nr_kernel_pgtable_pages()));
	meminfo_line(b, "VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> 10);
	return 0;
}

static void ns_to_secs_centis(u64 ns, unsigned long long *s, unsigned long long *cs)
{
	*s = ns / 1000000000ULL;
	*cs = ns % 1000000000ULL / 10000000ULL;
}

int proc_uptime_show(struct proc_buf *b, struct task_struct *task)
{
	unsigned long long up_s, up_cs, idle_s, idle_cs;
	u64 idle = 0;
	int cpu;

	for_each_online_cpu(cpu)
	{
		u64 t[NR_STATS];

		cpu_times(cpu, t);
		idle += t[CPUTIME_IDLE] * (1000000000ULL / USER_HZ);
	}
	ns_to_secs_centis(ktime_get_ns(), &up_s, &up_cs);
	ns_to_secs_centis(idle, &idle_s, &idle_cs);
	return proc_printf(b, "%llu.%02llu %llu.%02llu\n", up_s, up_cs, idle_s, idle_cs);
}

/*
 * A field of the mount tables, its blanks, newlines and backslashes as \ooo (Linux's
 * mangle), so that a name with a space stays one field; then sep.
 */
static void put_mangled(struct proc_buf *b, const char *s, const char *sep)
{
	const char *run = s;

	for (; *s; s++) {
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\\')
			continue;
		proc_write_bytes(b, run, s - run);
		proc_printf(b, "\\%03o", (unsigned char)*s);
		run = s + 1;
	}
	proc_write_bytes(b, run, s - run);
	proc_write_bytes(b, sep, strlen(sep));
}

static void show_mount(const struct mount_entry *e, void *arg)
{
	put_mangled(arg, e->dev, " ");
	put_mangled(arg, e->path, " ");
	put_mangled(arg, e->type, " ");
	proc_printf(arg, "%s 0 0\n", e->opts);
}

int proc_mounts_show(struct proc_buf *b, struct task_struct *task)
{
	return iterate_mounts(show_mount, b);
}

/*
 * Linux's show_mountinfo: ids, the device, the root within the file system, the mount point,
 * the mount's options, the optional fields (every mount is private: none, or "unbindable"),
 * then after " - " the
 * type, the source and the super block's options (only its ro/rw here).
 */
static void show_mountinfo(const struct mount_entry *e, void *arg)
{
	proc_printf(arg, "%d %d %u:%u ", e->id, e->parent_id, MAJOR(e->s_dev), MINOR(e->s_dev));
	put_mangled(arg, e->root, " ");
	put_mangled(arg, e->path, " ");
	proc_printf(arg, "%s %s- ", e->opts, e->unbindable ? "unbindable " : "");
	put_mangled(arg, e->type, " ");
	put_mangled(arg, e->dev, " ");
	proc_printf(arg, "%s\n", e->sb_rdonly ? "ro" : "rw");
}

int proc_mountinfo_show(struct proc_buf *b, struct task_struct *task)
{
	return iterate_mounts(show_mountinfo, b);
}

static void interrupt_row(struct proc_buf *b, const char *label, int vector, const char *desc)
{
	int cpu;

	proc_printf(b, "%3s: ", label);
	for_each_online_cpu(cpu) proc_printf(b, "%10lu ", irq_count(cpu, vector));
	proc_printf(b, " %s\n", desc);
}

int proc_interrupts_show(struct proc_buf *b, struct task_struct *task)
{
	int cpu;

	proc_printf(b, "%*s", 3 + 8, "");
	for_each_online_cpu(cpu) proc_printf(b, "CPU%-8d", cpu);
	proc_printf(b, "\n");
	for (int v = FIRST_DEVICE_VECTOR; v <= LAST_DEVICE_VECTOR; v++) {
		const char *name = irq_name(v);
		char label[8];

		if (!name)
			continue;
		snprintf(label, sizeof(label), "%d", v);
		interrupt_row(b, label, v, name);
	}
	interrupt_row(b, "LOC", LOCAL_TIMER_VECTOR, "Local timer interrupts");
	interrupt_row(b, "RES", RESCHEDULE_VECTOR, "Rescheduling interrupts");
	interrupt_row(b, "CAL", CALL_FUNCTION_VECTOR, "Function call interrupts");
	interrupt_row(b, "SPU", SPURIOUS_APIC_VECTOR, "Spurious interrupts");
	interrupt_row(b, "ERR", ERROR_APIC_VECTOR, "APIC errors");
	return 0;
}

int proc_cpuinfo_show(struct proc_buf *b, struct task_struct *task)
{
	const struct cpuinfo_x86 *c = &boot_cpu_data;
	int cpu;

	for_each_online_cpu(cpu)
	{
		proc_printf(b,
			    "processor\t: %d\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n",
			    cpu, c->vendor, c->family, c->model);
		proc_printf(b, "model name\t: %s\nstepping\t: %u\n",
			    c->model_name[0] ? c->model_name : "unknown", c->stepping);
		proc_printf(b, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000, tsc_khz % 1000);
		proc_printf(b, "apicid\t\t: %u\ncpu cores\t: %u\nfpu\t\t: yes\nflags\t\t:",
			    cpu_data[cpu].apic_id, num_online_cpus());
		for (int f = 0; f < NR_X86_FEATURES; f++)
			if (boot_cpu_has(f))
				proc_printf(b, " %s", x86_feature_name(f));
		proc_printf(b, "\naddress sizes\t: %u bits physical, %u bits virtual\n\n",
			    c->phys_bits, c->virt_bits);
	}
	return 0;
}

int proc_version_show(struct proc_buf *b, struct task_struct *task)
{
	return proc_printf(b, "%s", linux_banner);
}

int proc_loadavg_show(struct proc_buf *b, struct task_struct *task)
{
	unsigned long avnrun[3];

	/* Rounded to the nearest hundredth, as Linux shows it. */
	get_avenrun(avnrun, FIXED_1 / 200, 0);
	return proc_printf(b, "%lu.%02lu %lu.%02lu %lu.%02lu %lu/%lu %d\n", LOAD_INT(avnrun[0]),
			   LOAD_FRAC(avnrun[0]), LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
			   LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]), nr_running(), nr_tasks(),
			   last_pid_nr());
}

static void cpu_line(struct proc_buf *b, const char *label, const u64 *t)
{
	proc_printf(b, "%s", label);
	for (int i = 0; i < NR_STATS; i++)
		proc_printf(b, " %llu", (unsigned long long)t[i]);
	proc_printf(b, "\n");
}

int proc_stat_show(struct proc_buf *b, struct task_struct *task)
{
	u64 sum[NR_STATS] = { 0 }, (*per)[NR_STATS], ctxt = 0, intr = 0;
	char label[16];
	int cpu;

	per = kmalloc(sizeof(*per) * nr_cpu_ids, GFP_KERNEL);
	if (!per)
		return -ENOMEM;

	for_each_online_cpu(cpu)
	{
		cpu_times(cpu, per[cpu]);
		for (int i = 0; i < NR_STATS; i++)
			sum[i] += per[cpu][i];
		ctxt += cpu_nr_switches(cpu);
		for (int v = 0; v < NR_VECTORS; v++)
			intr += irq_count(cpu, v);
	}
	cpu_line(b, "cpu ", sum);
	for_each_online_cpu(cpu)
	{
		snprintf(label, sizeof(label), "cpu%d", cpu);
		cpu_line(b, label, per[cpu]);
	}
	kfree(per);
	/* intr: the total, then each device vector's count (our interrupts have no IRQ numbers). */
	proc_printf(b, "intr %llu", (unsigned long long)intr);
	for (int v = FIRST_DEVICE_VECTOR; v <= LAST_DEVICE_VECTOR; v++) {
		unsigned long n = 0;

		for_each_online_cpu(cpu) n += irq_count(cpu, v);
		proc_printf(b, " %lu", n);
	}
	proc_printf(b, "\nctxt %llu\nbtime %llu\nprocesses %d\n", (unsigned long long)ctxt,
		    (unsigned long long)(ktime_get_real_seconds() - ktime_get_ns() / 1000000000ULL),
		    last_pid_nr());
	/* No task waits for I/O yet (no block layer): procs_blocked counts those, as Linux. */
	return proc_printf(b, "procs_running %lu\nprocs_blocked 0\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n",
			   nr_running());
}
