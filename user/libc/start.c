/* Start-up: self-relocation of a static PIE, TLS, init arrays, main, exit. */
#include "libc.h"
#include <sys/auxv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

extern void (*__preinit_array_start[])(int, char **, char **)
	__attribute__((weak, visibility("hidden")));
extern void (*__preinit_array_end[])(int, char **, char **)
	__attribute__((weak, visibility("hidden")));
extern void (*__init_array_start[])(int, char **, char **)
	__attribute__((weak, visibility("hidden")));
extern void (*__init_array_end[])(int, char **, char **)
	__attribute__((weak, visibility("hidden")));

int main(int argc, char **argv, char **envp);

hidden unsigned long *__auxv;
hidden size_t __page_size = 4096;
char **environ;
char *program_invocation_name, *program_invocation_short_name;

/* Runs before any relocation is applied: it may touch no global that holds an address, call
 * nothing that does, and uses only what it finds on the stack and through %rip. */
static void relocate(unsigned long *auxv)
{
	const Elf64_Phdr *ph = 0;
	unsigned long phnum = 0, base = 0;
	const Elf64_Dyn *dyn = __dynamic();

	if (!dyn)
		return; /* a plain -static executable: linked where it runs */
	unsigned long interp_base = 0;
	for (; auxv[0] != AT_NULL; auxv += 2) {
		if (auxv[0] == AT_PHDR)
			ph = (const Elf64_Phdr *)auxv[1];
		else if (auxv[0] == AT_PHNUM)
			phnum = auxv[1];
		else if (auxv[0] == AT_BASE)
			interp_base = auxv[1];
	}
	for (unsigned long i = 0; ph && i < phnum; i++)
		if (ph[i].p_type == PT_DYNAMIC)
			base = (unsigned long)dyn - ph[i].p_vaddr;
	/* Run as a program's PT_INTERP, AT_PHDR is the program's; AT_BASE is where we are
	 * (we link at 0), as a dynamic loader finds itself. */
	if (interp_base)
		base = interp_base;
	else if (!ph)
		return; /* no AT_PHDR: no way to know where we were loaded */

	unsigned long rela = 0, relasz = 0, relr = 0, relrsz = 0;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		switch (dyn->d_tag) {
		case DT_RELA:
			rela = dyn->d_un.d_ptr;
			break;
		case DT_RELASZ:
			relasz = dyn->d_un.d_val;
			break;
		case DT_RELR:
			relr = dyn->d_un.d_ptr;
			break;
		case DT_RELRSZ:
			relrsz = dyn->d_un.d_val;
			break;
		}
	}
	const Elf64_Rela *r = (const Elf64_Rela *)(base + rela);
	for (unsigned long i = 0; rela && i < relasz / sizeof(*r); i++)
		if (ELF64_R_TYPE(r[i].r_info) == R_X86_64_RELATIVE)
			*(unsigned long *)(base + r[i].r_offset) = base + r[i].r_addend;
	/* DT_RELR: an address entry, then bitmaps of the 63 words after it. */
	const unsigned long *rr = (const unsigned long *)(base + relr);
	unsigned long *where = 0;
	for (unsigned long i = 0; relr && i < relrsz / 8; i++) {
		unsigned long e = rr[i];
		if (!(e & 1)) {
			where = (unsigned long *)(base + e);
			*where++ += base;
		} else {
			for (unsigned long *p = where; e >>= 1; p++)
				if (e & 1)
					*p += base;
			where += 63;
		}
	}
}

hidden unsigned long __getauxval(unsigned long type)
{
	for (unsigned long *a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

unsigned long getauxval(unsigned long type)
{
	for (unsigned long *a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}

__noreturn void __libc_start(long *sp);
__noreturn void __libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **e = envp;

	while (*e)
		e++;
	relocate((unsigned long *)(e + 1));

	__auxv = (unsigned long *)(e + 1);
	environ = envp;
	unsigned long pg = __getauxval(AT_PAGESZ);
	if (pg)
		__page_size = pg;
	__init_tls();
	__init_vdso();
	if (argc > 0 && argv[0]) {
		program_invocation_name = argv[0];
		char *slash = strrchr(argv[0], '/');
		program_invocation_short_name = slash ? slash + 1 : argv[0];
	}
	size_t n = __preinit_array_end - __preinit_array_start;
	for (size_t i = 0; i < n; i++)
		__preinit_array_start[i](argc, argv, envp);
	n = __init_array_end - __init_array_start;
	for (size_t i = 0; i < n; i++)
		__init_array_start[i](argc, argv, envp);
	exit(main(argc, argv, envp));
}
