// SPDX-License-Identifier: GPL-2.0
/*
 * With FSGSBASE, user code can put a kernel-looking address into GS base and then raise a
 * #DB (a single step: RFLAGS.TF), which enters through the paranoid IST path. The kernel
 * must load its own GS base whatever the MSR held, and give the program back its value.
 * A SIGTRAP handler (where signals are delivered) sees the same base.
 */
#include <cpuid.h>
#include <signal.h>
#include <stdio.h>

static unsigned long rdgsbase(void)
{
	unsigned long v;

	__asm__ volatile("rdgsbase %0" : "=r"(v));
	return v;
}

static void wrgsbase(unsigned long v)
{
	__asm__ volatile("wrgsbase %0" : : "r"(v) : "memory");
}

static volatile unsigned long in_handler;

static void on_trap(int sig)
{
	(void)sig;
	in_handler = rdgsbase();
}

/* Sets TF: the instruction after POPF traps; then clears it (each step on the way traps). */
static void single_step(void)
{
	__asm__ volatile("pushfq\n\t"
			 "orq $0x100, (%%rsp)\n\t"
			 "popfq\n\t"
			 "nop\n\t"
			 "pushfq\n\t"
			 "andq $~0x100, (%%rsp)\n\t"
			 "popfq"
			 :
			 :
			 : "memory", "cc");
}

int main(void)
{
	unsigned int a, b, c, d;
	const unsigned long fake = 0xffff888000001000UL;
	unsigned long seen;

	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d) || !(b & 1)) {
		printf("gsbase_db: no FSGSBASE on this CPU: nothing to test\n");
		return 0;
	}
	signal(SIGTRAP, on_trap);
	wrgsbase(fake);
	single_step();
	seen = rdgsbase();
	wrgsbase(0);
	if (in_handler && in_handler != fake)
		seen = in_handler;
	printf("gsbase_db: GS base %s across #DB\n", seen == fake ? "kept" : "LOST");
	return seen == fake ? 0 : 1;
}
