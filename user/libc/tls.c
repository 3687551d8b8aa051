/* Thread-local storage (variant II, as x86-64 has it): the PT_TLS image copied just below a
 * TCB whose first word points to itself; %fs holds the TCB's address. The main thread's
 * block is set up here; pthread_create places one the same way for each new thread. */
#include "libc.h"
#include <sys/auxv.h>
#include <string.h>
#include <sys/mman.h>

#define ARCH_SET_FS 0x1002

static _Alignas(64) unsigned char builtin_tls[1024];
hidden struct __tls_image __tls;

hidden size_t __tls_size(void)
{
	return __tls.blk + sizeof(struct __tcb) + __tls.align;
}

hidden struct __tcb *__tls_place(void *mem)
{
	unsigned long tp = ((unsigned long)mem + __tls.blk + __tls.align - 1) & ~(__tls.align - 1);
	unsigned char *img = (unsigned char *)(tp - __tls.blk);
	if (__tls.filesz)
		memcpy(img, __tls.image, __tls.filesz);
	memset(img + __tls.filesz, 0, __tls.memsz - __tls.filesz);
	struct __tcb *t = (struct __tcb *)tp;
	memset(t, 0, sizeof(*t));
	t->self = t;
	return t;
}

hidden void __init_tls(void)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)__getauxval(AT_PHDR);
	unsigned long phnum = __getauxval(AT_PHNUM), base = 0;
	const Elf64_Phdr *tls = 0;
	/* Run as a program's PT_INTERP, our own headers are at AT_BASE (we link at 0, the ELF
	 * header in the first page), not at AT_PHDR. */
	const Elf64_Ehdr *self = (const Elf64_Ehdr *)__getauxval(AT_BASE);
	if (self) {
		ph = (const Elf64_Phdr *)((const char *)self + self->e_phoff);
		phnum = self->e_phnum;
	}

	for (unsigned long i = 0; ph && i < phnum; i++) {
		if (ph[i].p_type == PT_PHDR)
			base = (unsigned long)ph - ph[i].p_vaddr;
		else if (ph[i].p_type == PT_TLS)
			tls = &ph[i];
		else if (ph[i].p_type == PT_DYNAMIC && __dynamic())
			base = (unsigned long)__dynamic() - ph[i].p_vaddr;
	}
	size_t talign = 1;
	__tls.align = 16;
	if (tls) {
		talign = tls->p_align ? tls->p_align : 1;
		if (talign > __tls.align)
			__tls.align = talign;
		__tls.image = (const void *)(base + tls->p_vaddr);
		__tls.filesz = tls->p_filesz;
		__tls.memsz = tls->p_memsz;
	}
	/* the linker placed each variable at tp - round_up(p_memsz, p_align) + its offset */
	__tls.blk = (__tls.memsz + talign - 1) & ~(talign - 1);
	unsigned char *mem = builtin_tls;
	if (__tls_size() > sizeof(builtin_tls)) {
		long r = __sys(SYS_mmap, 0, __tls_size(), PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if ((unsigned long)r > -4096UL)
			__sys(SYS_exit_group, 127);
		mem = (unsigned char *)r;
	}
	struct __tcb *t = __tls_place(mem);
	const unsigned char *rnd = (const unsigned char *)__getauxval(AT_RANDOM);
	if (rnd)
		memcpy(&t->canary, rnd, sizeof(t->canary));
	t->canary &= ~0xffUL;
	if (__sys(SYS_arch_prctl, ARCH_SET_FS, t) < 0)
		__sys(SYS_exit_group, 127);
	t->tid = (int)__sys(SYS_gettid);
}
