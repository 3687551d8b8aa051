// SPDX-License-Identifier: GPL-2.0
/*
 * The entry/exit seam and the x86 side of a switch: EFLAGS.AC never passes from one task to
 * another nor into an interrupt handler (bug 3), hardware interrupts run on the IRQ stack,
 * NMIs are counted and survived on both CPUs, the return to user mode does its work out of
 * line, and FS/GS bases and FPU state are per task and copied at fork.
 */
#include <asm/apic.h>
#include <asm/cpufeature.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/switch_to.h>
#include <asm/traps.h>
#include <kernel/interrupt.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/smp.h>
#include <kernel/timer.h>

#define XMM0_OFFSET 160 /* in the legacy (FXSAVE) area of the XSAVE layout */

static bool need_two_cpus(struct ktest *t)
{
	if (num_online_cpus() >= 2)
		return true;
	ktest_skip(t, "needs two CPUs");
	return false;
}

/* Without STAC, which CPUs lacking SMAP do not have: POPF sets AC at CPL 0 everywhere. */
static void set_ac(void)
{
	__asm__ volatile("pushfq; orq %0, (%%rsp); popfq" : : "i"(X86_EFLAGS_AC) : "memory", "cc");
}

static void clear_ac(void)
{
	__asm__ volatile("pushfq; andq %0, (%%rsp); popfq"
			 :
			 : "i"(~X86_EFLAGS_AC)
			 : "memory", "cc");
}

static bool ac_set(void)
{
	return arch_local_save_flags() & X86_EFLAGS_AC;
}

/* ---- AC across a switch ------------------------------------------------------------- */

struct ac_probe {
	volatile bool stop;
	volatile bool started;
	unsigned long looks; /* times the checker ran while the holder had AC set */
	unsigned long ac_seen; /* ... and found AC set in its own flags */
	bool holder_kept_ac;
};

/* Sets AC, as a user copy does, and spins until told to stop: it is preempted meanwhile. */
static int hold_ac(void *data)
{
	struct ac_probe *a = data;

	set_ac();
	a->started = true;
	while (!a->stop)
		cpu_relax();
	a->holder_kept_ac = ac_set(); /* its own AC came back with it */
	clear_ac();
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void test_ac_does_not_pass_to_next_task(struct ktest *t)
{
	struct ac_probe a = {};
	int cpu = smp_processor_id();
	struct task_struct *p;

	kthread_bind(current, cpu);
	p = kthread_create(hold_ac, &a, "ktest-ac");
	KTEST_ASSERT_NOT_NULL(t, p);
	kthread_bind(p, cpu);
	wake_up_process(p);
	while (!a.started)
		msleep(1);
	/* Each msleep switches to the holder (preempted with AC set) and back. */
	for (int i = 0; i < 50; i++) {
		msleep(1);
		a.looks++;
		if (ac_set()) {
			a.ac_seen++;
			clear_ac();
		}
	}
	a.stop = true;
	kthread_stop(p);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_EQ(t, a.ac_seen, 0);
	KTEST_EXPECT_TRUE(t, a.holder_kept_ac);
}

/* ---- what a hardware interrupt handler sees ----------------------------------------- */

struct irq_probe {
	volatile int runs;
	unsigned long flags;
	unsigned long sp;
	unsigned long stack_top;
};

static struct irq_probe irq_probe;

static irqreturn_t probe_handler(int vector, void *dev)
{
	struct irq_probe *p = dev;
	unsigned long here = (unsigned long)&here;

	p->flags = arch_local_save_flags();
	p->sp = here;
	p->stack_top = this_cpu()->irq_stack_top;
	p->runs++;
	return IRQ_HANDLED;
}

/* Sends vector to this CPU (with AC as asked) and waits for the handler. */
static bool self_interrupt(int vector, bool with_ac)
{
	int before = irq_probe.runs;
	u64 deadline = sched_clock() + 100 * 1000000ULL;
	bool ok;

	preempt_disable();
	if (with_ac)
		set_ac();
	apic_send_ipi(this_cpu()->apic_id, vector);
	while (irq_probe.runs == before && sched_clock() < deadline)
		cpu_relax();
	ok = irq_probe.runs != before && (!with_ac || ac_set()); /* IRETQ gave AC back */
	clear_ac();
	preempt_enable();
	return ok;
}

static void test_interrupt_handler_runs_with_ac_clear(struct ktest *t)
{
	int vector;

	if (!boot_cpu_has(X86_FEATURE_SMAP)) {
		ktest_skip(t, "no SMAP on this CPU (no CLAC at entry)");
		return;
	}
	vector = alloc_irq_vector(probe_handler, "ktest-ac", &irq_probe);
	KTEST_ASSERT_GE(t, vector, 0);
	KTEST_EXPECT_TRUE(t, self_interrupt(vector, true));
	KTEST_EXPECT_EQ(t, irq_probe.flags & X86_EFLAGS_AC, 0);
	free_irq_vector(vector);
}

static void test_interrupt_runs_on_irq_stack(struct ktest *t)
{
	int vector = alloc_irq_vector(probe_handler, "ktest-irqstack", &irq_probe);

	KTEST_ASSERT_GE(t, vector, 0);
	KTEST_EXPECT_TRUE(t, self_interrupt(vector, false));
	KTEST_EXPECT_LT(t, irq_probe.sp, irq_probe.stack_top);
	KTEST_EXPECT_GT(t, irq_probe.sp, irq_probe.stack_top - IRQ_STACK_SIZE);
	free_irq_vector(vector);
}

/* ---- NMIs --------------------------------------------------------------------------- */

static bool nmi_arrives(int cpu)
{
	unsigned long before = nmi_count(cpu);
	u64 deadline = sched_clock() + 200 * 1000000ULL;

	apic_send_nmi(cpu_data[cpu].apic_id);
	while (nmi_count(cpu) == before && sched_clock() < deadline)
		cpu_relax();
	return nmi_count(cpu) == before + 1;
}

static void test_nmi_on_this_cpu_is_survived(struct ktest *t)
{
	int cpu;

	preempt_disable();
	cpu = smp_processor_id();
	KTEST_EXPECT_TRUE(t, nmi_arrives(cpu));
	preempt_enable();
	msleep(1); /* and the kernel goes on: timers, switching */
	KTEST_EXPECT_TRUE(t, nmi_arrives(cpu));
	/* Reported once printing is safe: this CPU idles while we sleep. */
	for (int ms = 0; ms < 100 && nmi_reported(cpu) != nmi_count(cpu); ms++)
		msleep(1);
	KTEST_EXPECT_EQ(t, nmi_reported(cpu), nmi_count(cpu));
}

static void test_nmi_on_other_cpu_is_survived(struct ktest *t)
{
	int other;

	if (!need_two_cpus(t))
		return;
	kthread_bind(current, 0);
	other = 1;
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_TRUE(t, nmi_arrives(other));
	/* The other CPU still schedules: a thread bound there runs and returns. */
	set_cpus_allowed(current, cpumask_of(other));
	KTEST_EXPECT_EQ(t, smp_processor_id(), other);
	set_cpus_allowed(current, CPU_MASK_ALL);
}

/*
 * An NMI that lands where the user's GS is loaded but CS says kernel (between SYSCALL and
 * its SWAPGS): the paranoid entry must go by MSR_GS_BASE, not CS. Reproduced by a SWAPGS
 * by hand with interrupts off; nothing in the window may touch per-CPU data. Deciding by
 * CS, the handler would reach its per-CPU counter through the "user" base and fault.
 */
static void test_nmi_with_user_gs_loaded(struct ktest *t)
{
	int cpu = smp_processor_id();
	u32 apic_id = this_cpu()->apic_id;
	unsigned long before = nmi_count(cpu), saved, gs_after;
	long spins = 0;

	kthread_bind(current, cpu);
	saved = rdmsr(MSR_KERNEL_GS_BASE);
	local_irq_disable();
	wrmsr(MSR_KERNEL_GS_BASE, 0x1000); /* a user-looking (non-negative) base */
	__asm__ volatile("swapgs" ::: "memory");
	apic_send_nmi(apic_id);
	while (READ_ONCE(cpu_data[cpu].nmi_count) == before && spins++ < 100000000)
		cpu_relax();
	__asm__ volatile("swapgs" ::: "memory");
	gs_after = rdmsr(MSR_GS_BASE);
	wrmsr(MSR_KERNEL_GS_BASE, saved);
	local_irq_enable();
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_EQ(t, nmi_count(cpu), before + 1);
	KTEST_EXPECT_EQ(t, gs_after, (unsigned long)&cpu_data[cpu]);
}

/* #DB (here from INT 1) goes through the paranoid entry on its IST stack and is survived. */
static void test_debug_trap_is_survived(struct ktest *t)
{
	int cpu;
	unsigned long before;

	preempt_disable();
	cpu = smp_processor_id();
	before = debug_trap_count(cpu);
	__asm__ volatile("int $1" ::: "memory");
	KTEST_EXPECT_EQ(t, debug_trap_count(cpu), before + 1);
	preempt_enable();
}

/* ---- the way back to user mode ------------------------------------------------------ */

static void test_exit_to_user_mode_does_the_work(struct ktest *t)
{
	struct pt_regs regs = { .cs = __USER_CS, .rflags = X86_EFLAGS_IF | X86_EFLAGS_FIXED };
	bool irqs_off_after;

	kthread_bind(current, smp_processor_id());
	set_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
	set_tsk_thread_flag(current, TIF_SIGPENDING);
	local_irq_disable();
	WRITE_ONCE(this_cpu()->need_resched, true);
	irqentry_exit(&regs);
	irqs_off_after = irqs_disabled();
	local_irq_enable();
	KTEST_EXPECT_TRUE(t, irqs_off_after);
	KTEST_EXPECT_FALSE(t, test_tsk_thread_flag(current, TIF_NOTIFY_RESUME));
	KTEST_EXPECT_FALSE(t, test_tsk_thread_flag(current, TIF_SIGPENDING));
	KTEST_EXPECT_FALSE(t, need_resched()); /* it went through schedule() */
	set_cpus_allowed(current, CPU_MASK_ALL);
}

static void test_return_to_kernel_leaves_user_work(struct ktest *t)
{
	struct pt_regs regs = { .cs = __KERNEL_CS, .rflags = X86_EFLAGS_FIXED };

	set_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
	local_irq_disable();
	irqentry_exit(&regs);
	local_irq_enable();
	/* Task work is for the way to user mode only. */
	KTEST_EXPECT_TRUE(t, test_tsk_thread_flag(current, TIF_NOTIFY_RESUME));
	clear_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
}

/* ---- FS and GS bases ---------------------------------------------------------------- */

struct bases_probe {
	unsigned long fs, gs;
	int wrong;
};

static int check_bases(void *data)
{
	struct bases_probe *b = data;

	x86_set_fsbase(b->fs);
	x86_set_user_gsbase(b->gs);
	for (int i = 0; i < 30; i++) {
		msleep(1); /* the other checker runs and loads its own */
		if (x86_read_fsbase() != b->fs || rdmsr(MSR_FS_BASE) != b->fs ||
		    x86_read_user_gsbase() != b->gs)
			b->wrong++;
	}
	return 0;
}

static void test_fs_gs_bases_are_per_task(struct ktest *t)
{
	struct bases_probe b[2] = {
		{ .fs = 0x10000000UL, .gs = 0x20000000UL },
		{ .fs = 0x30000000UL, .gs = 0x40000000UL },
	};
	struct task_struct *p[2];

	for (int i = 0; i < 2; i++) {
		p[i] = kthread_create(check_bases, &b[i], "ktest-bases");
		KTEST_ASSERT_NOT_NULL(t, p[i]);
		kthread_bind(p[i], 0);
	}
	for (int i = 0; i < 2; i++)
		wake_up_process(p[i]);
	for (int i = 0; i < 2; i++) {
		kthread_stop(p[i]);
		KTEST_EXPECT_EQ(t, b[i].wrong, 0);
	}
}

/* ---- FPU ---------------------------------------------------------------------------- */

static int do_nothing(void *unused)
{
	return 0;
}

static void test_fpu_state_copied_at_fork(struct ktest *t)
{
	const u64 pattern = 0x0123456789abcdefULL;
	struct task_struct *p = kthread_create(do_nothing, NULL, "ktest-fpu-fork");
	u64 copied;

	KTEST_ASSERT_NOT_NULL(t, p);
	preempt_disable();
	__asm__ volatile("movq %0, %%xmm0" : : "r"(pattern));
	fpu_clone(p, current);
	preempt_enable();
	copied = *(u64 *)((u8 *)p->thread.fpu.state + XMM0_OFFSET);
	KTEST_EXPECT_EQ(t, copied, pattern);
	kthread_stop(p);
}

/* A task that never touched the FPU is not saved at a switch; one that did, is. */
static void test_fpu_saved_only_when_used(struct ktest *t)
{
	struct task_struct *p = kthread_create(do_nothing, NULL, "ktest-fpu-lazy");
	bool live;

	KTEST_ASSERT_NOT_NULL(t, p);
	msleep(1); /* switched out and in: nothing of ours is live now */
	KTEST_EXPECT_FALSE(t, current->thread.fpu.live);
	preempt_disable();
	__asm__ volatile("pxor %%xmm1, %%xmm1" ::: "memory");
	live = current->thread.fpu.live; /* #NM loaded it */
	preempt_enable();
	KTEST_EXPECT_TRUE(t, live);
	msleep(1);
	KTEST_EXPECT_FALSE(t, current->thread.fpu.live); /* saved at the switch */
	kthread_stop(p);
	ktest_log(t, "FPU switched with %s", fpu_save_method());
}

/* Each turn: a value of its own into XMM1, a sleep (another task's turn), is it still there? */
static int fpu_turns(u64 pattern, int turns)
{
	int bad = 0;

	for (int i = 0; i < turns; i++) {
		u64 want = pattern + i, got;

		__asm__ volatile("movq %0, %%xmm1" : : "r"(want) : "memory");
		msleep(1);
		__asm__ volatile("movq %%xmm1, %0" : "=r"(got) : : "memory");
		bad += got != want;
	}
	return bad;
}

static int fpu_other(void *data)
{
	int *bad = data;

	while (!kthread_should_stop())
		*bad += fpu_turns(0xb0b0b0b000000000ULL, 1);
	return 0;
}

/*
 * A task that used the FPU in each of its last turns has its registers loaded as it is
 * switched in (no #NM), and neither it nor the other task using the FPU on the same CPU
 * ever sees the other's registers.
 */
static void test_fpu_preloaded_after_turns_in_a_row(struct ktest *t)
{
	int cpu = smp_processor_id(), bad_other = 0, bad;
	struct task_struct *p;
	bool preload, live;

	kthread_bind(current, cpu);
	p = kthread_create(fpu_other, &bad_other, "ktest-fpu-other");
	KTEST_ASSERT_NOT_NULL(t, p);
	kthread_bind(p, cpu);
	wake_up_process(p);
	bad = fpu_turns(0xa0a0a0a000000000ULL, 8);
	preload = current->thread.fpu.preload;
	msleep(1);
	live = current->thread.fpu.live; /* no FPU instruction since the switch in */
	bad += fpu_turns(0xa1a1a1a100000000ULL, 4);
	kthread_stop(p);
	set_cpus_allowed(current, CPU_MASK_ALL);
	current->thread.fpu.preload = false; /* the later tests expect the lazy start */
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, bad_other, 0);
	KTEST_EXPECT_TRUE(t, preload);
	KTEST_EXPECT_TRUE(t, live);
}

static struct ktest_case entry_cases[] = {
	KTEST_CASE(test_ac_does_not_pass_to_next_task),
	KTEST_CASE(test_interrupt_handler_runs_with_ac_clear),
	KTEST_CASE(test_interrupt_runs_on_irq_stack),
	KTEST_CASE(test_nmi_on_this_cpu_is_survived),
	KTEST_CASE(test_nmi_on_other_cpu_is_survived),
	KTEST_CASE(test_nmi_with_user_gs_loaded),
	KTEST_CASE(test_debug_trap_is_survived),
	KTEST_CASE(test_exit_to_user_mode_does_the_work),
	KTEST_CASE(test_return_to_kernel_leaves_user_work),
	KTEST_CASE(test_fs_gs_bases_are_per_task),
	KTEST_CASE(test_fpu_state_copied_at_fork),
	KTEST_CASE(test_fpu_saved_only_when_used),
	KTEST_CASE(test_fpu_preloaded_after_turns_in_a_row),
	{},
};

static struct ktest_suite entry_suite = { .name = "entry", .cases = entry_cases };
ktest_register_suite(entry_suite);
