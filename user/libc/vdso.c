/*
 * The vDSO: an ELF shared object the kernel maps into every process (AT_SYSINFO_EHDR), whose
 * clock_gettime and gettimeofday read the time without entering the kernel. Its dynamic
 * symbol table is searched once at start-up; a kernel without a vDSO (or one we cannot read)
 * leaves the pointers 0 and the real system calls are made instead.
 */
#include "libc.h"
#include <elf.h>
#include <string.h>

hidden long (*__vdso_clock_gettime)(long clk, void *ts);
hidden long (*__vdso_gettimeofday)(void *tv, void *tz);

hidden void __init_vdso(void)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)__getauxval(AT_SYSINFO_EHDR);
	if (!eh || memcmp(eh->e_ident, "\177ELF", 4) || eh->e_ident[4] != 2)
		return;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)((const char *)eh + eh->e_phoff);
	unsigned long bias = 0, have_bias = 0;
	const Elf64_Dyn *dyn = 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !have_bias) {
			bias = (unsigned long)eh + ph[i].p_offset - ph[i].p_vaddr;
			have_bias = 1;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const Elf64_Dyn *)((const char *)eh + ph[i].p_offset);
		}
	}
	if (!have_bias || !dyn)
		return;
	const Elf64_Sym *sym = 0;
	const char *str = 0;
	const uint32_t *hash = 0;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		if (dyn->d_tag == DT_SYMTAB)
			sym = (const Elf64_Sym *)(bias + dyn->d_un.d_ptr);
		else if (dyn->d_tag == DT_STRTAB)
			str = (const char *)(bias + dyn->d_un.d_ptr);
		else if (dyn->d_tag == DT_HASH)
			hash = (const uint32_t *)(bias + dyn->d_un.d_ptr);
	}
	if (!sym || !str || !hash)
		return;
	uint32_t nsym = hash[1]; /* nchain: one chain entry per symbol */
	for (uint32_t i = 0; i < nsym; i++) {
		if (ELF64_ST_TYPE(sym[i].st_info) != STT_FUNC || sym[i].st_shndx == SHN_UNDEF)
			continue;
		const char *name = str + sym[i].st_name;
		void *addr = (void *)(bias + sym[i].st_value);
		if (!strcmp(name, "__vdso_clock_gettime"))
			__vdso_clock_gettime = (long (*)(long, void *))addr;
		else if (!strcmp(name, "__vdso_gettimeofday"))
			__vdso_gettimeofday = (long (*)(void *, void *))addr;
	}
}
