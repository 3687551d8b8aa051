/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_BINFMTS_H
#define _KERNEL_BINFMTS_H

#include <kernel/fs.h>
#include <kernel/types.h>

struct mm_struct;
struct pt_regs;

/* Room for argv and envp strings together (Linux allows a quarter of the stack limit). */
#define ARG_SPACE (64 * 1024)
/* The initial stack mapping; it grows down on demand up to the stack limit. */
#define STACK_INIT_SIZE (128 * 1024)
/* Where a program's stack ends (no randomisation yet: Linux's top without it). */
#define STACK_TOP TASK_SIZE_MAX
/* Where a static PIE is loaded: Linux's ELF_ET_DYN_BASE without randomisation. */
#define ELF_ET_DYN_BASE 0x555555554000UL

/* A range of a loaded program to zero once its address space is current (the bss). */
struct bss_clear {
	unsigned long start, len;
};

#define MAX_BSS_CLEAR 4

/*
 * One execve in progress: what it reads and builds before the point of no return (the new
 * address space, not yet anybody's), and what it finishes after (the bss tails, the stack).
 */
struct linux_binprm {
	struct file *file;
	const char *filename;
	char *strings; /* argv's strings, then envp's, each with its NUL */
	size_t strings_len;
	int argc, envc;
	struct mm_struct *mm;
	unsigned long entry; /* the program's entry point, bias applied */
	unsigned long load_bias; /* 0 for ET_EXEC */
	unsigned long phdr_addr; /* where the program headers are in memory (AT_PHDR) */
	unsigned long phnum;
	unsigned long brk;
	struct bss_clear bss[MAX_BSS_CLEAR];
	int nr_bss;
};

/* fs/binfmt_elf.c: checks the file and maps it into bprm->mm; 0 or -errno, nothing used. */
int load_elf_binary(struct linux_binprm *bprm);
/* The checks alone, over a file's first bytes and its size (for tests and the loader). */
int elf_check_header(const void *buf, size_t len);

/*
 * Replaces the calling task's program (fs/exec.c). argv and envp are NULL-terminated arrays
 * of strings in user memory (user) or kernel memory. On success the caller's register frame
 * (current_pt_regs) starts the new program; on failure before the point of no return
 * nothing changed and -errno comes back; after it the task is killed.
 */
int do_execve(const char *filename, const char *const *argv, const char *const *envp, bool user);
/* A kernel thread becoming a user program; returns only on failure. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

#endif /* _KERNEL_BINFMTS_H */
