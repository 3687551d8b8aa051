// SPDX-License-Identifier: GPL-2.0
/*
 * What procfs files say, in the layouts Linux uses: the field order, widths and units of
 * meminfo, uptime, mounts, interrupts, cpuinfo, version, and each task's stat, status,
 * cmdline and maps, because programs parse them.
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
#include <kernel/timer.h>

#define USER_HZ 100
#define NSEC_PER_TICK (1000000000ULL / USER_HZ)
#define PF_KTHREAD 0x00200000u
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

	for_each_online_cpu(cpu) idle += cpu_idle_time_ns(cpu);
	ns_to_secs_centis(sched_clock(), &up_s, &up_cs);
	ns_to_secs_centis(idle, &idle_s, &idle_cs);
	return proc_printf(b, "%llu.%02llu %llu.%02llu\n", up_s, up_cs, idle_s, idle_cs);
}

static void show_mount(const char *dev, const char *path, const char *type, bool ro, void *arg)
{
	proc_printf(arg, "%s %s %s %s 0 0\n", dev, path, type, ro ? "ro" : "rw");
}

int proc_mounts_show(struct proc_buf *b, struct task_struct *task)
{
	return iterate_mounts(show_mount, b);
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

static char task_state_char(const struct task_struct *p)
{
	switch (p->state) {
	case TASK_RUNNING:
		return 'R';
	case TASK_INTERRUPTIBLE:
		return 'S';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
	default:
		return 'Z';
	}
}

static const char *task_state_name(const struct task_struct *p)
{
	switch (task_state_char(p)) {
	case 'R':
		return "R (running)";
	case 'S':
		return "S (sleeping)";
	case 'D':
		return "D (disk sleep)";
	default:
		return "Z (zombie)";
	}
}

int proc_pid_stat_show(struct proc_buf *b, struct task_struct *p)
{
	unsigned long long ticks = p->sum_exec_runtime / NSEC_PER_TICK;
	unsigned int flags = p->mm ? 0 : PF_KTHREAD;
	unsigned long vsize = p->mm ? p->mm->total_vm << PAGE_SHIFT : 0;

	/* 52 fields; what the kernel does not track yet is 0, as Linux prints it then. */
	proc_printf(b, "%d (%s) %c 0 %d %d 0 -1 %u 0 0 0 0 %llu 0 0 0 %d %d 1 0 0 %lu 0 ", p->pid,
		    p->comm, task_state_char(p), p->pid, p->pid, flags, ticks, 20 + p->nice,
		    p->nice, vsize);
	return proc_printf(b,
			   "18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 %d 0 0 0 0 0 "
			   "0 0 0 0 0 0 0 0\n",
			   p->cpu);
}

int proc_pid_status_show(struct proc_buf *b, struct task_struct *p)
{
	const struct cred *c = get_task_cred(p);
	unsigned int uid = c->uid, gid = c->gid;

	proc_printf(b, "Name:\t%s\nState:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t0\n", p->comm,
		    task_state_name(p), p->pid, p->pid);
	proc_printf(b, "TracerPid:\t0\nUid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n", uid, c->euid,
		    c->euid, c->fsuid, gid, c->egid, c->egid, c->fsgid);
	put_cred(c);
	if (p->mm)
		proc_printf(b, "VmSize:\t%8lu kB\n", KB(p->mm->total_vm));
	proc_printf(b, "Threads:\t1\nCpus_allowed:\t%llx\n",
		    (unsigned long long)(p->cpus_allowed & ((1ULL << nr_cpu_ids) - 1)));
	return proc_printf(b, "voluntary_ctxt_switches:\t%llu\nnonvoluntary_ctxt_switches:\t0\n",
			   (unsigned long long)p->nr_switches);
}

/* Kernel threads have no command line: the file is empty, as on Linux. */
int proc_pid_cmdline_show(struct proc_buf *b, struct task_struct *p)
{
	return 0;
}

int proc_pid_maps_show(struct proc_buf *b, struct task_struct *p)
{
	struct mm_struct *mm = p->mm;
	struct rb_node *n;

	if (!mm)
		return 0;
	mmap_read_lock(mm);
	for (n = rb_first(&mm->mm_rb); n; n = rb_next(n)) {
		const struct vm_area_struct *v = rb_entry(n, struct vm_area_struct, vm_rb);
		const char *name = "";

		if (v->vm_start <= mm->brk && v->vm_end >= mm->start_brk && mm->brk > mm->start_brk)
			name = "[heap]";
		else if (v->vm_flags & VM_GROWSDOWN)
			name = "[stack]";
		proc_printf(b, "%08lx-%08lx %c%c%c%c %08lx 00:00 0 %*s%s\n", v->vm_start, v->vm_end,
			    v->vm_flags & VM_READ ? 'r' : '-', v->vm_flags & VM_WRITE ? 'w' : '-',
			    v->vm_flags & VM_EXEC ? 'x' : '-', v->vm_flags & VM_SHARED ? 's' : 'p',
			    v->vm_pgoff << PAGE_SHIFT, name[0] ? 25 : 0, "", name);
	}
	mmap_read_unlock(mm);
	return 0;
}
