// SPDX-License-Identifier: GPL-2.0
/*
 * Backtraces by frame pointer (the kernel is built with -fno-omit-frame-pointer): each frame
 * holds the caller's frame pointer and, above it, the return address. The chain may be
 * corrupt when we are asked to print it, so every read goes through the exception table.
 *
 * GCC still builds leaf functions that use no stack without a frame, so when an exception
 * hits one, the chain skips its caller. That caller is recovered from the top of the stack,
 * but only when the word there is provably a return address into it: the five bytes before
 * it are a direct call whose target is the faulting function.
 */
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#define MAX_FRAMES 32
#define LEAF_SCAN_WORDS 8
#define CALL_REL32 0xe8
#define PUSH_RBP 0x55

static void print_return_address(unsigned long ret)
{
	char buf[KSYM_NAME_LEN + 32];

	sprint_backtrace(buf, sizeof(buf), ret);
	pr_emerg(" %s\n", buf);
}

static bool read_word(unsigned long addr, u64 *v)
{
	return !get_kernel_nofault_u64(v, (void *)addr);
}

/* Is ret the return address of a direct call to the function starting at func? */
static bool is_call_to(unsigned long ret, unsigned long func)
{
	u64 insn;
	s32 rel;

	if (!is_kernel_text(ret - 5) || !read_word(ret - 8, &insn))
		return false;
	/* insn holds the 8 bytes before ret: the call opcode is byte 3, rel32 bytes 4-7. */
	if (((insn >> 24) & 0xff) != CALL_REL32)
		return false;
	rel = (s32)(insn >> 32);
	return ret + rel == func;
}

/* The caller of a frameless function that rip is in, or 0. */
static unsigned long frameless_caller(unsigned long rip, unsigned long rsp)
{
	unsigned long size, offset, func;
	u64 first, word;

	if (!kallsyms_lookup(rip, &size, &offset))
		return 0;
	func = rip - offset;
	if (offset && read_word(func, &first) && (first & 0xff) == PUSH_RBP)
		return 0; /* it builds a frame: the chain covers its caller */
	for (int i = 0; i < LEAF_SCAN_WORDS; i++)
		if (read_word(rsp + 8 * i, &word) && is_call_to(word, func))
			return word;
	return 0;
}

static void walk_frames(unsigned long rbp)
{
	for (int i = 0; i < MAX_FRAMES; i++) {
		u64 next, ret;

		if (!rbp || (rbp & 7) || rbp < PAGE_OFFSET)
			return;
		if (!read_word(rbp, &next) || !read_word(rbp + 8, &ret))
			return;
		if (!is_kernel_text(ret))
			return;
		print_return_address(ret);
		/* Callers' frames lie above ours; anything else is a loop or garbage. */
		if (next <= rbp)
			return;
		rbp = next;
	}
	pr_emerg(" ... (more than %d frames)\n", MAX_FRAMES);
}

void show_stack_trace(unsigned long rip, unsigned long rbp)
{
	pr_emerg(" %pS\n", (void *)rip);
	walk_frames(rbp);
}

void show_stack_trace_regs(const struct pt_regs *regs)
{
	unsigned long caller = frameless_caller(regs->rip, regs->rsp);

	pr_emerg(" %pS\n", (void *)regs->rip);
	if (caller)
		print_return_address(caller);
	walk_frames(regs->rbp);
}

void dump_stack(void)
{
	show_stack_trace((unsigned long)dump_stack, (unsigned long)__builtin_frame_address(0));
}
