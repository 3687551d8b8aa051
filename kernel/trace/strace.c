// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call tracer: each call of a task with TIF_SYSCALL_TRACE is logged after it
 * returns, one line as strace(1) prints it, prefixed with the thread's id:
 *
 *	[pid 42] openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3
 *	[pid 42] read(3, "root:x:0:0:root:/root:/bin/sh\n"..., 4096) = 123
 *	[pid 42] stat("/nope", 0x7ffc0000ef10) = -1 ENOENT (No such file or directory)
 *
 * Arguments are decoded by a table of argument kinds per call (numbers, descriptors,
 * strings, buffers, flag sets, signals); a struct is shown as its address, as strace -e
 * raw would. User memory is read with the fault-safe copy helpers only: a bad pointer shows
 * as its address. Strings are cut at 32 characters with "...", as strace's default -s 32.
 *
 * Hooks (arch/x86_64/kernel/entry_64.asm and syscall_64.c): the exit side runs on the
 * system-call slow path, which TIF_SYSCALL_TRACE already selects; the entry side runs only
 * on a CPU whose running task is traced (a second LSTAR entry point, switched at context
 * switch), so untraced calls pay nothing. The entry side is needed only for the calls whose
 * arguments are gone by the time they return (execve replaces the memory and the frame) or
 * that never return (exit, exit_group).
 *
 * Output goes to the kernel log at KERN_INFO and always to the consoles: a trace is asked
 * for, so the console log level (vmrun's hides info) does not silence it.
 */
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <asm/uaccess.h>
#include <kernel/console.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/strace.h>
#include <kernel/string.h>
#include <uapi/fcntl.h>

#define STRACE_STRLEN 32 /* strace's default -s */
#define STRACE_ARGV_MAX 32
#define STRACE_LINE 1024

/* ---- switching it on ---------------------------------------------------------------- */

static bool strace_all; /* strace=1 */
static char strace_comm[TASK_COMM_LEN]; /* strace=NAME */

static int set_strace(const char *val)
{
	if (!val || !*val)
		return -EINVAL;
	if (!strcmp(val, "1")) {
		strace_all = true;
		return 0;
	}
	if (!strcmp(val, "0"))
		return 0;
	if (strscpy(strace_comm, val, sizeof(strace_comm)) < 0)
		return -EINVAL;
	return 0;
}
kernel_param("strace", set_strace);

void strace_set(struct task_struct *p, bool on)
{
	unsigned long flags;

	if (on)
		set_tsk_thread_flag(p, TIF_SYSCALL_TRACE);
	else
		clear_tsk_thread_flag(p, TIF_SYSCALL_TRACE);
	/* The CPU running current changes entry now; others at their next switch. */
	if (p == current) {
		local_irq_save(flags);
		syscall_set_traced_entry(on);
		local_irq_restore(flags);
	}
}

void strace_fork(struct task_struct *child)
{
	if (strace_all || test_tsk_thread_flag(current, TIF_SYSCALL_TRACE))
		set_tsk_thread_flag(child, TIF_SYSCALL_TRACE);
}

void strace_exec(void)
{
	if (strace_comm[0] && !strncmp(current->comm, strace_comm, TASK_COMM_LEN))
		strace_set(current, true);
	else if (strace_all && !test_tsk_thread_flag(current, TIF_SYSCALL_TRACE))
		strace_set(current, true); /* the first program (init) was never forked */
}

/* ---- the line being made ------------------------------------------------------------ */

struct line {
	char *buf;
	size_t len;
};

static __printf(2, 3) void out(struct line *l, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (l->len >= STRACE_LINE - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(l->buf + l->len, STRACE_LINE - l->len, fmt, ap);
	va_end(ap);
	l->len += n;
	if (l->len > STRACE_LINE - 1)
		l->len = STRACE_LINE - 1;
}

static void out_ptr(struct line *l, unsigned long p)
{
	if (p)
		out(l, "%#lx", p);
	else
		out(l, "NULL");
}

/* One byte of a string, escaped as strace escapes it. */
static void out_char(struct line *l, unsigned char c, unsigned char next)
{
	switch (c) {
	case '"':
		out(l, "\\\"");
		return;
	case '\\':
		out(l, "\\\\");
		return;
	case '\n':
		out(l, "\\n");
		return;
	case '\t':
		out(l, "\\t");
		return;
	case '\r':
		out(l, "\\r");
		return;
	case '\v':
		out(l, "\\v");
		return;
	case '\f':
		out(l, "\\f");
		return;
	}
	if (c >= ' ' && c < 0x7f)
		out(l, "%c", c);
	else if (next >= '0' && next <= '7')
		out(l, "\\%03o", c); /* a shorter escape would swallow the next digit */
	else
		out(l, "\\%o", c);
}

static void out_bytes(struct line *l, const unsigned char *s, size_t n, bool more)
{
	out(l, "\"");
	for (size_t i = 0; i < n; i++)
		out_char(l, s[i], i + 1 < n ? s[i + 1] : 0);
	out(l, more ? "\"..." : "\"");
}

/* A NUL-terminated user string. */
static void out_str(struct line *l, unsigned long uaddr)
{
	char s[STRACE_STRLEN + 2];
	long n;

	if (!uaddr) {
		out(l, "NULL");
		return;
	}
	n = strncpy_from_user(s, (const char __user *)uaddr, sizeof(s) - 1);
	if (n < 0) {
		out(l, "%#lx", uaddr);
		return;
	}
	s[n] = '\0';
	out_bytes(l, (unsigned char *)s, n > STRACE_STRLEN ? STRACE_STRLEN : n, n > STRACE_STRLEN);
}

/* A user buffer of len bytes (len < 0: not readable, as after a failed read). */
static void out_buf(struct line *l, unsigned long uaddr, long len)
{
	unsigned char s[STRACE_STRLEN];
	size_t n = len > STRACE_STRLEN ? STRACE_STRLEN : (len < 0 ? 0 : len);

	if (len < 0 || !uaddr || copy_from_user(s, (const void __user *)uaddr, n)) {
		out_ptr(l, uaddr);
		return;
	}
	out_bytes(l, s, n, (size_t)len > n);
}

struct flag_name {
	unsigned long flag;
	const char *name;
};

#define F(x)          \
	{             \
		x, #x \
	}

static void out_flags(struct line *l, unsigned long v, const struct flag_name *names, size_t n,
		      const char *zero)
{
	bool first = true;

	for (size_t i = 0; i < n; i++) {
		if (names[i].flag && (v & names[i].flag) == names[i].flag) {
			out(l, "%s%s", first ? "" : "|", names[i].name);
			v &= ~names[i].flag;
			first = false;
		}
	}
	if (v || first) {
		if (first && !v && zero)
			out(l, "%s", zero);
		else
			out(l, first ? "%#lx" : "|%#lx", v);
	}
}

/* ---- argument kinds ------------------------------------------------------------------ */

enum arg_kind {
	A_NONE,
	A_INT, /* signed decimal */
	A_UINT, /* unsigned decimal */
	A_HEX,
	A_PTR, /* an address: a struct or a buffer the call fills that we do not show */
	A_FD,
	A_DIRFD, /* AT_FDCWD or a descriptor */
	A_STR, /* NUL-terminated string */
	A_BUF_IN, /* buffer the call reads; length in the next argument */
	A_BUF_OUT, /* buffer the call fills; length is the result */
	A_OPEN_FLAGS,
	A_MODE, /* octal, as 0644 */
	A_PROT,
	A_MMAP_FLAGS,
	A_AT_FLAGS,
	A_SIGNAL,
	A_WHENCE,
	A_ACCESS,
	A_SIGHOW,
	A_FCNTL,
	A_ARCH_PRCTL,
	A_IOCTL,
	A_CWD, /* getcwd's buffer: the string it holds after success */
	A_ARGV, /* execve's argv: an array of strings */
	A_ENVP, /* execve's envp: its address and count */
	A_FDPAIR, /* pipe's int[2], filled on success */
	A_CLONE_FLAGS,
};

enum ret_kind {
	R_INT,
	R_HEX,
	R_NONE
};

struct syscall_desc {
	bool known;
	u8 nargs;
	u8 ret;
	u8 arg[6];
};

#define S(n, r, ...)                                                        \
	{                                                                   \
		.known = true, .nargs = n, .ret = r, .arg = { __VA_ARGS__ } \
	}
/* Linux x86-64 numbers. */
static const struct syscall_desc descs[] = {
	[0] = S(3, R_INT, A_FD, A_BUF_OUT, A_UINT), /* read */
	[1] = S(3, R_INT, A_FD, A_BUF_IN, A_UINT), /* write */
	[2] = S(3, R_INT, A_STR, A_OPEN_FLAGS, A_MODE), /* open */
	[3] = S(1, R_INT, A_FD), /* close */
	[4] = S(2, R_INT, A_STR, A_PTR), /* stat */
	[5] = S(2, R_INT, A_FD, A_PTR), /* fstat */
	[6] = S(2, R_INT, A_STR, A_PTR), /* lstat */
	[7] = S(3, R_INT, A_PTR, A_UINT, A_INT), /* poll */
	[8] = S(3, R_INT, A_FD, A_INT, A_WHENCE), /* lseek */
	[9] = S(6, R_HEX, A_PTR, A_UINT, A_PROT, A_MMAP_FLAGS, A_FD, A_HEX), /* mmap */
	[10] = S(3, R_INT, A_PTR, A_UINT, A_PROT), /* mprotect */
	[11] = S(2, R_INT, A_PTR, A_UINT), /* munmap */
	[12] = S(1, R_HEX, A_PTR), /* brk */
	[13] = S(4, R_INT, A_SIGNAL, A_PTR, A_PTR, A_UINT), /* rt_sigaction */
	[14] = S(4, R_INT, A_SIGHOW, A_PTR, A_PTR, A_UINT), /* rt_sigprocmask */
	[15] = S(0, R_INT), /* rt_sigreturn */
	[16] = S(3, R_INT, A_FD, A_IOCTL, A_PTR), /* ioctl */
	[17] = S(4, R_INT, A_FD, A_BUF_OUT, A_UINT, A_INT), /* pread64 */
	[18] = S(4, R_INT, A_FD, A_BUF_IN, A_UINT, A_INT), /* pwrite64 */
	[19] = S(3, R_INT, A_FD, A_PTR, A_INT), /* readv */
	[20] = S(3, R_INT, A_FD, A_PTR, A_INT), /* writev */
	[21] = S(2, R_INT, A_STR, A_ACCESS), /* access */
	[22] = S(1, R_INT, A_FDPAIR), /* pipe */
	[23] = S(5, R_INT, A_INT, A_PTR, A_PTR, A_PTR, A_PTR), /* select */
	[24] = S(0, R_INT), /* sched_yield */
	[25] = S(5, R_HEX, A_PTR, A_UINT, A_UINT, A_HEX, A_PTR), /* mremap */
	[26] = S(3, R_INT, A_PTR, A_UINT, A_HEX), /* msync */
	[27] = S(3, R_INT, A_PTR, A_UINT, A_PTR), /* mincore */
	[28] = S(3, R_INT, A_PTR, A_UINT, A_INT), /* madvise */
	[32] = S(1, R_INT, A_FD), /* dup */
	[33] = S(2, R_INT, A_FD, A_FD), /* dup2 */
	[34] = S(0, R_INT), /* pause */
	[35] = S(2, R_INT, A_PTR, A_PTR), /* nanosleep */
	[36] = S(2, R_INT, A_INT, A_PTR), /* getitimer */
	[37] = S(1, R_INT, A_UINT), /* alarm */
	[38] = S(3, R_INT, A_INT, A_PTR, A_PTR), /* setitimer */
	[39] = S(0, R_INT), /* getpid */
	[40] = S(4, R_INT, A_FD, A_FD, A_PTR, A_UINT), /* sendfile */
	[56] = S(5, R_INT, A_CLONE_FLAGS, A_PTR, A_PTR, A_PTR, A_HEX), /* clone */
	[57] = S(0, R_INT), /* fork */
	[58] = S(0, R_INT), /* vfork */
	[59] = S(3, R_INT, A_STR, A_ARGV, A_ENVP), /* execve */
	[60] = S(1, R_NONE, A_INT), /* exit */
	[61] = S(4, R_INT, A_INT, A_PTR, A_HEX, A_PTR), /* wait4 */
	[62] = S(2, R_INT, A_INT, A_SIGNAL), /* kill */
	[63] = S(1, R_INT, A_PTR), /* uname */
	[72] = S(3, R_INT, A_FD, A_FCNTL, A_HEX), /* fcntl */
	[73] = S(2, R_INT, A_FD, A_HEX), /* flock */
	[74] = S(1, R_INT, A_FD), /* fsync */
	[75] = S(1, R_INT, A_FD), /* fdatasync */
	[76] = S(2, R_INT, A_STR, A_INT), /* truncate */
	[77] = S(2, R_INT, A_FD, A_INT), /* ftruncate */
	[78] = S(3, R_INT, A_FD, A_PTR, A_UINT), /* getdents */
	[79] = S(2, R_INT, A_CWD, A_UINT), /* getcwd */
	[80] = S(1, R_INT, A_STR), /* chdir */
	[81] = S(1, R_INT, A_FD), /* fchdir */
	[82] = S(2, R_INT, A_STR, A_STR), /* rename */
	[83] = S(2, R_INT, A_STR, A_MODE), /* mkdir */
	[84] = S(1, R_INT, A_STR), /* rmdir */
	[85] = S(2, R_INT, A_STR, A_MODE), /* creat */
	[86] = S(2, R_INT, A_STR, A_STR), /* link */
	[87] = S(1, R_INT, A_STR), /* unlink */
	[88] = S(2, R_INT, A_STR, A_STR), /* symlink */
	[89] = S(3, R_INT, A_STR, A_BUF_OUT, A_UINT), /* readlink */
	[90] = S(2, R_INT, A_STR, A_MODE), /* chmod */
	[91] = S(2, R_INT, A_FD, A_MODE), /* fchmod */
	[92] = S(3, R_INT, A_STR, A_INT, A_INT), /* chown */
	[93] = S(3, R_INT, A_FD, A_INT, A_INT), /* fchown */
	[94] = S(3, R_INT, A_STR, A_INT, A_INT), /* lchown */
	[95] = S(1, R_INT, A_MODE), /* umask */
	[96] = S(2, R_INT, A_PTR, A_PTR), /* gettimeofday */
	[97] = S(2, R_INT, A_INT, A_PTR), /* getrlimit */
	[98] = S(2, R_INT, A_INT, A_PTR), /* getrusage */
	[99] = S(1, R_INT, A_PTR), /* sysinfo */
	[100] = S(1, R_INT, A_PTR), /* times */
	[102] = S(0, R_INT), /* getuid */
	[104] = S(0, R_INT), /* getgid */
	[105] = S(1, R_INT, A_INT), /* setuid */
	[106] = S(1, R_INT, A_INT), /* setgid */
	[107] = S(0, R_INT), /* geteuid */
	[108] = S(0, R_INT), /* getegid */
	[109] = S(2, R_INT, A_INT, A_INT), /* setpgid */
	[110] = S(0, R_INT), /* getppid */
	[111] = S(0, R_INT), /* getpgrp */
	[112] = S(0, R_INT), /* setsid */
	[121] = S(1, R_INT, A_INT), /* getpgid */
	[124] = S(1, R_INT, A_INT), /* getsid */
	[127] = S(2, R_INT, A_PTR, A_UINT), /* rt_sigpending */
	[130] = S(2, R_INT, A_PTR, A_UINT), /* rt_sigsuspend */
	[131] = S(2, R_INT, A_PTR, A_PTR), /* sigaltstack */
	[137] = S(2, R_INT, A_STR, A_PTR), /* statfs */
	[138] = S(2, R_INT, A_FD, A_PTR), /* fstatfs */
	[157] = S(5, R_INT, A_INT, A_HEX, A_HEX, A_HEX, A_HEX), /* prctl */
	[158] = S(2, R_INT, A_ARCH_PRCTL, A_HEX), /* arch_prctl */
	[160] = S(2, R_INT, A_INT, A_PTR), /* setrlimit */
	[161] = S(1, R_INT, A_STR), /* chroot */
	[162] = S(0, R_INT), /* sync */
	[165] = S(5, R_INT, A_STR, A_STR, A_STR, A_HEX, A_PTR), /* mount */
	[166] = S(2, R_INT, A_STR, A_HEX), /* umount2 */
	[186] = S(0, R_INT), /* gettid */
	[200] = S(2, R_INT, A_INT, A_SIGNAL), /* tkill */
	[201] = S(1, R_INT, A_PTR), /* time */
	[202] = S(6, R_INT, A_PTR, A_INT, A_INT, A_PTR, A_PTR, A_INT), /* futex */
	[203] = S(3, R_INT, A_INT, A_UINT, A_PTR), /* sched_setaffinity */
	[204] = S(3, R_INT, A_INT, A_UINT, A_PTR), /* sched_getaffinity */
	[217] = S(3, R_INT, A_FD, A_PTR, A_UINT), /* getdents64 */
	[218] = S(1, R_INT, A_PTR), /* set_tid_address */
	[228] = S(2, R_INT, A_INT, A_PTR), /* clock_gettime */
	[229] = S(2, R_INT, A_INT, A_PTR), /* clock_getres */
	[230] = S(4, R_INT, A_INT, A_HEX, A_PTR, A_PTR), /* clock_nanosleep */
	[231] = S(1, R_NONE, A_INT), /* exit_group */
	[234] = S(3, R_INT, A_INT, A_INT, A_SIGNAL), /* tgkill */
	[247] = S(5, R_INT, A_INT, A_INT, A_PTR, A_HEX, A_PTR), /* waitid */
	[257] = S(4, R_INT, A_DIRFD, A_STR, A_OPEN_FLAGS, A_MODE), /* openat */
	[258] = S(3, R_INT, A_DIRFD, A_STR, A_MODE), /* mkdirat */
	[260] = S(5, R_INT, A_DIRFD, A_STR, A_INT, A_INT, A_AT_FLAGS), /* fchownat */
	[262] = S(4, R_INT, A_DIRFD, A_STR, A_PTR, A_AT_FLAGS), /* newfstatat */
	[263] = S(3, R_INT, A_DIRFD, A_STR, A_AT_FLAGS), /* unlinkat */
	[264] = S(4, R_INT, A_DIRFD, A_STR, A_DIRFD, A_STR), /* renameat */
	[265] = S(5, R_INT, A_DIRFD, A_STR, A_DIRFD, A_STR, A_AT_FLAGS), /* linkat */
	[266] = S(3, R_INT, A_STR, A_DIRFD, A_STR), /* symlinkat */
	[267] = S(4, R_INT, A_DIRFD, A_STR, A_BUF_OUT, A_UINT), /* readlinkat */
	[268] = S(3, R_INT, A_DIRFD, A_STR, A_MODE), /* fchmodat */
	[269] = S(3, R_INT, A_DIRFD, A_STR, A_ACCESS), /* faccessat */
	[270] = S(6, R_INT, A_INT, A_PTR, A_PTR, A_PTR, A_PTR, A_PTR), /* pselect6 */
	[271] = S(5, R_INT, A_PTR, A_UINT, A_PTR, A_PTR, A_UINT), /* ppoll */
	[273] = S(2, R_INT, A_PTR, A_UINT), /* set_robust_list */
	[280] = S(4, R_INT, A_DIRFD, A_STR, A_PTR, A_AT_FLAGS), /* utimensat */
	[290] = S(2, R_INT, A_UINT, A_HEX), /* eventfd2 */
	[292] = S(3, R_INT, A_FD, A_FD, A_OPEN_FLAGS), /* dup3 */
	[293] = S(2, R_INT, A_FDPAIR, A_OPEN_FLAGS), /* pipe2 */
	[302] = S(4, R_INT, A_INT, A_INT, A_PTR, A_PTR), /* prlimit64 */
	[316] = S(5, R_INT, A_DIRFD, A_STR, A_DIRFD, A_STR, A_HEX), /* renameat2 */
	[318] = S(3, R_INT, A_PTR, A_UINT, A_HEX), /* getrandom */
	[332] = S(5, R_INT, A_DIRFD, A_STR, A_AT_FLAGS, A_HEX, A_PTR), /* statx */
	[334] = S(4, R_INT, A_PTR, A_UINT, A_HEX, A_HEX), /* rseq */
	[435] = S(2, R_INT, A_PTR, A_UINT), /* clone3 */
	[436] = S(3, R_INT, A_FD, A_FD, A_HEX), /* close_range */
	[439] = S(4, R_INT, A_DIRFD, A_STR, A_ACCESS, A_AT_FLAGS), /* faccessat2 */
};

#define O_TMPFILE_FLAGS (020000000 | 00200000)

static const struct flag_name open_flags[] = {
	F(O_CREAT),
	F(O_EXCL),
	F(O_NOCTTY),
	F(O_TRUNC),
	F(O_APPEND),
	F(O_NONBLOCK),
	{ 04010000, "O_SYNC" },
	F(O_DSYNC),
	F(O_DIRECT),
	F(O_LARGEFILE),
	F(O_DIRECTORY),
	F(O_NOFOLLOW),
	F(O_NOATIME),
	F(O_CLOEXEC),
	F(O_PATH),
	{ O_TMPFILE_FLAGS, "O_TMPFILE" },
};

static const struct flag_name prot_flags[] = {
	{ 0x1, "PROT_READ" },		{ 0x2, "PROT_WRITE" },
	{ 0x4, "PROT_EXEC" },		{ 0x01000000, "PROT_GROWSDOWN" },
	{ 0x02000000, "PROT_GROWSUP" },
};

static const struct flag_name mmap_flags[] = {
	{ 0x03, "MAP_SHARED_VALIDATE" }, { 0x01, "MAP_SHARED" },
	{ 0x02, "MAP_PRIVATE" },	 { 0x10, "MAP_FIXED" },
	{ 0x20, "MAP_ANONYMOUS" },	 { 0x100, "MAP_GROWSDOWN" },
	{ 0x800, "MAP_DENYWRITE" },	 { 0x1000, "MAP_EXECUTABLE" },
	{ 0x2000, "MAP_LOCKED" },	 { 0x4000, "MAP_NORESERVE" },
	{ 0x8000, "MAP_POPULATE" },	 { 0x10000, "MAP_NONBLOCK" },
	{ 0x20000, "MAP_STACK" },	 { 0x40000, "MAP_HUGETLB" },
	{ 0x80000, "MAP_SYNC" },	 { 0x100000, "MAP_FIXED_NOREPLACE" },
};

static const struct flag_name at_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" },	  { 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" },
};

static const struct flag_name access_flags[] = {
	{ 4, "R_OK" },
	{ 2, "W_OK" },
	{ 1, "X_OK" },
};

static const struct flag_name clone_flags[] = {
	{ 0x100, "CLONE_VM" },
	{ 0x200, "CLONE_FS" },
	{ 0x400, "CLONE_FILES" },
	{ 0x800, "CLONE_SIGHAND" },
	{ 0x1000, "CLONE_PIDFD" },
	{ 0x2000, "CLONE_PTRACE" },
	{ 0x4000, "CLONE_VFORK" },
	{ 0x8000, "CLONE_PARENT" },
	{ 0x10000, "CLONE_THREAD" },
	{ 0x20000, "CLONE_NEWNS" },
	{ 0x40000, "CLONE_SYSVSEM" },
	{ 0x80000, "CLONE_SETTLS" },
	{ 0x100000, "CLONE_PARENT_SETTID" },
	{ 0x200000, "CLONE_CHILD_CLEARTID" },
	{ 0x400000, "CLONE_DETACHED" },
	{ 0x800000, "CLONE_UNTRACED" },
	{ 0x1000000, "CLONE_CHILD_SETTID" },
};

static const char *const signal_names[] = {
	[1] = "SIGHUP", "SIGINT",    "SIGQUIT", "SIGILL",  "SIGTRAP",	"SIGABRT", "SIGBUS",
	"SIGFPE",	"SIGKILL",   "SIGUSR1", "SIGSEGV", "SIGUSR2",	"SIGPIPE", "SIGALRM",
	"SIGTERM",	"SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP",	"SIGTSTP", "SIGTTIN",
	"SIGTTOU",	"SIGURG",    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",
	"SIGIO",	"SIGPWR",    "SIGSYS",
};

static void out_signal(struct line *l, long sig)
{
	if (sig > 0 && sig < (long)ARRAY_SIZE(signal_names))
		out(l, "%s", signal_names[sig]);
	else if (sig == 32)
		out(l, "SIGRTMIN");
	else if (sig > 32 && sig <= 64)
		out(l, "SIGRT_%ld", sig - 32);
	else
		out(l, "%ld", sig);
}

static void out_named(struct line *l, long v, const char *const *names, size_t n)
{
	if (v >= 0 && (size_t)v < n && names[v])
		out(l, "%s", names[v]);
	else
		out(l, "%#lx", (unsigned long)v);
}

static void out_fcntl_cmd(struct line *l, long cmd)
{
	static const char *const cmds[] = { "F_DUPFD", "F_GETFD", "F_SETFD", "F_GETFL",
					    "F_SETFL", "F_GETLK", "F_SETLK", "F_SETLKW" };

	if (cmd == 1030)
		out(l, "F_DUPFD_CLOEXEC");
	else
		out_named(l, cmd, cmds, ARRAY_SIZE(cmds));
}

static void out_ioctl_req(struct line *l, unsigned long req)
{
	static const struct flag_name reqs[] = {
		{ 0x5401, "TCGETS" },	  { 0x5402, "TCSETS" },	    { 0x5403, "TCSETSW" },
		{ 0x5404, "TCSETSF" },	  { 0x540f, "TIOCGPGRP" },  { 0x5410, "TIOCSPGRP" },
		{ 0x5413, "TIOCGWINSZ" }, { 0x5414, "TIOCSWINSZ" }, { 0x541b, "FIONREAD" },
		{ 0x5421, "FIONBIO" },	  { 0x5450, "FIONCLEX" },   { 0x5451, "FIOCLEX" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(reqs); i++) {
		if (reqs[i].flag == req) {
			out(l, "%s", reqs[i].name);
			return;
		}
	}
	out(l, "%#lx", req);
}

static void out_arch_prctl(struct line *l, long code)
{
	static const char *const codes[] = { "ARCH_SET_GS", "ARCH_SET_FS", "ARCH_GET_FS",
					     "ARCH_GET_GS" };

	if (code >= 0x1001 && code <= 0x1004)
		out(l, "%s", codes[code - 0x1001]);
	else
		out(l, "%#lx", (unsigned long)code);
}

/* execve's argv: ["a", "b"], cut after STRACE_ARGV_MAX strings. */
static void out_argv(struct line *l, unsigned long uaddr)
{
	unsigned long p;
	int i;

	if (!uaddr) {
		out(l, "NULL");
		return;
	}
	out(l, "[");
	for (i = 0;; i++) {
		if (copy_from_user(&p, (const void __user *)(uaddr + i * sizeof(p)), sizeof(p))) {
			out(l, "%s%#lx", i ? ", " : "", uaddr + i * sizeof(p));
			break;
		}
		if (!p)
			break;
		if (i == STRACE_ARGV_MAX) {
			out(l, ", ...");
			break;
		}
		if (i)
			out(l, ", ");
		out_str(l, p);
	}
	out(l, "]");
}

static void out_envp(struct line *l, unsigned long uaddr)
{
	unsigned long p;
	int n = 0;

	out_ptr(l, uaddr);
	if (!uaddr)
		return;
	while (n < 4096 &&
	       !copy_from_user(&p, (const void __user *)(uaddr + n * sizeof(p)), sizeof(p)) && p)
		n++;
	out(l, " /* %d var%s */", n, n == 1 ? "" : "s");
}

static unsigned long arg_of(const struct pt_regs *regs, int i)
{
	switch (i) {
	case 0:
		return regs->rdi;
	case 1:
		return regs->rsi;
	case 2:
		return regs->rdx;
	case 3:
		return regs->r10;
	case 4:
		return regs->r8;
	default:
		return regs->r9;
	}
}

static void out_clone(struct line *l, const struct pt_regs *regs)
{
	unsigned long flags = regs->rdi;

	out(l, "child_stack=");
	out_ptr(l, regs->rsi);
	out(l, ", flags=");
	if (flags & ~0xffUL || !(flags & 0xff))
		out_flags(l, flags & ~0xffUL, clone_flags, ARRAY_SIZE(clone_flags), "0");
	if (flags & 0xff) {
		out(l, (flags & ~0xffUL) ? "|" : "");
		out_signal(l, flags & 0xff);
	}
	if (flags & 0x100000) {
		out(l, ", parent_tid=");
		out_ptr(l, regs->rdx);
	}
	if (flags & (0x1000000 | 0x200000)) {
		out(l, ", child_tidptr=");
		out_ptr(l, regs->r10);
	}
	if (flags & 0x80000)
		out(l, ", tls=%#lx", regs->r8);
}

/* The arguments, decoded; ret is the result (for buffers the call filled). */
static void out_args(struct line *l, unsigned long nr, const struct pt_regs *regs, long ret,
		     bool done)
{
	const struct syscall_desc *d = nr < ARRAY_SIZE(descs) ? &descs[nr] : NULL;
	int nargs;

	if (nr == 56) {
		out_clone(l, regs);
		return;
	}
	if (!d || !d->known) {
		/* A call without a description: its six registers, as strace shows those. */
		out(l, "%#lx, %#lx, %#lx, %#lx, %#lx, %#lx", regs->rdi, regs->rsi, regs->rdx,
		    regs->r10, regs->r8, regs->r9);
		return;
	}
	nargs = d->nargs;
	/* open and openat show the mode only when a file may be created, as strace. */
	if ((nr == 2 && !(regs->rsi & (O_CREAT | O_TMPFILE_FLAGS))) ||
	    (nr == 257 && !(regs->rdx & (O_CREAT | O_TMPFILE_FLAGS))))
		nargs--;
	for (int i = 0; i < nargs; i++) {
		unsigned long v = arg_of(regs, i);

		if (i)
			out(l, ", ");
		switch (d->arg[i]) {
		case A_INT:
			out(l, "%d", (int)v);
			break;
		case A_UINT:
			out(l, "%lu", v);
			break;
		case A_HEX:
			out(l, "%#lx", v);
			break;
		case A_PTR:
			out_ptr(l, v);
			break;
		case A_FD:
			out(l, "%d", (int)v);
			break;
		case A_DIRFD:
			if ((int)v == AT_FDCWD)
				out(l, "AT_FDCWD");
			else
				out(l, "%d", (int)v);
			break;
		case A_STR:
			out_str(l, v);
			break;
		case A_BUF_IN:
			out_buf(l, v, (long)arg_of(regs, i + 1));
			break;
		case A_BUF_OUT:
			out_buf(l, v, done ? ret : -1);
			break;
		case A_OPEN_FLAGS: {
			static const char *const acc[] = { "O_RDONLY", "O_WRONLY", "O_RDWR" };

			if (nr == 292 || nr == 293) { /* dup3, pipe2: only the extra flags */
				out_flags(l, v, open_flags, ARRAY_SIZE(open_flags), "0");
				break;
			}
			if ((v & O_ACCMODE) < 3)
				out(l, "%s", acc[v & O_ACCMODE]);
			else
				out(l, "%#lx", v & O_ACCMODE);
			if (v & ~(unsigned long)O_ACCMODE) {
				out(l, "|");
				out_flags(l, v & ~(unsigned long)O_ACCMODE, open_flags,
					  ARRAY_SIZE(open_flags), NULL);
			}
			break;
		}
		case A_MODE:
			out(l, v ? "%#lo" : "000", v);
			break;
		case A_PROT:
			out_flags(l, v, prot_flags, ARRAY_SIZE(prot_flags), "PROT_NONE");
			break;
		case A_MMAP_FLAGS:
			out_flags(l, v, mmap_flags, ARRAY_SIZE(mmap_flags), "0");
			break;
		case A_AT_FLAGS:
			out_flags(l, v, at_flags, ARRAY_SIZE(at_flags), "0");
			break;
		case A_SIGNAL:
			out_signal(l, (int)v);
			break;
		case A_WHENCE: {
			static const char *const w[] = { "SEEK_SET", "SEEK_CUR", "SEEK_END",
							 "SEEK_DATA", "SEEK_HOLE" };

			out_named(l, v, w, ARRAY_SIZE(w));
			break;
		}
		case A_ACCESS:
			out_flags(l, v, access_flags, ARRAY_SIZE(access_flags), "F_OK");
			break;
		case A_SIGHOW: {
			static const char *const h[] = { "SIG_BLOCK", "SIG_UNBLOCK",
							 "SIG_SETMASK" };

			out_named(l, v, h, ARRAY_SIZE(h));
			break;
		}
		case A_FCNTL:
			out_fcntl_cmd(l, v);
			break;
		case A_ARCH_PRCTL:
			out_arch_prctl(l, v);
			break;
		case A_IOCTL:
			out_ioctl_req(l, v);
			break;
		case A_CWD:
			if (done && ret > 0)
				out_str(l, v);
			else
				out_ptr(l, v);
			break;
		case A_ARGV:
			out_argv(l, v);
			break;
		case A_ENVP:
			out_envp(l, v);
			break;
		case A_FDPAIR: {
			int fds[2];

			if (done && ret == 0 &&
			    !copy_from_user(fds, (const void __user *)v, sizeof(fds)))
				out(l, "[%d, %d]", fds[0], fds[1]);
			else
				out_ptr(l, v);
			break;
		}
		default:
			out(l, "%#lx", v);
		}
	}
}

/* ---- results ------------------------------------------------------------------------- */

struct errno_name {
	const char *name, *msg;
};

static const struct errno_name errnos[] = {
	[1] = { "EPERM", "Operation not permitted" },
	[2] = { "ENOENT", "No such file or directory" },
	[3] = { "ESRCH", "No such process" },
	[4] = { "EINTR", "Interrupted system call" },
	[5] = { "EIO", "Input/output error" },
	[6] = { "ENXIO", "No such device or address" },
	[7] = { "E2BIG", "Argument list too long" },
	[8] = { "ENOEXEC", "Exec format error" },
	[9] = { "EBADF", "Bad file descriptor" },
	[10] = { "ECHILD", "No child processes" },
	[11] = { "EAGAIN", "Resource temporarily unavailable" },
	[12] = { "ENOMEM", "Cannot allocate memory" },
	[13] = { "EACCES", "Permission denied" },
	[14] = { "EFAULT", "Bad address" },
	[15] = { "ENOTBLK", "Block device required" },
	[16] = { "EBUSY", "Device or resource busy" },
	[17] = { "EEXIST", "File exists" },
	[18] = { "EXDEV", "Invalid cross-device link" },
	[19] = { "ENODEV", "No such device" },
	[20] = { "ENOTDIR", "Not a directory" },
	[21] = { "EISDIR", "Is a directory" },
	[22] = { "EINVAL", "Invalid argument" },
	[23] = { "ENFILE", "Too many open files in system" },
	[24] = { "EMFILE", "Too many open files" },
	[25] = { "ENOTTY", "Inappropriate ioctl for device" },
	[26] = { "ETXTBSY", "Text file busy" },
	[27] = { "EFBIG", "File too large" },
	[28] = { "ENOSPC", "No space left on device" },
	[29] = { "ESPIPE", "Illegal seek" },
	[30] = { "EROFS", "Read-only file system" },
	[31] = { "EMLINK", "Too many links" },
	[32] = { "EPIPE", "Broken pipe" },
	[33] = { "EDOM", "Numerical argument out of domain" },
	[34] = { "ERANGE", "Numerical result out of range" },
	[35] = { "EDEADLK", "Resource deadlock avoided" },
	[36] = { "ENAMETOOLONG", "File name too long" },
	[37] = { "ENOLCK", "No locks available" },
	[38] = { "ENOSYS", "Function not implemented" },
	[39] = { "ENOTEMPTY", "Directory not empty" },
	[40] = { "ELOOP", "Too many levels of symbolic links" },
	[61] = { "ENODATA", "No data available" },
	[62] = { "ETIME", "Timer expired" },
	[75] = { "EOVERFLOW", "Value too large for defined data type" },
	[84] = { "EILSEQ", "Invalid or incomplete multibyte or wide character" },
	[88] = { "ENOTSOCK", "Socket operation on non-socket" },
	[95] = { "EOPNOTSUPP", "Operation not supported" },
	[97] = { "EAFNOSUPPORT", "Address family not supported by protocol" },
	[98] = { "EADDRINUSE", "Address already in use" },
	[104] = { "ECONNRESET", "Connection reset by peer" },
	[110] = { "ETIMEDOUT", "Connection timed out" },
	[111] = { "ECONNREFUSED", "Connection refused" },
};

/* The kernel-internal restart codes, as strace names them ("= ? ERESTARTSYS (...)"). */
static const struct errno_name restarts[] = {
	{ "ERESTARTSYS", "To be restarted if SA_RESTART is set" },
	{ "ERESTARTNOINTR", "To be restarted" },
	{ "ERESTARTNOHAND", "To be restarted if no handler" },
	{ "ENOIOCTLCMD", "Inappropriate ioctl for device" },
	{ "ERESTART_RESTARTBLOCK", "Interrupted by signal" },
};

static void out_result(struct line *l, unsigned long nr, long ret)
{
	const struct syscall_desc *d = nr < ARRAY_SIZE(descs) ? &descs[nr] : NULL;

	if (ret < 0 && ret >= -4095) {
		long e = -ret;

		if (e >= 512 && e <= 516)
			out(l, " = ? %s (%s)", restarts[e - 512].name, restarts[e - 512].msg);
		else if (e < (long)ARRAY_SIZE(errnos) && errnos[e].name)
			out(l, " = -1 %s (%s)", errnos[e].name, errnos[e].msg);
		else
			out(l, " = -1 E??? (errno %ld)", e);
	} else if (d && d->ret == R_HEX) {
		out(l, " = %#lx", (unsigned long)ret);
	} else {
		out(l, " = %ld", ret);
	}
}

/* ---- the hooks ----------------------------------------------------------------------- */

static void emit(struct line *l)
{
	out(l, "\n");
	printk(KERN_INFO "%s", l->buf);
	if (console_loglevel <= LOGLEVEL_INFO)
		console_write_all(l->buf, l->len);
}

static bool line_start(struct line *l, unsigned long nr)
{
	const char *name = syscall_name(nr);

	l->buf = kmalloc(STRACE_LINE, GFP_KERNEL);
	if (!l->buf)
		return false;
	l->len = 0;
	out(l, "[pid %d] ", current->pid);
	if (name)
		out(l, "%s(", name);
	else
		out(l, "syscall_%#lx(", nr);
	return true;
}

/*
 * Before the call, for the calls that leave nothing to look at afterwards: exit and
 * exit_group are logged now ("= ?", they never return); execve's line is made now and
 * finished when it returns (its memory and frame are replaced by then).
 */
void strace_syscall_enter(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_rax;
	struct line l;

	if (nr != 59 && nr != 60 && nr != 231)
		return;
	if (!line_start(&l, nr))
		return;
	out_args(&l, nr, regs, 0, false);
	out(&l, ")");
	if (nr == 59) {
		kfree(current->strace_line);
		current->strace_line = l.buf;
		return;
	}
	out(&l, " = ?");
	emit(&l);
	kfree(l.buf);
}

void strace_syscall_exit(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_rax;
	char *pending = current->strace_line;
	long ret = regs->rax;
	struct line l;

	if (regs->vector != -1UL)
		return;
	if (pending) {
		/* execve: its line was made on the way in. */
		current->strace_line = NULL;
		l.buf = pending;
		l.len = strlen(pending);
		out_result(&l, 59, nr == 59 ? ret : 0);
		emit(&l);
		kfree(l.buf);
		return;
	}
	if (nr == (unsigned long)-1)
		return; /* a frame execve or a signal rewrote, with no line pending */
	if (!line_start(&l, nr))
		return;
	out_args(&l, nr, regs, ret, true);
	out(&l, ")");
	out_result(&l, nr, ret);
	emit(&l);
	kfree(l.buf);
}
