/* Thread-local storage for the main thread (variant II, as x86-64 has it): the PT_TLS image
 * copied just below a TCB whose first word points to itself; %fs holds the TCB's address. */
#include "libc.h"
#include <sys/auxv.h>
#include <string.h>
#include <sys/mman.h>

#define ARCH_SET_FS 0x1002

static _Alignas(64) unsigned char builtin_tls[1024];

hidden void __init_tls(void)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long phnum = getauxval(AT_PHNUM), base = 0;
	const Elf64_Phdr *tls = 0;

	for (unsigned long i = 0; ph && i < phnum; i++) {
		if (ph[i].p_type == PT_PHDR)
			base = (unsigned long)ph - ph[i].p_vaddr;
		else if (ph[i].p_type == PT_TLS)
			tls = &ph[i];
		else if (ph[i].p_type == PT_DYNAMIC && __dynamic())
			base = (unsigned long)__dynamic() - ph[i].p_vaddr;
	}
	size_t align = 16, memsz = 0, talign = 1;
	if (tls) {
		talign = tls->p_align ? tls->p_align : 1;
		if (talign > align)
			align = talign;
		memsz = tls->p_memsz;
	}
	/* the linker placed each variable at tp - round_up(p_memsz, p_align) + its offset */
	size_t blk = (memsz + talign - 1) & ~(talign - 1);
	size_t need = blk + sizeof(struct __tcb) + align;
	unsigned char *mem = builtin_tls;
	if (need > sizeof(builtin_tls)) {
		long r = __sys(SYS_mmap, 0, need, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if ((unsigned long)r > -4096UL)
			__sys(SYS_exit_group, 127);
		mem = (unsigned char *)r;
	}
	unsigned long tp = ((unsigned long)mem + blk + align - 1) & ~(align - 1);
	if (tls) {
		unsigned char *img = (unsigned char *)(tp - blk);
		memcpy(img, (const void *)(base + tls->p_vaddr), tls->p_filesz);
		memset(img + tls->p_filesz, 0, tls->p_memsz - tls->p_filesz);
	}
	struct __tcb *t = (struct __tcb *)tp;
	memset(t, 0, sizeof(*t));
	t->self = t;
	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	if (rnd)
		memcpy(&t->canary, rnd, sizeof(t->canary));
	t->canary &= ~0xffUL;
	if (__sys(SYS_arch_prctl, ARCH_SET_FS, tp) < 0)
		__sys(SYS_exit_group, 127);
	t->tid = (int)__sys(SYS_gettid);
}
