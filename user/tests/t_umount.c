/*
 * umount2 and the mount moves as Linux has them: MNT_DETACH is lazy (the mount and every
 * mount below it leave the tree at once, while open files and working directories inside
 * keep working; ".." stops at a detached root; getcwd says "(unreachable)"), umount2's
 * errors (EINVAL, EBUSY, MNT_EXPIRE, UMOUNT_NOFOLLOW, EPERM), MS_MOVE with its errors, and
 * the propagation flags (MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE; mountinfo's optional fields).
 *
 * Root only; everything happens on a private tmpfs under a temporary directory, made private
 * first so that the host's propagation cannot change the answers.
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef MS_PRIVATE
#define MS_PRIVATE (1 << 18)
#endif
#ifndef MS_SLAVE
#define MS_SLAVE (1 << 19)
#endif
#ifndef MS_SHARED
#define MS_SHARED (1 << 20)
#endif
#ifndef MS_UNBINDABLE
#define MS_UNBINDABLE (1 << 17)
#endif
#ifndef MS_MOVE
#define MS_MOVE 0x2000
#endif
#ifndef MNT_EXPIRE
#define MNT_EXPIRE 4
#endif
#ifndef UMOUNT_NOFOLLOW
#define UMOUNT_NOFOLLOW 8
#endif

#define NR_CASES 62

static char base[] = "/tmp/t_umount.XXXXXX";
static char top[128]; /* a private tmpfs: every case works below it */

static const char *at(const char *name)
{
	static char bufs[8][512];
	static int next;
	char *b = bufs[next++ % 8];

	snprintf(b, 512, "%s/%.300s", top, name);
	return b;
}

static int tmpfs(const char *dir)
{
	return mount("t_umount", dir, "tmpfs", 0, "mode=0755");
}

static int put_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int err = fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text);

	if (fd >= 0)
		close(fd);
	return err ? -1 : 0;
}

static int file_is(const char *path, const char *text)
{
	char buf[64];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	if (n < 0)
		return 0;
	buf[n] = '\0';
	return !strcmp(buf, text);
}

/* -1 and the errno: the call failed with e. */
static int fails(long ret, int e)
{
	return ret == -1 && errno == e;
}

/* Whether /proc/mounts lists a mount on dir. */
static int listed(const char *dir)
{
	char line[1024], want[PATH_MAX + 2];
	FILE *f = fopen("/proc/mounts", "r");
	int found = 0;

	snprintf(want, sizeof(want), " %.*s ", PATH_MAX - 1, dir);
	while (f && fgets(line, sizeof(line), f))
		if (strstr(line, want))
			found = 1;
	if (f)
		fclose(f);
	return found;
}

/* The optional fields of the last mountinfo line for dir ("" for none), or NULL. */
static const char *optional_fields(const char *dir)
{
	static char out[256];
	char line[1024], want[PATH_MAX + 2];
	FILE *f = fopen("/proc/self/mountinfo", "r");
	int found = 0;

	snprintf(want, sizeof(want), " %.*s ", PATH_MAX - 1, dir);
	while (f && fgets(line, sizeof(line), f)) {
		char *p = strstr(line, want), *opts, *dash;

		if (!p)
			continue;
		/* after the mount point: the options, the optional fields, "-" */
		opts = p + strlen(want);
		p = strchr(opts, ' ');
		dash = p ? strstr(p, " - ") : NULL;
		if (!dash)
			continue;
		snprintf(out, sizeof(out), "%.*s", (int)(dash - p) > 0 ? (int)(dash - p - 1) : 0,
			 p + 1);
		found = 1;
	}
	if (f)
		fclose(f);
	return found ? out : NULL;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The raw getcwd's answer (a libc may turn "(unreachable)" into ENOENT). */
static const char *raw_getcwd(void)
{
	static char buf[PATH_MAX];

	if (syscall(SYS_getcwd, buf, sizeof(buf)) < 0)
		snprintf(buf, sizeof(buf), "error %d", errno);
	return buf;
}

/* Runs fn in a child (its own cwd): its exit status, or -1. */
static int in_child(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* ---- lazy umount --------------------------------------------------------------------- */

static void test_lazy_open_fd(void)
{
	char buf[16] = "";
	int fd;

	ok(mkdir(at("a"), 0755) == 0 && put_file(at("a/under"), "under") == 0 &&
		   tmpfs(at("a")) == 0 && put_file(at("a/f"), "hello") == 0,
	   "a tmpfs on a, a file on it, another below it");
	fd = open(at("a/f"), O_RDWR);
	errno = 0;
	ok(fails(umount2(at("a"), 0), EBUSY), "umount of it with a file open: EBUSY");
	ok(umount2(at("a"), MNT_DETACH) == 0, "umount2(MNT_DETACH) with the file open: 0");
	ok(!listed(at("a")), "/proc/mounts no longer lists it");
	ok(file_is(at("a/under"), "under") && access(at("a/f"), F_OK) == -1,
	   "the mount point shows the directory below again");
	ok(fd >= 0 && pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "hello", 5) &&
		   pwrite(fd, "HELLO", 5, 0) == 5 && pread(fd, buf, 5, 0) == 5 &&
		   !memcmp(buf, "HELLO", 5),
	   "the open file still reads and writes");
	{
		char link[64], target[PATH_MAX];
		ssize_t n;

		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		n = readlink(link, target, sizeof(target) - 1);
		if (n >= 0)
			target[n] = '\0';
		ok(n >= 0 && !strcmp(target, "/f"),
		   "/proc/self/fd names it from the detached mount's root (%s)",
		   n >= 0 ? target : "error");
	}
	ok(fd >= 0 && fails(umount2(at("a"), MNT_DETACH), EINVAL),
	   "umount2 of the directory below: EINVAL (not a mount point)");
	close(fd);
	unlink(at("a/under"));
}

static int lazy_cwd_child(void)
{
	struct stat dot, dotdot;
	int bad = 0;

	if (chdir(at("c/sub")))
		return 100;
	if (umount2(at("c"), MNT_DETACH))
		return 101;
	bad |= !file_is("f", "in sub") << 0;
	bad |= (put_file("g", "new") || !file_is("g", "new")) << 1;
	bad |= strcmp(raw_getcwd(), "(unreachable)/sub") != 0;
	bad |= (getcwd(NULL, 0) != NULL || errno != ENOENT) << 2;
	if (chdir(".."))
		return 102;
	bad |= strcmp(raw_getcwd(), "(unreachable)/") ? 1 << 3 : 0;
	/* ".." of a detached root is itself: a detached mount has no parent */
	bad |= (stat(".", &dot) || stat("..", &dotdot) || dot.st_ino != dotdot.st_ino ||
		dot.st_dev != dotdot.st_dev)
	       << 4;
	bad |= !file_is("../../sub/f", "in sub") << 5;
	/* it is no mount of the tree any more: umount2, mount and remounts on it EINVAL */
	bad |= !fails(umount2(".", 0), EINVAL) << 6;
	bad |= !fails(umount2(".", MNT_DETACH), EINVAL) << 6;
	/* Linux 6.18 answers a new mount there ENOENT, the other changes EINVAL */
	bad |= !fails(mount("t_umount", "sub", "tmpfs", 0, NULL), ENOENT) << 7;
	bad |= !fails(mount(NULL, ".", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL), EINVAL) << 8;
	bad |= !fails(mount(NULL, ".", NULL, MS_PRIVATE, NULL), EINVAL) << 9;
	bad |= !fails(mount("sub", at("b"), NULL, MS_BIND, NULL), EINVAL) << 10;
	bad |= !fails(mount(".", at("b"), NULL, MS_MOVE, NULL), EINVAL) << 11;
	bad |= !fails(mount(at("b"), "sub", NULL, MS_BIND, NULL), EINVAL) << 12;
	return bad;
}

static void test_lazy_cwd(void)
{
	int st;

	ok(mkdir(at("c"), 0755) == 0 && mkdir(at("b"), 0755) == 0 && tmpfs(at("c")) == 0 &&
		   mkdir(at("c/sub"), 0755) == 0 && put_file(at("c/sub/f"), "in sub") == 0,
	   "a tmpfs on c with c/sub/f");
	st = in_child(lazy_cwd_child);
	ok(st == 0,
	   "a cwd in a detached mount: relative names work, getcwd says "
	   "(unreachable)/sub, \"..\" stops at its root, no mount changes in it (%d)",
	   st);
	ok(!listed(at("c")) && access(at("c/sub"), F_OK) == -1, "the mount is gone from the tree");
}

static int nested_child(void)
{
	struct stat st, under;
	int bad = 0;

	if (chdir(at("n")))
		return 100;
	if (umount2(at("n"), MNT_DETACH))
		return 101;
	/* each detached mount is on its own: "inner" shows the directory below it */
	bad |= (stat("inner", &st) || stat(".", &under) || st.st_dev != under.st_dev) << 0;
	bad |= (access("inner/deep", F_OK) == 0) << 1;
	return bad;
}

static void test_lazy_nested(void)
{
	int fd, st;
	char buf[8] = "";

	ok(mkdir(at("n"), 0755) == 0 && tmpfs(at("n")) == 0 && mkdir(at("n/inner"), 0755) == 0 &&
		   tmpfs(at("n/inner")) == 0 && mkdir(at("n/inner/x"), 0755) == 0 &&
		   tmpfs(at("n/inner/x")) == 0 && put_file(at("n/inner/deep"), "deep") == 0,
	   "three mounts nested: n, n/inner, n/inner/x");
	errno = 0;
	ok(fails(umount2(at("n"), 0), EBUSY), "a plain umount of the top: EBUSY (mounts below)");
	fd = open(at("n/inner/deep"), O_RDONLY);
	st = in_child(nested_child);
	ok(st == 0 && !listed(at("n")) && !listed(at("n/inner")) && !listed(at("n/inner/x")),
	   "MNT_DETACH of the top: all three leave /proc/mounts at once; a cwd in the top no "
	   "longer sees the mount below (%d)",
	   st);
	ok(fd >= 0 && read(fd, buf, 4) == 4 && !memcmp(buf, "deep", 4),
	   "a file open in the inner mount still reads");
	if (fd >= 0)
		close(fd);
	ok(access(at("n/inner"), F_OK) == -1, "the mount point shows the empty directory below");
}

/* ---- umount2's errors ---------------------------------------------------------------- */

static int nonroot_child(void)
{
	int bad = 0;

	if (setgid(1000) || setuid(1000))
		return 100;
	bad |= !fails(umount2(at("e"), 0), EPERM) << 0;
	bad |= !fails(umount2(at("nosuch"), 0), ENOENT) << 1;
	bad |= !fails(umount2(at("e"), MNT_EXPIRE | MNT_DETACH), EPERM) << 2;
	bad |= !fails(umount2(at("e"), 0x100), EINVAL) << 3;
	bad |= !fails(umount2(at("b"), 0), EPERM) << 4; /* EPERM before "no mount point" */
	return bad;
}

static int chroot_child(void)
{
	struct statfs sf;

	if (chroot(at("r")) || chdir("/"))
		return 100;
	/* the caller's root mount: remounted read-only, as Linux */
	if (umount2("/", 0))
		return 101;
	if (statfs("/", &sf) || !(sf.f_flags & 1 /* ST_RDONLY */))
		return 102;
	if (!fails(umount2("/", MNT_EXPIRE), EINVAL))
		return 103;
	return 0;
}

static void test_umount_errors(void)
{
	int fd, st;

	ok(mkdir(at("e"), 0755) == 0 && tmpfs(at("e")) == 0 && put_file(at("e/f"), "x") == 0 &&
		   symlink(at("e"), at("elink")) == 0,
	   "a tmpfs on e and a symlink to it");
	ok(fails(umount2(at("b"), 0), EINVAL),
	   "umount of a directory that is no mount point: EINVAL");
	ok(fails(umount2(at("nosuch"), 0), ENOENT), "umount of a missing name: ENOENT");
	ok(fails(umount2(at("e"), 0x10), EINVAL), "an unknown flag: EINVAL");
	ok(fails(umount2(at("e"), MNT_EXPIRE | MNT_DETACH), EINVAL) &&
		   fails(umount2(at("e"), MNT_EXPIRE | MNT_FORCE), EINVAL),
	   "MNT_EXPIRE with MNT_DETACH or MNT_FORCE: EINVAL");
	ok(fails(umount2(at("elink"), UMOUNT_NOFOLLOW), EINVAL),
	   "UMOUNT_NOFOLLOW on a symlink to the mount: EINVAL (the link is no mount point)");
	st = in_child(nonroot_child);
	ok(st == 0, "not root: EPERM, after the name's own errors (%d)", st);
	fd = open(at("e/f"), O_RDONLY);
	ok(fails(umount2(at("e"), MNT_EXPIRE), EBUSY), "MNT_EXPIRE of a mount in use: EBUSY");
	close(fd);
	ok(fails(umount2(at("e"), MNT_EXPIRE), EAGAIN), "MNT_EXPIRE the first time: EAGAIN");
	fd = open(at("e/f"), O_RDONLY);
	if (fd >= 0)
		close(fd);
	ok(fails(umount2(at("e"), MNT_EXPIRE), EAGAIN),
	   "a use in between (an open and close) clears the mark: EAGAIN again");
	ok(umount2(at("e"), MNT_EXPIRE) == 0 && !listed(at("e")),
	   "MNT_EXPIRE a second time unused: unmounted");
	ok(tmpfs(at("e")) == 0 && umount2(at("elink"), 0) == 0 && !listed(at("e")),
	   "umount through the symlink without UMOUNT_NOFOLLOW: unmounted");
	ok(tmpfs(at("e")) == 0 && umount2(at("e"), MNT_FORCE) == 0, "MNT_FORCE unused: unmounted");
	ok(mkdir(at("r"), 0755) == 0 && tmpfs(at("r")) == 0, "a tmpfs on r");
	st = in_child(chroot_child);
	ok(st == 0,
	   "umount of one's own root (chrooted): remounted read-only; MNT_EXPIRE EINVAL (%d)", st);
	ok(umount2(at("r"), 0) == 0, "r unmounts");
	unlink(at("elink"));
}

/* ---- MS_MOVE ------------------------------------------------------------------------- */

static void test_move(void)
{
	int fd;
	char buf[8] = "";

	ok(mkdir(at("m1"), 0755) == 0 && mkdir(at("m2"), 0755) == 0 && mkdir(at("d"), 0755) == 0 &&
		   put_file(at("file"), "file") == 0 && tmpfs(at("m1")) == 0 &&
		   put_file(at("m1/f"), "m1") == 0 && mkdir(at("m1/sub"), 0755) == 0 &&
		   tmpfs(at("m1/sub")) == 0 && put_file(at("m1/sub/s"), "sub") == 0,
	   "a tmpfs on m1 with another on m1/sub");
	fd = open(at("m1/f"), O_RDONLY);
	ok(mount(at("m1"), at("m2"), NULL, MS_MOVE, NULL) == 0,
	   "MS_MOVE m1 onto m2 (a file open in it)");
	ok(file_is(at("m2/f"), "m1") && file_is(at("m2/sub/s"), "sub") &&
		   access(at("m1/f"), F_OK) == -1 && access(at("m1/sub"), F_OK) == -1,
	   "the mount and the one below it moved; m1 shows its directory again");
	ok(listed(at("m2")) && listed(at("m2/sub")) && !listed(at("m1")) && !listed(at("m1/sub")),
	   "/proc/mounts lists them at their new places");
	ok(fd >= 0 && read(fd, buf, 2) == 2 && !memcmp(buf, "m1", 2), "the open file still reads");
	if (fd >= 0)
		close(fd);
	ok(same_file(at("m2/.."), top) && same_file(at("m2/sub/.."), at("m2")),
	   "\"..\" of the moved mounts leads to their new parents");
	errno = 0;
	ok(fails(mount(at("m2/f"), at("d"), NULL, MS_MOVE, NULL), EINVAL) &&
		   fails(mount(at("d"), at("m1"), NULL, MS_MOVE, NULL), EINVAL),
	   "MS_MOVE of what is no mount's root: EINVAL");
	ok(fails(mount(at("m2"), at("m2/sub/x"), NULL, MS_MOVE, NULL), ENOENT),
	   "a missing target: ENOENT");
	ok(mkdir(at("m2/sub/x"), 0755) == 0 &&
		   fails(mount(at("m2"), at("m2/sub/x"), NULL, MS_MOVE, NULL), ELOOP),
	   "a target inside the source: ELOOP");
	ok(fails(mount(at("m2"), at("m2"), NULL, MS_MOVE, NULL), ELOOP), "onto itself: ELOOP");
	ok(fails(mount(at("nosuch"), at("d"), NULL, MS_MOVE, NULL), ENOENT),
	   "a missing source: ENOENT");
	ok(fails(mount(at("file/x"), at("d"), NULL, MS_MOVE, NULL), ENOTDIR) &&
		   fails(mount(at("m2"), at("file/x"), NULL, MS_MOVE, NULL), ENOTDIR),
	   "a file as a directory in a name: ENOTDIR");
	ok(fails(mount(at("m2"), at("file"), NULL, MS_MOVE, NULL), EINVAL),
	   "a directory's mount onto a file: EINVAL");
	ok(fails(mount("", at("d"), NULL, MS_MOVE, NULL), EINVAL) &&
		   fails(mount(NULL, at("d"), NULL, MS_MOVE, NULL), EINVAL),
	   "an empty or NULL source: EINVAL");
	/* a mount moved under a younger one: MS_BIND|MS_REC must still copy the whole tree */
	ok(tmpfs(at("d")) == 0 && mkdir(at("d/in"), 0755) == 0 &&
		   mount(at("m2"), at("d/in"), NULL, MS_MOVE, NULL) == 0 &&
		   file_is(at("d/in/sub/s"), "sub"),
	   "m2 moved into a younger mount d");
	ok(mkdir(at("m1/copy"), 0755) == 0 &&
		   mount(at("d"), at("m1"), NULL, MS_BIND | MS_REC, NULL) == 0 &&
		   file_is(at("m1/in/sub/s"), "sub") && file_is(at("m1/in/f"), "m1"),
	   "MS_BIND|MS_REC of d copies the mount moved below it, and the one below that");
	ok(umount2(at("m1"), MNT_DETACH) == 0 && umount2(at("d"), MNT_DETACH) == 0 &&
		   !listed(at("d/in")) && !listed(at("m1/in/sub")),
	   "both trees detached");
}

/* ---- propagation flags --------------------------------------------------------------- */

static void test_propagation(void)
{
	const char *o;

	ok(mkdir(at("p"), 0755) == 0 && mkdir(at("q"), 0755) == 0 && tmpfs(at("p")) == 0 &&
		   mkdir(at("p/c"), 0755) == 0 && tmpfs(at("p/c")) == 0 &&
		   mkdir(at("p/c/d"), 0755) == 0,
	   "a tmpfs on p, another on p/c");
	o = optional_fields(at("p"));
	ok(o && !strcmp(o, ""), "mountinfo: a private mount has no optional fields (%s)",
	   o ? o : "none");
	ok(mount(NULL, at("p"), NULL, MS_PRIVATE, NULL) == 0 &&
		   mount(NULL, at("p"), NULL, MS_PRIVATE | MS_REC, NULL) == 0 &&
		   mount(NULL, at("p"), NULL, MS_SLAVE, NULL) == 0,
	   "MS_PRIVATE, MS_PRIVATE|MS_REC, MS_SLAVE: 0");
	ok(fails(mount(NULL, at("p/c/d"), NULL, MS_PRIVATE, NULL), EINVAL),
	   "MS_PRIVATE of a directory that is no mount point: EINVAL");
	ok(fails(mount(NULL, at("nosuch"), NULL, MS_PRIVATE, NULL), ENOENT),
	   "MS_PRIVATE of a missing name: ENOENT");
	ok(fails(mount(NULL, at("p"), NULL, MS_PRIVATE | MS_SLAVE, NULL), EINVAL) &&
		   fails(mount(NULL, at("p"), NULL, MS_PRIVATE | MS_SHARED, NULL), EINVAL) &&
		   fails(mount(NULL, at("p"), NULL, MS_PRIVATE | MS_NOSUID, NULL), EINVAL),
	   "two propagation flags, or one with another flag: EINVAL");
	ok(mount(NULL, at("p"), NULL, MS_UNBINDABLE, NULL) == 0 && (o = optional_fields(at("p"))) &&
		   !strcmp(o, "unbindable") && (o = optional_fields(at("p/c"))) && !strcmp(o, ""),
	   "MS_UNBINDABLE: mountinfo says \"unbindable\", the mount below unchanged");
	ok(fails(mount(at("p"), at("q"), NULL, MS_BIND, NULL), EINVAL) &&
		   fails(mount(at("p/c/d"), at("q"), NULL, MS_BIND, NULL), EINVAL) == 0,
	   "MS_BIND of an unbindable mount: EINVAL (a mount below it still binds)");
	umount2(at("q"), MNT_DETACH);
	ok(mount(NULL, at("p"), NULL, MS_SLAVE, NULL) == 0 && (o = optional_fields(at("p"))) &&
		   !strcmp(o, "unbindable"),
	   "MS_SLAVE keeps unbindable");
	ok(mount(NULL, at("p"), NULL, MS_PRIVATE, NULL) == 0 && (o = optional_fields(at("p"))) &&
		   !strcmp(o, "") && mount(at("p"), at("q"), NULL, MS_BIND, NULL) == 0 &&
		   umount2(at("q"), 0) == 0,
	   "MS_PRIVATE clears it: the mount binds again");
	ok(mount(NULL, at("p/c"), NULL, MS_UNBINDABLE, NULL) == 0 &&
		   mount(at("p"), at("q"), NULL, MS_BIND | MS_REC, NULL) == 0 &&
		   access(at("q/c/d"), F_OK) == -1 && access(at("q/c"), F_OK) == 0 &&
		   umount2(at("q"), 0) == 0,
	   "MS_BIND|MS_REC leaves an unbindable mount below out");
	ok(mount(NULL, at("p"), NULL, MS_UNBINDABLE | MS_REC, NULL) == 0 &&
		   (o = optional_fields(at("p/c"))) && !strcmp(o, "unbindable") &&
		   mount(NULL, at("p"), NULL, MS_PRIVATE | MS_REC, NULL) == 0 &&
		   (o = optional_fields(at("p/c"))) && !strcmp(o, ""),
	   "MS_UNBINDABLE|MS_REC and MS_PRIVATE|MS_REC reach the mount below");
	ok(mount(NULL, at("p"), NULL, MS_UNBINDABLE, NULL) == 0 &&
		   mount(at("p"), at("q"), NULL, MS_MOVE, NULL) == 0 && listed(at("q")) &&
		   umount2(at("q"), MNT_DETACH) == 0,
	   "an unbindable mount still moves");
}

int main(void)
{
	const char *why = NULL;
	int i;

	tap_plan(NR_CASES);
	if (geteuid() != 0) {
		why = "not root";
	} else if (!mkdtemp(base) || chmod(base, 0755)) {
		why = "no temporary directory";
	} else {
		snprintf(top, sizeof(top), "%.100s/top", base);
		if (mkdir(top, 0755))
			why = "cannot make the directory";
		else if (tmpfs(top))
			why = "mount of a tmpfs refused here";
		else if (mount(NULL, top, NULL, MS_PRIVATE | MS_REC, NULL))
			why = "cannot make the tmpfs private";
	}
	if (why) {
		for (i = 0; i < NR_CASES; i++)
			tap_skip("umount", why);
		return tap_done();
	}
	test_lazy_open_fd();
	test_lazy_cwd();
	test_lazy_nested();
	test_umount_errors();
	test_move();
	test_propagation();
	umount2(top, MNT_DETACH);
	rmdir(top);
	rmdir(base);
	return tap_done();
}
