/* Files and directories beyond open/read/write: links, nodes, modes and owners, times,
 * truncate and fallocate, sync, statfs and statx, fchdir and chroot, mount, close_range,
 * openat2, vectored and copying I/O, eventfd, timerfd, poll and select, ioctl, record locks
 * and flock. Each call with its errno cases, as Linux gives them. */
#include "tap.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define KPTR ((void *)0xffff800000000000UL)
#define TMPFS_MAGIC 0x01021994
#define PROC_SUPER_MAGIC 0x9fa0
/* openat2's and close_range's flags, which musl 1.2.3's headers lack. */
#define T_RESOLVE_NO_XDEV 0x01
#define T_RESOLVE_NO_SYMLINKS 0x04
#define T_RESOLVE_BENEATH 0x08
#define T_RESOLVE_IN_ROOT 0x10
#define T_CLOSE_RANGE_UNSHARE (1U << 1)
#define T_CLOSE_RANGE_CLOEXEC (1U << 2)

/* Linux's struct open_how and struct statx, spelled here: musl 1.2.3 has neither. */
struct t_open_how {
	unsigned long long flags, mode, resolve;
};
struct t_statx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, spare0;
	uint64_t ino, size, blocks, attributes_mask;
	struct {
		int64_t sec;
		uint32_t nsec;
		int32_t reserved;
	} atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t rest[14];
};

static int err_is(long r, int e)
{
	return r == -1 && errno == e;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
	nanosleep(&ts, NULL);
}

/* ---- checks made in a child process, reported back to the parent's TAP stream ---- */

struct rec {
	char ok;
	char name[95];
};
static int rec_fd = -1;

static void cok(int cond, const char *name)
{
	struct rec r = { (char)!!cond, { 0 } };
	strncpy(r.name, name, sizeof(r.name) - 1);
	if (write(rec_fd, &r, sizeof(r)) != sizeof(r))
		_exit(99);
}

/* Runs fn in a child; each of its cok() becomes one TAP case here, in order. */
static void in_child(void (*fn)(void *), void *arg)
{
	int p[2];
	if (pipe(p)) {
		ok(0, "pipe for a child's checks");
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		rec_fd = p[1];
		fn(arg);
		_exit(0);
	}
	close(p[1]);
	struct rec r;
	while (read(p[0], &r, sizeof(r)) == sizeof(r))
		ok(r.ok, "%s", r.name);
	close(p[0]);
	waitpid(pid, NULL, 0);
}

static void write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		if (write(fd, s, strlen(s)) < 0)
			perror("write");
		close(fd);
	}
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	return lstat(path, &st) ? (mode_t)-1 : st.st_mode;
}

/* ---- links, nodes ------------------------------------------------------------------- */

static void t_links(void)
{
	struct stat st;
	int fd = creat("f", 0644);
	ok(fd >= 0 && write(fd, "hello", 5) == 5 && fstat(fd, &st) == 0 && st.st_size == 5 &&
		   (st.st_mode & 07777) == 0644 && S_ISREG(st.st_mode),
	   "creat makes a regular file (umask 022)");
	ok((fcntl(fd, F_GETFL) & O_ACCMODE) == O_WRONLY, "creat opens write-only");
	close(fd);
	ok(err_is(creat(".", 0644), EISDIR), "creat(\".\"): EISDIR");
	fd = creat("f", 0600);
	ok(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0 && (st.st_mode & 0777) == 0644,
	   "creat of an existing file truncates it and keeps its mode");
	close(fd);
	write_file("f", "hello");

	ok(link("f", "g") == 0 && stat("f", &st) == 0 && st.st_nlink == 2, "link: nlink 2");
	ok(err_is(link("f", "g"), EEXIST), "link onto an existing name: EEXIST");
	ok(err_is(link("nope", "h"), ENOENT), "link from a missing name: ENOENT");
	ok(err_is(link("f", "nodir/h"), ENOENT), "link into a missing directory: ENOENT");
	ok(err_is(link(".", "dlink"), EPERM), "link of a directory: EPERM");
	ok(err_is(link("f/x", "h"), ENOTDIR), "link through a file: ENOTDIR");
	ok(err_is(link(NULL, "h"), EFAULT) && err_is(link("f", KPTR), EFAULT),
	   "link with NULL and kernel pointers: EFAULT");
	ok(err_is(linkat(AT_FDCWD, "f", AT_FDCWD, "h", 0x1234), EINVAL),
	   "linkat bad flags: EINVAL");
	ok(symlink("f", "sl") == 0, "symlink sl -> f");
	ok(linkat(AT_FDCWD, "sl", AT_FDCWD, "h_follow", AT_SYMLINK_FOLLOW) == 0 &&
		   S_ISREG(mode_of("h_follow")),
	   "linkat AT_SYMLINK_FOLLOW links the target");
	ok(linkat(AT_FDCWD, "sl", AT_FDCWD, "h_link", 0) == 0 && S_ISLNK(mode_of("h_link")),
	   "linkat without it links the symlink itself");
	ok(err_is(linkat(-1, "f2", AT_FDCWD, "h", 0), EBADF), "linkat with a bad dirfd: EBADF");
	int lfd = open("f", O_RDONLY);
	stat("f", &st);
	struct stat st2;
	ok(linkat(lfd, "", AT_FDCWD, "viafd", AT_EMPTY_PATH) == 0 && stat("viafd", &st2) == 0 &&
		   st2.st_ino == st.st_ino,
	   "linkat AT_EMPTY_PATH names an open file (root)");
	close(lfd);
	lfd = open("gone", O_RDWR | O_CREAT, 0600);
	unlink("gone");
	ok(err_is(linkat(lfd, "", AT_FDCWD, "back", AT_EMPTY_PATH), ENOENT),
	   "linkat AT_EMPTY_PATH of an unlinked file: ENOENT");
	close(lfd);
	ok(err_is(linkat(-1, "", AT_FDCWD, "back", AT_EMPTY_PATH), EBADF),
	   "linkat AT_EMPTY_PATH of -1: EBADF");

	ok(mknod("fifo", S_IFIFO | 0600, 0) == 0 && S_ISFIFO(mode_of("fifo")), "mknod a FIFO");
	ok(mknod("reg", S_IFREG | 0600, 0) == 0 && S_ISREG(mode_of("reg")), "mknod a regular file");
	ok(mknod("reg0", 0600, 0) == 0 && S_ISREG(mode_of("reg0")), "mknod with no type: regular");
	ok(err_is(mknod("fifo", S_IFIFO | 0600, 0), EEXIST), "mknod over a name: EEXIST");
	ok(err_is(mknodat(AT_FDCWD, "d", S_IFDIR | 0755, 0), EPERM), "mknod a directory: EPERM");
	ok(err_is(mknod("bad", 0170000 | 0600, 0), EINVAL), "mknod of an unknown type: EINVAL");
	ok(mknod("null2", S_IFCHR | 0666, (1 << 8) | 3) == 0 && stat("null2", &st) == 0 &&
		   S_ISCHR(st.st_mode) && st.st_rdev == ((1 << 8) | 3),
	   "mknod a character device as root (1,3)");
	ok(major(st.st_rdev) == 1 && minor(st.st_rdev) == 3 && makedev(1, 3) == st.st_rdev &&
		   major(makedev(0x12345, 0x6789a)) == 0x12345 &&
		   minor(makedev(0x12345, 0x6789a)) == 0x6789a,
	   "major, minor and makedev (<sys/sysmacros.h>) agree with the kernel's dev_t");
	ok(err_is(mknod("nodir/x", S_IFIFO | 0600, 0), ENOENT), "mknod in a missing dir: ENOENT");
	ok(err_is(mknod(NULL, S_IFIFO | 0600, 0), EFAULT), "mknod NULL: EFAULT");
}

/* ---- modes, owners, times ----------------------------------------------------------- */

static void t_attrs(void)
{
	struct stat st;
	int fd = open("f", O_RDWR);
	ok(chmod("f", 0600) == 0 && (mode_of("f") & 07777) == 0600, "chmod 0600");
	ok(fchmod(fd, 0640) == 0 && (mode_of("f") & 07777) == 0640, "fchmod 0640");
	ok(fchmodat(AT_FDCWD, "f", 0644, 0) == 0 && (mode_of("f") & 07777) == 0644, "fchmodat");
	ok(chmod("sl", 0600) == 0 && (mode_of("f") & 07777) == 0600 && S_ISLNK(mode_of("sl")),
	   "chmod follows a symlink");
	chmod("f", 0644);
	ok(err_is(chmod("nope", 0644), ENOENT), "chmod missing: ENOENT");
	ok(err_is(chmod(NULL, 0644), EFAULT), "chmod NULL: EFAULT");
	ok(err_is(chmod(KPTR, 0644), EFAULT), "chmod kernel pointer: EFAULT");
	ok(err_is(fchmod(-1, 0644), EBADF), "fchmod -1: EBADF");
	ok(err_is(chmod("f/x", 0644), ENOTDIR), "chmod through a file: ENOTDIR");
	char longname[300];
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = 0;
	ok(err_is(chmod(longname, 0644), ENAMETOOLONG), "chmod a 299-byte name: ENAMETOOLONG");
	char *longpath = malloc(5000);
	for (int i = 0; i < 4999; i++)
		longpath[i] = i % 2 ? '/' : 'a';
	longpath[4999] = 0;
	ok(err_is(chmod(longpath, 0644), ENAMETOOLONG), "chmod a 5000-byte path: ENAMETOOLONG");
	free(longpath);
	symlink("loop1", "loop2");
	symlink("loop2", "loop1");
	ok(err_is(chmod("loop1", 0644), ELOOP), "chmod through a symlink loop: ELOOP");

	ok(chown("f", 1234, 5678) == 0 && stat("f", &st) == 0 && st.st_uid == 1234 &&
		   st.st_gid == 5678,
	   "chown as root");
	ok(fchown(fd, -1, -1) == 0 && stat("f", &st) == 0 && st.st_uid == 1234,
	   "fchown -1 -1 changes nothing");
	ok(lchown("sl", 42, 43) == 0 && lstat("sl", &st) == 0 && st.st_uid == 42 &&
		   stat("sl", &st) == 0 && st.st_uid == 1234,
	   "lchown changes the link, not its target");
	ok(fchownat(fd, "", 0, 0, AT_EMPTY_PATH) == 0 && stat("f", &st) == 0 && st.st_uid == 0,
	   "fchownat AT_EMPTY_PATH on the descriptor");
	ok(err_is(fchownat(AT_FDCWD, "f", 0, 0, 0x4), EINVAL), "fchownat bad flags: EINVAL");
	ok(err_is(chown("nope", 0, 0), ENOENT), "chown missing: ENOENT");
	ok(err_is(fchown(-1, 0, 0), EBADF), "fchown -1: EBADF");
	chmod("f", 06755);
	ok(chown("f", 0, 0) == 0 && (mode_of("f") & 07777) == 0755,
	   "chown drops S_ISUID, and S_ISGID with group exec");
	chmod("f", 02644);
	ok(chown("f", 0, 0) == 0 && (mode_of("f") & 07777) == 02644,
	   "chown keeps S_ISGID without group exec");
	chmod("f", 0644);

	struct timespec ts[2] = { { 1000, 500 }, { 2000, 600 } };
	ok(utimensat(AT_FDCWD, "f", ts, 0) == 0 && stat("f", &st) == 0 &&
		   st.st_atim.tv_sec == 1000 && st.st_atim.tv_nsec == 500 &&
		   st.st_mtim.tv_sec == 2000 && st.st_mtim.tv_nsec == 600,
	   "utimensat sets both times");
	struct timespec om[2] = { { 0, UTIME_OMIT }, { 3000, 0 } };
	ok(utimensat(AT_FDCWD, "f", om, 0) == 0 && stat("f", &st) == 0 &&
		   st.st_atim.tv_sec == 1000 && st.st_mtim.tv_sec == 3000,
	   "UTIME_OMIT keeps the access time");
	time_t now = time(NULL);
	struct timespec nw[2] = { { 0, UTIME_OMIT }, { 0, UTIME_NOW } };
	ok(utimensat(AT_FDCWD, "f", nw, 0) == 0 && stat("f", &st) == 0 &&
		   st.st_mtim.tv_sec >= now - 5 && st.st_atim.tv_sec == 1000,
	   "UTIME_NOW sets the time to now");
	ok(futimens(fd, ts) == 0 && stat("f", &st) == 0 && st.st_mtim.tv_sec == 2000,
	   "futimens (utimensat on a descriptor)");
	struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
	ok(err_is(utimensat(AT_FDCWD, "f", bad, 0), EINVAL), "utimensat nsec 1e9: EINVAL");
	ok(err_is(utimensat(AT_FDCWD, "f", ts, 0x4), EINVAL), "utimensat bad flags: EINVAL");
	ok(err_is(utimensat(AT_FDCWD, "nope", NULL, 0), ENOENT), "utimensat missing: ENOENT");
	ok(err_is(syscall(SYS_utimensat, AT_FDCWD, "f", KPTR, 0), EFAULT),
	   "utimensat kernel pointer: EFAULT");
	ok(utimensat(AT_FDCWD, "sl", ts, AT_SYMLINK_NOFOLLOW) == 0 && lstat("sl", &st) == 0 &&
		   st.st_mtim.tv_sec == 2000,
	   "utimensat AT_SYMLINK_NOFOLLOW sets the link's times");
	struct timeval tv[2] = { { 4000, 1 }, { 5000, 2 } };
	ok(utimes("f", tv) == 0 && stat("f", &st) == 0 && st.st_mtim.tv_sec == 5000 &&
		   st.st_mtim.tv_nsec == 2000,
	   "utimes (microseconds)");
	close(fd);
}

/* A non-root process: Linux's permission rules for the attribute calls. */
static void as_nobody(void *arg)
{
	(void)arg;
	syscall(SYS_setgroups, 0, NULL);
	int ids = setgid(1000) == 0 && setuid(1000) == 0;
	/* Without the IDs the checks are not run (as root they would change the files). */
#define NCHECK(cond, name) cok(ids && (cond), name)
	cok(ids, "nobody: setgid/setuid 1000");
	NCHECK(err_is(chmod("f", 0777), EPERM), "nobody: chmod of root's file: EPERM");
	NCHECK(err_is(chown("f", 1000, 1000), EPERM), "nobody: chown of root's file: EPERM");
	struct timespec ts[2] = { { 1, 0 }, { 1, 0 } };
	NCHECK(err_is(utimensat(AT_FDCWD, "f", ts, 0), EPERM),
	       "nobody: explicit times on root's file: EPERM");
	NCHECK(err_is(utimensat(AT_FDCWD, "f", NULL, 0), EACCES),
	       "nobody: utimensat(NULL) without write access: EACCES");
	NCHECK(utimensat(AT_FDCWD, "mine", NULL, 0) == 0,
	       "nobody: utimensat(NULL) on its own file");
	NCHECK(chmod("mine", 02755) == 0 && (mode_of("mine") & 07777) == 0755,
	       "nobody: chmod S_ISGID outside the file's group drops it");
	NCHECK(chown("mine", 1000, -1) == 0, "nobody: chown to itself");
	NCHECK(err_is(chown("mine", 1001, -1), EPERM), "nobody: chown to another user: EPERM");
	NCHECK(chown("mine", -1, 1000) == 0, "nobody: chgrp to its own group");
	NCHECK(err_is(chown("mine", -1, 0), EPERM), "nobody: chgrp to a foreign group: EPERM");
	NCHECK(err_is(mknod("nobody_null", S_IFCHR | 0666, (1 << 8) | 3), EPERM),
	       "nobody: mknod a device: EPERM");
	NCHECK(err_is(mount("none", "mnt", "tmpfs", 0, NULL), EPERM), "nobody: mount: EPERM");
	NCHECK(err_is(umount2("mnt", 0), EPERM), "nobody: umount2: EPERM");
	NCHECK(err_is(chroot("sub"), EPERM), "nobody: chroot: EPERM");
	NCHECK(err_is(truncate("f", 0), EACCES), "nobody: truncate of root's file: EACCES");
}

/* ---- sizes, sync, statfs, statx, access --------------------------------------------- */

static void t_sizes(void)
{
	struct stat st;
	int fd = open("f", O_RDWR), ro = open("f", O_RDONLY), p[2];
	pipe(p);
	ok(truncate("f", 100) == 0 && stat("f", &st) == 0 && st.st_size == 100, "truncate to 100");
	ok(err_is(truncate("f", -1), EINVAL), "truncate to -1: EINVAL");
	ok(err_is(truncate(".", 0), EISDIR), "truncate a directory: EISDIR");
	ok(err_is(truncate("nope", 0), ENOENT), "truncate missing: ENOENT");
	ok(err_is(truncate(NULL, 0), EFAULT), "truncate NULL: EFAULT");
	ok(ftruncate(fd, 50) == 0 && fstat(fd, &st) == 0 && st.st_size == 50, "ftruncate to 50");
	ok(err_is(ftruncate(ro, 0), EINVAL), "ftruncate read-only: EINVAL");
	ok(err_is(ftruncate(p[1], 0), EINVAL), "ftruncate a pipe: EINVAL");
	ok(err_is(ftruncate(-1, 0), EBADF), "ftruncate -1: EBADF");
	ok(err_is(ftruncate(fd, -1), EINVAL), "ftruncate to -1: EINVAL");

	ok(fallocate(fd, 0, 0, 8192) == 0 && fstat(fd, &st) == 0 && st.st_size == 8192,
	   "fallocate mode 0 extends the size");
	ok(fallocate(fd, FALLOC_FL_KEEP_SIZE, 8192, 8192) == 0 && fstat(fd, &st) == 0 &&
		   st.st_size == 8192,
	   "fallocate FALLOC_FL_KEEP_SIZE keeps it");
	ok(fallocate(fd, 0, 100, 10) == 0 && fstat(fd, &st) == 0 && st.st_size == 8192,
	   "fallocate inside the file changes nothing");
	ok(err_is(fallocate(fd, 0, 0, 0), EINVAL), "fallocate length 0: EINVAL");
	ok(err_is(fallocate(fd, 0, -1, 10), EINVAL), "fallocate offset -1: EINVAL");
	ok(err_is(fallocate(ro, 0, 0, 10), EBADF), "fallocate read-only: EBADF");
	ok(err_is(fallocate(p[1], 0, 0, 10), ESPIPE), "fallocate a pipe: ESPIPE");
	ok(err_is(fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 10), EOPNOTSUPP),
	   "fallocate punch without keep-size: EOPNOTSUPP");
	ok(err_is(fallocate(-1, 0, 0, 10), EBADF), "fallocate -1: EBADF");
	ftruncate(fd, 5);

	ok(fsync(fd) == 0 && fdatasync(fd) == 0, "fsync and fdatasync a file");
	int dfd = open(".", O_RDONLY | O_DIRECTORY);
	ok(fsync(dfd) == 0, "fsync a directory");
	ok(err_is(fsync(p[0]), EINVAL) && err_is(fdatasync(p[1]), EINVAL), "fsync a pipe: EINVAL");
	ok(err_is(fsync(-1), EBADF), "fsync -1: EBADF");
	ok(syncfs(fd) == 0 && err_is(syncfs(-1), EBADF), "syncfs, and -1: EBADF");
	sync();
	ok(1, "sync returns");

	struct statfs sf;
	ok(statfs(".", &sf) == 0 && sf.f_bsize > 0 && sf.f_namelen == 255,
	   "statfs(\".\"): a block size, names of 255");
	ok(statfs("/proc", &sf) == 0 && sf.f_type == PROC_SUPER_MAGIC, "statfs(/proc): proc magic");
	ok(statfs("/dev", &sf) == 0 && sf.f_type == TMPFS_MAGIC, "statfs(/dev): tmpfs magic");
	ok(fstatfs(fd, &sf) == 0 && sf.f_namelen == 255, "fstatfs");
	ok(err_is(statfs("nope", &sf), ENOENT), "statfs missing: ENOENT");
	ok(err_is(syscall(SYS_statfs, NULL, &sf), EFAULT), "statfs NULL path: EFAULT");
	ok(err_is(syscall(SYS_statfs, ".", NULL), EFAULT) &&
		   err_is(syscall(SYS_fstatfs, fd, KPTR), EFAULT),
	   "statfs to NULL and kernel buffers: EFAULT");
	ok(err_is(fstatfs(-1, &sf), EBADF), "fstatfs -1: EBADF");

	struct t_statx sx;
	stat("f", &st);
	ok(syscall(SYS_statx, AT_FDCWD, "f", 0, 0x7ff, &sx) == 0 && (sx.mask & 0x7ff) == 0x7ff &&
		   sx.size == 5 && sx.ino == st.st_ino && sx.mode == st.st_mode &&
		   sx.nlink == st.st_nlink && sx.mtime.sec == st.st_mtim.tv_sec,
	   "statx agrees with stat");
	ok(syscall(SYS_statx, AT_FDCWD, "sl", AT_SYMLINK_NOFOLLOW, 0x7ff, &sx) == 0 &&
		   S_ISLNK(sx.mode),
	   "statx AT_SYMLINK_NOFOLLOW");
	ok(syscall(SYS_statx, fd, "", AT_EMPTY_PATH, 0x7ff, &sx) == 0 && sx.ino == st.st_ino,
	   "statx AT_EMPTY_PATH on a descriptor");
	ok(err_is(syscall(SYS_statx, AT_FDCWD, "f", 0x1, 0x7ff, &sx), EINVAL),
	   "statx bad flags: EINVAL");
	ok(err_is(syscall(SYS_statx, AT_FDCWD, "f", 0x6000, 0x7ff, &sx), EINVAL),
	   "statx both sync types: EINVAL");
	ok(err_is(syscall(SYS_statx, AT_FDCWD, "f", 0, 0x80000000u, &sx), EINVAL),
	   "statx reserved mask bit: EINVAL");
	ok(err_is(syscall(SYS_statx, AT_FDCWD, "nope", 0, 0x7ff, &sx), ENOENT), "statx ENOENT");
	ok(err_is(syscall(SYS_statx, AT_FDCWD, "f", 0, 0x7ff, KPTR), EFAULT),
	   "statx to a kernel buffer: EFAULT");
	ok(err_is(syscall(SYS_statx, AT_FDCWD, "f/x", 0, 0x7ff, &sx), ENOTDIR), "statx ENOTDIR");

	ok(syscall(SYS_faccessat2, AT_FDCWD, "f", R_OK | W_OK, 0) == 0, "faccessat2 R_OK|W_OK");
	ok(syscall(SYS_faccessat2, AT_FDCWD, "f", R_OK, AT_EACCESS) == 0, "faccessat2 AT_EACCESS");
	symlink("nowhere", "dangling");
	ok(syscall(SYS_faccessat2, AT_FDCWD, "dangling", F_OK, AT_SYMLINK_NOFOLLOW) == 0 &&
		   err_is(syscall(SYS_faccessat2, AT_FDCWD, "dangling", F_OK, 0), ENOENT),
	   "faccessat2 AT_SYMLINK_NOFOLLOW sees a dangling link");
	ok(err_is(syscall(SYS_faccessat2, AT_FDCWD, "f", 8, 0), EINVAL), "faccessat2 bad mode");
	ok(err_is(syscall(SYS_faccessat2, AT_FDCWD, "f", R_OK, 0x1), EINVAL),
	   "faccessat2 bad flags: EINVAL");
	ok(err_is(syscall(SYS_faccessat2, AT_FDCWD, NULL, R_OK, 0), EFAULT), "faccessat2 EFAULT");
	close(dfd);
	close(fd);
	close(ro);
	close(p[0]);
	close(p[1]);
}

/* ---- fchdir, chroot, mount ---------------------------------------------------------- */

static void in_chroot(void *arg)
{
	(void)arg;
	struct stat a, b;
	cok(chroot("sub") == 0, "chroot(sub)");
	cok(access("/marker", F_OK) == 0, "after chroot, /marker is sub/marker");
	cok(stat("/..", &a) == 0 && stat("/", &b) == 0 && a.st_ino == b.st_ino,
	    "after chroot, /.. is /");
	cok(err_is(access("/f", F_OK), ENOENT), "after chroot, the old files are out of reach");
}

static void t_dirs(void)
{
	char cwd[PATH_MAX], cwd2[PATH_MAX];
	getcwd(cwd, sizeof(cwd));
	mkdir("sub", 0755);
	write_file("sub/marker", "m");
	int dfd = open(".", O_RDONLY | O_DIRECTORY), fd = open("f", O_RDONLY);
	ok(chdir("sub") == 0 && fchdir(dfd) == 0 && getcwd(cwd2, sizeof(cwd2)) &&
		   !strcmp(cwd, cwd2),
	   "fchdir back to a saved directory");
	ok(err_is(fchdir(fd), ENOTDIR), "fchdir to a file: ENOTDIR");
	ok(err_is(fchdir(-1), EBADF), "fchdir -1: EBADF");
	ok(err_is(chroot("f"), ENOTDIR), "chroot to a file: ENOTDIR");
	ok(err_is(chroot("nope"), ENOENT), "chroot missing: ENOENT");
	ok(err_is(chroot(NULL), EFAULT), "chroot NULL: EFAULT");
	in_child(in_chroot, NULL);

	struct statfs sf;
	mkdir("mnt", 0755);
	ok(mount("none", "mnt", "tmpfs", 0, "mode=0700") == 0 && statfs("mnt", &sf) == 0 &&
		   sf.f_type == TMPFS_MAGIC && (mode_of("mnt") & 07777) == 0700,
	   "mount a tmpfs (mode=0700)");
	write_file("mnt/inside", "x");
	int in = open("mnt/inside", O_RDONLY);
	struct t_open_how how = { O_RDONLY, 0, T_RESOLVE_NO_XDEV };
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "mnt/inside", &how, sizeof(how)), EXDEV),
	   "openat2 RESOLVE_NO_XDEV into a mount: EXDEV");
	ok(err_is(umount2("mnt", 0), EBUSY), "umount2 while a file is open there: EBUSY");
	close(in);
	ok(umount2("mnt", 0) == 0 && access("mnt/inside", F_OK) == -1, "umount2 then");
	ok(err_is(umount2("mnt", 0), EINVAL), "umount2 of a non-mount point: EINVAL");
	ok(err_is(umount2("mnt", 0x100), EINVAL), "umount2 bad flags: EINVAL");
	ok(err_is(umount2("nope", 0), ENOENT), "umount2 missing: ENOENT");
	ok(err_is(mount("none", "mnt", "nosuchfs", 0, NULL), ENODEV), "mount unknown type: ENODEV");
	ok(err_is(mount("none", "nope", "tmpfs", 0, NULL), ENOENT), "mount on missing: ENOENT");
	ok(err_is(mount("none", "f", "tmpfs", 0, NULL), ENOTDIR), "mount on a file: ENOTDIR");
	ok(err_is(mount("none", NULL, "tmpfs", 0, NULL), EFAULT), "mount NULL target: EFAULT");
	ok(mount("proc", "mnt", "proc", 0, NULL) == 0 && statfs("mnt", &sf) == 0 &&
		   sf.f_type == PROC_SUPER_MAGIC && access("mnt/self", F_OK) == 0 &&
		   umount2("mnt", 0) == 0,
	   "mount and unmount a proc");
	close(dfd);
	close(fd);
}

/* ---- descriptors: close_range, openat2, ioctl, umask, getcwd, readlinkat ------------- */

static void t_fds(void)
{
	int fd = open("f", O_RDONLY);
	for (int i = 100; i <= 103; i++)
		dup2(fd, i);
	ok(syscall(SYS_close_range, 100, 102, 0) == 0 && err_is(fcntl(100, F_GETFD), EBADF) &&
		   err_is(fcntl(102, F_GETFD), EBADF) && fcntl(103, F_GETFD) == 0,
	   "close_range closes the range only");
	ok(syscall(SYS_close_range, 103, 103, T_CLOSE_RANGE_CLOEXEC) == 0 &&
		   fcntl(103, F_GETFD) == FD_CLOEXEC,
	   "close_range CLOSE_RANGE_CLOEXEC marks instead");
	ok(err_is(syscall(SYS_close_range, 5, 4, 0), EINVAL), "close_range first > last: EINVAL");
	ok(err_is(syscall(SYS_close_range, 103, 103, 0x1), EINVAL), "close_range bad flags");
	ok(syscall(SYS_close_range, 103, ~0U, T_CLOSE_RANGE_UNSHARE) == 0 &&
		   err_is(fcntl(103, F_GETFD), EBADF),
	   "close_range to ~0 with CLOSE_RANGE_UNSHARE");

	struct t_open_how how = { O_RDONLY, 0, 0 };
	int o = syscall(SYS_openat2, AT_FDCWD, "f", &how, sizeof(how));
	ok(o >= 0, "openat2 opens");
	close(o);
	struct {
		struct t_open_how h;
		unsigned long long extra;
	} big = { { O_RDONLY, 0, 0 }, 0 };
	o = syscall(SYS_openat2, AT_FDCWD, "f", &big, sizeof(big));
	ok(o >= 0, "openat2 with a larger struct, zero tail");
	close(o);
	big.extra = 1;
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "f", &big, sizeof(big)), E2BIG),
	   "openat2 with a non-zero tail: E2BIG");
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "f", &how, 8), EINVAL), "openat2 size 8: EINVAL");
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "f", &how, 8192), E2BIG),
	   "openat2 size above a page: E2BIG");
	struct t_open_how h2 = { O_RDONLY, 0644, 0 };
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "f", &h2, sizeof(h2)), EINVAL),
	   "openat2 mode without O_CREAT: EINVAL");
	h2 = (struct t_open_how){ O_RDONLY | O_CREAT, 010000, 0 };
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "f", &h2, sizeof(h2)), EINVAL),
	   "openat2 mode beyond 07777: EINVAL");
	h2 = (struct t_open_how){ 1ULL << 40, 0, 0 };
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "f", &h2, sizeof(h2)), EINVAL),
	   "openat2 unknown flag: EINVAL");
	h2 = (struct t_open_how){ O_RDONLY, 0, 0x40 };
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "f", &h2, sizeof(h2)), EINVAL),
	   "openat2 unknown resolve flag: EINVAL");
	h2 = (struct t_open_how){ O_RDONLY, 0, T_RESOLVE_BENEATH | T_RESOLVE_IN_ROOT };
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "f", &h2, sizeof(h2)), EINVAL),
	   "openat2 BENEATH with IN_ROOT: EINVAL");
	h2 = (struct t_open_how){ O_RDONLY, 0, T_RESOLVE_NO_SYMLINKS };
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, "sl", &h2, sizeof(h2)), ELOOP),
	   "openat2 RESOLVE_NO_SYMLINKS on a symlink: ELOOP");
	int sub = open("sub", O_RDONLY | O_DIRECTORY);
	symlink("/f", "sub/abs");
	h2 = (struct t_open_how){ O_RDONLY, 0, T_RESOLVE_BENEATH };
	o = syscall(SYS_openat2, sub, "marker", &h2, sizeof(h2));
	ok(o >= 0, "openat2 RESOLVE_BENEATH inside");
	close(o);
	ok(err_is(syscall(SYS_openat2, sub, "../f", &h2, sizeof(h2)), EXDEV),
	   "openat2 RESOLVE_BENEATH with ..: EXDEV");
	ok(err_is(syscall(SYS_openat2, sub, "/f", &h2, sizeof(h2)), EXDEV),
	   "openat2 RESOLVE_BENEATH absolute: EXDEV");
	ok(err_is(syscall(SYS_openat2, sub, "abs", &h2, sizeof(h2)), EXDEV),
	   "openat2 RESOLVE_BENEATH through an absolute symlink: EXDEV");
	h2 = (struct t_open_how){ O_RDONLY, 0, T_RESOLVE_IN_ROOT };
	char b[4] = { 0 };
	o = syscall(SYS_openat2, sub, "/marker", &h2, sizeof(h2));
	ok(o >= 0 && read(o, b, 3) == 1 && b[0] == 'm', "openat2 RESOLVE_IN_ROOT: / is dirfd");
	close(o);
	o = syscall(SYS_openat2, sub, "../../marker", &h2, sizeof(h2));
	ok(o >= 0, "openat2 RESOLVE_IN_ROOT: .. stops at dirfd");
	close(o);
	ok(err_is(syscall(SYS_openat2, AT_FDCWD, NULL, &how, sizeof(how)), EFAULT) &&
		   err_is(syscall(SYS_openat2, AT_FDCWD, "f", KPTR, sizeof(how)), EFAULT),
	   "openat2 bad pointers: EFAULT");
	close(sub);

	int p[2], n = -1, on = 1;
	pipe(p);
	char c;
	ok(ioctl(p[0], FIONBIO, &on) == 0 && (fcntl(p[0], F_GETFL) & O_NONBLOCK) &&
		   err_is(read(p[0], &c, 1), EAGAIN),
	   "ioctl FIONBIO makes reads non-blocking");
	on = 0;
	ok(ioctl(p[0], FIONBIO, &on) == 0 && !(fcntl(p[0], F_GETFL) & O_NONBLOCK),
	   "ioctl FIONBIO 0 clears it");
	ok(ioctl(p[0], FIOCLEX) == 0 && fcntl(p[0], F_GETFD) == FD_CLOEXEC &&
		   ioctl(p[0], FIONCLEX) == 0 && fcntl(p[0], F_GETFD) == 0,
	   "ioctl FIOCLEX and FIONCLEX");
	write(p[1], "12345", 5);
	ok(ioctl(p[0], FIONREAD, &n) == 0 && n == 5, "ioctl FIONREAD on a pipe");
	int rf = open("f", O_RDONLY);
	lseek(rf, 2, SEEK_SET);
	ok(ioctl(rf, FIONREAD, &n) == 0 && n == 3, "ioctl FIONREAD on a file: size - offset");
	ok(err_is(ioctl(p[0], FIONBIO, NULL), EFAULT) && err_is(ioctl(rf, FIONREAD, KPTR), EFAULT),
	   "ioctl with bad pointers: EFAULT");
	ok(err_is(ioctl(-1, FIONREAD, &n), EBADF), "ioctl -1: EBADF");
	struct winsize ws;
	ok(err_is(ioctl(rf, TIOCGWINSZ, &ws), ENOTTY), "a terminal ioctl on a file: ENOTTY");
	close(rf);
	close(p[0]);
	close(p[1]);

	ok(umask(077) == 022 && umask(022) == 077, "umask returns the old mask");
	char buf[PATH_MAX];
	ok(err_is(syscall(SYS_getcwd, buf, 1), ERANGE), "getcwd into 1 byte: ERANGE");
	ok(err_is(syscall(SYS_getcwd, KPTR, sizeof(buf)), EFAULT), "getcwd to a kernel pointer");
	int dfd = open(".", O_RDONLY | O_DIRECTORY);
	memset(buf, 0, sizeof(buf));
	ok(readlinkat(dfd, "sl", buf, sizeof(buf)) == 1 && !strcmp(buf, "f"), "readlinkat");
	ok(err_is(readlink("f", buf, sizeof(buf)), EINVAL), "readlink of a file: EINVAL");
	ok(err_is(readlink("nope", buf, sizeof(buf)), ENOENT), "readlink missing: ENOENT");
	ok(err_is(readlink("sl", KPTR, sizeof(buf)), EFAULT), "readlink to a kernel buffer");
	ok(err_is(open("loop1", O_RDONLY), ELOOP), "open a symlink loop: ELOOP");
	ok(err_is(open(".", O_WRONLY), EISDIR), "open a directory for writing: EISDIR");
	close(dfd);
	close(fd);
}

/* ---- vectored I/O at an offset, sendfile, copy_file_range --------------------------- */

static void t_copy(void)
{
	write_file("src", "0123456789");
	int fd = open("v", O_RDWR | O_CREAT | O_TRUNC, 0644);
	char a[4] = "abc", b[4] = "XYZ", r1[4] = { 0 }, r2[4] = { 0 };
	struct iovec w[2] = { { a, 3 }, { b, 3 } }, r[2] = { { r1, 2 }, { r2, 3 } };
	ok(pwritev(fd, w, 2, 10) == 6 && lseek(fd, 0, SEEK_CUR) == 0, "pwritev at 10, f_pos kept");
	ok(preadv(fd, r, 2, 11) == 5 && !strcmp(r1, "bc") && !strcmp(r2, "XYZ"),
	   "preadv scatters what pwritev gathered");
	int p[2];
	pipe(p);
	ok(err_is(preadv(p[0], r, 2, 0), ESPIPE), "preadv on a pipe: ESPIPE");
	ok(err_is(preadv(fd, r, 2, -5), EINVAL), "preadv offset -5: EINVAL");
	ok(err_is(preadv(-1, r, 2, 0), EBADF), "preadv -1: EBADF");
	lseek(fd, 10, SEEK_SET);
	memset(r1, 0, 4);
	ok(syscall(SYS_preadv2, fd, r, 1, -1L, 0L, 0) == 2 && !strcmp(r1, "ab") &&
		   lseek(fd, 0, SEEK_CUR) == 12,
	   "preadv2 offset -1 reads at and moves f_pos");
	ok(err_is(syscall(SYS_preadv2, fd, r, 1, 0L, 0L, 0x10000000), EOPNOTSUPP),
	   "preadv2 unknown flag: EOPNOTSUPP");
	ok(syscall(SYS_pwritev2, fd, w, 1, 0L, 0L, 0x2 /* RWF_DSYNC */) == 3, "pwritev2 RWF_DSYNC");
	struct iovec badv = { KPTR, 4 };
	ok(err_is(preadv(fd, &badv, 1, 0), EFAULT), "preadv into a kernel buffer: EFAULT");

	int src = open("src", O_RDONLY);
	off_t off = 2;
	char pbuf[16] = { 0 };
	ok(sendfile(p[1], src, &off, 5) == 5 && off == 7 && lseek(src, 0, SEEK_CUR) == 0 &&
		   read(p[0], pbuf, sizeof(pbuf)) == 5 && !strcmp(pbuf, "23456"),
	   "sendfile with an offset: file to pipe");
	int dst = open("dst", O_RDWR | O_CREAT | O_TRUNC, 0644);
	char dbuf[16] = { 0 };
	ok(sendfile(dst, src, NULL, 100) == 10 && lseek(src, 0, SEEK_CUR) == 10 &&
		   pread(dst, dbuf, 16, 0) == 10 && !strcmp(dbuf, "0123456789"),
	   "sendfile without: from f_pos, to the end");
	ok(sendfile(dst, src, NULL, 100) == 0, "sendfile at the end: 0");
	off = -1;
	ok(err_is(sendfile(dst, src, &off, 1), EINVAL), "sendfile offset -1: EINVAL");
	ok(err_is(sendfile(src, dst, NULL, 1), EBADF), "sendfile to a read-only file: EBADF");
	ok(err_is(sendfile(dst, -1, NULL, 1), EBADF), "sendfile from -1: EBADF");
	int app = open("dst", O_WRONLY | O_APPEND);
	off = 0;
	ok(err_is(sendfile(app, src, &off, 1), EINVAL), "sendfile to O_APPEND: EINVAL");
	ok(err_is(sendfile(dst, src, KPTR, 1), EFAULT), "sendfile offset pointer: EFAULT");

	off_t oi = 3, oo = 0;
	int cpy = open("cpy", O_RDWR | O_CREAT | O_TRUNC, 0644);
	memset(dbuf, 0, sizeof(dbuf));
	ok(copy_file_range(src, &oi, cpy, &oo, 4, 0) == 4 && oi == 7 && oo == 4 &&
		   pread(cpy, dbuf, 16, 0) == 4 && !strcmp(dbuf, "3456"),
	   "copy_file_range with offsets");
	lseek(src, 0, SEEK_SET);
	ok(copy_file_range(src, NULL, cpy, NULL, 2, 0) == 2 && lseek(src, 0, SEEK_CUR) == 2 &&
		   lseek(cpy, 0, SEEK_CUR) == 2,
	   "copy_file_range with the files' positions");
	ok(copy_file_range(src, NULL, cpy, NULL, 0, 0) == 0, "copy_file_range of 0 bytes");
	ok(err_is(copy_file_range(src, NULL, cpy, NULL, 1, 1), EINVAL), "copy_file_range flags");
	int dir = open(".", O_RDONLY | O_DIRECTORY);
	ok(err_is(copy_file_range(dir, NULL, cpy, NULL, 1, 0), EISDIR),
	   "copy_file_range from a directory: EISDIR");
	ok(err_is(copy_file_range(src, NULL, src, NULL, 1, 0), EBADF),
	   "copy_file_range to a read-only file: EBADF");
	oi = 0;
	oo = 2;
	ok(err_is(copy_file_range(cpy, &oi, cpy, &oo, 4, 0), EINVAL),
	   "copy_file_range overlapping in one file: EINVAL");
	ok(err_is(copy_file_range(src, NULL, p[1], NULL, 1, 0), EINVAL),
	   "copy_file_range to a pipe: EINVAL");
	close(dir);
	close(cpy);
	close(app);
	close(dst);
	close(src);
	close(p[0]);
	close(p[1]);
	close(fd);
}

/* ---- eventfd, timerfd --------------------------------------------------------------- */

static void t_eventfd(void)
{
	uint64_t v = 0;
	int e = eventfd(3, 0);
	struct stat st;
	ok(e >= 0 && read(e, &v, 8) == 8 && v == 3, "eventfd: read takes the initial count");
	ok(fstat(e, &st) == 0 && (st.st_mode & S_IFMT) == 0 && (st.st_mode & 0777) == 0600,
	   "eventfd is an anonymous inode (mode 0600, no type)");
	v = 5;
	write(e, &v, 8);
	v = 2;
	write(e, &v, 8);
	ok(read(e, &v, 8) == 8 && v == 7, "eventfd: writes add up");
	fcntl(e, F_SETFL, O_NONBLOCK);
	ok(err_is(read(e, &v, 8), EAGAIN), "eventfd: reading 0 non-blocking: EAGAIN");
	ok(err_is(read(e, &v, 4), EINVAL), "eventfd: a 4-byte read: EINVAL");
	ok(err_is(write(e, &v, 4), EINVAL), "eventfd: a 4-byte write: EINVAL");
	v = ~0ULL;
	ok(err_is(write(e, &v, 8), EINVAL), "eventfd: writing 2^64-1: EINVAL");
	v = ~0ULL - 1;
	ok(write(e, &v, 8) == 8, "eventfd: fill to 2^64-2");
	v = 1;
	ok(err_is(write(e, &v, 8), EAGAIN), "eventfd: one more would overflow: EAGAIN");
	struct pollfd pf = { e, POLLIN | POLLOUT, 0 };
	ok(poll(&pf, 1, 0) == 1 && pf.revents == POLLIN, "eventfd full: POLLIN, no POLLOUT");
	read(e, &v, 8);
	ok(poll(&pf, 1, 0) == 1 && pf.revents == POLLOUT, "eventfd empty: POLLOUT only");
	close(e);

	e = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC);
	ok(e >= 0 && fcntl(e, F_GETFD) == FD_CLOEXEC && (fcntl(e, F_GETFL) & O_NONBLOCK),
	   "eventfd EFD_CLOEXEC and EFD_NONBLOCK");
	ok(read(e, &v, 8) == 8 && v == 1 && read(e, &v, 8) == 8 && v == 1 &&
		   err_is(read(e, &v, 8), EAGAIN),
	   "eventfd EFD_SEMAPHORE: reads take 1 at a time");
	close(e);
	ok(err_is(eventfd(0, 0x1234), EINVAL), "eventfd bad flags: EINVAL");
	ok(err_is(syscall(SYS_eventfd2, 0, ~0), EINVAL), "eventfd2 all flags: EINVAL");

	e = eventfd(0, 0);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		uint64_t one = 1;
		write(e, &one, 8);
		_exit(0);
	}
	ok(read(e, &v, 8) == 8 && v == 1 && ms_since(&t0) >= 40,
	   "eventfd: a blocked read wakes on another process's write");
	waitpid(pid, NULL, 0);
	close(e);
}

static void t_timerfd(void)
{
	uint64_t n = 0;
	struct itimerspec its = { { 0, 0 }, { 0, 50000000 } }, cur;
	int t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	struct stat st;
	ok(t >= 0 && err_is(read(t, &n, 8), EAGAIN), "timerfd: nothing to read before it fires");
	ok(fstat(t, &st) == 0 && (st.st_mode & S_IFMT) == 0, "timerfd is an anonymous inode");
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok(timerfd_settime(t, 0, &its, NULL) == 0, "timerfd_settime 50 ms, one-shot");
	ok(timerfd_gettime(t, &cur) == 0 && cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 &&
		   cur.it_value.tv_nsec <= 50000000 && cur.it_interval.tv_nsec == 0,
	   "timerfd_gettime: time left, no interval");
	struct pollfd pf = { t, POLLIN, 0 };
	ok(poll(&pf, 1, 2000) == 1 && (pf.revents & POLLIN) && ms_since(&t0) >= 45,
	   "poll wakes when the timer fires");
	ok(read(t, &n, 8) == 8 && n == 1, "read returns 1 expiration");
	ok(timerfd_gettime(t, &cur) == 0 && cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0,
	   "an expired one-shot timer is disarmed");
	ok(err_is(read(t, &n, 4), EINVAL), "timerfd: a 4-byte read: EINVAL");

	its = (struct itimerspec){ { 0, 10000000 }, { 0, 10000000 } };
	timerfd_settime(t, 0, &its, NULL);
	sleep_ms(55);
	ok(read(t, &n, 8) == 8 && n >= 3 && n <= 200, "a 10 ms periodic timer counts its periods");
	ok(timerfd_gettime(t, &cur) == 0 && cur.it_interval.tv_nsec == 10000000 &&
		   cur.it_value.tv_nsec <= 10000000,
	   "timerfd_gettime of a periodic timer");
	struct itimerspec zero = { { 0, 0 }, { 0, 0 } }, old;
	ok(timerfd_settime(t, 0, &zero, &old) == 0 && old.it_interval.tv_nsec == 10000000 &&
		   timerfd_gettime(t, &cur) == 0 && cur.it_value.tv_nsec == 0 &&
		   err_is(read(t, &n, 8), EAGAIN),
	   "a zero value disarms and returns the old setting");
	close(t);

	t = timerfd_create(CLOCK_MONOTONIC, 0);
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	its = (struct itimerspec){ { 0, 0 }, { now.tv_sec, now.tv_nsec + 30000000 } };
	if (its.it_value.tv_nsec >= 1000000000) {
		its.it_value.tv_sec++;
		its.it_value.tv_nsec -= 1000000000;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok(timerfd_settime(t, TFD_TIMER_ABSTIME, &its, NULL) == 0 && read(t, &n, 8) == 8 &&
		   n == 1 && ms_since(&t0) >= 25,
	   "TFD_TIMER_ABSTIME: a blocking read waits for the deadline");
	close(t);

	t = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
	clock_gettime(CLOCK_REALTIME, &now);
	its = (struct itimerspec){ { 0, 100000000 }, { now.tv_sec - 1, now.tv_nsec } };
	ok(t >= 0 && fcntl(t, F_GETFD) == FD_CLOEXEC &&
		   timerfd_settime(t, TFD_TIMER_ABSTIME, &its, NULL) == 0 && read(t, &n, 8) == 8 &&
		   n >= 10 && n <= 100,
	   "CLOCK_REALTIME deadline 1 s ago, 100 ms period: the missed periods count");
	ok(err_is(timerfd_settime(t, 0x8, &its, NULL), EINVAL), "timerfd_settime bad flags");
	its.it_value.tv_nsec = 1000000000;
	ok(err_is(timerfd_settime(t, 0, &its, NULL), EINVAL), "timerfd_settime nsec 1e9: EINVAL");
	ok(err_is(syscall(SYS_timerfd_settime, t, 0, KPTR, NULL), EFAULT),
	   "timerfd_settime EFAULT");
	ok(err_is(syscall(SYS_timerfd_gettime, t, NULL), EFAULT), "timerfd_gettime NULL: EFAULT");
	close(t);
	ok(err_is(timerfd_create(99, 0), EINVAL), "timerfd_create unknown clock: EINVAL");
	ok(err_is(timerfd_create(CLOCK_MONOTONIC, 0x1), EINVAL), "timerfd_create bad flags");
	int e = eventfd(0, 0);
	ok(err_is(timerfd_settime(e, 0, &zero, NULL), EINVAL) &&
		   err_is(timerfd_gettime(e, &cur), EINVAL),
	   "timerfd calls on an eventfd: EINVAL");
	ok(err_is(timerfd_gettime(-1, &cur), EBADF), "timerfd_gettime -1: EBADF");
	close(e);
}

/* ---- poll, ppoll, select, pselect --------------------------------------------------- */

static void t_poll(void)
{
	int p[2];
	pipe(p);
	struct pollfd pf[3] = { { p[0], POLLIN, 0 }, { -1, POLLIN, 0 }, { 200, POLLIN, 0 } };
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok(poll(pf, 1, 50) == 0 && ms_since(&t0) >= 45, "poll times out after 50 ms");
	ok(poll(pf, 3, 0) == 1 && pf[0].revents == 0 && pf[1].revents == 0 &&
		   pf[2].revents == POLLNVAL,
	   "poll: a negative fd is skipped, a closed one is POLLNVAL");
	struct rlimit rl;
	/* Our kernel's default limit is 1024; set the host's to it too (where setrlimit works). */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != 1024) {
		rl.rlim_cur = 1024;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	rl.rlim_cur = 1024;
	ok(err_is(poll(NULL, rl.rlim_cur + 1, 0), EINVAL), "poll nfds above RLIMIT_NOFILE: EINVAL");
	ok(err_is(poll(NULL, 1, 0), EFAULT) && err_is(poll(KPTR, 1, 0), EFAULT),
	   "poll with NULL and kernel pointers: EFAULT");
	ok(poll(NULL, 0, 10) == 0, "poll of nothing sleeps and returns 0");
	int f = open("f", O_RDONLY);
	struct pollfd fp = { f, POLLIN | POLLOUT, 0 };
	ok(poll(&fp, 1, 0) == 1 && fp.revents == (POLLIN | POLLOUT),
	   "a regular file is always ready (even for writing when opened to read)");
	struct pollfd wp = { p[1], POLLOUT, 0 };
	ok(poll(&wp, 1, 0) == 1 && wp.revents == POLLOUT, "an empty pipe is writable");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		write(p[1], "x", 1);
		_exit(0);
	}
	ok(poll(pf, 1, 5000) == 1 && pf[0].revents == POLLIN && ms_since(&t0) >= 40,
	   "poll sleeps until another process writes");
	waitpid(pid, NULL, 0);
	char c;
	read(p[0], &c, 1);

	struct timespec ts = { 0, 20000000 };
	ok(ppoll(pf, 1, &ts, NULL) == 0, "ppoll times out");
	ts.tv_nsec = 1000000000;
	ok(err_is(ppoll(pf, 1, &ts, NULL), EINVAL), "ppoll nsec 1e9: EINVAL");
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	ts.tv_nsec = 1000000;
	ok(ppoll(pf, 1, &ts, &mask) == 0, "ppoll with a signal mask");
	ok(err_is(syscall(SYS_ppoll, pf, 1, &ts, &mask, 4), EINVAL), "ppoll sigsetsize 4: EINVAL");
	struct timespec left = { 0, 30000000 };
	ok(syscall(SYS_ppoll, pf, 1, &left, NULL, 8) == 0 && left.tv_sec == 0 && left.tv_nsec == 0,
	   "ppoll writes back the time left (0)");
	ok(err_is(syscall(SYS_ppoll, pf, 1, KPTR, NULL, 8), EFAULT), "ppoll bad timeout: EFAULT");

	fd_set rs, ws;
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	struct timeval tv = { 0, 30000 };
	/* The system call itself: musl's select passes a copy of the timeout. */
	ok(syscall(SYS_select, p[0] + 1, &rs, NULL, NULL, &tv) == 0 && !FD_ISSET(p[0], &rs) &&
		   tv.tv_sec == 0 && tv.tv_usec == 0,
	   "select times out and clears the set and the timeout");
	write(p[1], "y", 1);
	FD_SET(p[0], &rs);
	FD_ZERO(&ws);
	FD_SET(p[1], &ws);
	tv = (struct timeval){ 1, 0 };
	ok(select(p[1] + 1, &rs, &ws, NULL, &tv) == 2 && FD_ISSET(p[0], &rs) &&
		   FD_ISSET(p[1], &ws) && tv.tv_sec <= 1,
	   "select: readable and writable ends");
	/*
	 * Linux ignores descriptors at or above its fd table's size, so a closed one must lie
	 * inside the table: the lowest free descriptor, which dup() just proved is there.
	 */
	int closed = dup(p[0]);
	close(closed);
	FD_ZERO(&rs);
	FD_SET(closed, &rs);
	tv = (struct timeval){ 0, 0 };
	ok(err_is(select(closed + 1, &rs, NULL, NULL, &tv), EBADF), "select with a closed fd: EBADF");
	ok(err_is(select(-1, NULL, NULL, NULL, &tv), EINVAL), "select nfds -1: EINVAL");
	tv.tv_usec = -1;
	ok(err_is(select(1, NULL, NULL, NULL, &tv), EINVAL), "select usec -1: EINVAL");
	tv.tv_usec = 0;
	ok(err_is(select(p[0] + 1, KPTR, NULL, NULL, &tv), EFAULT), "select bad set: EFAULT");
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	ts = (struct timespec){ 0, 10000000 };
	ok(pselect(p[0] + 1, &rs, NULL, NULL, &ts, &mask) == 1, "pselect with a mask");
	read(p[0], &c, 1);
	FD_SET(p[0], &rs);
	ok(pselect(p[0] + 1, &rs, NULL, NULL, &ts, NULL) == 0 && ts.tv_nsec == 10000000,
	   "pselect times out (its timeout is left alone by the libc)");

	close(p[0]);
	struct pollfd ep = { p[1], POLLOUT, 0 };
	ok(poll(&ep, 1, 0) == 1 && (ep.revents & POLLERR), "a pipe with no reader: POLLERR");
	close(p[1]);
	pipe(p);
	close(p[1]);
	struct pollfd hp = { p[0], POLLIN, 0 };
	ok(poll(&hp, 1, 0) == 1 && (hp.revents & POLLHUP), "a pipe with no writer: POLLHUP");
	close(p[0]);
	close(f);
}

/* ---- record locks and flock --------------------------------------------------------- */

static int setlk(int fd, int cmd, int type, off_t start, off_t len)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
	return fcntl(fd, cmd, &fl);
}

static struct flock getlk(int fd, int type, off_t start, off_t len)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
	if (fcntl(fd, F_GETLK, &fl))
		fl.l_type = -1;
	return fl;
}

struct lockarg {
	pid_t parent;
	int ready[2], go[2]; /* child -> parent, parent -> child */
};

static void sync_to(int fd)
{
	char c = 1;
	if (write(fd, &c, 1) != 1)
		_exit(98);
}

static void wait_on(int fd)
{
	char c;
	if (read(fd, &c, 1) != 1)
		_exit(97);
}

static void lock_child(void *varg)
{
	struct lockarg *a = varg;
	int fd = open("lk", O_RDWR);
	struct flock fl = getlk(fd, F_WRLCK, 5, 1);
	cok(fl.l_type == F_WRLCK && fl.l_pid == a->parent && fl.l_start == 0 && fl.l_len == 10,
	    "F_GETLK reports the other process's lock and pid");
	cok(err_is(setlk(fd, F_SETLK, F_WRLCK, 5, 1), EAGAIN), "F_SETLK on a held range: EAGAIN");
	cok(setlk(fd, F_SETLK, F_WRLCK, 10, 10) == 0, "F_SETLK beside it succeeds");
	setlk(fd, F_SETLK, F_UNLCK, 0, 0);
	fl = getlk(fd, F_RDLCK, 50, 1);
	cok(fl.l_type == F_UNLCK, "F_GETLK with no conflict says F_UNLCK");
	sync_to(a->ready[1]);
	wait_on(a->go[0]); /* parent: write [0,100) minus [40,60) */
	cok(setlk(fd, F_SETLK, F_WRLCK, 45, 10) == 0, "an unlocked hole in the middle is free");
	cok(err_is(setlk(fd, F_SETLK, F_WRLCK, 35, 10), EAGAIN), "the split halves stay locked");
	fl = getlk(fd, F_WRLCK, 60, 1);
	cok(fl.l_type == F_WRLCK && fl.l_start == 60 && fl.l_len == 40,
	    "the upper half is [60,100)");
	setlk(fd, F_SETLK, F_UNLCK, 0, 0);
	sync_to(a->ready[1]);
	wait_on(a->go[0]); /* parent: read [0,10) and read [10,20) */
	fl = getlk(fd, F_WRLCK, 0, 20);
	cok(fl.l_type == F_RDLCK && fl.l_start == 0 && fl.l_len == 20,
	    "adjacent read locks merge into one");
	cok(setlk(fd, F_SETLK, F_RDLCK, 0, 20) == 0, "read locks share");
	setlk(fd, F_SETLK, F_UNLCK, 0, 0);
	sync_to(a->ready[1]);
	wait_on(a->go[0]); /* parent: read [0,EOF) then write [10,20) */
	fl = getlk(fd, F_RDLCK, 10, 1);
	cok(fl.l_type == F_WRLCK && fl.l_start == 10 && fl.l_len == 10,
	    "a write lock inside a read lock converts that range");
	fl = getlk(fd, F_WRLCK, 25, 1);
	cok(fl.l_type == F_RDLCK && fl.l_start == 20 && fl.l_len == 0,
	    "the rest stays read-locked to the end (l_len 0)");
	sync_to(a->ready[1]);
	wait_on(a->go[0]); /* parent: closed a dup of its descriptor */
	cok(setlk(fd, F_SETLK, F_WRLCK, 0, 0) == 0, "closing any descriptor drops the locks");
	setlk(fd, F_SETLK, F_UNLCK, 0, 0);
	sync_to(a->ready[1]);
	wait_on(a->go[0]); /* parent: holds [0,1) write; will unlock after 100 ms */
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cok(setlk(fd, F_SETLKW, F_WRLCK, 0, 1) == 0 && ms_since(&t0) >= 50,
	    "F_SETLKW waits until the holder unlocks");
	setlk(fd, F_SETLK, F_UNLCK, 0, 0);
	sync_to(a->ready[1]);
	wait_on(a->go[0]); /* parent: holds A=[0,1) */
	cok(setlk(fd, F_SETLK, F_WRLCK, 1, 1) == 0, "the child takes B");
	sync_to(a->ready[1]);
	/* Waits for A; the parent then asks for B: a cycle, which the parent is told. */
	cok(setlk(fd, F_SETLKW, F_WRLCK, 0, 1) == 0, "the child gets A once the parent lets go");
	sync_to(a->ready[1]);
	wait_on(a->go[0]);
	/* Exit holding A and B: the parent checks they went with us. */
}

static void t_locks(void)
{
	write_file("lk", "0123456789");
	struct lockarg a = { .parent = getpid() };
	pipe(a.ready);
	pipe(a.go);
	int fd = open("lk", O_RDWR), ro = open("lk", O_RDONLY);
	ok(setlk(fd, F_SETLK, F_WRLCK, 0, 10) == 0, "F_SETLK a write lock on [0,10)");
	int p[2];
	pipe(p);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		rec_fd = p[1];
		lock_child(&a);
		_exit(0);
	}
	close(p[1]);
	struct rec r;
#define CHILD_CASES(n)                                                          \
	for (int i = 0; i < (n) && read(p[0], &r, sizeof(r)) == sizeof(r); i++) \
	ok(r.ok, "%s", r.name)
	CHILD_CASES(4);
	wait_on(a.ready[0]);
	setlk(fd, F_SETLK, F_WRLCK, 0, 100);
	setlk(fd, F_SETLK, F_UNLCK, 40, 20);
	sync_to(a.go[1]);
	CHILD_CASES(3);
	wait_on(a.ready[0]);
	setlk(fd, F_SETLK, F_UNLCK, 0, 0);
	setlk(fd, F_SETLK, F_RDLCK, 0, 10);
	setlk(fd, F_SETLK, F_RDLCK, 10, 10);
	sync_to(a.go[1]);
	CHILD_CASES(2);
	wait_on(a.ready[0]);
	setlk(fd, F_SETLK, F_UNLCK, 0, 0);
	setlk(fd, F_SETLK, F_RDLCK, 0, 0);
	setlk(fd, F_SETLK, F_WRLCK, 10, 10);
	sync_to(a.go[1]);
	CHILD_CASES(2);
	wait_on(a.ready[0]);
	close(dup(fd));
	sync_to(a.go[1]);
	CHILD_CASES(1);
	wait_on(a.ready[0]);
	setlk(fd, F_SETLK, F_WRLCK, 0, 1);
	sync_to(a.go[1]);
	sleep_ms(100);
	setlk(fd, F_SETLK, F_UNLCK, 0, 1);
	CHILD_CASES(1);
	wait_on(a.ready[0]);
	setlk(fd, F_SETLK, F_WRLCK, 0, 1);
	sync_to(a.go[1]);
	CHILD_CASES(1);
	wait_on(a.ready[0]);
	sleep_ms(100); /* let the child block on A */
	ok(err_is(setlk(fd, F_SETLKW, F_WRLCK, 1, 1), EDEADLK),
	   "F_SETLKW that would close a cycle: EDEADLK");
	setlk(fd, F_SETLK, F_UNLCK, 0, 1);
	CHILD_CASES(1);
	wait_on(a.ready[0]);
	sync_to(a.go[1]);
	waitpid(pid, NULL, 0);
	close(p[0]);
	ok(setlk(fd, F_SETLK, F_WRLCK, 0, 0) == 0, "an exited process's locks are gone");

	ok(err_is(setlk(ro, F_SETLK, F_WRLCK, 0, 1), EBADF),
	   "a write lock on a read-only fd: EBADF");
	ok(err_is(setlk(fd, F_SETLK, 7, 0, 1), EINVAL), "F_SETLK bad l_type: EINVAL");
	struct flock fl = { .l_type = F_RDLCK, .l_whence = 7 };
	ok(err_is(fcntl(fd, F_SETLK, &fl), EINVAL), "F_SETLK bad l_whence: EINVAL");
	ok(err_is(setlk(fd, F_SETLK, F_RDLCK, -1, 1), EINVAL), "F_SETLK start -1: EINVAL");
	fl = (struct flock){ .l_type = F_UNLCK, .l_whence = SEEK_SET };
	ok(err_is(fcntl(fd, F_GETLK, &fl), EINVAL), "F_GETLK with F_UNLCK: EINVAL");
	ok(err_is(fcntl(fd, F_SETLK, KPTR), EFAULT) && err_is(fcntl(fd, F_GETLK, NULL), EFAULT),
	   "F_SETLK and F_GETLK with bad pointers: EFAULT");
	ok(setlk(fd, F_SETLK, F_RDLCK, 5, -5) == 0, "a negative length locks backwards");
	close(fd);
	close(ro);

	/* Open file description locks: owned by the open file, so two opens in one process
	 * conflict; they conflict with POSIX locks too, and go at the file's last close. */
	int fa = open("lk", O_RDWR), fb = open("lk", O_RDWR), fc = open("lk", O_RDWR);
	struct flock ofd = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	ok(fcntl(fa, 37 /* F_OFD_SETLK */, &ofd) == 0, "F_OFD_SETLK");
	ofd = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 1 };
	ok(err_is(fcntl(fb, 37, &ofd), EAGAIN), "an OFD lock excludes another open file of ours");
	ok(fcntl(fb, 36 /* F_OFD_GETLK */, &ofd) == 0 && ofd.l_type == F_WRLCK && ofd.l_pid == -1 &&
		   ofd.l_start == 0 && ofd.l_len == 10,
	   "F_OFD_GETLK reports it with l_pid -1");
	ok(err_is(setlk(fc, F_SETLK, F_RDLCK, 0, 1), EAGAIN), "OFD and POSIX locks conflict");
	ofd = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_pid = 1 };
	ok(err_is(fcntl(fb, 37, &ofd), EINVAL), "F_OFD_SETLK with l_pid set: EINVAL");
	int fa2 = dup(fa);
	close(fa);
	ok(err_is(setlk(fc, F_SETLK, F_RDLCK, 0, 1), EAGAIN),
	   "an OFD lock stays while a dup of its file is open");
	close(fa2);
	ofd = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 1 };
	ok(fcntl(fb, 37, &ofd) == 0, "and goes at the file's last close");
	close(fb);
	close(fc);

	int f1 = open("lk", O_RDONLY), f2 = open("lk", O_RDONLY), f3 = open("lk", O_RDONLY);
	ok(flock(f1, LOCK_EX) == 0 && err_is(flock(f2, LOCK_EX | LOCK_NB), EWOULDBLOCK) &&
		   err_is(flock(f2, LOCK_SH | LOCK_NB), EWOULDBLOCK),
	   "flock: an exclusive lock excludes other open files");
	ok(flock(f1, LOCK_UN) == 0 && flock(f2, LOCK_SH | LOCK_NB) == 0 &&
		   flock(f1, LOCK_SH | LOCK_NB) == 0 &&
		   err_is(flock(f3, LOCK_EX | LOCK_NB), EWOULDBLOCK),
	   "flock: shared locks share, and exclude an exclusive one");
	int d = dup(f2);
	ok(flock(d, LOCK_UN) == 0 && flock(f1, LOCK_EX | LOCK_NB) == 0,
	   "flock: a dup shares the open file's lock (unlock through it)");
	close(f1);
	ok(flock(f3, LOCK_EX | LOCK_NB) == 0, "flock: the last close releases it");
	ok(flock(f3, LOCK_SH | LOCK_NB) == 0 && flock(d, LOCK_SH | LOCK_NB) == 0,
	   "flock: converting exclusive to shared");
	ok(err_is(flock(f3, 0), EINVAL) && err_is(flock(f3, LOCK_SH | LOCK_EX), EINVAL),
	   "flock bad operation: EINVAL");
	ok(err_is(flock(-1, LOCK_SH), EBADF), "flock -1: EBADF");
	flock(f3, LOCK_UN);
	flock(d, LOCK_UN);
	close(d);
	close(f2);

	pipe(a.ready);
	pid = fork();
	if (pid == 0) {
		int mine = open("lk", O_RDWR);
		flock(mine, LOCK_EX);
		sync_to(a.ready[1]);
		sleep_ms(100);
		_exit(0);
	}
	wait_on(a.ready[0]);
	int rw = open("lk", O_RDWR);
	ok(setlk(rw, F_SETLK, F_WRLCK, 0, 0) == 0, "flock and fcntl locks do not conflict");
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok(flock(f3, LOCK_EX) == 0 && ms_since(&t0) >= 50,
	   "flock waits for another process's lock to go at its exit");
	waitpid(pid, NULL, 0);
	close(rw);
	close(f3);
}

/* RLIMIT_NOFILE bounds the descriptor numbers (EMFILE). */
static void nofile_child(void *arg)
{
	(void)arg;
	struct rlimit rl = { 10, 10 };
	int set = setrlimit(RLIMIT_NOFILE, &rl) == 0, fd = 0, last = -1;
	cok(set, "setrlimit(RLIMIT_NOFILE, 10)");
	while (set && (fd = open("f", O_RDONLY)) >= 0)
		last = fd;
	cok(set && last == 9 && errno == EMFILE, "open beyond RLIMIT_NOFILE: EMFILE");
	cok(set && err_is(dup(0), EMFILE), "dup beyond it: EMFILE");
	cok(set && err_is(fcntl(0, F_DUPFD, 10), EINVAL), "F_DUPFD at the limit: EINVAL");
	cok(set && err_is(dup2(0, 10), EBADF), "dup2 to the limit: EBADF");
	struct pollfd pf[11] = { { 0 } };
	cok(set && err_is(poll(pf, 11, 0), EINVAL), "poll nfds 11 over a limit of 10: EINVAL");
}

static void rm_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char sub[PATH_MAX];
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		if (S_ISDIR(mode_of(sub)))
			rm_tree(sub);
		else
			unlink(sub);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

int main(void)
{
	tap_plan(319);
	umask(022);
	char dir[] = "t_fs.XXXXXX";
	/* 0777: the non-root child must be able to work in it too */
	if (!mkdtemp(dir) || chmod(dir, 0777) || chdir(dir)) {
		perror("scratch directory");
		return 1;
	}
	t_links();
	t_attrs();
	write_file("mine", "m");
	chown("mine", 1000, 5678);
	mkdir("mnt", 0755);
	mkdir("sub", 0755);
	in_child(as_nobody, NULL);
	t_sizes();
	t_dirs();
	t_fds();
	t_copy();
	t_eventfd();
	t_timerfd();
	t_poll();
	t_locks();
	in_child(nofile_child, NULL);
	chdir("..");
	rm_tree(dir);
	return tap_done();
}
