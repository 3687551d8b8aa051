/* Memory mappings as Linux makes them: mmap's flags and errors, shared memory across fork,
 * file mappings, mremap, madvise, msync, mincore, mlock, a PROT_NONE fault, and the limits
 * (RLIMIT_AS, RLIMIT_DATA, RLIMIT_NPROC) that make them fail. */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * A case whose name is the same on every run, with the values behind it as a TAP comment
 * (the two libcs' answers are compared by name). The condition is evaluated first.
 */
#define ok_diag(cond, name, fmt, ...)               \
	({                                          \
		int ok_diag_c = !!(cond);           \
		printf("# " fmt "\n", __VA_ARGS__); \
		ok(ok_diag_c, name);                \
	})

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#ifndef MADV_FREE
#define MADV_FREE 8
#endif
/* No flag of Linux's has this bit: MAP_SHARED_VALIDATE must refuse it. */
#define MAP_UNKNOWN_FLAG 0x800000

#define PG 4096UL

static void *map_anon(size_t len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);
}

/* The errno of a failed mmap, or 0 if it succeeded (then unmapped). */
static int mmap_errno(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	errno = 0;
	void *p = mmap(addr, len, prot, flags, fd, off);
	if (p != MAP_FAILED) {
		munmap(p, len);
		return 0;
	}
	return errno;
}

/* The resident bits of len bytes at p, as a string of 0 and 1. */
static const char *resident(void *p, size_t len)
{
	static char s[64];
	unsigned char vec[64];
	size_t n = (len + PG - 1) / PG;

	if (n >= sizeof(s) || mincore(p, len, vec) != 0)
		return "error";
	for (size_t i = 0; i < n; i++)
		s[i] = (vec[i] & 1) ? '1' : '0';
	s[n] = 0;
	return s;
}

/* Runs fn in a child; its wait status. */
static int in_child(int (*fn)(void))
{
	pid_t pid = fork();
	int status = -1;

	if (pid == 0)
		_exit(fn());
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static int touch_prot_none(void)
{
	struct rlimit no_core = { 0, 0 };
	setrlimit(RLIMIT_CORE, &no_core); /* no core file on the host */
	volatile char *p = map_anon(PG, PROT_NONE, MAP_PRIVATE);
	if (p == MAP_FAILED)
		return 2;
	return p[0]; /* SIGSEGV */
}

static int grows_down(void)
{
	char *p = map_anon(4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_GROWSDOWN);
	if (p == MAP_FAILED)
		return 2;
	p[-1] = 7; /* below the mapping: it grows to cover it */
	return p[-1] == 7 ? 0 : 3;
}

static int as_limit(void)
{
	struct rlimit rl = { 256UL << 20, 256UL << 20 };
	if (setrlimit(RLIMIT_AS, &rl) != 0)
		return 2;
	errno = 0;
	if (map_anon(512UL << 20, PROT_READ, MAP_PRIVATE) != MAP_FAILED || errno != ENOMEM)
		return 3;
	char *p = map_anon(PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	if (p == MAP_FAILED)
		return 4;
	errno = 0;
	if (mremap(p, PG, 512UL << 20, MREMAP_MAYMOVE) != MAP_FAILED || errno != ENOMEM)
		return 5;
	return 0;
}

static int data_limit(void)
{
	struct rlimit rl = { 32UL << 20, 32UL << 20 };
	if (setrlimit(RLIMIT_DATA, &rl) != 0)
		return 2;
	errno = 0;
	/* Private and writable: data. Read-only or shared: not. */
	if (map_anon(64UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE) != MAP_FAILED ||
	    errno != ENOMEM)
		return 3;
	if (map_anon(64UL << 20, PROT_READ, MAP_PRIVATE) == MAP_FAILED)
		return 4;
	if (map_anon(64UL << 20, PROT_READ | PROT_WRITE, MAP_SHARED) == MAP_FAILED)
		return 5;
	return 0;
}

static int nproc_limit(void)
{
	struct rlimit rl = { 1, 1 };
	if (setrlimit(RLIMIT_NPROC, &rl) != 0)
		return 2;
	if (getuid() == 0 && setuid(12345) != 0)
		return 77; /* no way to become an ordinary user here */
	errno = 0;
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	if (pid > 0) {
		waitpid(pid, NULL, 0);
		return 3;
	}
	return errno == EAGAIN ? 0 : 4;
}

static void test_mmap_flags(void)
{
	char *p = map_anon(3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	ok(p != MAP_FAILED && p[0] == 0 && p[3 * PG - 1] == 0 && ((uintptr_t)p & (PG - 1)) == 0,
	   "anonymous private: page aligned, zero filled");
	p[PG] = 'x';

	ok(mmap_errno(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == EINVAL,
	   "length 0: EINVAL");
	ok(mmap_errno(NULL, PG, PROT_READ, MAP_ANONYMOUS, -1, 0) == EINVAL,
	   "neither MAP_SHARED nor MAP_PRIVATE: EINVAL");
	ok(mmap_errno(NULL, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0) == EINVAL,
	   "MAP_SHARED_VALIDATE of anonymous memory: EINVAL");
	ok(mmap_errno(NULL, PG, PROT_READ, MAP_PRIVATE, -1, 0) == EBADF, "fd -1: EBADF");
	ok(mmap_errno(NULL, 0, PROT_READ, MAP_PRIVATE, -1, 0) == EBADF,
	   "fd -1 and length 0: EBADF first");
	ok(mmap_errno(NULL, PG, PROT_READ | 0x80, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == 0,
	   "unknown PROT_ bits are ignored");
	ok(mmap_errno(NULL, PG, PROT_READ, MAP_PRIVATE, 1000, 0) == EBADF, "a closed fd: EBADF");

	/* MAP_FIXED replaces what was there: the page reads zero again. */
	char *q = mmap(p + PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		       -1, 0);
	ok(q == p + PG && q[0] == 0, "MAP_FIXED replaces a mapping at exactly that address");
	ok(mmap_errno(p + 5, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
		   EINVAL,
	   "MAP_FIXED at an unaligned address: EINVAL");

	errno = 0;
	q = mmap(p, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	ok(q == MAP_FAILED && errno == EEXIST, "MAP_FIXED_NOREPLACE over a mapping: EEXIST");
	munmap(p + 2 * PG, PG);
	q = mmap(p + 2 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1,
		 0);
	ok(q == p + 2 * PG, "MAP_FIXED_NOREPLACE on a free range maps there");
	munmap(p, 3 * PG);

	char *big = map_anon(1UL << 30, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE);
	ok(big != MAP_FAILED, "MAP_NORESERVE: 1 GiB mapped");
	if (big != MAP_FAILED) {
		big[(1UL << 30) - 1] = 1;
		ok(!strcmp(resident(big + (1UL << 30) - 2 * PG, 2 * PG), "01"),
		   "MAP_NORESERVE: only the touched page is resident");
		munmap(big, 1UL << 30);
	} else {
		ok(0, "MAP_NORESERVE: only the touched page is resident");
	}

	p = map_anon(4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	ok(!strcmp(resident(p, 4 * PG), "0000"), "untouched anonymous memory is not resident");
	munmap(p, 4 * PG);
	p = map_anon(4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_POPULATE);
	ok(p != MAP_FAILED && !strcmp(resident(p, 4 * PG), "1111"),
	   "MAP_POPULATE: every page resident at once");
	munmap(p, 4 * PG);

	p = map_anon(4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_STACK);
	ok(p != MAP_FAILED && (p[0] = 1) == 1, "MAP_STACK maps ordinary memory");
	munmap(p, 4 * PG);
	int st = in_child(grows_down);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "MAP_GROWSDOWN grows below its start");
	ok(mmap_errno(NULL, PG, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0) ==
		   EINVAL,
	   "MAP_GROWSDOWN of shared memory: EINVAL");

	st = in_child(touch_prot_none);
	ok_diag(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
		"reading PROT_NONE memory kills with SIGSEGV", "status %#x", st);
}

static void test_shared_anon(void)
{
	int *s = map_anon(3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED);
	if (s == MAP_FAILED) {
		ok(0, "shared anonymous memory");
		ok(0, "shared anonymous memory: the child's writes");
		return;
	}
	s[0] = 42; /* touched before the fork */
	pid_t pid = fork();
	if (pid == 0) {
		int good = s[0] == 42;
		s[0] = 43;
		s[PG / sizeof(int)] = 44; /* a page nobody touched yet */
		_exit(good ? 0 : 1);
	}
	int st = -1;
	waitpid(pid, &st, 0);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "shared anonymous: the child sees the parent");
	ok(s[0] == 43 && s[PG / sizeof(int)] == 44 && s[2 * PG / sizeof(int)] == 0,
	   "shared anonymous: the parent sees the child's writes, also to untouched pages");
	munmap(s, 3 * PG);
}

static void test_file_mappings(void)
{
	char path[] = "/tmp/t_mm.XXXXXX";
	int fd = mkstemp(path);
	char buf[2 * PG];

	memset(buf, 'a', sizeof(buf));
	if (fd < 0 || write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf)) {
		ok(0, "a file to map");
		return;
	}
	char *sh = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *pr = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ok(sh != MAP_FAILED && pr != MAP_FAILED && sh[0] == 'a' && pr[PG] == 'a',
	   "file mappings read the file");
	sh[1] = 'S';
	pr[2] = 'P';
	char c[3] = { 0 };
	pread(fd, c, 3, 0);
	ok(c[1] == 'S' && c[2] == 'a', "MAP_SHARED writes reach the file, MAP_PRIVATE ones not");
	pwrite(fd, "W", 1, PG);
	ok(sh[PG] == 'W' && pr[1] == 'S',
	   "write() shows in the mappings (private: untouched pages)");
	ok(msync(sh, 2 * PG, MS_SYNC) == 0 && msync(sh, PG, MS_ASYNC) == 0 &&
		   msync(sh, PG, MS_INVALIDATE) == 0,
	   "msync MS_SYNC, MS_ASYNC, MS_INVALIDATE");
	errno = 0;
	ok(msync(sh, PG, MS_SYNC | MS_ASYNC) == -1 && errno == EINVAL, "msync SYNC|ASYNC: EINVAL");
	errno = 0;
	ok(msync(sh + 1, PG, MS_SYNC) == -1 && errno == EINVAL, "msync unaligned: EINVAL");
	errno = 0;
	ok(msync(sh, PG, 0x100) == -1 && errno == EINVAL, "msync unknown flag: EINVAL");

	/* MADV_DONTNEED on a private file mapping drops the copy: the file shows again. */
	ok(madvise(pr, PG, MADV_DONTNEED) == 0 && pr[2] == 'a' && pr[1] == 'S',
	   "MADV_DONTNEED on a private file mapping: back to the file's contents");
	munmap(pr, 2 * PG);
	munmap(sh, 2 * PG);
	errno = 0;
	ok(msync(sh, PG, MS_SYNC) == -1 && errno == ENOMEM, "msync of an unmapped range: ENOMEM");

	ok(mmap_errno(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 100) == EINVAL,
	   "an unaligned offset: EINVAL");
	ok(mmap_errno(NULL, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_UNKNOWN_FLAG, fd, 0) ==
		   EOPNOTSUPP,
	   "MAP_SHARED_VALIDATE with an unknown flag: EOPNOTSUPP");
	ok(mmap_errno(NULL, PG, PROT_READ, MAP_SHARED | MAP_UNKNOWN_FLAG, fd, 0) == 0,
	   "MAP_SHARED ignores the unknown flag");
	ok(mmap_errno(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED_VALIDATE, fd, 0) == 0,
	   "MAP_SHARED_VALIDATE with known flags maps");
	close(fd);

	int ro = open(path, O_RDONLY), wo = open(path, O_WRONLY);
	ok(mmap_errno(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) == EACCES,
	   "PROT_WRITE shared mapping of an O_RDONLY fd: EACCES");
	ok(mmap_errno(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0) == 0,
	   "PROT_WRITE private mapping of an O_RDONLY fd is fine");
	ok(mmap_errno(NULL, PG, PROT_READ, MAP_PRIVATE, wo, 0) == EACCES,
	   "a mapping of an O_WRONLY fd: EACCES");
	close(ro);
	close(wo);
	unlink(path);

	int pfd[2];
	pipe(pfd);
	ok(mmap_errno(NULL, PG, PROT_READ, MAP_PRIVATE, pfd[0], 0) == ENODEV,
	   "a pipe cannot be mapped: ENODEV");
	close(pfd[0]);
	close(pfd[1]);
}

static void fill(char *p, size_t len, char seed)
{
	for (size_t i = 0; i < len; i += PG)
		p[i] = (char)(seed + i / PG);
}

static int check(const char *p, size_t len, char seed)
{
	for (size_t i = 0; i < len; i += PG)
		if (p[i] != (char)(seed + i / PG))
			return 0;
	return 1;
}

static void test_mremap(void)
{
	/* Room after the mapping: it grows in place. A page 8 pages in stays mapped. */
	char *p = map_anon(9 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char *block = p + 8 * PG;
	munmap(p + 4 * PG, 4 * PG);
	fill(p, 4 * PG, 'a');
	char *q = mremap(p, 4 * PG, 8 * PG, 0);
	ok(q == p && check(q, 4 * PG, 'a') && q[7 * PG] == 0,
	   "mremap grows in place, content kept");

	/* Something right after: without MREMAP_MAYMOVE it cannot grow. */
	errno = 0;
	ok(mremap(p, 8 * PG, 16 * PG, 0) == MAP_FAILED && errno == ENOMEM,
	   "mremap cannot grow in place without MREMAP_MAYMOVE: ENOMEM");
	q = mremap(p, 8 * PG, 16 * PG, MREMAP_MAYMOVE);
	ok(q != MAP_FAILED && q != p && check(q, 4 * PG, 'a') && q[15 * PG] == 0,
	   "MREMAP_MAYMOVE moves it, content kept");
	ok(!strcmp(resident(p, PG), "error"), "the old range is unmapped after the move");
	munmap(block, PG);

	/* Shrinking keeps the address and unmaps the tail. */
	p = mremap(q, 16 * PG, 2 * PG, 0);
	ok(p == q && check(p, 2 * PG, 'a') && !strcmp(resident(p + 2 * PG, PG), "error"),
	   "mremap shrinks in place");

	/* MREMAP_FIXED: to where the caller says, replacing what was there. */
	char *dst = map_anon(4 * PG, PROT_READ, MAP_PRIVATE);
	q = mremap(p, 2 * PG, 4 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, dst);
	ok(q == dst && check(q, 2 * PG, 'a') && q[3 * PG] == 0 && (q[3 * PG] = 1),
	   "MREMAP_FIXED moves to the given address (its protection comes along)");

	/* MREMAP_DONTUNMAP: the pages move, the old range stays mapped and reads zero. */
	p = map_anon(2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	fill(p, 2 * PG, 'k');
	char *n = mremap(p, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
	ok(n != MAP_FAILED && n != p && check(n, 2 * PG, 'k') && p[0] == 0 && p[PG] == 0,
	   "MREMAP_DONTUNMAP: pages move, the old range reads zero");

	errno = 0;
	ok(mremap(q, PG, 2 * PG, 0x80) == MAP_FAILED && errno == EINVAL,
	   "mremap unknown flag: EINVAL");
	errno = 0;
	ok(mremap(q + 1, PG, 2 * PG, MREMAP_MAYMOVE) == MAP_FAILED && errno == EINVAL,
	   "mremap unaligned: EINVAL");
	errno = 0;
	ok(mremap(q, PG, 2 * PG, MREMAP_FIXED, q + 8 * PG) == MAP_FAILED && errno == EINVAL,
	   "MREMAP_FIXED without MREMAP_MAYMOVE: EINVAL");
	errno = 0;
	ok(mremap(q, PG, 0, MREMAP_MAYMOVE) == MAP_FAILED && errno == EINVAL,
	   "mremap to length 0: EINVAL");
	munmap(q, 4 * PG);
	errno = 0;
	ok(mremap(q, PG, 2 * PG, MREMAP_MAYMOVE) == MAP_FAILED && errno == EFAULT,
	   "mremap of an unmapped range: EFAULT");
	munmap(p, 2 * PG);
	munmap(n, 2 * PG);

	/* old_len 0: a second mapping of a shared mapping's pages; of private memory EINVAL. */
	int *sh = map_anon(2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED);
	sh[PG / sizeof(int)] = 77;
	int *dup = mremap((char *)sh + PG, 0, PG, MREMAP_MAYMOVE);
	ok(dup != MAP_FAILED && dup[0] == 77 && ((dup[0] = 78), sh[PG / sizeof(int)] == 78),
	   "mremap with old_len 0 maps a shared mapping's pages a second time");
	p = map_anon(PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	errno = 0;
	ok(mremap(p, 0, PG, MREMAP_MAYMOVE) == MAP_FAILED && errno == EINVAL,
	   "mremap with old_len 0 of private memory: EINVAL");
	munmap(p, PG);
	munmap(dup, PG);
	munmap(sh, 2 * PG);
	errno = 0;
	ok(mremap(sh, 0, PG, MREMAP_MAYMOVE) == MAP_FAILED && errno == EFAULT,
	   "mremap with old_len 0 of nothing: EFAULT");
}

static void test_madvise_mincore_mlock(void)
{
	char *p = map_anon(4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	p[0] = p[2 * PG] = 5;
	ok(!strcmp(resident(p, 4 * PG), "1010"), "mincore: the touched pages are resident");
	unsigned char vec[4];
	ok(mincore(p, 3 * PG + 1, vec) == 0, "mincore: a length short of a page counts it");
	errno = 0;
	ok(mincore(p + 1, PG, vec) == -1 && errno == EINVAL, "mincore unaligned: EINVAL");
	errno = 0;
	ok(mincore(p, PG, (unsigned char *)1) == -1 && errno == EFAULT,
	   "mincore bad vector: EFAULT");

	ok(madvise(p, 4 * PG, MADV_DONTNEED) == 0 && p[0] == 0 && p[2 * PG] == 0,
	   "MADV_DONTNEED: anonymous private memory reads zero again");
	p[PG] = 9;
	ok(madvise(p, 4 * PG, MADV_FREE) == 0, "MADV_FREE on anonymous memory");
	ok(madvise(p, 4 * PG, MADV_NORMAL) == 0 && madvise(p, PG, MADV_RANDOM) == 0 &&
		   madvise(p + PG, PG, MADV_SEQUENTIAL) == 0 &&
		   madvise(p, 4 * PG, MADV_WILLNEED) == 0,
	   "MADV_NORMAL, RANDOM, SEQUENTIAL, WILLNEED accepted");
	errno = 0;
	ok(madvise(p, PG, 12345) == -1 && errno == EINVAL, "madvise unknown advice: EINVAL");
	errno = 0;
	ok(madvise(p + 1, PG, MADV_NORMAL) == -1 && errno == EINVAL, "madvise unaligned: EINVAL");

	ok(mlock(p, 2 * PG) == 0 && !strcmp(resident(p, 2 * PG), "11") && munlock(p, 2 * PG) == 0,
	   "mlock faults the range in; munlock");
	errno = 0;
	ok(mlockall(0) == -1 && errno == EINVAL, "mlockall(0): EINVAL");
	munmap(p, 4 * PG);
	errno = 0;
	ok(mincore(p, PG, vec) == -1 && errno == ENOMEM, "mincore of an unmapped range: ENOMEM");
	errno = 0;
	ok(madvise(p, PG, MADV_DONTNEED) == -1 && errno == ENOMEM,
	   "madvise of an unmapped range: ENOMEM");
	errno = 0;
	ok(mlock(p, PG) == -1 && errno == ENOMEM, "mlock of an unmapped range: ENOMEM");
}

static void test_limits(void)
{
	int st = in_child(as_limit);
	ok_diag(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		"RLIMIT_AS: mmap and mremap past it fail with ENOMEM", "%d", WEXITSTATUS(st));
	st = in_child(data_limit);
	ok_diag(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		"RLIMIT_DATA: private writable mappings past it fail with ENOMEM", "%d",
		WEXITSTATUS(st));
	st = in_child(nproc_limit);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 77)
		tap_skip("RLIMIT_NPROC: fork past it fails with EAGAIN", "cannot setuid here");
	else
		ok_diag(WIFEXITED(st) && WEXITSTATUS(st) == 0,
			"RLIMIT_NPROC: fork past it fails with EAGAIN", "%d", WEXITSTATUS(st));
}

int main(void)
{
	tap_plan(71);
	test_mmap_flags();
	test_shared_anon();
	test_file_mappings();
	test_mremap();
	test_madvise_mincore_mlock();
	test_limits();
	return tap_done();
}
