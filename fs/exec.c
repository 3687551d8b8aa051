// SPDX-License-Identifier: GPL-2.0
/*
 * execve: a task's program replaced by another. Before the point of no return everything
 * that can fail does (the file, its permission, the argument strings, the ELF checks and
 * the new address space, built aside); after it the old address space is dropped, and
 * what is left (zeroing the bss tails, writing the start-up stack) can only fail for want
 * of memory, which kills the task, as on Linux.
 *
 * The start-up stack is the System V x86-64 one, from the top down: the 16 random bytes of
 * AT_RANDOM, the platform string, the file name (AT_EXECFN), the argument and environment
 * strings, then, 16-byte aligned at the new RSP: argc, argv[], NULL, envp[], NULL, auxv.
 */
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
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/vmalloc.h>
#include <uapi/fcntl.h>

#include "internal.h"

#define MAX_ARG_STRINGS 0x7fffffff
#define NR_AUXV 18 /* pairs written below, AT_NULL included */

/* Appends the strings of argv (user or kernel memory) to bprm->strings; counts them. */
static int copy_strings(struct linux_binprm *bprm, const char *const *argv, bool user, int *count)
{
	int i;

	for (i = 0; argv; i++) {
		size_t room = ARG_SPACE - bprm->strings_len;
		char *dst = bprm->strings + bprm->strings_len;
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
		if (user) {
			len = strncpy_from_user(dst, (const char __user *)s, room);
			if (len < 0)
				return -EFAULT;
		} else {
			len = strnlen(s, room);
			memcpy(dst, s, len < (long)room ? len + 1 : len);
		}
		if ((size_t)len >= room)
			return -E2BIG;
		dst[len] = '\0';
		bprm->strings_len += len + 1;
	}
	*count = i;
	return 0;
}

/* The point of no return: the new address space becomes the task's, the old one goes. */
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

static unsigned long hwcap(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d;
}

/* Writes the start-up stack below STACK_TOP; the new RSP, or -errno. */
static long create_elf_tables(struct linux_binprm *bprm)
{
	static const char platform[] = "x86_64";
	const struct cred *cred = current_cred();
	unsigned long p = STACK_TOP, strings, execfn, plat, rnd, sp, *table, *t;
	size_t fnlen = strlen(bprm->filename) + 1;
	size_t items = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * NR_AUXV;
	char *s = bprm->strings;
	u8 random[16];
	long ret = -EFAULT;

	get_random_bytes(random, sizeof(random));
	p -= sizeof(random);
	rnd = p;
	p -= sizeof(platform);
	plat = p;
	p -= fnlen;
	execfn = p;
	p -= bprm->strings_len;
	strings = p;
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
	NEW_AUX_ENT(AT_HWCAP, hwcap());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);
	NEW_AUX_ENT(AT_PHDR, bprm->phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, bprm->phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, bprm->entry);
	NEW_AUX_ENT(AT_UID, cred ? cred->uid : 0);
	NEW_AUX_ENT(AT_EUID, cred ? cred->euid : 0);
	NEW_AUX_ENT(AT_GID, cred ? cred->gid : 0);
	NEW_AUX_ENT(AT_EGID, cred ? cred->egid : 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, rnd);
	NEW_AUX_ENT(AT_EXECFN, execfn);
	NEW_AUX_ENT(AT_PLATFORM, plat);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	BUILD_BUG_ON(NR_AUXV != 18);
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

int do_execve(const char *filename, const char *const *argv, const char *const *envp, bool user)
{
	struct linux_binprm *bprm;
	struct file *file;
	long sp;
	int err;

	bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	if (!bprm)
		return -ENOMEM;
	err = -ENOMEM;
	bprm->strings = vmalloc(ARG_SPACE);
	if (!bprm->strings)
		goto out_free;
	file = filp_open(filename, O_RDONLY, 0);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto out_free;
	}
	err = -EACCES;
	if (!S_ISREG(file->f_inode->i_mode))
		goto out_fput;
	err = inode_permission(file->f_inode, MAY_EXEC);
	if (err)
		goto out_fput;
	err = copy_strings(bprm, argv, user, &bprm->argc);
	if (!err)
		err = copy_strings(bprm, envp, user, &bprm->envc);
	if (err)
		goto out_fput;
	bprm->file = file;
	bprm->filename = filename;
	err = load_elf_binary(bprm);
	if (err)
		goto out_fput;
	/* Threads: the others end first; this one may take the leader's pid (kernel/exit.c). */
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

	bprm->mm->exe_file = get_file(file);
	exec_mmap(bprm->mm);
	current->did_exec = true;
	current->dumpable = true;
	if (current->files)
		do_close_on_exec(current->files);
	set_comm_from(filename);
	/* Handlers point into the old image: back to SIG_DFL, but ignored stays ignored. */
	flush_signal_handlers(current, false);
	strace_exec();
	sp = finish_exec(bprm);
	if (sp < 0) {
		pr_info("%s[%d]: execve of %s failed past the point of no return (%ld)\n",
			current->comm, current->pid, filename, sp);
		force_fatal_sig(SIGSEGV);
	}
	current->mm->start_stack = sp;
	start_thread(current_pt_regs(), bprm->entry, sp);
	err = 0;
out_fput:
	fput(file);
out_free:
	vfree(bprm->strings);
	kfree(bprm);
	return err;
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
