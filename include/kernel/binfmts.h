/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_BINFMTS_H
#define _KERNEL_BINFMTS_H

#include <kernel/fs.h>
#include <kernel/types.h>

struct mm_struct;
struct pt_regs;

/*
 * The argument and environment strings: Linux's limits. One string at most MAX_ARG_STRLEN
 * bytes with its NUL; all of them with their pointers at most a quarter of RLIMIT_STACK,
 * capped at 3/4 of _STK_LIM and never below ARG_MAX (E2BIG beyond).
 */
#define MAX_ARG_STRLEN (32 * PAGE_SIZE)
#define MAX_ARG_STRINGS 0x7fffffff
#define ARG_MAX (32 * PAGE_SIZE)
#define _STK_LIM (8UL << 20)
/* The first bytes of the file, for the formats to recognise it (#! lines end within). */
#define BINPRM_BUF_SIZE 256
/* A script's interpreter may be a script, this many times over (ELOOP beyond). */
#define BINPRM_MAX_RECURSION 4
/* The initial stack mapping beyond the strings; it grows down on demand to the limit. */
#define STACK_INIT_SIZE (128 * 1024)
/* Where a program's stack ends without randomisation (Linux's STACK_TOP). */
#define STACK_TOP TASK_SIZE_MAX
/*
 * Where a PIE is loaded without randomisation: 2/3 of the address space, as Linux's
 * ELF_ET_DYN_BASE (page aligned here; Linux aligns the load bias instead).
 */
#define ELF_ET_DYN_BASE 0x555555554000UL

/* personality(2): the flag that turns address-space randomisation off, kept across exec. */
#define ADDR_NO_RANDOMIZE 0x0040000
#define PER_MASK 0x00ff

/* A range of a loaded program to zero once its address space is current (the bss). */
struct bss_clear {
	unsigned long start, len;
};

#define MAX_BSS_CLEAR 8

/*
 * One execve in progress: what it reads and builds before the point of no return (the new
 * address space, not yet anybody's), and what it finishes after (the bss tails, the stack).
 */
struct linux_binprm {
	struct file *file; /* what is being loaded now: the program, or a script's interpreter */
	/* The name execve was given (or /dev/fd/N[/name] for execveat): AT_EXECFN, comm. */
	const char *filename;
	/* The name of what file is: filename, then each script's interpreter. */
	const char *interp;
	char buf[BINPRM_BUF_SIZE]; /* file's first bytes (fewer if it is shorter) */
	size_t buf_len;
	int recursion; /* scripts gone through so far */
	/*
	 * filename is /dev/fd/N... for a close-on-exec N: the new program cannot open it, so a
	 * script (whose interpreter would) fails with -ENOENT (Linux's
	 * BINPRM_FLAGS_PATH_INACCESSIBLE).
	 */
	bool path_inaccessible;
	char *strings; /* argv's strings, then envp's, each with its NUL */
	size_t strings_len, strings_cap, strings_limit;
	int argc, envc;
	struct mm_struct *mm;
	bool randomize; /* ASLR for this exec (not norandmaps, not ADDR_NO_RANDOMIZE) */
	unsigned long stack_top; /* the top of the new stack, randomised */
	unsigned long entry; /* where the program starts: the interpreter's entry if it has one */
	unsigned long e_entry; /* the program's own entry point, bias applied (AT_ENTRY) */
	unsigned long load_bias; /* 0 for ET_EXEC */
	unsigned long interp_base; /* where PT_INTERP's interpreter was loaded (AT_BASE), or 0 */
	unsigned long phdr_addr; /* where the program headers are in memory (AT_PHDR) */
	unsigned long phnum;
	unsigned long brk;
	unsigned long vdso_base; /* AT_SYSINFO_EHDR, or 0 without a vDSO */
	struct bss_clear bss[MAX_BSS_CLEAR];
	int nr_bss;
	/* The credentials the new program runs with (set-user/group-ID applied), until commit. */
	struct cred *cred;
};

/*
 * fs/binfmt_elf.c: checks the file and maps it (and its PT_INTERP interpreter, the vDSO, the
 * stack) into a new bprm->mm; 0 or -errno, with nothing left behind on failure.
 */
int load_elf_binary(struct linux_binprm *bprm);
/* The checks alone, over a file's first bytes and its size (for tests and the loader). */
int elf_check_header(const void *buf, size_t len);
/*
 * fs/binfmt_script.c: a "#!" file makes its interpreter bprm->file, with the argument
 * strings rewritten as Linux does; -ENOEXEC when the file is no script.
 */
int load_script(struct linux_binprm *bprm);
/* fs/exec.c: puts one string before the argument strings (argv[0] to be); 0 or -E2BIG. */
int bprm_prepend_arg(struct linux_binprm *bprm, const char *arg);
/* Drops argv[0] (a script's own name goes, its path comes in its stead). */
void bprm_remove_arg_zero(struct linux_binprm *bprm);
/* Opens a program for exec: a regular file the caller may execute; the file or ERR_PTR. */
struct file *open_exec(const char *name);
/* Reads bprm->file's first bytes into bprm->buf; 0 or -errno. */
int bprm_read_buf(struct linux_binprm *bprm);

/* The address-space layout (arch/x86_64/mm/mmap.c): Linux's, randomised unless !randomize. */
unsigned long arch_mmap_rnd(void);
void arch_pick_mmap_layout(struct mm_struct *mm, bool randomize, unsigned long stack_rlimit);
unsigned long randomize_stack_top(unsigned long stack_top);
unsigned long arch_align_stack(unsigned long sp, bool randomize);
unsigned long arch_randomize_brk(unsigned long brk);
/* Address-space randomisation on at all (not "norandmaps")? */
bool randomize_va_space_enabled(void);

/*
 * Replaces the calling task's program (fs/exec.c). argv and envp are NULL-terminated arrays
 * of strings in user memory (user) or kernel memory. On success the caller's register frame
 * (current_pt_regs) starts the new program; on failure before the point of no return
 * nothing changed and -errno comes back; after it the task is killed.
 */
int do_execve(const char *filename, const char *const *argv, const char *const *envp, bool user);
/* The same relative to dirfd with execveat's flags (AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW). */
int do_execveat(int fd, const char *filename, const char *const *argv, const char *const *envp,
		int flags, bool user);
/* A kernel thread becoming a user program; returns only on failure. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

#endif /* _KERNEL_BINFMTS_H */
