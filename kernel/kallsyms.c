// SPDX-License-Identifier: GPL-2.0
/*
 * Looking up the kernel's symbol table. The generated tables (see scripts/kallsyms.py) are
 * sorted by address: kallsyms_addresses[i] is the start of the function whose name begins
 * at kallsyms_names + kallsyms_name_offsets[i]. The last entry is _etext, so every function
 * has a successor to measure its size by.
 */
#include <kernel/kallsyms.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];

/* Index of the last symbol at or below addr, or -1. */
static long find_symbol(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num_syms - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	long i = find_symbol(addr);

	/* The last entry only marks the end of the code. */
	if (i < 0 || i + 1 >= (long)kallsyms_num_syms)
		return NULL;
	*size = kallsyms_addresses[i + 1] - kallsyms_addresses[i];
	*offset = addr - kallsyms_addresses[i];
	return kallsyms_names + kallsyms_name_offsets[i];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i + 1 < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

static int format_symbol(char *buf, size_t size, unsigned long addr, unsigned long lookup,
			 bool with_offset)
{
	unsigned long sym_size, offset;
	const char *name = kallsyms_lookup(lookup, &sym_size, &offset);

	if (!name)
		return scnprintf(buf, size, "0x%016lx", addr);
	if (!with_offset)
		return scnprintf(buf, size, "%s", name);
	return scnprintf(buf, size, "%s+0x%lx/0x%lx", name, offset + (addr - lookup), sym_size);
}

int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset)
{
	return format_symbol(buf, size, addr, addr, with_offset);
}

int sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	return format_symbol(buf, size, addr, addr - 1, true);
}
