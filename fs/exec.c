// SPDX-License-Identifier: GPL-2.0
/*
 * execve and execveat: a task's program replaced by another. Before the point of no return
 * everything that can fail does (the file, its permission, the argument strings and their
 * limits, the format's checks: a "#!" script's interpreter, the ELF loader and its
 * interpreter, the new address space, built aside); after it the old address space is
 * dropped, and what is left (zeroing the bss tails, writing the start-up stack) can only
 * fail for want of memory, which kills the task, as on Linux.
 *
 * The start-up stack is the System V x86-64 one, laid out as Linux lays it, from the top
 * of the (randomised) stack down: a zero word, the file name (AT_EXECFN), the argument and
 * environment strings, a random gap of up to 8 KiB (arch_align_stack), the platform string,
 * the 16 random bytes of AT_RANDOM, then, 16-byte aligned at the new RSP: argc, argv[],
 * NULL, envp[], NULL, auxv.
 */
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/switch_to.h>
#include <asm/syscall.h>
#include <asm/uaccess.h>
#include <kernel/binfmts.h>
#include <kernel/cred.h>
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/random.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/strace.h>
#include <kernel/sched/signal.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/vmalloc.h>
#include <uapi/fcntl.h>
#include <uapi/limits.h>

#include "internal.h"

#define NR_AUXV 21 /* pairs written below, AT_NULL included */
#define STRINGS_INIT_SIZE (32 * 1024)

/* Linux's auxv types beyond what kernel/elf.h names. */
#ifndef AT_HWCAP2
#define AT_HWCAP2 26
#endif
#ifndef AT_SYSINFO_EHDR
#define AT_SYSINFO_EHDR 33
#endif
#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif
#define HWCAP2_FSGSBASE (1 << 1)

/* ---- the argument strings ------------------------------------------------------------ */

/* Room for need more bytes of strings, the buffer grown up to the limit; 0 or -E2BIG. */
static int strings_reserve(struct linux_binprm *bprm, size_t need)
{
	size_t cap = bprm->strings_cap;
	char *bigger;

	if (bprm->strings_len + need <= cap)
		return 0;
	if (need > bprm->strings_limit - bprm->strings_len)
		return -E2BIG;
	while (cap < bprm->strings_len + need)
		cap *= 2;
	if (cap > bprm->strings_limit)
		cap = PAGE_ALIGN(bprm->strings_limit);
	bigger = vmalloc(cap);
	if (!bigger)
		return -ENOMEM;
	memcpy(bigger, bprm->strings, bprm->strings_len);
	vfree(bprm->strings);
	bprm->strings = bigger;
	bprm->strings_cap = cap;
	return 0;
}

/* Appends the strings of argv (user or kernel memory) to bprm->strings; counts them. */
static int copy_strings(struct linux_binprm *bprm, const char *const *argv, bool user, int *count)
{
	int i, err;

	for (i = 0; argv; i++) {
		const char *s;
		long len;

		if (user) {
			if (get_user(s, (const char *const __user *)&argv[i]))
				return -EFAULT;
		} else {
			s = argv[i];
		}
		if (!s)
			break;
		if (i == MAX_ARG_STRINGS)
			return -E2BIG;
		for (;;) {
			size_t room = bprm->strings_cap - bprm->strings_len;
			char *dst = bprm->strings + bprm->strings_len;

			if (room > MAX_ARG_STRLEN)
				room = MAX_ARG_STRLEN;
			if (user) {
				len = strncpy_from_user(dst, (const char __user *)s, room);
				if (len < 0)
					return -EFAULT;
			} else {
				len = strnlen(s, room);
				memcpy(dst, s, (size_t)len < room ? len + 1 : len);
			}
			if ((size_t)len < room)
				break;
			/* No NUL within room: a longer buffer, or a string too long. */
			if (room == MAX_ARG_STRLEN)
				return -E2BIG;
			err = strings_reserve(bprm, room + 1);
			if (err)
				return err;
		}
		bprm->strings_len += len + 1;
	}
	*count = i;
	return 0;
}

static int strings_put_front(struct linux_binprm *bprm, const char *arg)
{
	size_t len = strlen(arg) + 1;
	int err;

	if (len > MAX_ARG_STRLEN)
		return -E2BIG;
	err = strings_reserve(bprm, len);
	if (err)
		return err;
	memmove(bprm->strings + len, bprm->strings, bprm->strings_len);
	memcpy(bprm->strings, arg, len);
	bprm->strings_len += len;
	return 0;
}

int bprm_prepend_arg(struct linux_binprm *bprm, const char *arg)
{
	int err = strings_put_front(bprm, arg);

	if (!err)
		bprm->argc++;
	return err;
}

void bprm_remove_arg_zero(struct linux_binprm *bprm)
{
	size_t len;

	if (!bprm->argc)
		return;
	len = strlen(bprm->strings) + 1;
	memmove(bprm->strings, bprm->strings + len, bprm->strings_len - len);
	bprm->strings_len -= len;
	bprm->argc--;
}

/*
 * Linux's bprm_stack_limits: the strings and their pointers may take a quarter of the stack
 * limit, no more than 3/4 of _STK_LIM, and never less than ARG_MAX.
 */
static unsigned long args_limit(void)
{
	unsigned long limit = _STK_LIM / 4 * 3, rlim = _STK_LIM;

	if (current->signal)
		rlim = READ_ONCE(current->signal->rlim[RLIMIT_STACK].rlim_cur);
	if (limit > rlim / 4)
		limit = rlim / 4;
	return limit > ARG_MAX ? limit : ARG_MAX;
}

static int check_args_size(struct linux_binprm *bprm)
{
	unsigned long ptrs = (max(bprm->argc, 1) + (unsigned long)bprm->envc) * sizeof(void *);
	unsigned long limit = args_limit();

	if (ptrs >= limit || bprm->strings_len > limit - ptrs)
		return -E2BIG;
	return 0;
}

/* ---- opening the program ------------------------------------------------------------- */

/* A program, an ELF interpreter or a script's: a regular file, not on a noexec mount. */
static int check_exec_file(struct file *file)
{
	if (!S_ISREG(file->f_inode->i_mode) || path_noexec(&file->f_path))
		return -EACCES;
	return inode_permission(file->f_inode, MAY_EXEC);
}

struct file *open_exec(const char *name)
{
	struct file *file = filp_open(name, O_RDONLY, 0);
	int err;

	if (IS_ERR(file))
		return file;
	err = check_exec_file(file);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

/* execveat's lookup: name relative to fd, or fd itself for AT_EMPTY_PATH with "". */
static struct file *open_execat(int fd, const char *name, int flags)
{
	int oflags = O_RDONLY | (flags & AT_SYMLINK_NOFOLLOW ? O_NOFOLLOW : 0);
	struct file *dirf, *file;
	struct path *base;
	int err;

	if (!*name) {
		if (!(flags & AT_EMPTY_PATH))
			return ERR_PTR(-ENOENT);
		dirf = fget(fd);
		if (!dirf)
			return ERR_PTR(-EBADF);
		/* Opened again for reading: fd may be open for writing only, or O_PATH. */
		err = check_exec_file(dirf);
		file = err ? ERR_PTR(err) : dentry_open(&dirf->f_path, O_RDONLY);
		fput(dirf);
		return file;
	}
	err = at_base(fd, name, &base, &dirf);
	if (err)
		return ERR_PTR(err);
	file = filp_open_at(base, name, oflags, 0);
	if (dirf)
		fput(dirf);
	if (IS_ERR(file))
		return file;
	err = check_exec_file(file);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

int bprm_read_buf(struct linux_binprm *bprm)
{
	loff_t pos = 0;
	ssize_t n = kernel_read(bprm->file, bprm->buf, sizeof(bprm->buf), &pos);

	if (n < 0)
		return n;
	bprm->buf_len = n;
	return 0;
}

/*
 * The formats, tried in turn until one takes the file; a script hands over to its
 * interpreter, which is tried again. Linux allows that for depths 0 to 5.
 */
static int exec_binprm(struct linux_binprm *bprm)
{
	for (int depth = 0;; depth++) {
		int err;

		if (depth > BINPRM_MAX_RECURSION + 1)
			return -ELOOP;
		err = bprm_read_buf(bprm);
		if (err)
			return err;
		err = load_script(bprm);
		if (!err) {
			bprm->recursion++;
			continue;
		}
		if (err != -ENOEXEC)
			return err;
		return load_elf_binary(bprm);
	}
}

/*
 * The new program's credentials, before the point of no return (Linux's bprm_fill_uid): a
 * set-user-ID file runs with its owner as effective user, a set-group-ID one (with group
 * execute: without it the bit means mandatory locking) with its group; the saved and file
 * system ids follow the effective ones on every exec. As Linux, the bits of what is loaded
 * count: a script's interpreter's, never the script's own.
 */
static int bprm_prepare_creds(struct linux_binprm *bprm)
{
	struct inode *inode = bprm->file->f_inode;
	umode_t mode = READ_ONCE(inode->i_mode);
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	/* On a nosuid mount the bits mean nothing: the ids stay, and so AT_SECURE is 0. */
	if ((mode & S_ISUID) && mnt_may_suid(bprm->file->f_path.mnt))
		new->euid = inode->i_uid;
	if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) &&
	    mnt_may_suid(bprm->file->f_path.mnt))
		new->egid = inode->i_gid;
	new->suid = new->fsuid = new->euid;
	new->sgid = new->fsgid = new->egid;
	bprm->cred = new;
	return 0;
}

/* ---- the point of no return and after ----------------------------------------------- */

/* The new address space becomes the task's, the old one goes. */
static void exec_mmap(struct mm_struct *mm)
{
	struct mm_struct *old = current->mm;

	if (old)
		rusage_note_mm_exit(current, old); /* its peak RSS stays in ru_maxrss */
	task_lock(current);
	current->mm = mm;
	task_unlock(current);
	switch_mm(mm);
	if (old)
		mmput(old);
}

static void set_comm_from(const char *filename)
{
	const char *base = strrchr(filename, '/');

	task_lock(current);
	strscpy(current->comm, base ? base + 1 : filename, sizeof(current->comm));
	task_unlock(current);
}

/*
 * What the task drops of its old program once the new one is certain (Linux's
 * begin_new_exec): the other threads, the address space, close-on-exec descriptors, the
 * caught signals' handlers.
 */
static void begin_new_exec(struct linux_binprm *bprm)
{
	bool dumpable;

	bprm->mm->exe_file = get_file(bprm->file);
	exec_mmap(bprm->mm);
	bprm->mm = NULL;
	current->did_exec = true;
	/*
	 * A program running with ids it was not started with leaves no core to its caller;
	 * decided after commit_creds, which has its own rule, as Linux's begin_new_exec.
	 */
	dumpable = bprm->cred->euid == bprm->cred->uid && bprm->cred->egid == bprm->cred->gid;
	commit_creds(bprm->cred);
	current->dumpable = dumpable;
	bprm->cred = NULL;
	if (current->files)
		do_close_on_exec(current->files);
	set_comm_from(bprm->filename);
	/* Handlers point into the old image: back to SIG_DFL, but ignored stays ignored. */
	flush_signal_handlers(current, false);
	strace_exec();
}

static unsigned long hwcap(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d;
}

/* FSGSBASE is user-visible when the kernel turned it on (CR4), as Linux's HWCAP2. */
static unsigned long hwcap2(void)
{
	return read_cr4() & X86_CR4_FSGSBASE ? HWCAP2_FSGSBASE : 0;
}

/*
 * The smallest signal stack a handler needs here: Linux's formula (the frame with siginfo
 * and ucontext, the FPU state with its magic word, the alignment slack), for this CPU's
 * FPU state size.
 */
static unsigned long minsigstksz(void)
{
	unsigned long frame = 8 + 128 + 304; /* return address, siginfo, ucontext */

	frame += 15 + fpu_state_size() + 4 + 63;
	return (frame + 15) & ~15UL;
}

/* Writes the start-up stack below bprm->stack_top; the new RSP, or -errno. */
static long create_elf_tables(struct linux_binprm *bprm)
{
	static const char platform[] = "x86_64";
	const struct cred *cred = current_cred();
	unsigned long p = bprm->stack_top, strings, execfn, plat, rnd, sp, *table, *t;
	size_t fnlen = strlen(bprm->filename) + 1;
	size_t items = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * NR_AUXV;
	char *s = bprm->strings;
	unsigned long uid = 0, euid = 0, gid = 0, egid = 0;
	u8 random[16];
	long ret = -EFAULT;

	if (cred) {
		uid = cred->uid;
		euid = cred->euid;
		gid = cred->gid;
		egid = cred->egid;
	}
	get_random_bytes(random, sizeof(random));
	p -= sizeof(void *); /* Linux's zero word at the very top */
	p -= fnlen;
	execfn = p;
	p -= bprm->strings_len;
	strings = p;
	p = arch_align_stack(p, bprm->randomize);
	p -= sizeof(platform);
	plat = p;
	p -= sizeof(random);
	rnd = p;
	sp = (p - items * sizeof(unsigned long)) & ~15UL;
	if (copy_to_user((void __user *)rnd, random, sizeof(random)) ||
	    copy_to_user((void __user *)plat, platform, sizeof(platform)) ||
	    copy_to_user((void __user *)execfn, bprm->filename, fnlen) ||
	    copy_to_user((void __user *)strings, bprm->strings, bprm->strings_len))
		return -EFAULT;

	t = table = kmalloc(items * sizeof(unsigned long), GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	*t++ = bprm->argc;
	for (int i = 0; i < bprm->argc + bprm->envc + 1; i++) {
		if (i == bprm->argc) {
			*t++ = 0; /* the end of argv; envp follows */
			continue;
		}
		*t++ = strings + (s - bprm->strings);
		s += strlen(s) + 1;
		if (i == bprm->argc - 1)
			current->mm->arg_end = strings + (s - bprm->strings);
	}
	*t++ = 0;
	current->mm->arg_start = strings;
	if (!bprm->argc)
		current->mm->arg_end = strings;
	current->mm->env_start = current->mm->arg_end;
	current->mm->env_end = strings + bprm->strings_len;
#define NEW_AUX_ENT(id, val)  \
	do {                  \
		*t++ = (id);  \
		*t++ = (val); \
	} while (0)
	/* Linux's order: ARCH_DLINFO first, then create_elf_tables' own. */
	NEW_AUX_ENT(AT_SYSINFO_EHDR, bprm->vdso_base);
	NEW_AUX_ENT(AT_MINSIGSTKSZ, minsigstksz());
	NEW_AUX_ENT(AT_HWCAP, hwcap());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);
	NEW_AUX_ENT(AT_PHDR, bprm->phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, bprm->phnum);
	NEW_AUX_ENT(AT_BASE, bprm->interp_base);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, bprm->e_entry);
	NEW_AUX_ENT(AT_UID, uid);
	NEW_AUX_ENT(AT_EUID, euid);
	NEW_AUX_ENT(AT_GID, gid);
	NEW_AUX_ENT(AT_EGID, egid);
	NEW_AUX_ENT(AT_SECURE, uid != euid || gid != egid);
	NEW_AUX_ENT(AT_RANDOM, rnd);
	NEW_AUX_ENT(AT_HWCAP2, hwcap2());
	NEW_AUX_ENT(AT_EXECFN, execfn);
	NEW_AUX_ENT(AT_PLATFORM, plat);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	BUILD_BUG_ON(NR_AUXV != 21);
	BUILD_BUG_ON(2 * NR_AUXV > MM_SAVED_AUXV);
	memcpy(current->mm->saved_auxv, t - 2 * NR_AUXV, 2 * NR_AUXV * sizeof(unsigned long));
	if (!copy_to_user((void __user *)sp, table, (t - table) * sizeof(unsigned long)))
		ret = sp;
	kfree(table);
	return ret;
}

/* After the point of no return: the bss tails and the stack. */
static long finish_exec(struct linux_binprm *bprm)
{
	for (int i = 0; i < bprm->nr_bss; i++)
		if (clear_user((void __user *)bprm->bss[i].start, bprm->bss[i].len))
			return -EFAULT;
	return create_elf_tables(bprm);
}

/* The name the new program knows itself by: Linux's, /dev/fd/N[/name] relative to an fd. */
static char *exec_filename(int fd, const char *name)
{
	size_t len = strlen(name) + 32;
	char *s = kmalloc(len, GFP_KERNEL);

	if (!s)
		return NULL;
	if (fd == AT_FDCWD || name[0] == '/')
		snprintf(s, len, "%s", name);
	else if (!*name)
		snprintf(s, len, "/dev/fd/%d", fd);
	else
		snprintf(s, len, "/dev/fd/%d/%s", fd, name);
	return s;
}

static bool exec_randomizes(void)
{
	return randomize_va_space_enabled() && !(current->personality & ADDR_NO_RANDOMIZE);
}

int do_execveat(int fd, const char *filename, const char *const *argv, const char *const *envp,
		int flags, bool user)
{
	struct linux_binprm *bprm;
	struct file *file;
	long sp;
	int err;

	if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
		return -EINVAL;
	bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	if (!bprm)
		return -ENOMEM;
	err = -ENOMEM;
	bprm->strings_cap = STRINGS_INIT_SIZE;
	bprm->strings_limit = args_limit();
	bprm->strings = vmalloc(bprm->strings_cap);
	if (!bprm->strings)
		goto out_free;
	bprm->filename = exec_filename(fd, filename);
	if (!bprm->filename)
		goto out_free;
	bprm->interp = bprm->filename;
	if (fd != AT_FDCWD && filename[0] != '/' && current->files &&
	    fd_is_cloexec(current->files, fd))
		bprm->path_inaccessible = true;
	file = open_execat(fd, filename, flags);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto out_free;
	}
	bprm->file = file;
	err = copy_strings(bprm, argv, user, &bprm->argc);
	if (!err)
		err = copy_strings(bprm, envp, user, &bprm->envc);
	if (!err)
		err = check_args_size(bprm);
	/* No argv at all: Linux gives the program an empty argv[0] rather than none. */
	if (!err && !bprm->argc)
		err = bprm_prepend_arg(bprm, "");
	if (err)
		goto out_fput;
	bprm->randomize = exec_randomizes();
	if (bprm->randomize)
		bprm->stack_top = randomize_stack_top(STACK_TOP);
	err = exec_binprm(bprm);
	if (err)
		goto out_fput;
	/* A script may have grown the strings past the limit: still before the point. */
	err = check_args_size(bprm);
	if (!err)
		err = bprm_prepare_creds(bprm);
	/* Threads: the others end first; this one may take the leader's pid (kernel/exit.c). */
	if (!err)
		err = de_thread(current);
	if (err) {
		mmput(bprm->mm);
		goto out_fput;
	}
	/* A table shared with another process (CLONE_FILES) is not the new program's to close. */
	if (current->files && atomic_read(&current->files->count) > 1) {
		struct files_struct *copy = dup_files(current->files);

		if (!copy) {
			mmput(bprm->mm);
			err = -ENOMEM;
			goto out_fput;
		}
		put_files_struct(current->files);
		current->files = copy;
	}
	mm_release(current); /* robust futexes, clear_child_tid, a vfork parent let go */

	begin_new_exec(bprm);
	sp = finish_exec(bprm);
	if (sp < 0) {
		pr_info("%s[%d]: execve of %s failed past the point of no return (%ld)\n",
			current->comm, current->pid, bprm->filename, sp);
		force_fatal_sig(SIGSEGV);
	}
	current->mm->start_stack = sp;
	start_thread(current_pt_regs(), bprm->entry, sp);
	err = 0;
out_fput:
	if (bprm->cred)
		abort_creds(bprm->cred);
	fput(bprm->file);
out_free:
	if (bprm->interp != bprm->filename)
		kfree(bprm->interp);
	kfree(bprm->filename);
	vfree(bprm->strings);
	kfree(bprm);
	return err;
}

int do_execve(const char *filename, const char *const *argv, const char *const *envp, bool user)
{
	return do_execveat(AT_FDCWD, filename, argv, envp, 0, user);
}

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	int err = do_execve(filename, argv, envp, false);

	if (err)
		return err;
	ret_to_user_mode(current_pt_regs());
}

long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	char *name = getname(filename);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_execve(name, (const char *const *)argv, (const char *const *)envp, true);
	putname(name);
	return err;
}

long sys_execveat(int fd, const char __user *filename, const char __user *const __user *argv,
		  const char __user *const __user *envp, int flags)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;
	int err;

	if (!name)
		return -ENOMEM;
	/* As getname, but "" is a name when AT_EMPTY_PATH asks for the fd itself. */
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0)
		err = -EFAULT;
	else if (len == PATH_MAX)
		err = -ENAMETOOLONG;
	else if (!len && !(flags & AT_EMPTY_PATH))
		err = -ENOENT;
	else
		err = do_execveat(fd, name, (const char *const *)argv, (const char *const *)envp,
				  flags, true);
	kfree(name);
	return err;
}

/* personality(2): the execution domain is always Linux's; the flags are kept, across exec. */
long sys_personality(unsigned int personality)
{
	unsigned int old = current->personality;

	if (personality != 0xffffffff)
		current->personality = personality;
	return old;
}
