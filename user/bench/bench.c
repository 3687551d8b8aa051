// SPDX-License-Identifier: GPL-2.0
/*
 * bench: the cost of each operation make bench compares (issue 11), on whatever kernel runs
 * it. The same source is built with our libc (bench) and with musl (bench.musl); both run on
 * Mica and on Linux. Output: the records of docs/bench.md on stdout, progress on stderr.
 *
 * Every operation checks what it gets back (a byte echoed, a status, a count of entries): a
 * call that fails makes the record an @bench-skip naming the errno, a wrong answer one saying
 * which check failed, so that no figure is ever printed for work that was not done.
 */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <uapi/ipc.h>

#include "bench.h"

#define KIB 1024L
#define MIB (1024L * 1024L)
#define PAGE 4096L

#define FUTEX_WAIT_PRIVATE 128
#define FUTEX_WAKE_PRIVATE 129

enum {
	PLACE_NONE,
	PLACE_SAME,
	PLACE_CROSS
};
#define F_SERIES 1 /* a scaling series: left out by --no-series */
#define F_NOT_QUICK 2 /* left out by --quick */

struct opdef;
typedef int op_fn(struct rec *r, const struct opdef *d);

struct opdef {
	const char *name, *variant;
	op_fn *fn;
	long iters; /* per round in a full run: a round of >= ~1M instructions on Mica */
	int place;
	long size; /* bytes: the sized variants, pipe_tput's writes */
	long param; /* the series' x; -1: none */
	int flags;
};

static char scratch[64]; /* our directory under /tmp; the working directory */
static char scratch_file[96]; /* scratch/f: open_close, stat, fstat */
static char self_path[512]; /* this program: pread_4k's cached file */
static char nop_path[512]; /* bench_nop of our libc */
static char *const nop_argv[] = { "bench_nop", NULL };
static char *const nop_envp[] = { NULL };

#define FILE_SIZE (64 * KIB)

static inline unsigned char pattern(long i)
{
	return (unsigned char)(i * 7 + 3);
}

/* Placement: the measuring process on the first CPU, its peer beside it or on the second. */
static int place_self(struct rec *r, const struct opdef *d)
{
	int err;

	if (d->place == PLACE_NONE)
		return 0;
	err = bench_pin(bench_cpu[0]);
	return err ? bench_fail_errno(r, -err) : 0;
}

static int peer_cpu(const struct opdef *d)
{
	if (d->place == PLACE_NONE)
		return -1;
	return d->place == PLACE_CROSS ? bench_cpu[1] : bench_cpu[0];
}

static void *map_anon(size_t size, int shared)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static int wait_ok(struct rec *r, pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return bench_fail_errno(r, errno);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return bench_fail(r, WIFEXITED(status) && WEXITSTATUS(status) == 127
					     ? "check:exec failed in the child"
					     : "check:child status not 0");
	return 0;
}

/* ---- single system calls ---- */

static int op_getpid(struct rec *r, const struct opdef *d)
{
	long want = getpid();

	bench_for_each_round(r)
	{
		long ret = 0;
		u64 t0 = bench_now(), t;

		/* the raw instruction, as user/bin/getpid_cost.c: no libc wrapper in the figure */
		for (long i = 0; i < r->n; i++)
			__asm__ volatile("syscall"
					 : "=a"(ret)
					 : "a"((long)SYS_getpid)
					 : "rcx", "r11", "memory");
		t = bench_now() - t0;
		if (ret != want)
			return ret < 0 ? bench_fail_errno(r, (int)-ret)
				       : bench_fail(r, "check:pid");
		bench_sample(r, t, r->n);
	}
	return 0;
}

static int op_read_devzero(struct rec *r, const struct opdef *d)
{
	int fd = open("/dev/zero", O_RDONLY | O_CLOEXEC), rc = 0;

	if (fd < 0)
		return bench_fail_errno(r, errno);
	bench_for_each_round(r)
	{
		unsigned char c = 1;
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++)
			if (read(fd, &c, 1) != 1) {
				rc = bench_fail_errno(r, errno);
				goto out;
			}
		t = bench_now() - t0;
		if (c != 0) {
			rc = bench_fail(r, "check:byte not 0");
			goto out;
		}
		bench_sample(r, t, r->n);
	}
out:
	close(fd);
	return rc;
}

static int op_write_devnull(struct rec *r, const struct opdef *d)
{
	int fd = open("/dev/null", O_WRONLY | O_CLOEXEC), rc = 0;
	char c = 'x';

	if (fd < 0)
		return bench_fail_errno(r, errno);
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++)
			if (write(fd, &c, 1) != 1) {
				rc = bench_fail_errno(r, errno);
				goto out;
			}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
out:
	close(fd);
	return rc;
}

static int op_open_close(struct rec *r, const struct opdef *d)
{
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			int fd = open(scratch_file, O_RDONLY);

			if (fd < 0)
				return bench_fail_errno(r, errno);
			if (close(fd))
				return bench_fail_errno(r, errno);
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
	return 0;
}

static int op_stat(struct rec *r, const struct opdef *d)
{
	struct stat st;

	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++)
			if (stat(scratch_file, &st))
				return bench_fail_errno(r, errno);
		t = bench_now() - t0;
		if (st.st_size != FILE_SIZE || !S_ISREG(st.st_mode))
			return bench_fail(r, "check:st_size or st_mode");
		bench_sample(r, t, r->n);
	}
	return 0;
}

static int op_fstat(struct rec *r, const struct opdef *d)
{
	int fd = open(scratch_file, O_RDONLY | O_CLOEXEC), rc = 0;
	struct stat st;

	if (fd < 0)
		return bench_fail_errno(r, errno);
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++)
			if (fstat(fd, &st)) {
				rc = bench_fail_errno(r, errno);
				goto out;
			}
		t = bench_now() - t0;
		if (st.st_size != FILE_SIZE) {
			rc = bench_fail(r, "check:st_size");
			goto out;
		}
		bench_sample(r, t, r->n);
	}
out:
	close(fd);
	return rc;
}

#define DIR_ENTRIES 100

static int op_getdents(struct rec *r, const struct opdef *d)
{
	static char buf[32 * KIB] __attribute__((aligned(8)));
	int fd = open("g", O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = 0;

	if (fd < 0)
		return bench_fail_errno(r, errno);
	bench_for_each_round(r)
	{
		long entries = 0;
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			long k;

			if (lseek(fd, 0, SEEK_SET) != 0) {
				rc = bench_fail_errno(r, errno);
				goto out;
			}
			while ((k = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0)
				for (long off = 0; off < k; entries++) {
					unsigned short reclen;

					memcpy(&reclen, buf + off + 16, 2); /* d_reclen */
					off += reclen;
				}
			if (k < 0) {
				rc = bench_fail_errno(r, errno);
				goto out;
			}
		}
		t = bench_now() - t0;
		if (entries != r->n * (DIR_ENTRIES + 2)) { /* and . and .. */
			rc = bench_fail(r, "check:directory entries");
			goto out;
		}
		bench_sample(r, t, r->n);
	}
out:
	close(fd);
	return rc;
}

static int op_pread(struct rec *r, int fd, long size, int elf)
{
	static unsigned char buf[64 * KIB];

	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++)
			if (pread(fd, buf, (size_t)size, 0) != size)
				return bench_fail_errno(r, errno ? errno : EIO);
		t = bench_now() - t0;
		if (elf ? memcmp(buf, "\177ELF", 4) : buf[size - 1] != pattern(size - 1))
			return bench_fail(r, "check:data read");
		bench_sample(r, t, r->n);
	}
	return 0;
}

/* 4 KiB of a file in the page cache: this program's own, read back with its ELF magic. */
static int op_pread_4k(struct rec *r, const struct opdef *d)
{
	int fd = open(self_path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return bench_fail_errno(r, errno);
	errno = 0;
	rc = op_pread(r, fd, 4 * KIB, 1);
	close(fd);
	return rc;
}

/* A file in /tmp, a tmpfs on both kernels (scripts/bench mounts one on Linux). */
static int op_pread_tmpfs(struct rec *r, const struct opdef *d)
{
	int fd = open("t", O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return bench_fail_errno(r, errno);
	errno = 0;
	rc = op_pread(r, fd, d->size, 0);
	close(fd);
	return rc;
}

static int op_vdso_clock_gettime(struct rec *r, const struct opdef *d)
{
	struct timespec ts, prev = { 0, 0 };

	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			if (clock_gettime(CLOCK_MONOTONIC, &ts))
				return bench_fail_errno(r, errno);
			if (ts.tv_sec < prev.tv_sec ||
			    (ts.tv_sec == prev.tv_sec && ts.tv_nsec < prev.tv_nsec))
				return bench_fail(r, "check:CLOCK_MONOTONIC went back");
			prev = ts;
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
	return 0;
}

static volatile sig_atomic_t signals_seen;

static void on_usr1(int sig)
{
	signals_seen++;
}

static int op_signal_rtt(struct rec *r, const struct opdef *d)
{
	struct sigaction sa, old;
	long pid = getpid(), tid = syscall(SYS_gettid);
	int rc = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, &old))
		return bench_fail_errno(r, errno);
	bench_for_each_round(r)
	{
		u64 t0, t;

		signals_seen = 0;
		t0 = bench_now();
		for (long i = 0; i < r->n; i++)
			if (syscall(SYS_tgkill, pid, tid, SIGUSR1)) {
				rc = bench_fail_errno(r, errno);
				goto out;
			}
		t = bench_now() - t0;
		if (signals_seen != r->n) {
			rc = bench_fail(r, "check:handler runs");
			goto out;
		}
		bench_sample(r, t, r->n);
	}
out:
	sigaction(SIGUSR1, &old, NULL);
	return rc;
}

/* ---- memory ---- */

static int op_mmap(struct rec *r, const struct opdef *d)
{
	size_t size = (size_t)d->size;

	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			volatile char *p = map_anon(size, 0);

			if (!p)
				return bench_fail_errno(r, errno);
			for (size_t off = 0; off < size; off += PAGE)
				p[off] = 1;
			if (munmap((void *)p, size))
				return bench_fail_errno(r, errno);
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
	return 0;
}

/* Per demand-zero fault: a fresh mapping each round (not timed), each page written once. */
static int op_fault_zero(struct rec *r, const struct opdef *d)
{
	bench_for_each_round(r)
	{
		size_t size = (size_t)r->n * PAGE;
		volatile char *p = map_anon(size, 0);
		u64 t0, t;
		int bad = 0;

		if (!p)
			return bench_fail_errno(r, errno);
		t0 = bench_now();
		for (size_t off = 0; off < size; off += PAGE)
			p[off] = 1; /* a write: a read would only map the shared zero page */
		t = bench_now() - t0;
		for (size_t off = 0; off < size; off += PAGE)
			bad |= p[off] != 1 || p[off + 1] != 0;
		munmap((void *)p, size);
		if (bad)
			return bench_fail(r, "check:page contents");
		bench_sample(r, t, r->n);
	}
	return 0;
}

struct cow_result {
	volatile u64 ticks;
	volatile int bad;
};

/* Per COW fault: a child writes every page the parent wrote; the child times itself. */
static int op_fault_cow(struct rec *r, const struct opdef *d)
{
	size_t size = (size_t)r->iters * PAGE;
	volatile char *p = map_anon(size, 0);
	struct cow_result *res = map_anon(PAGE, 1);
	int rc = 0;

	if (!p || !res) {
		rc = bench_fail_errno(r, errno);
		goto out;
	}
	bench_for_each_round(r)
	{
		size_t len = (size_t)r->n * PAGE;
		pid_t pid;

		for (size_t off = 0; off < len; off += PAGE)
			p[off] = 1;
		res->ticks = 0;
		res->bad = 1;
		fflush(NULL);
		pid = fork();
		if (pid < 0) {
			rc = bench_fail_errno(r, errno);
			goto out;
		}
		if (pid == 0) {
			int bad = p[0] != 1;
			u64 t0 = bench_now(), t;

			for (size_t off = 0; off < len; off += PAGE)
				p[off] = 2;
			t = bench_now() - t0;
			for (size_t off = 0; off < len; off += PAGE)
				bad |= p[off] != 2;
			res->ticks = t;
			res->bad = bad;
			_exit(0);
		}
		if (wait_ok(r, pid)) {
			rc = -1;
			goto out;
		}
		for (size_t off = 0; off < len; off += PAGE)
			if (p[off] != 1) /* the child's writes must not show here */
				res->bad = 1;
		if (res->bad) {
			rc = bench_fail(r, "check:copy-on-write contents");
			goto out;
		}
		bench_sample(r, res->ticks, r->n);
	}
out:
	if (p)
		munmap((void *)p, size);
	if (res)
		munmap(res, PAGE);
	return rc;
}

/* ---- processes ---- */

static int op_fork_exit_wait(struct rec *r, const struct opdef *d)
{
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			pid_t pid = fork();

			if (pid == 0)
				_exit(0);
			if (pid < 0)
				return bench_fail_errno(r, errno);
			if (wait_ok(r, pid))
				return -1;
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
	return 0;
}

/* Alone in a function: nothing of the caller's can be clobbered by the child's use of it. */
static __attribute__((noinline)) pid_t vfork_exit(void)
{
	pid_t pid = vfork();

	if (pid == 0)
		_exit(0);
	return pid;
}

static int op_vfork_exit_wait(struct rec *r, const struct opdef *d)
{
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			pid_t pid = vfork_exit();

			if (pid < 0)
				return bench_fail_errno(r, errno);
			if (wait_ok(r, pid))
				return -1;
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
	return 0;
}

static int op_fork_exec_wait(struct rec *r, const struct opdef *d)
{
	if (access(nop_path, X_OK))
		return bench_fail_errno(r, errno);
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			pid_t pid = fork();

			if (pid == 0) {
				execve(nop_path, nop_argv, nop_envp);
				_exit(127);
			}
			if (pid < 0)
				return bench_fail_errno(r, errno);
			if (wait_ok(r, pid))
				return -1;
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
	return 0;
}

static int op_posix_spawn(struct rec *r, const struct opdef *d)
{
	if (access(nop_path, X_OK))
		return bench_fail_errno(r, errno);
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			pid_t pid;
			int err = posix_spawn(&pid, nop_path, NULL, NULL, nop_argv, nop_envp);

			if (err)
				return bench_fail_errno(r, err);
			if (wait_ok(r, pid))
				return -1;
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
	return 0;
}

/* fork+exit+wait with param MiB of the parent's memory resident (written, so private). */
static int op_fork_rss(struct rec *r, const struct opdef *d)
{
	size_t size = (size_t)d->param * MIB;
	volatile char *p = map_anon(size, 0);
	int rc;

	if (!p)
		return bench_fail_errno(r, errno);
	for (size_t off = 0; off < size; off += PAGE)
		p[off] = 1;
	rc = op_fork_exit_wait(r, d);
	munmap((void *)p, size);
	return rc;
}

static void *thread_ret(void *arg)
{
	return (void *)((long)arg + 1);
}

static int op_thread_create_join(struct rec *r, const struct opdef *d)
{
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			pthread_t th;
			void *ret;
			int err = pthread_create(&th, NULL, thread_ret, (void *)i);

			if (err)
				return bench_fail_errno(r, err);
			err = pthread_join(th, &ret);
			if (err)
				return bench_fail_errno(r, err);
			if (ret != (void *)(i + 1))
				return bench_fail(r, "check:thread's result");
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
	return 0;
}

/* ---- two processes or threads talking ---- */

struct pipes {
	int to_srv[2], to_cli[2];
	long size; /* echo64: bytes a message; pipe_tput: bytes a read */
};

static int open_pipes(struct rec *r, struct pipes *p)
{
	p->to_srv[0] = p->to_srv[1] = p->to_cli[0] = p->to_cli[1] = -1;
	if (pipe2(p->to_srv, O_CLOEXEC) || pipe2(p->to_cli, O_CLOEXEC))
		return bench_fail_errno(r, errno);
	return 0;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* In the child: keep the server's ends only (or its reads would never see the end). */
static void server_ends(struct pipes *p)
{
	close_fd(&p->to_srv[1]);
	close_fd(&p->to_cli[0]);
}

/* In the parent, once the server runs; then closing to_srv[1] ends the server. */
static void client_ends(struct pipes *p)
{
	close_fd(&p->to_srv[0]);
	close_fd(&p->to_cli[1]);
}

static void close_pipes(struct pipes *p)
{
	close_fd(&p->to_srv[0]);
	close_fd(&p->to_srv[1]);
	close_fd(&p->to_cli[0]);
	close_fd(&p->to_cli[1]);
}

static int read_full(int fd, void *buf, size_t len)
{
	for (size_t got = 0; got < len;) {
		ssize_t k = read(fd, (char *)buf + got, len - got);

		if (k <= 0)
			return k == 0 && got == 0 ? 0 : -1;
		got += (size_t)k;
	}
	return 1;
}

static int write_full(int fd, const void *buf, size_t len)
{
	for (size_t done = 0; done < len;) {
		ssize_t k = write(fd, (const char *)buf + done, len - done);

		if (k <= 0)
			return -1;
		done += (size_t)k;
	}
	return 0;
}

/* Each byte back plus one, until the client closes its end. */
static int byte_server(void *arg)
{
	struct pipes *p = arg;
	unsigned char c;
	ssize_t k;

	server_ends(p);
	while ((k = read(p->to_srv[0], &c, 1)) == 1) {
		c++;
		if (write(p->to_cli[1], &c, 1) != 1)
			return 2;
	}
	return k == 0 ? 0 : 3;
}

static int op_pipe_rtt(struct rec *r, const struct opdef *d)
{
	struct pipes p = { { -1, -1 }, { -1, -1 }, 0 };
	pid_t pid = 0;
	int rc;

	if ((rc = place_self(r, d)) || (rc = open_pipes(r, &p)))
		goto out;
	pid = bench_start_child(peer_cpu(d), byte_server, &p);
	if (pid < 0) {
		rc = bench_fail_errno(r, -pid);
		goto out;
	}
	client_ends(&p);
	bench_for_each_round(r)
	{
		unsigned char c = 0;
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			unsigned char want = (unsigned char)(c + 1);

			if (write(p.to_srv[1], &c, 1) != 1 || read(p.to_cli[0], &c, 1) != 1) {
				rc = bench_fail_errno(r, errno ? errno : EPIPE);
				goto out;
			}
			if (c != want) {
				rc = bench_fail(r, "check:byte echoed");
				goto out;
			}
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
out:
	close_pipes(&p);
	if (bench_end_child(r, pid, 0))
		rc = -1;
	return rc;
}

/* 64 bytes in, the same 64 reversed out: what ipc_echo64's server does with its buffer. */
static void reverse64(unsigned char *dst, const unsigned char *src)
{
	for (int k = 0; k < 64; k++)
		dst[k] = src[63 - k];
}

static void fill64(unsigned char *buf, long i)
{
	for (int k = 0; k < 64; k++)
		buf[k] = (unsigned char)(i + k);
}

static int reversed64(const unsigned char *buf, long i)
{
	for (int k = 0; k < 64; k++)
		if (buf[k] != (unsigned char)(i + 63 - k))
			return 0;
	return 1;
}

static int same64(const unsigned char *buf, long i)
{
	for (int k = 0; k < 64; k++)
		if (buf[k] != (unsigned char)(i + k))
			return 0;
	return 1;
}

static int echo64_server(void *arg)
{
	struct pipes *p = arg;
	unsigned char in[64], out[64];
	int k;

	server_ends(p);
	while ((k = read_full(p->to_srv[0], in, 64)) == 1) {
		reverse64(out, in);
		if (write_full(p->to_cli[1], out, 64))
			return 2;
	}
	return k == 0 ? 0 : 3;
}

static int op_pipe_echo64(struct rec *r, const struct opdef *d)
{
	unsigned char buf[64];
	struct pipes p = { { -1, -1 }, { -1, -1 }, 0 };
	pid_t pid = 0;
	int rc;

	if ((rc = place_self(r, d)) || (rc = open_pipes(r, &p)))
		goto out;
	pid = bench_start_child(peer_cpu(d), echo64_server, &p);
	if (pid < 0) {
		rc = bench_fail_errno(r, -pid);
		goto out;
	}
	client_ends(&p);
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			fill64(buf, i);
			if (write_full(p.to_srv[1], buf, 64) ||
			    read_full(p.to_cli[0], buf, 64) != 1) {
				rc = bench_fail_errno(r, errno ? errno : EPIPE);
				goto out;
			}
			if (!reversed64(buf, i)) {
				rc = bench_fail(r, "check:bytes echoed");
				goto out;
			}
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
out:
	close_pipes(&p);
	if (bench_end_child(r, pid, 0))
		rc = -1;
	return rc;
}

/*
 * The reader of pipe_1m and pipe_tput: reads 1 MiB (size bytes a read), answers with the
 * last byte it got, again until the writer closes.
 */
static int mib_server(void *arg)
{
	struct pipes *p = arg;
	unsigned char *buf = malloc((size_t)p->size);
	ssize_t k = 0;

	server_ends(p);
	if (!buf)
		return 4;
	for (;;) {
		long total = 0;
		unsigned char last = 0;

		while (total < MIB) {
			long want = MIB - total < p->size ? MIB - total : p->size;

			k = read(p->to_srv[0], buf, (size_t)want);
			if (k <= 0)
				break;
			total += k;
			last = buf[k - 1];
		}
		if (k <= 0)
			return k == 0 && total == 0 ? 0 : 3;
		if (write(p->to_cli[1], &last, 1) != 1)
			return 2;
	}
}

/* Per MiB moved through a pipe: written wsize bytes a call, read rsize bytes a call. */
static int pipe_mib(struct rec *r, const struct opdef *d, long wsize, long rsize)
{
	unsigned char *src = malloc(MIB);
	struct pipes p = { { -1, -1 }, { -1, -1 }, 0 };
	pid_t pid = 0;
	int rc;

	p.size = rsize;
	if ((rc = place_self(r, d)) || (rc = open_pipes(r, &p)))
		goto out;
	if (!src) {
		rc = bench_fail_errno(r, ENOMEM);
		goto out;
	}
	for (long k = 0; k < MIB; k++)
		src[k] = pattern(k);
	pid = bench_start_child(peer_cpu(d), mib_server, &p);
	if (pid < 0) {
		rc = bench_fail_errno(r, -pid);
		goto out;
	}
	client_ends(&p);
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			unsigned char ack;

			for (long off = 0; off < MIB; off += wsize)
				if (write_full(p.to_srv[1], src + off, (size_t)wsize)) {
					rc = bench_fail_errno(r, errno ? errno : EPIPE);
					goto out;
				}
			if (read(p.to_cli[0], &ack, 1) != 1) {
				rc = bench_fail_errno(r, errno ? errno : EPIPE);
				goto out;
			}
			if (ack != src[MIB - 1]) {
				rc = bench_fail(r, "check:last byte through the pipe");
				goto out;
			}
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
out:
	close_pipes(&p);
	if (bench_end_child(r, pid, 0))
		rc = -1;
	free(src);
	return rc;
}

static int op_pipe_1m(struct rec *r, const struct opdef *d)
{
	return pipe_mib(r, d, MIB, 64 * KIB);
}

static int op_pipe_tput(struct rec *r, const struct opdef *d)
{
	return pipe_mib(r, d, d->param, d->param);
}

struct yield_shared {
	volatile int ready, stop;
	volatile long count;
};

static int yield_peer(void *arg)
{
	struct yield_shared *y = arg;

	y->ready = 1;
	while (!y->stop) {
		sched_yield();
		y->count++;
	}
	return 0;
}

/* Two processes on one CPU taking turns with sched_yield: the cost of one yield. */
static int op_ctxsw_yield(struct rec *r, const struct opdef *d)
{
	struct yield_shared *y = map_anon(PAGE, 1);
	pid_t pid = 0;
	int rc = 0, status;

	if (!y)
		return bench_fail_errno(r, errno);
	if ((rc = place_self(r, d)))
		goto out;
	pid = bench_start_child(bench_cpu[0], yield_peer, y);
	if (pid < 0) {
		rc = bench_fail_errno(r, -pid);
		goto out;
	}
	while (!y->ready) {
		if (waitpid(pid, &status, WNOHANG) != 0) {
			pid = 0;
			rc = bench_fail(r, "check:the peer ended");
			goto out;
		}
		sched_yield();
	}
	bench_for_each_round(r)
	{
		long before = y->count;
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++)
			if (sched_yield()) {
				rc = bench_fail_errno(r, errno);
				goto out;
			}
		t = bench_now() - t0;
		/*
		 * Linux's CFS does not always switch on a yield (it keeps a task whose vruntime is
		 * far enough behind; in a short wall-clock round the peer may not run at all): the
		 * figure is per sched_yield of either process, each a switch when the scheduler
		 * alternates them, as ours does.
		 */
		bench_sample(r, t, r->n + (y->count - before));
	}
out:
	y->stop = 1;
	if (bench_end_child(r, pid, 0))
		rc = -1;
	munmap(y, PAGE);
	return rc;
}

struct futex_pair {
	volatile int word; /* 1: the peer's turn, 0: the main thread's, 2: the peer ends */
	int cpu, pin_err;
	long turns;
};

static long futex_op(volatile int *addr, int op, int val)
{
	return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

static void *futex_peer(void *arg)
{
	struct futex_pair *f = arg;
	int w;

	if (f->cpu >= 0)
		f->pin_err = bench_pin(f->cpu);
	for (;;) {
		while ((w = __atomic_load_n(&f->word, __ATOMIC_ACQUIRE)) == 0)
			futex_op(&f->word, FUTEX_WAIT_PRIVATE, 0);
		if (w == 2)
			return NULL;
		f->turns++;
		__atomic_store_n(&f->word, 0, __ATOMIC_RELEASE);
		futex_op(&f->word, FUTEX_WAKE_PRIVATE, 1);
	}
}

static int op_futex_rtt(struct rec *r, const struct opdef *d)
{
	struct futex_pair f = { .word = 0, .cpu = d->place == PLACE_CROSS ? bench_cpu[1] : -1 };
	long total = 0;
	pthread_t th;
	int rc, err;

	if ((rc = place_self(r, d)))
		return rc;
	err = pthread_create(&th, NULL, futex_peer, &f);
	if (err)
		return bench_fail_errno(r, err);
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			__atomic_store_n(&f.word, 1, __ATOMIC_RELEASE);
			if (futex_op(&f.word, FUTEX_WAKE_PRIVATE, 1) < 0) {
				rc = bench_fail_errno(r, errno);
				goto out;
			}
			while (__atomic_load_n(&f.word, __ATOMIC_ACQUIRE) == 1)
				futex_op(&f.word, FUTEX_WAIT_PRIVATE, 1);
		}
		t = bench_now() - t0;
		total += r->n;
		bench_sample(r, t, r->n);
	}
out:
	__atomic_store_n(&f.word, 2, __ATOMIC_RELEASE);
	futex_op(&f.word, FUTEX_WAKE_PRIVATE, 1);
	pthread_join(th, NULL);
	if (!rc && f.pin_err)
		rc = bench_fail_errno(r, -f.pin_err);
	if (!rc && f.turns != total)
		rc = bench_fail(r, "check:the peer's turns");
	return rc;
}

/* ---- IPC (include/uapi/ipc.h): a server process on an endpoint, a client calling it ---- */

#define IPC_BADGE 0x6d696361ULL /* "mica" */

enum {
	SRV_NULL,
	SRV_REGS48,
	SRV_ECHO64,
	SRV_BULK
};

struct ipc_srv {
	int sfd, cfd, mode;
	long size;
};

/*
 * Receives once, then answers each message with ipc_reply_recv (reply, wait for the next,
 * one call) until it is killed. Any unexpected answer ends it with a status of its own,
 * which the client sees as EPIPE and the record as the status.
 */
static int ipc_server(void *arg)
{
	struct ipc_srv *s = arg;
	unsigned char *buf = NULL, *src = NULL;
	struct ipc_msg m;
	long ret;

	close(s->cfd);
	if (s->mode == SRV_ECHO64 || s->mode == SRV_BULK) {
		buf = mmap(NULL, IPC_BUF_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, s->sfd, 0);
		if (buf == MAP_FAILED)
			return 10;
	}
	if (s->mode == SRV_BULK) {
		src = malloc((size_t)s->size);
		if (!src)
			return 11;
		for (long k = 0; k < s->size; k++)
			src[k] = pattern(k);
	}
	memset(&m, 0, sizeof(m));
	ret = ipc_recv(s->sfd, &m, -1);
	for (;;) {
		if (ret < 0)
			return 12;
		if (m.badge != IPC_BADGE)
			return 13;
		switch (s->mode) {
		case SRV_REGS48: {
			unsigned long long w[IPC_MSG_WORDS];

			for (int k = 0; k < IPC_MSG_WORDS; k++)
				w[k] = ~m.w[IPC_MSG_WORDS - 1 - k];
			memcpy(m.w, w, sizeof(w));
			break;
		}
		case SRV_ECHO64: {
			unsigned char tmp[64];

			reverse64(tmp, buf);
			memcpy(buf, tmp, 64);
			break;
		}
		case SRV_BULK:
			memcpy(buf, src, (size_t)s->size);
			buf[0] = (unsigned char)m.w[0];
			break;
		}
		ret = ipc_reply_recv(s->sfd, &m);
	}
}

/* Endpoint, client end, server process (the client's copy of the server end closed, so
 * that a dead server gives EPIPE instead of a hang); the buffer mapped when it is used. */
static int ipc_setup(struct rec *r, const struct opdef *d, struct ipc_srv *s, pid_t *pid,
		     unsigned char **buf)
{
	int rc;

	s->sfd = s->cfd = -1;
	*pid = 0;
	*buf = NULL;
	if ((rc = place_self(r, d)))
		return rc;
	s->sfd = ipc_endpoint(IPC_CLOEXEC);
	if (s->sfd < 0)
		return bench_fail_errno(r, -s->sfd);
	s->cfd = ipc_connect(s->sfd, IPC_BADGE, IPC_CLOEXEC);
	if (s->cfd < 0)
		return bench_fail_errno(r, -s->cfd);
	if (s->mode == SRV_ECHO64 || s->mode == SRV_BULK) {
		void *p = mmap(NULL, IPC_BUF_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, s->cfd, 0);

		if (p == MAP_FAILED)
			return bench_fail_errno(r, errno);
		*buf = p;
	}
	*pid = bench_start_child(peer_cpu(d), ipc_server, s);
	if (*pid < 0) {
		rc = bench_fail_errno(r, -*pid);
		*pid = 0;
		return rc;
	}
	close_fd(&s->sfd);
	return 0;
}

static int ipc_teardown(struct rec *r, int rc, struct ipc_srv *s, pid_t pid, unsigned char *buf)
{
	if (buf)
		munmap(buf, IPC_BUF_SIZE);
	close_fd(&s->sfd);
	close_fd(&s->cfd);
	if (bench_end_child(r, pid, 1))
		rc = -1;
	return rc;
}

static int op_ipc(struct rec *r, const struct opdef *d, int mode)
{
	struct ipc_srv s = { .mode = mode, .size = d->size };
	unsigned char *buf;
	pid_t pid;
	int rc = ipc_setup(r, d, &s, &pid, &buf);

	if (rc)
		goto out;
	bench_for_each_round(r)
	{
		struct ipc_msg m;
		u64 t0, t;

		memset(&m, 0, sizeof(m));
		t0 = bench_now();
		for (long i = 0; i < r->n; i++) {
			long ret;
			int ok = 1;

			switch (mode) {
			case SRV_NULL:
				m.w[0] = (unsigned long long)i;
				ret = ipc_call(s.cfd, &m);
				ok = m.w[0] == (unsigned long long)i;
				break;
			case SRV_REGS48:
				for (int k = 0; k < IPC_MSG_WORDS; k++)
					m.w[k] = (unsigned long long)(i + k);
				ret = ipc_call(s.cfd, &m);
				for (int k = 0; k < IPC_MSG_WORDS; k++)
					ok &= m.w[k] ==
					      ~(unsigned long long)(i + IPC_MSG_WORDS - 1 - k);
				break;
			case SRV_ECHO64:
				fill64(buf, i);
				ret = ipc_call(s.cfd, &m);
				ok = reversed64(buf, i);
				break;
			default: /* SRV_BULK */
				m.w[0] = (unsigned long long)i;
				ret = ipc_call(s.cfd, &m);
				ok = buf[0] == (unsigned char)i &&
				     buf[d->size - 1] == pattern(d->size - 1);
				break;
			}
			if (ret < 0) {
				rc = bench_fail_errno(r, (int)-ret);
				goto out;
			}
			if (!ok) {
				rc = bench_fail(r, "check:the server's answer");
				goto out;
			}
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
out:
	return ipc_teardown(r, rc, &s, pid, buf);
}

static int op_ipc_null(struct rec *r, const struct opdef *d)
{
	return op_ipc(r, d, SRV_NULL);
}

static int op_ipc_regs48(struct rec *r, const struct opdef *d)
{
	return op_ipc(r, d, SRV_REGS48);
}

static int op_ipc_echo64(struct rec *r, const struct opdef *d)
{
	return op_ipc(r, d, SRV_ECHO64);
}

static int op_ipc_bulk(struct rec *r, const struct opdef *d)
{
	return op_ipc(r, d, SRV_BULK);
}

/* The in-kernel comparison: one call that copies 64 bytes in and back out. */
static int op_kecho64(struct rec *r, const struct opdef *d)
{
	unsigned char buf[64];

	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++) {
			long ret;

			fill64(buf, i);
			ret = ipc_echo(buf, 64);
			if (ret < 0)
				return bench_fail_errno(r, (int)-ret);
			if (!same64(buf, i)) /* all 64, as the other echoes check theirs */
				return bench_fail(r, "check:bytes echoed");
		}
		t = bench_now() - t0;
		bench_sample(r, t, r->n);
	}
	return 0;
}

/* ---- scaling: path lookup against depth ---- */

#define MAX_DEPTH 32

static int op_path_depth(struct rec *r, const struct opdef *d)
{
	char path[2 * MAX_DEPTH + 1];
	struct stat st;
	int n = (int)d->param;

	/* a/a/.../a, relative to our directory: only the components under test are walked */
	for (int k = 0; k < n; k++) {
		path[2 * k] = 'a';
		path[2 * k + 1] = '/';
	}
	path[2 * n - 1] = 0;
	bench_for_each_round(r)
	{
		u64 t0 = bench_now(), t;

		for (long i = 0; i < r->n; i++)
			if (stat(path, &st))
				return bench_fail_errno(r, errno);
		t = bench_now() - t0;
		if (!S_ISDIR(st.st_mode))
			return bench_fail(r, "check:st_mode");
		bench_sample(r, t, r->n);
	}
	return 0;
}

/* ---- the table ---- */

#define OP(name, fn, iters)                                     \
	{                                                       \
#name, "", op_##fn, iters, PLACE_NONE, 0, -1, 0 \
	}
#define PLACED(name, fn, iters)                                           \
	{ #name, "same-cpu", op_##fn, iters, PLACE_SAME, 0, -1, 0 },      \
	{                                                                 \
#name, "cross-cpu", op_##fn, iters, PLACE_CROSS, 0, -1, 0 \
	}
#define SIZED(name, fn, iters, variant, size)                           \
	{                                                               \
#name, variant, op_##fn, iters, PLACE_NONE, size, -1, 0 \
	}
/* a size and a placement: the size alone on one CPU, "SIZE-cross-cpu" across two */
#define SIZED_PLACED(name, fn, iters, variant, size)                                  \
	{ #name, variant, op_##fn, iters, PLACE_SAME, size, -1, 0 },                  \
	{                                                                             \
#name, variant "-cross-cpu", op_##fn, iters, PLACE_CROSS, size, -1, 0 \
	}
#define SERIES(name, fn, iters, param, flags)                                       \
	{                                                                           \
#name, "", op_##fn, iters, PLACE_NONE, 0, param, F_SERIES | (flags) \
	}

static const struct opdef ops[] = {
	OP(getpid, getpid, 20000),
	OP(read_devzero, read_devzero, 5000),
	OP(write_devnull, write_devnull, 5000),
	PLACED(pipe_rtt, pipe_rtt, 400),
	{ "ctxsw_yield", "", op_ctxsw_yield, 1000, PLACE_SAME, 0, -1, 0 },
	OP(fork_exit_wait, fork_exit_wait, 20),
	OP(vfork_exit_wait, vfork_exit_wait, 50),
	OP(fork_exec_wait, fork_exec_wait, 10),
	OP(posix_spawn, posix_spawn, 10),
	OP(open_close, open_close, 1000),
	OP(stat, stat, 1000),
	OP(fstat, fstat, 5000),
	OP(getdents_100, getdents, 50),
	SIZED(mmap_4k, mmap, 1000, "", 4 * KIB),
	SIZED(mmap_1m, mmap, 10, "", MIB),
	OP(fault_zero, fault_zero, 1024),
	OP(fault_cow, fault_cow, 512),
	OP(pread_4k, pread_4k, 1000),
	OP(pipe_1m, pipe_1m, 4),
	OP(vdso_clock_gettime, vdso_clock_gettime, 20000),
	PLACED(futex_rtt, futex_rtt, 400),
	OP(thread_create_join, thread_create_join, 50),
	OP(signal_rtt, signal_rtt, 1000),
	PLACED(ipc_null, ipc_null, 5000),
	PLACED(ipc_echo64, ipc_echo64, 3000),
	PLACED(ipc_regs48, ipc_regs48, 5000),
	PLACED(pipe_echo64, pipe_echo64, 400),
	OP(kecho64, kecho64, 5000),
	SIZED_PLACED(ipc_bulk, ipc_bulk, 2000, "4k", 4 * KIB),
	SIZED_PLACED(ipc_bulk, ipc_bulk, 100, "64k", 64 * KIB),
	SIZED(pread_tmpfs, pread_tmpfs, 2000, "4k", 4 * KIB),
	SIZED(pread_tmpfs, pread_tmpfs, 100, "64k", 64 * KIB),
	SERIES(fork_rss, fork_rss, 10, 1, 0),
	SERIES(fork_rss, fork_rss, 10, 16, 0),
	SERIES(fork_rss, fork_rss, 5, 128, F_NOT_QUICK),
	SERIES(path_depth, path_depth, 1000, 1, 0),
	SERIES(path_depth, path_depth, 1000, 2, 0),
	SERIES(path_depth, path_depth, 1000, 4, 0),
	SERIES(path_depth, path_depth, 500, 8, 0),
	SERIES(path_depth, path_depth, 500, 16, 0),
	SERIES(path_depth, path_depth, 200, 32, 0),
	SERIES(pipe_tput, pipe_tput, 1, 64, 0),
	SERIES(pipe_tput, pipe_tput, 1, 256, 0),
	SERIES(pipe_tput, pipe_tput, 1, 1 * KIB, 0),
	SERIES(pipe_tput, pipe_tput, 2, 4 * KIB, 0),
	SERIES(pipe_tput, pipe_tput, 4, 16 * KIB, 0),
	SERIES(pipe_tput, pipe_tput, 4, 64 * KIB, 0),
	SERIES(pipe_tput, pipe_tput, 4, 256 * KIB, 0),
	SERIES(pipe_tput, pipe_tput, 4, MIB, 0),
};
#define NR_OPS (sizeof(ops) / sizeof(ops[0]))

/* ---- the scratch directory ---- */

static int write_file(const char *path, long size)
{
	static unsigned char buf[FILE_SIZE];
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644), rc = 0;

	if (fd < 0)
		return -1;
	for (long k = 0; k < size; k++)
		buf[k] = pattern(k);
	if (write_full(fd, buf, (size_t)size))
		rc = -1;
	if (close(fd))
		rc = -1;
	return rc;
}

/* Our files: f and t (64 KiB each), g/ with 100 entries, a/a/... 32 deep. */
static int make_scratch(void)
{
	char name[32];

	strcpy(scratch, "/tmp/bench.XXXXXX");
	if (!mkdtemp(scratch) || chdir(scratch))
		return -1;
	snprintf(scratch_file, sizeof(scratch_file), "%s/f", scratch);
	if (write_file("f", FILE_SIZE) || write_file("t", FILE_SIZE) || mkdir("g", 0755))
		return -1;
	for (int k = 0; k < DIR_ENTRIES; k++) {
		int fd;

		snprintf(name, sizeof(name), "g/f%02d", k);
		fd = open(name, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
		if (fd < 0 || close(fd))
			return -1;
	}
	char path[2 * MAX_DEPTH + 1] = "a";
	for (int k = 1; k <= MAX_DEPTH; k++) {
		if (mkdir(path, 0755))
			return -1;
		strcat(path, "/a");
	}
	return 0;
}

static void remove_tree(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	char sub[512];

	if (dir) {
		while ((e = readdir(dir))) {
			struct stat st;

			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			if (!lstat(sub, &st) && S_ISDIR(st.st_mode))
				remove_tree(sub);
			else
				unlink(sub);
		}
		closedir(dir);
	}
	rmdir(path);
}

/*
 * Where this program and bench_nop (of the same libc) are: /bin, or beside argv[0]. Made
 * absolute before we move into the scratch directory.
 */
static void find_paths(const char *argv0)
{
	const char *suffix = strcmp(BENCH_LIBC, "musl") ? "" : ".musl";
	char dir[256] = "/bin";
	const char *slash = strrchr(argv0, '/');

	if (slash) {
		char cwd[128] = "";

		if (argv0[0] != '/' && !getcwd(cwd, sizeof(cwd)))
			cwd[0] = 0;
		snprintf(dir, sizeof(dir), "%s%s%.*s", cwd, cwd[0] ? "/" : "", (int)(slash - argv0),
			 argv0);
		snprintf(self_path, sizeof(self_path), "%s/%s", dir, slash + 1);
	} else {
		snprintf(self_path, sizeof(self_path), "/bin/%s", argv0);
	}
	snprintf(nop_path, sizeof(nop_path), "/bin/bench_nop%s", suffix);
	if (access(nop_path, X_OK))
		snprintf(nop_path, sizeof(nop_path), "%s/bench_nop%s", dir, suffix);
}

/* ---- main ---- */

static int selected(const char *only, const char *name)
{
	size_t len = strlen(name);

	if (!only)
		return 1;
	for (const char *p = only; *p;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n == len && !strncmp(p, name, n))
			return 1;
		p += n + (e != NULL);
	}
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: bench [--quick] [--smoke] [--clock=tsc|ns] [--only=OP,OP...] "
			"[--no-series] [--label=TEXT]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int quick = 0, smoke = 0, series = 1, records = 0, failures = 0, total = 0, done = 0;
	const char *only = NULL, *label = "";
	const struct opdef *run[NR_OPS];
	struct utsname u;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--quick"))
			quick = 1;
		else if (!strcmp(a, "--smoke"))
			smoke = quick = 1;
		else if (!strcmp(a, "--no-series"))
			series = 0;
		else if (!strcmp(a, "--clock=tsc"))
			bench_tsc = 1;
		else if (!strcmp(a, "--clock=ns"))
			bench_tsc = 0;
		else if (!strncmp(a, "--only=", 7))
			only = a + 7;
		else if (!strncmp(a, "--label=", 8))
			label = a + 8;
		else
			usage();
	}
	if (only) {
		for (const char *p = only; *p;) {
			const char *e = strchr(p, ',');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			int known = 0;

			for (size_t k = 0; k < NR_OPS; k++)
				known |= strlen(ops[k].name) == n && !strncmp(ops[k].name, p, n);
			if (!known) {
				fprintf(stderr, "bench: unknown operation %.*s\n", (int)n, p);
				return 2;
			}
			p += n + (e != NULL);
		}
	}
	if (bench_cpus_init() || uname(&u)) {
		perror("bench: sched_getaffinity or uname");
		return 1;
	}
	find_paths(argv[0]);
	for (size_t k = 0; k < NR_OPS; k++) {
		const struct opdef *d = &ops[k];

		if ((d->place == PLACE_CROSS && bench_ncpus < 2) ||
		    (!series && (d->flags & F_SERIES)) || (quick && (d->flags & F_NOT_QUICK)) ||
		    !selected(only, d->name))
			continue;
		run[total++] = d;
	}
	if (make_scratch()) {
		perror("bench: making the scratch directory under /tmp");
		if (scratch[0] && strcmp(scratch, "/tmp/bench.XXXXXX"))
			remove_tree(scratch);
		return 1;
	}

	printf("@bench-start {\"libc\":\"%s\",\"clock\":\"%s\",\"quick\":%s,\"cpus\":%d,\"sysname\":",
	       BENCH_LIBC, bench_tsc ? "tsc" : "ns", quick ? "true" : "false", bench_ncpus);
	bench_json_str(u.sysname);
	printf(",\"release\":");
	bench_json_str(u.release);
	printf(",\"label\":");
	bench_json_str(label);
	printf("}\n");
	fflush(stdout);

	for (int k = 0; k < total; k++) {
		const struct opdef *d = run[k];
		struct rec r;

		memset(&r, 0, sizeof(r));
		r.op = d->name;
		r.variant = d->variant;
		r.param = d->param;
		r.rounds = smoke ? 1 : quick ? 3 : 7;
		r.warmup = !smoke;
		r.iters = smoke	  ? (d->iters < 3 ? d->iters : 3)
			  : quick ? (d->iters >= 4 ? d->iters / 4 : 1)
				  : d->iters;
		fprintf(stderr, "@bench-progress %s %d/%d\n", d->name, ++done, total);
		fflush(NULL);
		errno = 0;
		d->fn(&r, d);
		bench_unpin();
		bench_print(&r);
		records++;
		if (r.reason && strcmp(r.reason, "ENOSYS"))
			failures++;
	}

	if (chdir("/") == 0)
		remove_tree(scratch);
	printf("@bench-end {\"status\":%d,\"records\":%d}\n", failures ? 1 : 0, records);
	fflush(stdout);
	return failures ? 1 : 0;
}
