// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF64 loader: ET_EXEC at its link addresses, ET_DYN (PIE) at ELF_ET_DYN_BASE plus a
 * random offset, and a PT_INTERP interpreter (an ET_DYN, as ld.so is) in the mmap area
 * beside it, which then gets control (bprm->entry) while AT_ENTRY stays the program's.
 * Everything about a file's headers is checked before anything of it is mapped, and mapping
 * goes into a fresh address space that is nobody's yet, so a malformed file costs an error
 * (-ENOEXEC for what is not an x86-64 ELF executable, -EINVAL for an impossible layout,
 * -EIO for headers past the end of the file, -ELIBBAD for an interpreter that is no ELF,
 * as Linux answers) and never the caller's program, nor the kernel.
 *
 * PT_LOAD segments are mapped from the file (MAP_PRIVATE: copy on write) where they have
 * file contents, with anonymous zero pages for the rest of their memory size; the partial
 * page between the two is zeroed by exec once the address space is current. W^X: a
 * segment asking to be writable and executable at once is refused (-EINVAL), and the stack
 * is never executable, whatever PT_GNU_STACK asks (it is read, and a request for an
 * executable stack is logged).
 *
 * The address space gets, besides: its layout (arch_pick_mmap_layout: the mmap base, from
 * which the interpreter and the vDSO are placed), the stack mapping below bprm->stack_top,
 * and the vDSO (map_vdso).
 */
#include <asm/vdso.h>
#include <kernel/binfmts.h>
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <uapi/limits.h>
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
	/* Linux reads the program headers only when they fit one page (load_elf_phdrs). */
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return -ENOEXEC;
	if (!eh->e_phnum || eh->e_phnum > PAGE_SIZE / sizeof(Elf64_Phdr))
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

/* One image being loaded: the program, or its interpreter. */
struct elf_image {
	struct file *file;
	Elf64_Ehdr eh;
	Elf64_Phdr *phdrs;
	unsigned long min_vaddr, max_vaddr; /* the page-aligned span of its PT_LOADs */
	unsigned long bias;
	const Elf64_Phdr *interp; /* its PT_INTERP, if any */
};

static int map_segment(struct linux_binprm *bprm, struct elf_image *img, const Elf64_Phdr *ph)
{
	unsigned long bias = img->bias, prot = elf_prot(ph->p_flags);
	unsigned long start = (bias + ph->p_vaddr) & PAGE_MASK;
	unsigned long file_end = bias + ph->p_vaddr + ph->p_filesz;
	unsigned long mem_end = bias + ph->p_vaddr + ph->p_memsz;
	unsigned long anon_start = start;
	long ret;

	if (ph->p_filesz) {
		ret = do_mmap_file(bprm->mm, img->file, start, PAGE_ALIGN(file_end) - start, prot,
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
	return 0;
}

/* Everything about the headers that can be known without mapping anything. */
static int check_phdrs(struct linux_binprm *bprm, struct elf_image *img)
{
	loff_t isize = img->file->f_inode->i_size;
	int nr_loads = 0, err;

	img->min_vaddr = ~0UL;
	img->max_vaddr = 0;
	img->interp = NULL;
	for (int i = 0; i < img->eh.e_phnum; i++) {
		const Elf64_Phdr *ph = &img->phdrs[i];

		switch (ph->p_type) {
		case PT_INTERP:
			/* Linux's bounds: a name of 1 to PATH_MAX - 1 bytes and its NUL. */
			if (img->interp || ph->p_filesz > PATH_MAX || ph->p_filesz < 2 ||
			    ph->p_offset > (u64)isize || ph->p_filesz > (u64)isize - ph->p_offset)
				return -ENOEXEC;
			img->interp = ph;
			break;
		case PT_GNU_STACK:
			if (ph->p_flags & PF_X)
				pr_info("%s: asks for an executable stack; W^X keeps it "
					"non-executable\n",
					bprm->interp);
			break;
		case PT_LOAD:
			err = check_load(ph, isize);
			if (err)
				return err;
			if ((ph->p_vaddr & PAGE_MASK) < img->min_vaddr)
				img->min_vaddr = ph->p_vaddr & PAGE_MASK;
			if (PAGE_ALIGN(ph->p_vaddr + ph->p_memsz) > img->max_vaddr)
				img->max_vaddr = PAGE_ALIGN(ph->p_vaddr + ph->p_memsz);
			nr_loads++;
			break;
		}
	}
	return nr_loads ? 0 : -ENOEXEC;
}

/* Where the program headers are in the loaded image, for AT_PHDR; 0 if not loaded. */
static unsigned long phdr_address(const struct elf_image *img)
{
	const Elf64_Ehdr *eh = &img->eh;

	for (int i = 0; i < eh->e_phnum; i++)
		if (img->phdrs[i].p_type == PT_PHDR)
			return img->bias + img->phdrs[i].p_vaddr;
	for (int i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *ph = &img->phdrs[i];

		if (ph->p_type == PT_LOAD && ph->p_offset <= eh->e_phoff &&
		    eh->e_phoff - ph->p_offset < ph->p_filesz)
			return img->bias + ph->p_vaddr + (eh->e_phoff - ph->p_offset);
	}
	return 0;
}

/* Reads and checks an image's headers; its phdrs to free, or -errno. */
static int read_image(struct linux_binprm *bprm, struct elf_image *img)
{
	loff_t pos = 0;
	ssize_t n;
	int err;

	n = kernel_read(img->file, &img->eh, sizeof(img->eh), &pos);
	if (n < 0)
		return n;
	err = elf_check_header(&img->eh, n);
	if (err)
		return err;
	img->phdrs = elf_read_phdrs(img->file, &img->eh, &err);
	if (!img->phdrs)
		return err;
	err = check_phdrs(bprm, img);
	if (err) {
		kfree(img->phdrs);
		img->phdrs = NULL;
	}
	return err;
}

static int map_image(struct linux_binprm *bprm, struct elf_image *img)
{
	for (int i = 0; i < img->eh.e_phnum; i++) {
		int err;

		if (img->phdrs[i].p_type != PT_LOAD)
			continue;
		err = map_segment(bprm, img, &img->phdrs[i]);
		if (err)
			return err;
	}
	return 0;
}

/* PT_INTERP's file, opened for exec: its name must end with the segment's NUL. */
static struct file *open_interp(struct elf_image *img)
{
	const Elf64_Phdr *ph = img->interp;
	loff_t pos = ph->p_offset;
	struct file *file;
	char *name;
	ssize_t n;

	name = kmalloc(ph->p_filesz, GFP_KERNEL);
	if (!name)
		return ERR_PTR(-ENOMEM);
	n = kernel_read(img->file, name, ph->p_filesz, &pos);
	if (n != (ssize_t)ph->p_filesz)
		file = ERR_PTR(n < 0 ? n : -EIO);
	else if (name[ph->p_filesz - 1] != '\0')
		file = ERR_PTR(-ENOEXEC);
	else
		file = open_exec(name);
	kfree(name);
	return file;
}

/*
 * The interpreter, checked as Linux does (-ELIBBAD for no x86-64 ELF, -EINVAL for a type
 * other than ET_EXEC/ET_DYN, the layout checks as for a program), and placed below the mmap
 * base when it is ET_DYN.
 */
static int load_interp(struct linux_binprm *bprm, struct elf_image *interp)
{
	const Elf64_Ehdr *eh = &interp->eh;
	loff_t pos = 0;
	long addr;
	ssize_t n;
	int err;

	n = kernel_read(interp->file, &interp->eh, sizeof(interp->eh), &pos);
	if (n < 0)
		return n;
	if ((size_t)n < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_machine != EM_X86_64)
		return -ELIBBAD;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return -EINVAL;
	err = read_image(bprm, interp);
	if (err)
		return err == -ENOEXEC ? -ELIBBAD : err;
	err = -ELIBBAD;
	if (interp->interp) /* an interpreter with an interpreter of its own */
		goto out;
	if (eh->e_type == ET_DYN) {
		addr = get_unmapped_area(bprm->mm, interp->max_vaddr - interp->min_vaddr);
		if (addr < 0) {
			err = addr;
			goto out;
		}
		interp->bias = addr - interp->min_vaddr;
	}
	err = map_image(bprm, interp);
	if (err)
		goto out;
	bprm->interp_base = interp->bias + interp->min_vaddr;
	bprm->entry = interp->bias + eh->e_entry;
out:
	kfree(interp->phdrs);
	return err;
}

/*
 * The initial stack: room for what exec writes there (the strings, the file name, the
 * random gap of up to 8 KiB, the pointer table and auxv), and STACK_INIT_SIZE beyond, so
 * that writing it never needs the stack to grow.
 */
static long map_stack(struct linux_binprm *bprm)
{
	unsigned long table = ((unsigned long)bprm->argc + bprm->envc + 64) * sizeof(void *);
	unsigned long size =
		PAGE_ALIGN(bprm->strings_len + table + PATH_MAX + 8192) + STACK_INIT_SIZE;

	if (size > bprm->mm->stack_limit)
		size = bprm->mm->stack_limit;
	return do_mmap(bprm->mm, bprm->stack_top - size, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN);
}

int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_image prog = { .file = bprm->file }, interp = {};
	unsigned long stack_floor, span;
	long ret;
	int err;

	err = read_image(bprm, &prog);
	if (err)
		return err;
	if (!bprm->stack_top)
		bprm->stack_top = STACK_TOP;
	if (prog.eh.e_type == ET_DYN)
		prog.bias =
			ELF_ET_DYN_BASE + (bprm->randomize ? arch_mmap_rnd() : 0) - prog.min_vaddr;
	/* The whole image must fit below the stack's area. */
	err = -EINVAL;
	stack_floor = bprm->stack_top - DEFAULT_STACK_LIMIT - STACK_GUARD_GAP;
	span = prog.max_vaddr - prog.min_vaddr;
	if (span > stack_floor || prog.bias + prog.min_vaddr > stack_floor - span)
		goto out_free;
	if (prog.interp) {
		interp.file = open_interp(&prog);
		if (IS_ERR(interp.file)) {
			err = PTR_ERR(interp.file);
			interp.file = NULL;
			goto out_free;
		}
	}

	err = -ENOMEM;
	bprm->mm = mm_alloc();
	if (!bprm->mm)
		goto out_free;
	arch_pick_mmap_layout(bprm->mm, bprm->randomize, bprm->mm->stack_limit);
	err = map_image(bprm, &prog);
	if (err)
		goto out_mm;
	bprm->e_entry = prog.bias + prog.eh.e_entry;
	bprm->entry = bprm->e_entry;
	if (interp.file) {
		err = load_interp(bprm, &interp);
		if (err)
			goto out_mm;
	}
	ret = map_stack(bprm);
	if (ret < 0) {
		err = ret;
		goto out_mm;
	}
	ret = map_vdso(bprm->mm);
	/* A kernel without its vDSO set up (early tests) runs programs without one. */
	if (ret < 0 && ret != -ENOEXEC) {
		err = ret;
		goto out_mm;
	}
	bprm->vdso_base = ret < 0 ? 0 : ret;
	bprm->brk = PAGE_ALIGN(prog.bias + prog.max_vaddr);
	if (bprm->randomize)
		bprm->brk = arch_randomize_brk(bprm->brk);
	bprm->mm->start_brk = bprm->mm->brk = bprm->brk;
	bprm->load_bias = prog.bias;
	bprm->phdr_addr = phdr_address(&prog);
	bprm->phnum = prog.eh.e_phnum;
	err = 0;
	goto out_free;

out_mm:
	mmput(bprm->mm);
	bprm->mm = NULL;
out_free:
	if (interp.file)
		fput(interp.file);
	kfree(prog.phdrs);
	return err;
}
