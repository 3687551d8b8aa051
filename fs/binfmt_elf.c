// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF64 loader for static programs: ET_EXEC at its link addresses, static PIE (ET_DYN)
 * at ELF_ET_DYN_BASE. Everything is checked before anything is mapped, and mapping goes
 * into a fresh address space that is nobody's yet, so a malformed file costs an error
 * (-ENOEXEC for what is not an x86-64 ELF executable, -EINVAL for an impossible layout,
 * -EIO for headers past the end of the file, as Linux answers) and never the caller's
 * program, nor the kernel.
 *
 * PT_LOAD segments are mapped from the file (MAP_PRIVATE: copy on write) where they have
 * file contents, with anonymous zero pages for the rest of their memory size; the partial
 * page between the two is zeroed by exec once the address space is current. W^X: a
 * segment asking to be writable and executable at once is refused (-EINVAL), and the stack
 * is never executable, whatever PT_GNU_STACK asks (it is read, and a request for an
 * executable stack is logged). PT_INTERP (a dynamic program) is -ENOEXEC until the step
 * that runs a dynamic loader.
 */
#include <kernel/binfmts.h>
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <uapi/mman.h>

int elf_check_header(const void *buf, size_t len)
{
	const Elf64_Ehdr *eh = buf;

	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return -ENOEXEC;
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT)
		return -ENOEXEC;
	if ((eh->e_type != ET_EXEC && eh->e_type != ET_DYN) || eh->e_machine != EM_X86_64)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return -ENOEXEC;
	if (!eh->e_phnum || eh->e_phnum > 65536U / sizeof(Elf64_Phdr))
		return -ENOEXEC;
	return 0;
}

static Elf64_Phdr *elf_read_phdrs(struct file *file, const Elf64_Ehdr *eh, int *err)
{
	size_t size = eh->e_phnum * sizeof(Elf64_Phdr);
	loff_t isize = file->f_inode->i_size;
	loff_t pos = eh->e_phoff;
	Elf64_Phdr *phdrs;
	ssize_t n;

	if (eh->e_phoff > (u64)isize || size > (u64)isize - eh->e_phoff) {
		*err = -EIO;
		return NULL;
	}
	phdrs = kmalloc(size, GFP_KERNEL);
	if (!phdrs) {
		*err = -ENOMEM;
		return NULL;
	}
	n = kernel_read(file, phdrs, size, &pos);
	if (n != (ssize_t)size) {
		kfree(phdrs);
		*err = n < 0 ? (int)n : -EIO;
		return NULL;
	}
	return phdrs;
}

/* One PT_LOAD, before any mapping: inside the file, inside user space, W^X, mappable. */
static int check_load(const Elf64_Phdr *ph, loff_t isize)
{
	if (ph->p_filesz > ph->p_memsz)
		return -EINVAL;
	if ((ph->p_flags & PF_W) && (ph->p_flags & PF_X))
		return -EINVAL;
	if ((ph->p_vaddr - ph->p_offset) & ~PAGE_MASK)
		return -EINVAL;
	if (ph->p_offset > (u64)isize || ph->p_filesz > (u64)isize - ph->p_offset)
		return -EINVAL;
	if (ph->p_vaddr >= TASK_SIZE || ph->p_memsz > TASK_SIZE - ph->p_vaddr)
		return -EINVAL;
	return 0;
}

static unsigned long elf_prot(u32 p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) | (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

static int map_segment(struct linux_binprm *bprm, const Elf64_Phdr *ph)
{
	unsigned long bias = bprm->load_bias, prot = elf_prot(ph->p_flags);
	unsigned long start = (bias + ph->p_vaddr) & PAGE_MASK;
	unsigned long file_end = bias + ph->p_vaddr + ph->p_filesz;
	unsigned long mem_end = bias + ph->p_vaddr + ph->p_memsz;
	unsigned long anon_start = start;
	long ret;

	if (ph->p_filesz) {
		ret = do_mmap_file(bprm->mm, bprm->file, start, PAGE_ALIGN(file_end) - start, prot,
				   MAP_PRIVATE | MAP_FIXED, ph->p_offset & PAGE_MASK);
		if (ret < 0)
			return ret;
		anon_start = PAGE_ALIGN(file_end);
		/* The file's last page goes on past the segment: zero it up to the memory size. */
		if (ph->p_memsz > ph->p_filesz && (file_end & ~PAGE_MASK) && (ph->p_flags & PF_W)) {
			if (bprm->nr_bss == MAX_BSS_CLEAR)
				return -EINVAL;
			bprm->bss[bprm->nr_bss].start = file_end;
			bprm->bss[bprm->nr_bss].len = min(PAGE_ALIGN(file_end), mem_end) - file_end;
			bprm->nr_bss++;
		}
	}
	if (PAGE_ALIGN(mem_end) > anon_start) {
		ret = do_mmap(bprm->mm, anon_start, PAGE_ALIGN(mem_end) - anon_start, prot,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED);
		if (ret < 0)
			return ret;
	}
	if (PAGE_ALIGN(mem_end) > bprm->brk)
		bprm->brk = PAGE_ALIGN(mem_end);
	return 0;
}

/* Everything about the headers that can be known without mapping anything. */
static int check_phdrs(struct linux_binprm *bprm, const Elf64_Ehdr *eh, const Elf64_Phdr *phdrs,
		       unsigned long *min_vaddr)
{
	loff_t isize = bprm->file->f_inode->i_size;
	int nr_loads = 0, err;

	*min_vaddr = ~0UL;
	for (int i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *ph = &phdrs[i];

		switch (ph->p_type) {
		case PT_INTERP:
			return -ENOEXEC; /* a dynamic program: not yet */
		case PT_GNU_STACK:
			if (ph->p_flags & PF_X)
				pr_info("%s: asks for an executable stack; W^X keeps it "
					"non-executable\n",
					bprm->filename);
			break;
		case PT_LOAD:
			err = check_load(ph, isize);
			if (err)
				return err;
			if ((ph->p_vaddr & PAGE_MASK) < *min_vaddr)
				*min_vaddr = ph->p_vaddr & PAGE_MASK;
			nr_loads++;
			break;
		}
	}
	return nr_loads ? 0 : -ENOEXEC;
}

/* Where the program headers are in the loaded image, for AT_PHDR; 0 if not loaded. */
static unsigned long phdr_address(const Elf64_Ehdr *eh, const Elf64_Phdr *phdrs, unsigned long bias)
{
	for (int i = 0; i < eh->e_phnum; i++)
		if (phdrs[i].p_type == PT_PHDR)
			return bias + phdrs[i].p_vaddr;
	for (int i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *ph = &phdrs[i];

		if (ph->p_type == PT_LOAD && ph->p_offset <= eh->e_phoff &&
		    eh->e_phoff - ph->p_offset < ph->p_filesz)
			return bias + ph->p_vaddr + (eh->e_phoff - ph->p_offset);
	}
	return 0;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	Elf64_Phdr *phdrs;
	Elf64_Ehdr eh;
	unsigned long min_vaddr;
	loff_t pos = 0;
	ssize_t n;
	long ret;
	int err;

	n = kernel_read(bprm->file, &eh, sizeof(eh), &pos);
	if (n < 0)
		return n;
	err = elf_check_header(&eh, n);
	if (err)
		return err;
	phdrs = elf_read_phdrs(bprm->file, &eh, &err);
	if (!phdrs)
		return err;
	err = check_phdrs(bprm, &eh, phdrs, &min_vaddr);
	if (err)
		goto out_free;
	if (eh.e_type == ET_DYN)
		bprm->load_bias = ELF_ET_DYN_BASE - min_vaddr;
	/* The whole image must fit below the stack's area. */
	err = -EINVAL;
	for (int i = 0; i < eh.e_phnum; i++)
		if (phdrs[i].p_type == PT_LOAD &&
		    bprm->load_bias + phdrs[i].p_vaddr + phdrs[i].p_memsz >
			    STACK_TOP - DEFAULT_STACK_LIMIT - STACK_GUARD_GAP)
			goto out_free;

	err = -ENOMEM;
	bprm->mm = mm_alloc();
	if (!bprm->mm)
		goto out_free;
	for (int i = 0; i < eh.e_phnum; i++) {
		if (phdrs[i].p_type != PT_LOAD)
			continue;
		err = map_segment(bprm, &phdrs[i]);
		if (err)
			goto out_mm;
	}
	ret = do_mmap(bprm->mm, STACK_TOP - STACK_INIT_SIZE, STACK_INIT_SIZE,
		      PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN);
	if (ret < 0) {
		err = ret;
		goto out_mm;
	}
	bprm->mm->start_brk = bprm->mm->brk = bprm->brk;
	bprm->entry = bprm->load_bias + eh.e_entry;
	bprm->phdr_addr = phdr_address(&eh, phdrs, bprm->load_bias);
	bprm->phnum = eh.e_phnum;
	kfree(phdrs);
	return 0;

out_mm:
	mmput(bprm->mm);
	bprm->mm = NULL;
out_free:
	kfree(phdrs);
	return err;
}
