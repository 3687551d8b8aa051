/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#include <kernel/errno.h>
#include <kernel/types.h>
#include <asm/ptrace.h>

/*
 * The exception table: pairs of (instruction that may fault, where to continue if it does).
 * A fault at a listed instruction is not a kernel bug but an expected outcome (a bad user
 * pointer, a probe of memory that may not be there), and the fault handler resumes at the
 * fixup instead of dying. Entries are emitted next to the instruction with _ASM_EXTABLE.
 */
struct exception_table_entry {
	unsigned long insn;
	unsigned long fixup;
};

#define _ASM_EXTABLE(from, to)               \
	".pushsection __ex_table, \"a\"\n\t" \
	".balign 8\n\t"                      \
	".quad " #from ", " #to "\n\t"       \
	".popsection\n\t"

const struct exception_table_entry *search_exception_tables(unsigned long addr);
bool fixup_exception(struct pt_regs *regs);

/*
 * Reads 8 bytes at src without dying if they are not mapped: 0 or -EFAULT. For backtraces
 * over frames that may be corrupt, for probing, and (inside user access, where a user page
 * not yet present is faulted in first) for strncpy_from_user's word loads.
 */
static inline int load_nofault_u64(u64 *dst, const void *src)
{
	int err = 0;
	u64 v;

	__asm__ volatile("1: movq (%[src]), %[v]\n\t"
			 "2:\n\t"
			 ".pushsection .text.fixup, \"ax\"\n"
			 "3: movl %[efault], %[err]\n\t"
			 "xorl %k[v], %k[v]\n\t"
			 "jmp 2b\n\t"
			 ".popsection\n\t" _ASM_EXTABLE(1b, 3b)
			 : [err] "+r"(err), [v] "=&r"(v)
			 : [src] "r"(src), [efault] "i"(-EFAULT)
			 : "memory");
	*dst = v;
	return err;
}

static inline int get_kernel_nofault_u64(u64 *dst, const void *src)
{
	return load_nofault_u64(dst, src);
}

/* Writes 8 bytes at dst without dying if the page is missing or read-only: 0 or -EFAULT. */
static inline int put_kernel_nofault_u64(void *dst, u64 v)
{
	int err = 0;

	__asm__ volatile("1: movq %[v], (%[dst])\n\t"
			 "2:\n\t"
			 ".pushsection .text.fixup, \"ax\"\n"
			 "3: movl %[efault], %[err]\n\t"
			 "jmp 2b\n\t"
			 ".popsection\n\t" _ASM_EXTABLE(1b, 3b)
			 : [err] "+r"(err)
			 : [dst] "r"(dst), [v] "r"(v), [efault] "i"(-EFAULT)
			 : "memory");
	return err;
}

#endif /* _ASM_EXTABLE_H */
