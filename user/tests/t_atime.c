/*
 * Access times as Linux keeps them: which calls stamp a file's atime (read, pread, readv,
 * preadv, a read of nothing or at the end, sendfile's and copy_file_range's source, mmap,
 * exec, getdents, readlink, a FIFO's read) and which do not (an anonymous pipe's read, any
 * read through O_NOATIME), and how the mount decides: strictatime always, relatime (the
 * default) only when the atime is not newer than mtime or ctime, noatime never, nodiratime
 * never for directories, a read-only mount or super block never. A read never changes ctime
 * or mtime; a FIFO's write changes both. O_NOATIME is for the owner or root: anyone else gets EPERM, at open and at
 * F_SETFL.
 *
 * Each mode gets a tmpfs of its own, so that the flags of the system's mounts decide
 * nothing. The mount cases need root; a system that refuses the first mount skips them.
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef O_NOATIME
#define O_NOATIME 01000000
#endif
#ifndef MS_STRICTATIME
#define MS_STRICTATIME (1 << 24)
#endif

#define EXEC_OK 42
#define NOBODY 65534
#define DAY (24 * 60 * 60)

static char base[] = "/tmp/t_atime.XXXXXX";
static char mnt[64];
static const char self[] = "/proc/self/exe"; /* copied onto each mount to be run */

static const char *in(const char *name)
{
	static char bufs[4][PATH_MAX];
	static int next;
	char *b = bufs[next++ % 4];

	snprintf(b, PATH_MAX, "%s/%s", mnt, name);
	return b;
}

static time_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec;
}

/*
 * The stamps of name (not following a symlink), with atime and mtime set first to the
 * current time plus the offsets given: setting them makes ctime the current time.
 */
static int set_times(const char *name, long atime_off, long mtime_off)
{
	time_t t = now();
	struct timespec ts[2] = { { t + atime_off, 0 }, { t + mtime_off, 0 } };

	return utimensat(AT_FDCWD, name, ts, AT_SYMLINK_NOFOLLOW);
}

static struct stat st_of(const char *name)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	lstat(name, &st);
	return st;
}

static int same_ts(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* A stamp of the current time: the kernel's clock may lag the caller's by a tick. */
static int is_recent(struct timespec ts, time_t before)
{
	return ts.tv_sec >= before - 1 && ts.tv_sec <= now() + 1;
}

/*
 * The checks of one access: atime moved to the current time (want_moved) or stayed exactly
 * where set_times put it; mtime and ctime did not change either way.
 */
static void check(const char *name, const struct stat *before, time_t t0, int want_moved,
		  const char *what)
{
	struct stat after = st_of(name);
	int moved = !same_ts(after.st_atim, before->st_atim);
	int good = want_moved ? moved && is_recent(after.st_atim, t0) : !moved;

	/* The stamps only on a failure: the output is compared between the two libcs. */
	if (!good)
		printf("# %s: atime %ld -> %ld, now %ld\n", what, (long)before->st_atim.tv_sec,
		       (long)after.st_atim.tv_sec, (long)now());
	ok(good, want_moved ? "%s: atime moved to now" : "%s: atime stays", what);
	ok(same_ts(after.st_mtim, before->st_mtim) && same_ts(after.st_ctim, before->st_ctim),
	   "%s: mtime and ctime unchanged", what);
}

/* ---- the accesses: each returns 0 when its call did what it should ------------------- */

typedef int access_fn(const char *name);

static int do_read(const char *name)
{
	char buf[8];
	int fd = open(name, O_RDONLY), rc = fd >= 0 && read(fd, buf, 4) == 4 ? 0 : -1;

	close(fd);
	return rc;
}

static int do_read_nothing(const char *name)
{
	char buf[8];
	int fd = open(name, O_RDONLY), rc = fd >= 0 && read(fd, buf, 0) == 0 ? 0 : -1;

	close(fd);
	return rc;
}

static int do_read_at_end(const char *name)
{
	char buf[8];
	int fd = open(name, O_RDONLY), rc = fd >= 0 && pread(fd, buf, 8, 1 << 20) == 0 ? 0 : -1;

	close(fd);
	return rc;
}

static int do_pread(const char *name)
{
	char buf[8];
	int fd = open(name, O_RDONLY), rc = fd >= 0 && pread(fd, buf, 4, 2) == 4 ? 0 : -1;

	close(fd);
	return rc;
}

static int do_readv(const char *name)
{
	char a[2], b[3];
	struct iovec iov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	int fd = open(name, O_RDONLY), rc = fd >= 0 && readv(fd, iov, 2) == 5 ? 0 : -1;

	close(fd);
	return rc;
}

static int do_preadv(const char *name)
{
	char a[2], b[3];
	struct iovec iov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	int fd = open(name, O_RDONLY), rc = fd >= 0 && preadv(fd, iov, 2, 1) == 5 ? 0 : -1;

	close(fd);
	return rc;
}

static int do_sendfile(const char *name)
{
	int fd = open(name, O_RDONLY), out = open("/dev/null", O_WRONLY);
	int rc = fd >= 0 && out >= 0 && sendfile(out, fd, NULL, 6) == 6 ? 0 : -1;

	close(fd);
	close(out);
	return rc;
}

static int do_copy_file_range(const char *name)
{
	int fd = open(name, O_RDONLY), out = open(in("copy"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int rc = fd >= 0 && out >= 0 && syscall(SYS_copy_file_range, fd, NULL, out, NULL, 6, 0) == 6
			 ? 0
			 : -1;

	close(fd);
	close(out);
	unlink(in("copy"));
	return rc;
}

static int do_mmap(const char *name, int flags)
{
	int fd = open(name, O_RDONLY);
	void *p = fd >= 0 ? mmap(NULL, 4096, PROT_READ, flags, fd, 0) : MAP_FAILED;

	close(fd);
	return p == MAP_FAILED ? -1 : munmap(p, 4096);
}

static int do_mmap_shared(const char *name)
{
	return do_mmap(name, MAP_SHARED);
}

static int do_mmap_private(const char *name)
{
	return do_mmap(name, MAP_PRIVATE);
}

static int do_exec(const char *name)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execl(name, name, "--exit", (char *)NULL);
		_exit(127);
	}
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
			       WEXITSTATUS(status) == EXEC_OK
		       ? 0
		       : -1;
}

static int do_getdents(const char *name)
{
	char buf[1024];
	int fd = open(name, O_RDONLY | O_DIRECTORY);
	long n = fd >= 0 ? syscall(SYS_getdents64, fd, buf, sizeof(buf)) : -1;

	close(fd);
	return n > 0 ? 0 : -1;
}

static int do_readlink(const char *name)
{
	char buf[64];

	return readlink(name, buf, sizeof(buf)) == 1 ? 0 : -1; /* "f" */
}

static int do_read_noatime(const char *name)
{
	char buf[8];
	int fd = open(name, O_RDONLY | O_NOATIME), rc = fd >= 0 && read(fd, buf, 4) == 4 ? 0 : -1;

	close(fd);
	return rc;
}

static int do_read_setfl_noatime(const char *name)
{
	char buf[8];
	int fd = open(name, O_RDONLY), rc = -1;

	if (fd >= 0 && fcntl(fd, F_SETFL, O_NOATIME) == 0 && (fcntl(fd, F_GETFL) & O_NOATIME) &&
	    read(fd, buf, 4) == 4)
		rc = 0;
	close(fd);
	return rc;
}

static int do_stat(const char *name)
{
	struct stat st;

	return stat(name, &st);
}

/*
 * One access of name after set_times(atime_off, mtime_off): the call works, then the
 * atime moves or stays as want_moved says, and nothing else changes.
 */
static void try_access(access_fn *fn, const char *name, long atime_off, long mtime_off,
		       int want_moved, const char *what)
{
	struct stat before;
	time_t t0;

	if (set_times(name, atime_off, mtime_off)) {
		ok(0, "%s: utimensat: %s", what, strerror(errno));
		ok(0, "%s: (not run)", what);
		return;
	}
	before = st_of(name);
	t0 = now();
	if (fn(name)) {
		ok(0, "%s: the call failed: %s", what, strerror(errno));
		ok(0, "%s: (not run)", what);
		return;
	}
	check(name, &before, t0, want_moved, what);
}

/* ---- the modes ----------------------------------------------------------------------- */

static int make_files(void)
{
	int fd = open(in("f"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int err = fd < 0 || write(fd, "0123456789", 10) != 10;
	char buf[65536];
	int src, dst;
	ssize_t n = -1;

	close(fd);
	err |= mkdir(in("d"), 0755);
	fd = open(in("d/x"), O_WRONLY | O_CREAT, 0644);
	err |= fd < 0;
	close(fd);
	err |= symlink("f", in("l")) || symlink("/tmp", in("link"));
	err |= mkfifo(in("fifo"), 0644);
	src = open(self, O_RDONLY);
	dst = open(in("prog"), O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (src >= 0 && dst >= 0)
		while ((n = read(src, buf, sizeof(buf))) > 0)
			if (write(dst, buf, n) != n) {
				n = -1;
				break;
			}
	close(src);
	close(dst);
	return err || n < 0 ? -1 : 0;
}

static int mount_mode(unsigned long flags)
{
	if (mount("t_atime", mnt, "tmpfs", flags, "mode=0755"))
		return -1;
	if (make_files()) {
		umount2(mnt, MNT_DETACH);
		return -1;
	}
	return 0;
}

/* Every reader of a regular file, on a strictatime mount: each stamps the atime. */
static const struct {
	access_fn *fn;
	const char *name;
} readers[] = {
	{ do_read, "read" },
	{ do_read_nothing, "read of 0 bytes" },
	{ do_read_at_end, "pread at the end of the file" },
	{ do_pread, "pread" },
	{ do_readv, "readv" },
	{ do_preadv, "preadv" },
	{ do_sendfile, "sendfile's source" },
	{ do_copy_file_range, "copy_file_range's source" },
	{ do_mmap_shared, "mmap MAP_SHARED (no fault)" },
	{ do_mmap_private, "mmap MAP_PRIVATE (no fault)" },
};
#define NR_READERS ((int)(sizeof(readers) / sizeof(readers[0])))

static void test_strictatime(void)
{
	char what[128];

	for (int i = 0; i < NR_READERS; i++) {
		snprintf(what, sizeof(what), "strictatime, %s", readers[i].name);
		try_access(readers[i].fn, in("f"), -1000, -2000, 1, what);
	}
	/* Newer than mtime and ctime: strictatime still stamps it (back to now). */
	try_access(do_read, in("f"), 1000, -1000, 1, "strictatime, read of a recent atime");
	try_access(do_exec, in("prog"), -1000, -2000, 1, "strictatime, exec");
	try_access(do_getdents, in("d"), -1000, -2000, 1, "strictatime, getdents");
	try_access(do_readlink, in("l"), -1000, -2000, 1, "strictatime, readlink");
	try_access(do_stat, in("f"), -1000, -2000, 0, "strictatime, stat is no access");
	try_access(do_read_noatime, in("f"), -1000, -2000, 0,
		   "strictatime, read through O_NOATIME");
	try_access(do_read_setfl_noatime, in("f"), -1000, -2000, 0,
		   "strictatime, read after F_SETFL O_NOATIME");
}

static void test_relatime(void)
{
	/* ctime (set by utimensat) is newer than an atime in the past. */
	try_access(do_read, in("f"), -1000, -2000, 1, "relatime, atime older than ctime");
	/* An atime in the future is newer than ctime: mtime newer still decides. */
	try_access(do_read, in("f"), 1000, 2000, 1, "relatime, atime older than mtime");
	try_access(do_read, in("f"), 1000, -1000, 0, "relatime, atime newer than mtime and ctime");
	try_access(do_pread, in("f"), 1000, -1000, 0, "relatime, pread, recent atime");
	try_access(do_getdents, in("d"), -1000, -2000, 1, "relatime, getdents");
	try_access(do_getdents, in("d"), 1000, -1000, 0, "relatime, getdents, recent atime");
	try_access(do_exec, in("prog"), -1000, -2000, 1, "relatime, exec");
	try_access(do_exec, in("prog"), 1000, -1000, 0, "relatime, exec, recent atime");
}

static void test_noatime(void)
{
	try_access(do_read, in("f"), -1000, -2000, 0, "noatime, read");
	try_access(do_mmap_shared, in("f"), -1000, -2000, 0, "noatime, mmap");
	try_access(do_exec, in("prog"), -1000, -2000, 0, "noatime, exec");
	try_access(do_getdents, in("d"), -1000, -2000, 0, "noatime, getdents");
	try_access(do_readlink, in("l"), -1000, -2000, 0, "noatime, readlink");
}

static void test_nodiratime(void)
{
	try_access(do_getdents, in("d"), -1000, -2000, 0, "nodiratime, getdents");
	try_access(do_read, in("f"), -1000, -2000, 1, "nodiratime, read of a file");
	try_access(do_readlink, in("l"), -1000, -2000, 1, "nodiratime, readlink");
}

/* Times set while writable, then the mount made read-only (ro_flags) and read. */
static void try_readonly(unsigned long ro_flags, const char *what)
{
	struct stat before_f, before_d;
	char buf[160];
	time_t t0;

	ok(!set_times(in("f"), -1000, -2000) && !set_times(in("d"), -1000, -2000), "%s: times set",
	   what);
	before_f = st_of(in("f"));
	before_d = st_of(in("d"));
	if (mount(NULL, mnt, NULL, MS_REMOUNT | MS_STRICTATIME | ro_flags, NULL)) {
		ok(0, "%s: remount: %s", what, strerror(errno));
		for (int i = 0; i < 5; i++)
			ok(0, "%s: (not run)", what);
		return;
	}
	t0 = now();
	ok(!do_read(in("f")) && !do_getdents(in("d")) && !do_exec(in("prog")), "%s: reads work",
	   what);
	snprintf(buf, sizeof(buf), "%s, read and exec", what);
	check(in("f"), &before_f, t0, 0, buf);
	snprintf(buf, sizeof(buf), "%s, getdents", what);
	check(in("d"), &before_d, t0, 0, buf);
	ok(!mount(NULL, mnt, NULL, MS_REMOUNT | MS_STRICTATIME, NULL), "%s: back to rw", what);
}

/* O_NOATIME by another user: EPERM at open and at F_SETFL; a plain open works. */
static void test_noatime_eperm(void)
{
	int status, fd;
	pid_t pid = fork();

	if (pid == 0) {
		int rc = 0;

		if (setgid(NOBODY) || setuid(NOBODY))
			_exit(100);
		errno = 0;
		if (open(in("f"), O_RDONLY | O_NOATIME) != -1 || errno != EPERM)
			rc |= 1;
		fd = open(in("f"), O_RDONLY);
		if (fd < 0)
			rc |= 2;
		errno = 0;
		if (fcntl(fd, F_SETFL, O_NOATIME) != -1 || errno != EPERM)
			rc |= 4;
		if (fcntl(fd, F_SETFL, O_NONBLOCK) != 0)
			rc |= 8;
		_exit(rc);
	}
	ok(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status),
	   "O_NOATIME by another user: the child ran");
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "O_NOATIME by another user: EPERM at open and at F_SETFL, other flags fine");
	if (WIFEXITED(status) && WEXITSTATUS(status))
		printf("# the child's status: %d\n", WEXITSTATUS(status));
	/* O_PATH opens nothing to read: O_NOATIME is ignored with it. */
	fd = open(in("f"), O_PATH | O_NOATIME);
	ok(fd >= 0, "O_PATH|O_NOATIME opens");
	close(fd);
}

/* A FIFO's read stamps it (the mount's rules); an anonymous pipe's times never move. */
static void test_pipes(void)
{
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	struct stat before, after;
	int fd, p[2];
	char c;
	time_t t0;

	fd = open(in("fifo"), O_RDWR);
	ok(fd >= 0 && !set_times(in("fifo"), -1000, -2000), "FIFO: opened, times set");
	before = st_of(in("fifo"));
	nanosleep(&pause, NULL);
	t0 = now();
	ok(write(fd, "x", 1) == 1, "FIFO: written");
	after = st_of(in("fifo"));
	ok(is_recent(after.st_mtim, t0) && !same_ts(after.st_ctim, before.st_ctim) &&
		   is_recent(after.st_ctim, t0) && same_ts(after.st_atim, before.st_atim),
	   "FIFO write: mtime and ctime move to now, atime stays");
	ok(!set_times(in("fifo"), -1000, -2000), "FIFO: times set again");
	before = st_of(in("fifo"));
	t0 = now();
	ok(read(fd, &c, 1) == 1, "FIFO: read");
	check(in("fifo"), &before, t0, 1, "FIFO read");
	close(fd);

	ok(pipe(p) == 0, "pipe");
	fstat(p[0], &before);
	nanosleep(&pause, NULL);
	ok(write(p[1], "x", 1) == 1 && read(p[0], &c, 1) == 1, "pipe: written and read");
	fstat(p[0], &after);
	ok(same_ts(after.st_atim, before.st_atim) && same_ts(after.st_ctim, before.st_ctim),
	   "anonymous pipe: atime and ctime stay");
	close(p[0]);
	close(p[1]);
}

#define NR_STRICT ((NR_READERS + 7) * 2)
#define NR_RELATIME (8 * 2)
#define NR_NOATIME (5 * 2)
#define NR_NODIRATIME (3 * 2)
#define NR_READONLY (2 * 7)
#define NR_EPERM 3
#define NR_PIPES (7 + 3)
#define NR_MOUNT_CASES                                                                   \
	(NR_STRICT + NR_RELATIME + NR_NOATIME + NR_NODIRATIME + NR_READONLY + NR_EPERM + \
	 NR_PIPES + 5)

static void run_mode(unsigned long flags, void (*test)(void), int cases, const char *name)
{
	int ok_mount = mount_mode(flags) == 0;

	ok(ok_mount, "a %s tmpfs with its files", name);
	if (!ok_mount) {
		for (int i = 0; i < cases; i++)
			tap_skip(name, "mount failed");
		return;
	}
	test();
	umount2(mnt, MNT_DETACH);
}

static void test_strict_all(void)
{
	test_strictatime();
	test_noatime_eperm();
	test_pipes();
}

static void test_readonly(void)
{
	try_readonly(MS_RDONLY, "read-only remount");
	try_readonly(MS_BIND | MS_RDONLY, "read-only bind remount");
}

static void test_mounts(void)
{
	snprintf(mnt, sizeof(mnt), "%s/m", base);
	if (geteuid() != 0 || mkdir(mnt, 0755) ||
	    mount("t_atime", mnt, "tmpfs", MS_STRICTATIME, "mode=0755")) {
		const char *why = geteuid() != 0 ? "not root" : "mount of a tmpfs refused here";

		for (int i = 0; i < NR_MOUNT_CASES; i++)
			tap_skip("atime", why);
		rmdir(mnt);
		return;
	}
	umount2(mnt, MNT_DETACH);
	run_mode(MS_STRICTATIME, test_strict_all, NR_STRICT + NR_EPERM + NR_PIPES, "strictatime");
	run_mode(0, test_relatime, NR_RELATIME, "relatime (the default)");
	run_mode(MS_NOATIME, test_noatime, NR_NOATIME, "noatime");
	run_mode(MS_NODIRATIME | MS_STRICTATIME, test_nodiratime, NR_NODIRATIME, "nodiratime");
	run_mode(MS_STRICTATIME, test_readonly, NR_READONLY, "strictatime, to be made read-only");
	rmdir(mnt);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--exit"))
		return EXEC_OK;
	tap_plan(NR_MOUNT_CASES);
	if (!mkdtemp(base) || chmod(base, 0755)) {
		perror("t_atime: mkdtemp");
		return 1;
	}
	test_mounts();
	rmdir(base);
	return tap_done();
}
