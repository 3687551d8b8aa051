// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-in for a dynamic loader, to test PT_INTERP (user/tests/t_exec.c): run as some
 * program's interpreter, it checks that the kernel loaded it beside the program (AT_BASE is
 * its own ELF header, AT_ENTRY and AT_PHDR lie outside its image and belong to the program)
 * and reports what it saw; it does not run the program. Exit status 0 when all holds, 1
 * when something is wrong, 2 when it was run directly rather than as an interpreter.
 */
#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

int main(int argc, char **argv)
{
	unsigned long base = getauxval(AT_BASE), entry = getauxval(AT_ENTRY);
	unsigned long phdr = getauxval(AT_PHDR), phnum = getauxval(AT_PHNUM);
	unsigned long self = (unsigned long)&main, end;
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	const Elf64_Phdr *ph;
	int bad = 0;

	if (!base) {
		printf("auxv_interp: AT_BASE is 0: not run as an interpreter\n");
		return 2;
	}
	if (memcmp(eh->e_ident, "\177ELF", 4) || eh->e_type != ET_DYN) {
		printf("auxv_interp: AT_BASE %#lx is not our ELF header\n", base);
		return 1;
	}
	/* Our own image: from AT_BASE to the end of our last PT_LOAD. */
	ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	end = base;
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && base + ph[i].p_vaddr + ph[i].p_memsz > end)
			end = base + ph[i].p_vaddr + ph[i].p_memsz;
	if (self < base || self >= end) {
		printf("auxv_interp: main %#lx is outside [AT_BASE, end) [%#lx, %#lx)\n", self,
		       base, end);
		bad = 1;
	}
	if (entry >= base && entry < end) {
		printf("auxv_interp: AT_ENTRY %#lx is ours, not the program's\n", entry);
		bad = 1;
	}
	if (phdr >= base && phdr < end) {
		printf("auxv_interp: AT_PHDR %#lx is ours, not the program's\n", phdr);
		bad = 1;
	}
	/* The program's headers, where AT_PHDR says: one of its PT_LOADs holds AT_ENTRY. */
	if (!bad) {
		const Elf64_Phdr *pph = (const Elf64_Phdr *)phdr;
		unsigned long bias = 0;
		int found = 0;

		for (unsigned long i = 0; i < phnum; i++)
			if (pph[i].p_type == PT_PHDR)
				bias = phdr - pph[i].p_vaddr;
		for (unsigned long i = 0; i < phnum; i++)
			if (pph[i].p_type == PT_LOAD && entry >= bias + pph[i].p_vaddr &&
			    entry < bias + pph[i].p_vaddr + pph[i].p_memsz)
				found = 1;
		if (!found && phnum) {
			/* No PT_PHDR (a static program): look for the segment by the headers' own
			 * place instead: the first PT_LOAD maps the file's start. */
			for (unsigned long i = 0; i < phnum; i++)
				if (pph[i].p_type == PT_LOAD && pph[i].p_offset == 0) {
					bias = (phdr & ~4095UL) - pph[i].p_vaddr;
					break;
				}
			for (unsigned long i = 0; i < phnum; i++)
				if (pph[i].p_type == PT_LOAD && entry >= bias + pph[i].p_vaddr &&
				    entry < bias + pph[i].p_vaddr + pph[i].p_memsz)
					found = 1;
		}
		if (!found) {
			printf("auxv_interp: AT_ENTRY %#lx is in none of the program's PT_LOADs\n",
			       entry);
			bad = 1;
		}
	}
	printf("auxv_interp: %s argc=%d argv[0]=%s\n", bad ? "wrong" : "ok", argc,
	       argc ? argv[0] : "(none)");
	return bad;
}
