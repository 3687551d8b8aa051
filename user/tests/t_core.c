/*
 * Core files, as Linux writes them: a child killed by a core signal leaves an ELF core in its
 * working directory, and WCOREDUMP (CLD_DUMPED for waitid) only then; RLIMIT_CORE 0 and
 * PR_SET_DUMPABLE 0 leave none, a small RLIMIT_CORE a truncated one. A small ELF parser here
 * checks the notes (NT_PRSTATUS, NT_PRPSINFO, NT_SIGINFO, NT_AUXV), one NT_PRSTATUS per
 * thread, and that a PT_LOAD holds what the child wrote into a buffer. Run on the host too,
 * where Linux's own cores check the parser. core_pattern's %p, %e, %s and core_uses_pid are
 * tried as root when the pattern is Linux's default "core" (and put back after).
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PR_GET_DUMPABLE
#define PR_GET_DUMPABLE 3
#endif
#ifndef PR_SET_DUMPABLE
#define PR_SET_DUMPABLE 4
#endif
#define NR_gettid 186
#define PATTERN "/proc/sys/kernel/core_pattern"
#define USES_PID "/proc/sys/kernel/core_uses_pid"

#define ET_CORE 4
#define EM_X86_64 62
#define PT_LOAD 1
#define PT_NOTE 4
#define NT_PRSTATUS 1
#define NT_PRPSINFO 3
#define NT_AUXV 6
#define NT_SIGINFO 0x53494749
#define AT_PAGESZ 6

#define BUF_LEN 8192

static unsigned char *buf; /* MAP_PRIVATE anonymous, inherited: the child fills it */
static volatile int *shared; /* MAP_SHARED: the second thread's tid */
static char dir[64];
static int core_ok = 1; /* the host writes plain "core" files in the cwd */

/* Little-endian fields of the file. */
static uint64_t rd(const unsigned char *p, int n)
{
	uint64_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

struct core {
	unsigned char *data;
	size_t len;
	int elf_ok, nr_prstatus;
	int cursig, pid, tid2;
	uint64_t rip, rip2;
	char fname[17];
	int si_signo, si_code;
	uint64_t sig_addr, pagesz;
	int buf_ok;
};

static int read_file(const char *path, struct core *c)
{
	int fd = open(path, O_RDONLY);
	struct stat st;

	memset(c, 0, sizeof(*c));
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) || !(c->data = malloc(st.st_size + 1))) {
		close(fd);
		return -1;
	}
	while (c->len < (size_t)st.st_size) {
		ssize_t n = read(fd, c->data + c->len, st.st_size - c->len);

		if (n <= 0)
			break;
		c->len += n;
	}
	close(fd);
	return 0;
}

/* Each note of the PT_NOTE segment [off, off+sz). */
static void parse_notes(struct core *c, size_t off, size_t sz)
{
	size_t p = off, end = off + sz;

	while (p + 12 <= end) {
		uint32_t namesz = rd(c->data + p, 4), descsz = rd(c->data + p + 4, 4);
		uint32_t type = rd(c->data + p + 8, 4);
		size_t d = p + 12 + ((namesz + 3) & ~3u);
		const unsigned char *q = c->data + d;

		if (d + descsz > end)
			break;
		if (type == NT_PRSTATUS && descsz >= 336) {
			if (c->nr_prstatus == 0) {
				c->cursig = (int16_t)rd(q + 12, 2);
				c->pid = rd(q + 32, 4);
				c->rip = rd(q + 112 + 16 * 8, 8);
			} else if (c->nr_prstatus == 1) {
				c->tid2 = rd(q + 32, 4);
				c->rip2 = rd(q + 112 + 16 * 8, 8);
			}
			c->nr_prstatus++;
		} else if (type == NT_PRPSINFO && descsz >= 136) {
			memcpy(c->fname, q + 40, 16);
		} else if (type == NT_SIGINFO && descsz >= 128) {
			c->si_signo = rd(q, 4);
			c->si_code = rd(q + 8, 4);
			c->sig_addr = rd(q + 16, 8);
		} else if (type == NT_AUXV) {
			for (size_t i = 0; i + 16 <= descsz; i += 16)
				if (rd(q + i, 8) == AT_PAGESZ)
					c->pagesz = rd(q + i + 8, 8);
		}
		p = d + ((descsz + 3) & ~3u);
	}
}

/* The ELF header, the notes, and whether a PT_LOAD holds buf's pattern. */
static void parse_core(struct core *c)
{
	const unsigned char *e = c->data;
	uint64_t phoff;
	int phnum;

	if (c->len < 64 || memcmp(e, "\177ELF", 4) || e[4] != 2 || e[5] != 1 ||
	    rd(e + 16, 2) != ET_CORE || rd(e + 18, 2) != EM_X86_64 || rd(e + 54, 2) != 56)
		return;
	phoff = rd(e + 32, 8);
	phnum = rd(e + 56, 2);
	if (phoff + (uint64_t)phnum * 56 > c->len || phnum < 2)
		return;
	c->elf_ok = rd(e + phoff, 4) == PT_NOTE; /* the notes first, as Linux writes them */
	for (int i = 0; i < phnum; i++) {
		const unsigned char *ph = e + phoff + i * 56;
		uint64_t off = rd(ph + 8, 8), va = rd(ph + 16, 8), fsz = rd(ph + 32, 8);
		uint64_t b = (uintptr_t)buf;

		if (off + fsz > c->len)
			continue;
		if (rd(ph, 4) == PT_NOTE)
			parse_notes(c, off, fsz);
		if (rd(ph, 4) == PT_LOAD && va <= b && b + BUF_LEN <= va + fsz) {
			const unsigned char *m = e + off + (b - va);

			c->buf_ok = 1;
			for (int j = 0; j < BUF_LEN; j++)
				if (m[j] != (unsigned char)(j * 7 + 3))
					c->buf_ok = 0;
		}
	}
}

static volatile uintptr_t bad_addr = 16;

__attribute__((noinline)) void core_crash_here(void)
{
	*(volatile int *)bad_addr = 1;
}

static void fill_buf(void)
{
	for (int j = 0; j < BUF_LEN; j++)
		buf[j] = (unsigned char)(j * 7 + 3);
}

static void *spin_main(void *arg)
{
	*shared = (int)syscall(NR_gettid);
	for (volatile unsigned long n = 0;; n++)
		;
	return arg;
}

static void *thread_main(void *arg)
{
	*shared = (int)syscall(NR_gettid);
	for (;;)
		pause();
	return arg;
}

enum how {
	SEGV,
	ABORT,
	THREADS,
	SPIN,
	UNDUMPABLE
};

/* Runs a child in dir with RLIMIT_CORE lim; its waitid si_code and its status. */
static int run_child(enum how how, rlim_t lim, int *si_code, pid_t *pidp)
{
	struct rlimit rl = { lim, lim };
	siginfo_t si;
	int st = -1;
	pid_t pid;

	*shared = 0;
	pid = fork();
	if (pid == 0) {
		pthread_t th;

		if (chdir(dir) || setrlimit(RLIMIT_CORE, &rl))
			_exit(100);
		signal(SIGSEGV, SIG_DFL);
		signal(SIGABRT, SIG_DFL);
		fill_buf();
		if (how == UNDUMPABLE && prctl(PR_SET_DUMPABLE, 0, 0, 0, 0))
			_exit(101);
		if (how == THREADS || how == SPIN) {
			if (pthread_create(&th, NULL, how == SPIN ? spin_main : thread_main, NULL))
				_exit(102);
			while (!*shared)
				sched_yield();
		}
		if (how == ABORT)
			abort();
		core_crash_here();
		_exit(103);
	}
	*pidp = pid;
	memset(&si, 0, sizeof(si));
	*si_code = -1;
	if (pid > 0 && waitid(P_PID, pid, &si, WEXITED | WNOWAIT) == 0)
		*si_code = si.si_code;
	if (pid > 0 && waitpid(pid, &st, 0) != pid)
		st = -1;
	return st;
}

static int core_path(char *path, size_t n, const char *name)
{
	return snprintf(path, n, "%s/%s", dir, name);
}

static int exists(const char *name)
{
	char path[128];
	struct stat st;

	core_path(path, sizeof(path), name);
	return stat(path, &st) == 0;
}

static void remove_core(const char *name)
{
	char path[128];

	core_path(path, sizeof(path), name);
	unlink(path);
}

static int read_proc(const char *path, char *out, size_t n)
{
	int fd = open(path, O_RDONLY);
	ssize_t r;

	if (fd < 0)
		return -1;
	r = read(fd, out, n - 1);
	close(fd);
	if (r < 0)
		return -1;
	out[r] = '\0';
	return 0;
}

static int write_proc(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	ssize_t r;

	if (fd < 0)
		return -1;
	r = write(fd, s, strlen(s));
	close(fd);
	return r == (ssize_t)strlen(s) ? 0 : -1;
}

static void test_no_limit(void)
{
	int code, st;
	pid_t pid;

	st = run_child(SEGV, 0, &code, &pid);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && !WCOREDUMP(st),
	   "RLIMIT_CORE 0: killed by SIGSEGV, no WCOREDUMP");
	ok(code == CLD_KILLED, "RLIMIT_CORE 0: waitid says CLD_KILLED");
	ok(!exists("core"), "RLIMIT_CORE 0: no core file");
}

/* Linux's rule for a core file: a limit below one page is no core at all. */
static void test_below_page(void)
{
	int code, st;
	pid_t pid;

	st = run_child(SEGV, 4095, &code, &pid);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && !WCOREDUMP(st) && code == CLD_KILLED,
	   "RLIMIT_CORE 4095: no WCOREDUMP");
	ok(!exists("core"), "RLIMIT_CORE 4095: no core file");
}

static void test_segv(void)
{
	struct core c;
	char path[128];
	int code, st;
	pid_t pid;
	uint64_t fn = (uintptr_t)core_crash_here;

	st = run_child(SEGV, RLIM_INFINITY, &code, &pid);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && WCOREDUMP(st),
	   "SIGSEGV, RLIMIT_CORE unlimited: WCOREDUMP");
	ok(code == CLD_DUMPED, "SIGSEGV: waitid says CLD_DUMPED");
	if (!core_ok) {
		tap_skip("SIGSEGV: the core file", "core_pattern is not \"core\" here");
		return;
	}
	core_path(path, sizeof(path), "core");
	if (read_file(path, &c)) {
		ok(0, "SIGSEGV: a file named core");
		return;
	}
	ok(1, "SIGSEGV: a file named core");
	parse_core(&c);
	ok(c.elf_ok, "SIGSEGV core: ELF64 ET_CORE EM_X86_64, PT_NOTE first");
	ok(c.nr_prstatus == 1 && c.cursig == SIGSEGV && c.pid == pid,
	   "SIGSEGV core: NT_PRSTATUS pr_cursig SIGSEGV, pr_pid the child's");
	ok(c.rip >= fn && c.rip < fn + 64, "SIGSEGV core: pr_reg's rip in the faulting function");
	printf("# rip %#llx, core_crash_here %#llx\n", (unsigned long long)c.rip,
	       (unsigned long long)fn);
	ok(!strncmp(c.fname, "t_core", 6), "SIGSEGV core: NT_PRPSINFO pr_fname");
	ok(c.si_signo == SIGSEGV && c.si_code == SEGV_MAPERR && c.sig_addr == 16,
	   "SIGSEGV core: NT_SIGINFO signo, code and addr");
	ok(c.pagesz == 4096, "SIGSEGV core: NT_AUXV has AT_PAGESZ");
	ok(c.buf_ok, "SIGSEGV core: a PT_LOAD holds the buffer the child wrote");
	free(c.data);
	remove_core("core");
}

static void test_threads(void)
{
	struct core c;
	char path[128];
	int code, st;
	pid_t pid;

	st = run_child(THREADS, RLIM_INFINITY, &code, &pid);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && WCOREDUMP(st), "two threads: WCOREDUMP");
	if (!core_ok) {
		tap_skip("two threads: the core file", "core_pattern is not \"core\" here");
		return;
	}
	core_path(path, sizeof(path), "core");
	if (read_file(path, &c)) {
		ok(0, "two threads: two NT_PRSTATUS, the faulting thread first");
		return;
	}
	parse_core(&c);
	ok(c.nr_prstatus == 2 && c.cursig == SIGSEGV && c.pid == pid && c.tid2 == *shared &&
		   c.rip2 != 0,
	   "two threads: two NT_PRSTATUS, the faulting thread first");
	printf("# prstatus %d, pid %d/%d, tid2 %d/%d\n", c.nr_prstatus, c.pid, (int)pid, c.tid2,
	       *shared);
	free(c.data);
	remove_core("core");
}

/* A thread running in user mode on another CPU is stopped for the dump too. */
static void test_spinning_thread(void)
{
	struct core c;
	char path[128];
	int code, st;
	pid_t pid;

	st = run_child(SPIN, RLIM_INFINITY, &code, &pid);
	core_path(path, sizeof(path), "core");
	if (!core_ok) {
		ok(WIFSIGNALED(st) && WCOREDUMP(st),
		   "a spinning thread: WCOREDUMP, two NT_PRSTATUS");
		return;
	}
	if (read_file(path, &c)) {
		ok(0, "a spinning thread: WCOREDUMP, two NT_PRSTATUS");
		return;
	}
	parse_core(&c);
	ok(WIFSIGNALED(st) && WCOREDUMP(st) && c.nr_prstatus == 2 && c.tid2 == *shared,
	   "a spinning thread: WCOREDUMP, two NT_PRSTATUS");
	free(c.data);
	remove_core("core");
}

static void test_abort(void)
{
	struct core c;
	char path[128];
	int code, st;
	pid_t pid;

	st = run_child(ABORT, RLIM_INFINITY, &code, &pid);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT && WCOREDUMP(st), "abort(): WCOREDUMP");
	if (!core_ok) {
		tap_skip("abort(): the core's signal", "core_pattern is not \"core\" here");
		return;
	}
	core_path(path, sizeof(path), "core");
	if (read_file(path, &c)) {
		ok(0, "abort(): the core's pr_cursig is SIGABRT");
		return;
	}
	parse_core(&c);
	ok(c.elf_ok && c.cursig == SIGABRT && c.si_signo == SIGABRT,
	   "abort(): the core's pr_cursig is SIGABRT");
	free(c.data);
	remove_core("core");
}

static void test_truncated(void)
{
	char path[128];
	struct stat sb;
	int code, st;
	pid_t pid;

	st = run_child(SEGV, 8192, &code, &pid);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && WCOREDUMP(st),
	   "RLIMIT_CORE 8192: the dump is cut short, still WCOREDUMP");
	if (!core_ok) {
		tap_skip("RLIMIT_CORE 8192: the file", "core_pattern is not \"core\" here");
		return;
	}
	core_path(path, sizeof(path), "core");
	ok(stat(path, &sb) == 0 && sb.st_size > 0 && sb.st_size <= 8192,
	   "RLIMIT_CORE 8192: a core file of at most 8192 bytes");
	printf("# size %lld\n", (long long)sb.st_size);
	ok((sb.st_mode & 0777) == 0600 && sb.st_uid == geteuid(),
	   "the core file: mode 0600, the dumper's");
	remove_core("core");
}

static void test_undumpable(void)
{
	int code, st;
	pid_t pid;

	st = run_child(UNDUMPABLE, RLIM_INFINITY, &code, &pid);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && !WCOREDUMP(st),
	   "PR_SET_DUMPABLE 0: no WCOREDUMP");
	ok(!exists("core"), "PR_SET_DUMPABLE 0: no core file");
}

/*
 * Dumpability as Linux keeps it: a change of the effective uid clears it (commit_creds), and
 * an execve of a program run with its own ids sets it again.
 */
static void test_dumpable_rules(const char *self)
{
	int st;
	pid_t pid;

	if (geteuid() != 0) {
		tap_skip("setuid: PR_GET_DUMPABLE 1, then 0", "not root");
	} else {
		pid = fork();
		if (pid == 0) {
			int before = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);

			if (setuid(65534))
				_exit(99);
			_exit(before * 10 + prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
		}
		st = -1;
		waitpid(pid, &st, 0);
		ok(WIFEXITED(st) && WEXITSTATUS(st) == 10, "setuid: PR_GET_DUMPABLE 1, then 0");
	}
	pid = fork();
	if (pid == 0) {
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
		execl(self, "t_core", "--get-dumpable", (char *)NULL);
		_exit(98);
	}
	st = -1;
	waitpid(pid, &st, 0);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 1, "execve: PR_SET_DUMPABLE 0 is undone");
}

/* A symlink named core is not followed; a file of ours named core is replaced. */
static void test_existing(void)
{
	char path[128], target[128];
	struct stat sb;
	int code, st, fd;
	pid_t pid;

	if (!core_ok) {
		tap_skip("an existing core", "core_pattern is not \"core\" here");
		return;
	}
	core_path(path, sizeof(path), "core");
	core_path(target, sizeof(target), "target");
	if (symlink("target", path)) {
		ok(0, "a symlink named core: replaced by the core, not followed");
		return;
	}
	st = run_child(SEGV, RLIM_INFINITY, &code, &pid);
	ok(WIFSIGNALED(st) && WCOREDUMP(st) && stat(target, &sb) != 0 && lstat(path, &sb) == 0 &&
		   S_ISREG(sb.st_mode),
	   "a symlink named core: replaced by the core, not followed");
	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0) {
		if (write(fd, "old", 3) != 3)
			ok(0, "write");
		close(fd);
	}
	st = run_child(SEGV, RLIM_INFINITY, &code, &pid);
	ok(WIFSIGNALED(st) && WCOREDUMP(st) && stat(path, &sb) == 0 && sb.st_size > 4096,
	   "an existing core file of ours is replaced");
	remove_core("core");
}

/* core_pattern's specifiers and core_uses_pid: root, and only from Linux's default. */
static void test_pattern(void)
{
	char old[256], name[128], comm[32];
	int code, st, fd;
	pid_t pid;

	if (!core_ok || geteuid() != 0 || read_proc(USES_PID, old, sizeof(old)) ||
	    strcmp(old, "0\n") || (fd = open(PATTERN, O_WRONLY)) < 0) {
		tap_skip("core_pattern core.%p.%e.%s%%",
			 "not root, or not Linux's default pattern");
		tap_skip("core_uses_pid 1", "not root, or not Linux's default pattern");
		return;
	}
	close(fd);
	if (write_proc(PATTERN, "core.%p.%e.%s%%\n")) {
		ok(0, "core_pattern core.%%p.%%e.%%s%%%%");
		return;
	}
	read_proc(PATTERN, old, sizeof(old));
	st = run_child(SEGV, RLIM_INFINITY, &code, &pid);
	write_proc(PATTERN, "core\n");
	read_proc("/proc/self/comm", comm, sizeof(comm));
	comm[strcspn(comm, "\n")] = '\0';
	snprintf(name, sizeof(name), "core.%d.%s.%d%%", (int)pid, comm, SIGSEGV);
	ok(!strcmp(old, "core.%p.%e.%s%%\n") && WCOREDUMP(st) && exists(name),
	   "core_pattern core.%%p.%%e.%%s%%%%");
	printf("# wanted %s\n", name);
	remove_core(name);

	if (write_proc(USES_PID, "1\n")) {
		ok(0, "core_uses_pid 1");
		return;
	}
	st = run_child(SEGV, RLIM_INFINITY, &code, &pid);
	write_proc(USES_PID, "0\n");
	snprintf(name, sizeof(name), "core.%d", (int)pid);
	ok(WCOREDUMP(st) && exists(name) && !exists("core"), "core_uses_pid 1");
	remove_core(name);
}

int main(int argc, char **argv)
{
	char pat[256], self[256];
	ssize_t n;

	if (argc == 2 && !strcmp(argv[1], "--get-dumpable"))
		return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	self[n > 0 ? n : 0] = '\0';
	tap_plan(31);
	buf = mmap(NULL, BUF_LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	strcpy(dir, "/tmp/t_core.XXXXXX");
	if (buf == MAP_FAILED || shared == MAP_FAILED || !mkdtemp(dir)) {
		printf("Bail out! set-up: %s\n", strerror(errno));
		return 1;
	}
	if (read_proc(PATTERN, pat, sizeof(pat)) == 0 && strcmp(pat, "core\n"))
		core_ok = 0;
	test_no_limit();
	test_below_page();
	test_segv();
	test_threads();
	test_spinning_thread();
	test_abort();
	test_truncated();
	test_undumpable();
	test_dumpable_rules(self);
	test_existing();
	test_pattern();
	remove_core("core");
	rmdir(dir);
	return tap_done();
}
