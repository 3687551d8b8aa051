/*
 * Per-mount flags as Linux has them: noexec (exec, a script's interpreter, PT_INTERP: EACCES;
 * mmap with PROT_EXEC: EPERM; mprotect adding it: EACCES), nosuid (exec ignores the
 * set-user-ID and set-group-ID bits, AT_SECURE stays 0), nodev (a device node does not
 * open: EACCES), the atime flags; how /proc/mounts and statfs's f_flags show them, and the
 * remounts (MS_REMOUNT, MS_REMOUNT|MS_BIND) that change them. Then two exec cases about
 * descriptors: exec by a process sharing its table through CLONE_FILES unshares it first,
 * and a script reached through a close-on-exec descriptor is ENOENT.
 *
 * The mount cases need root; a system that refuses the first mount skips them.
 */
#include "tap.h"
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif
#ifndef CLONE_FILES
#define CLONE_FILES 0x400
#endif

/* statfs's f_flags, Linux's values (not every libc's <sys/statfs.h> names them). */
#define T_ST_RDONLY 0x0001
#define T_ST_NOSUID 0x0002
#define T_ST_NODEV 0x0004
#define T_ST_NOEXEC 0x0008
#define T_ST_VALID 0x0020
#define T_ST_NOATIME 0x0400
#define T_ST_NODIRATIME 0x0800
#define T_ST_RELATIME 0x1000

#define RUNNER 2000
#define EXEC_OK 42
#define EXEC_FAILED 100 /* plus errno */
#define NR_MOUNT_CASES 77

extern char **environ;

static char base[] = "/tmp/t_mountflags.XXXXXX";
static char ex[PATH_MAX], fl[PATH_MAX];

static const char *in(const char *dir, const char *name)
{
	static char bufs[4][PATH_MAX];
	static int next;
	char *b = bufs[next++ % 4];

	snprintf(b, PATH_MAX, "%s/%s", dir, name);
	return b;
}

/* ---- the program's other roles ------------------------------------------------------ */

/* Run as another user: which ids the exec gave (bit 0 euid 0, bit 1 egid 0, bit 2 secure). */
static int report(void)
{
	return (geteuid() == 0) | (getegid() == 0) << 1 | (getauxval(AT_SECURE) != 0) << 2;
}

/* After an exec by a process that shared our table: a (close-on-exec) closed, b open. */
static int fdcheck(int a, int b)
{
	errno = 0;
	return fcntl(a, F_GETFD) == -1 && errno == EBADF && fcntl(b, F_GETFD) == 0 ? EXEC_OK : 43;
}

/* ---- helpers ----------------------------------------------------------------------- */

static int copy_file(const char *from, const char *to, mode_t mode)
{
	char buf[65536];
	int src = open(from, O_RDONLY), dst = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	ssize_t n = -1;

	if (src >= 0 && dst >= 0)
		while ((n = read(src, buf, sizeof(buf))) > 0)
			if (write(dst, buf, n) != n) {
				n = -1;
				break;
			}
	if (src >= 0)
		close(src);
	if (dst >= 0)
		close(dst);
	return n < 0 || chmod(to, mode) ? -1 : 0;
}

static int write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	int err = fd < 0 || write(fd, data, len) != (ssize_t)len;

	if (fd >= 0)
		close(fd);
	return err || chmod(path, mode) ? -1 : 0;
}

/* A "#!" script naming interp (which runs as this program's --exit role). */
static int write_script(const char *path, const char *interp)
{
	char text[PATH_MAX + 32];
	int n = snprintf(text, sizeof(text), "#!%s --exit\n", interp);

	return write_file(path, text, n, 0755);
}

/*
 * A small ELF executable whose PT_INTERP names interp: exec opens the interpreter before it
 * maps anything, so its errors are the interpreter's.
 */
static int write_elf_with_interp(const char *path, const char *interp)
{
	unsigned char image[512];
	Elf64_Ehdr *eh = (Elf64_Ehdr *)image;
	Elf64_Phdr *ph = (Elf64_Phdr *)(image + sizeof(*eh));
	size_t off = sizeof(*eh) + 2 * sizeof(*ph), len = strlen(interp) + 1;

	if (off + len > sizeof(image))
		return -1;
	memset(image, 0, sizeof(image));
	/* ELF, 64-bit, little-endian, version 1 (not every libc's <elf.h> names them all). */
	memcpy(eh->e_ident, "\177ELF\2\1\1", 7);
	eh->e_type = ET_EXEC;
	eh->e_machine = 62; /* EM_X86_64 */
	eh->e_version = 1;
	eh->e_entry = 0x400000 + off;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	eh->e_phnum = 2;
	ph[0].p_type = PT_INTERP;
	ph[0].p_flags = PF_R;
	ph[0].p_offset = off;
	ph[0].p_vaddr = 0x400000 + off;
	ph[0].p_filesz = ph[0].p_memsz = len;
	ph[0].p_align = 1;
	ph[1].p_type = PT_LOAD;
	ph[1].p_flags = PF_R | PF_X;
	ph[1].p_vaddr = 0x400000;
	ph[1].p_filesz = ph[1].p_memsz = sizeof(image);
	ph[1].p_align = 0x1000;
	memcpy(image + off, interp, len);
	return write_file(path, image, sizeof(image), 0755);
}

/*
 * Runs path (execveat(fd, path, flags) when fd != -1, else execve) with argv in a child,
 * as user RUNNER when as_runner: the child's exit status, or EXEC_FAILED + errno.
 */
static int run(int fd, const char *path, int flags, char *const argv[], int as_runner)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (as_runner &&
		    (setgroups(0, NULL) || syscall(SYS_setresgid, RUNNER, RUNNER, RUNNER) ||
		     syscall(SYS_setresuid, RUNNER, RUNNER, RUNNER)))
			_exit(99);
		if (fd == -1)
			execve(path, argv, environ);
		else
			syscall(SYS_execveat, fd, path, argv, environ, flags);
		_exit(EXEC_FAILED + errno);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int run_exit(const char *path)
{
	char *argv[] = { (char *)path, "--exit", NULL };

	return run(-1, path, 0, argv, 0);
}

static int run_report(const char *path)
{
	char *argv[] = { (char *)path, "--report", NULL };

	return run(-1, path, 0, argv, 1);
}

static const char *const vfs_opts[] = { "ro",	       "rw",	  "nosuid",	"nodev",
					"noexec",      "noatime", "nodiratime", "relatime",
					"nosymfollow", "sync",	  "dirsync",	"mand" };

/* The options of all that are the VFS's (not the file system's own), comma-separated. */
static void keep_vfs_opts(char *all, char *out)
{
	char *tok, *save;

	out[0] = 0;
	for (tok = strtok_r(all, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		for (size_t i = 0; i < sizeof(vfs_opts) / sizeof(vfs_opts[0]); i++)
			if (!strcmp(tok, vfs_opts[i])) {
				if (out[0])
					strcat(out, ",");
				strcat(out, tok);
			}
}

/* The mount's options in /proc/mounts, those of the VFS only. */
static const char *mount_opts(const char *dir)
{
	static char opts[256];
	char line[1024], dev[256], mp[PATH_MAX], type[64], all[512];
	FILE *f = fopen("/proc/mounts", "r");

	opts[0] = 0;
	if (!f)
		return "(no /proc/mounts)";
	while (fgets(line, sizeof(line), f))
		/* the last mount on dir is the one that counts */
		if (sscanf(line, "%255s %4095s %63s %511s", dev, mp, type, all) == 4 &&
		    !strcmp(mp, dir))
			keep_vfs_opts(all, opts);
	fclose(f);
	return opts;
}

/* One line of /proc/self/mountinfo, its optional fields skipped. */
struct mountinfo {
	int id, parent;
	char root[PATH_MAX], opts[256], type[64], source[256], super[256];
};

/* The last mount on dir in /proc/self/mountinfo: 0, or -1 if there is none. */
static int mountinfo(const char *dir, struct mountinfo *mi)
{
	char line[2048], mp[PATH_MAX], all[512], root[PATH_MAX], super[512];
	FILE *f = fopen("/proc/self/mountinfo", "r");
	int found = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char *dash = strstr(line, " - ");
		int id, parent, n;

		if (!dash ||
		    sscanf(line, "%d %d %*u:%*u %4095s %4095s %511s%n", &id, &parent, root, mp, all,
			   &n) != 5 ||
		    strcmp(mp, dir))
			continue;
		if (sscanf(dash + 3, "%63s %255s %511s", mi->type, mi->source, super) != 3)
			continue;
		mi->id = id;
		mi->parent = parent;
		strcpy(mi->root, root);
		keep_vfs_opts(all, mi->opts);
		keep_vfs_opts(super, mi->super);
		found = 0;
	}
	fclose(f);
	return found;
}

static long statfs_flags(const char *dir)
{
	struct statfs s;

	return statfs(dir, &s) ? -errno : (long)s.f_flags;
}

static int remount(const char *dir, unsigned long flags)
{
	return mount(NULL, dir, NULL, MS_REMOUNT | flags, NULL);
}

/* ---- the descriptor cases ---------------------------------------------------------- */

static void test_clone_files_exec(const char *self)
{
	int a = open("/", O_RDONLY | O_CLOEXEC), b = open("/", O_RDONLY), status = -1;
	char abuf[16], bbuf[16];
	char *argv[] = { (char *)self, "--fdcheck", abuf, bbuf, NULL };
	pid_t pid;

	snprintf(abuf, sizeof(abuf), "%d", a);
	snprintf(bbuf, sizeof(bbuf), "%d", b);
	pid = (pid_t)syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0, 0, 0, 0);
	if (pid == 0) {
		execv(self, argv);
		_exit(EXEC_FAILED + errno);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == EXEC_OK,
	   "exec with a CLONE_FILES-shared table: its close-on-exec fd closed, the other open "
	   "(%#x)",
	   status);
	ok(fcntl(a, F_GETFD) == FD_CLOEXEC && fcntl(b, F_GETFD) == 0,
	   "the sharing process keeps its close-on-exec descriptor");
	close(a);
	close(b);
}

static void test_script_through_cloexec_fd(const char *prog)
{
	char script[PATH_MAX];
	char *argv[] = { "script", NULL }, *pargv[] = { "prog", "--exit", NULL };
	int fd, dirfd;

	snprintf(script, sizeof(script), "%s/script", base);
	if (write_script(script, prog)) {
		for (int i = 0; i < 5; i++)
			tap_skip("script through a close-on-exec fd", "cannot write the script");
		return;
	}
	fd = open(script, O_RDONLY | O_CLOEXEC);
	ok(run(fd, "", AT_EMPTY_PATH, argv, 0) == EXEC_FAILED + ENOENT,
	   "fexecve of a script through a close-on-exec fd is ENOENT");
	fcntl(fd, F_SETFD, 0);
	ok(run(fd, "", AT_EMPTY_PATH, argv, 0) == EXEC_OK,
	   "the same script through a plain fd runs");
	close(fd);
	dirfd = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ok(run(dirfd, "script", 0, argv, 0) == EXEC_FAILED + ENOENT,
	   "execveat of a script relative to a close-on-exec directory fd is ENOENT");
	ok(run(dirfd, script, 0, argv, 0) == EXEC_OK, "an absolute name ignores the fd: runs");
	close(dirfd);
	fd = open(prog, O_RDONLY | O_CLOEXEC);
	ok(run(fd, "", AT_EMPTY_PATH, pargv, 0) == EXEC_OK,
	   "an ELF program through a close-on-exec fd runs");
	close(fd);
	unlink(script);
}

/* ---- the mount cases --------------------------------------------------------------- */

static void test_noexec(void)
{
	char *argv[] = { "prog", "--exit", NULL };
	long pg = sysconf(_SC_PAGESIZE);
	void *p, *early;
	int fd, exfd;

	tap_streq(mount_opts(fl), "rw,noexec,relatime", "/proc/mounts: a noexec mount's options");
	ok(statfs_flags(fl) == (T_ST_VALID | T_ST_NOEXEC | T_ST_RELATIME),
	   "statfs f_flags: ST_NOEXEC|ST_RELATIME (%#lx)", statfs_flags(fl));
	fd = open(in(fl, "prog"), O_RDONLY);
	{
		struct statfs s;

		ok(fd >= 0 && fstatfs(fd, &s) == 0 &&
			   (long)s.f_flags == (T_ST_VALID | T_ST_NOEXEC | T_ST_RELATIME),
		   "fstatfs f_flags the same");
	}
	ok(run_exit(in(ex, "prog")) == EXEC_OK, "exec of a program on a plain tmpfs runs");
	ok(run_exit(in(fl, "prog")) == EXEC_FAILED + EACCES, "execve on a noexec mount: EACCES");
	errno = 0;
	ok(access(in(fl, "prog"), X_OK) == -1 && errno == EACCES &&
		   access(in(fl, "prog"), R_OK) == 0 && access(fl, X_OK) == 0 &&
		   access(in(ex, "prog"), X_OK) == 0,
	   "access X_OK of a regular file on it: EACCES (directories and other mounts fine)");
	ok(run(fd, "", AT_EMPTY_PATH, argv, 0) == EXEC_FAILED + EACCES,
	   "execveat(AT_EMPTY_PATH) of a noexec mount's file: EACCES");
	ok(run_exit(in(ex, "script_fl")) == EXEC_FAILED + EACCES,
	   "a script whose interpreter is on a noexec mount: EACCES");
	ok(run_exit(in(fl, "script")) == EXEC_FAILED + EACCES,
	   "a script on a noexec mount: EACCES");
	ok(run_exit(in(ex, "elf_ex")) == EXEC_FAILED + ELIBBAD,
	   "PT_INTERP naming a non-ELF file: ELIBBAD");
	ok(run_exit(in(ex, "elf_fl")) == EXEC_FAILED + EACCES,
	   "PT_INTERP naming a file on a noexec mount: EACCES");

	errno = 0;
	ok(mmap(NULL, pg, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0) == MAP_FAILED &&
		   errno == EPERM,
	   "mmap PROT_EXEC MAP_PRIVATE of a noexec mount's file: EPERM");
	errno = 0;
	ok(mmap(NULL, pg, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EPERM,
	   "mmap PROT_EXEC MAP_SHARED: EPERM");
	p = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 0);
	errno = 0;
	ok(p != MAP_FAILED && mprotect(p, pg, PROT_READ | PROT_EXEC) == -1 && errno == EACCES,
	   "mprotect adding PROT_EXEC to it: EACCES");
	exfd = open(in(ex, "prog"), O_RDONLY);
	{
		void *q = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, exfd, 0);
		void *r = mmap(NULL, pg, PROT_READ | PROT_EXEC, MAP_PRIVATE, exfd, 0);

		ok(q != MAP_FAILED && r != MAP_FAILED &&
			   mprotect(q, pg, PROT_READ | PROT_EXEC) == 0,
		   "on a plain mount: mmap PROT_EXEC and mprotect adding it work");
		munmap(q, pg);
		munmap(r, pg);
	}
	close(exfd);
	early = p;

	/* MS_REMOUNT|MS_BIND changes the mount's flags alone: noexec off, then on again. */
	ok(remount(fl, MS_BIND) == 0 && !strcmp(mount_opts(fl), "rw,relatime") &&
		   run_exit(in(fl, "prog")) == EXEC_OK,
	   "remount,bind without noexec: the program runs");
	errno = 0;
	ok(early != MAP_FAILED && mprotect(early, pg, PROT_READ | PROT_EXEC) == -1 &&
		   errno == EACCES,
	   "a mapping made while noexec still may not become executable");
	p = mmap(NULL, pg, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
	ok(p != MAP_FAILED, "mmap PROT_EXEC works once exec is allowed");
	if (p != MAP_FAILED)
		munmap(p, pg);
	if (early != MAP_FAILED)
		munmap(early, pg);
	ok(remount(fl, MS_BIND | MS_NOEXEC) == 0 && !strcmp(mount_opts(fl), "rw,noexec,relatime") &&
		   run_exit(in(fl, "prog")) == EXEC_FAILED + EACCES,
	   "remount,bind,noexec: EACCES again");
	close(fd);
}

static void test_remount_ro_and_atime(void)
{
	int fd;

	ok(remount(fl, MS_RDONLY | MS_NOSUID | MS_NOEXEC) == 0, "remount,ro,nosuid,noexec");
	tap_streq(mount_opts(fl), "ro,nosuid,noexec,relatime", "/proc/mounts after it");
	ok(statfs_flags(fl) ==
		   (T_ST_VALID | T_ST_RDONLY | T_ST_NOSUID | T_ST_NOEXEC | T_ST_RELATIME),
	   "statfs f_flags: ST_RDONLY|ST_NOSUID|ST_NOEXEC|ST_RELATIME (%#lx)", statfs_flags(fl));
	errno = 0;
	fd = open(in(fl, "new"), O_WRONLY | O_CREAT, 0600);
	ok(fd == -1 && errno == EROFS, "creating a file on it: EROFS");
	if (fd >= 0)
		close(fd);
	ok(remount(fl, 0) == 0 && !strcmp(mount_opts(fl), "rw,relatime") &&
		   statfs_flags(fl) == (T_ST_VALID | T_ST_RELATIME),
	   "remount with no flags: rw,relatime");
	fd = open(in(fl, "new"), O_WRONLY | O_CREAT, 0600);
	ok(fd >= 0, "a file can be created again");
	if (fd >= 0)
		close(fd);
	unlink(in(fl, "new"));
	ok(remount(fl, MS_BIND | MS_RDONLY) == 0 && !strcmp(mount_opts(fl), "ro,relatime") &&
		   statfs_flags(fl) == (T_ST_VALID | T_ST_RDONLY | T_ST_RELATIME),
	   "remount,bind,ro: the mount read-only");
	errno = 0;
	ok(open(in(fl, "new"), O_WRONLY | O_CREAT, 0600) == -1 && errno == EROFS,
	   "creating a file on it: EROFS");
	errno = 0;
	ok(access(fl, W_OK) == -1 && errno == EROFS, "access W_OK there: EROFS");
	{
		struct mountinfo mi;

		ok(mountinfo(fl, &mi) == 0 && !strcmp(mi.opts, "ro,relatime") &&
			   !strcmp(mi.super, "rw") && !strcmp(mi.root, "/") &&
			   !strcmp(mi.type, "tmpfs") && !strcmp(mi.source, "t_mountflags"),
		   "mountinfo: the mount ro, its super block rw");
	}
	ok(remount(fl, MS_BIND) == 0 && !strcmp(mount_opts(fl), "rw,relatime"),
	   "remount,bind: writable again");

	ok(remount(fl, MS_BIND | MS_NOATIME) == 0 && !strcmp(mount_opts(fl), "rw,noatime") &&
		   statfs_flags(fl) == (T_ST_VALID | T_ST_NOATIME),
	   "remount,bind,noatime: noatime without relatime");
	ok(remount(fl, MS_BIND | MS_NODEV) == 0 && !strcmp(mount_opts(fl), "rw,nodev,noatime"),
	   "a remount naming no atime flag keeps the mount's (%s)", mount_opts(fl));
	ok(remount(fl, MS_BIND | MS_NODIRATIME) == 0 &&
		   !strcmp(mount_opts(fl), "rw,nodiratime,relatime") &&
		   statfs_flags(fl) == (T_ST_VALID | T_ST_NODIRATIME | T_ST_RELATIME),
	   "remount,bind,nodiratime: nodiratime,relatime (%s)", mount_opts(fl));
	ok(remount(fl, MS_BIND | MS_STRICTATIME) == 0 && !strcmp(mount_opts(fl), "rw") &&
		   statfs_flags(fl) == T_ST_VALID,
	   "remount,bind,strictatime: no atime option at all (%s)", mount_opts(fl));
	errno = 0;
	ok(remount(in(ex, "dir"), MS_BIND) == -1 && errno == EINVAL,
	   "remount,bind of a directory that is no mount point: EINVAL");
}

static void test_nosuid(void)
{
	/* relatime named again: strictatime, the mount's last, would be kept otherwise. */
	ok(remount(fl, MS_BIND | MS_NOSUID | MS_RELATIME) == 0 &&
		   statfs_flags(fl) == (T_ST_VALID | T_ST_NOSUID | T_ST_RELATIME),
	   "remount,bind,nosuid; statfs ST_NOSUID");
	ok(run_report(in(ex, "suid")) == 5, "set-user-ID root on a plain mount: euid 0, AT_SECURE");
	ok(run_report(in(fl, "suid")) == 0,
	   "set-user-ID root on a nosuid mount: euid stays, AT_SECURE 0");
	ok(run_report(in(ex, "sgid")) == 6,
	   "set-group-ID root on a plain mount: egid 0, AT_SECURE");
	ok(run_report(in(fl, "sgid")) == 0,
	   "set-group-ID root on a nosuid mount: egid stays, AT_SECURE 0");
}

static void test_nodev(void)
{
	char c = 'x';
	int fd;

	ok(remount(fl, MS_BIND | MS_NODEV) == 0 &&
		   statfs_flags(fl) == (T_ST_VALID | T_ST_NODEV | T_ST_RELATIME),
	   "remount,bind,nodev; statfs ST_NODEV");
	ok(mknod(in(fl, "null"), S_IFCHR | 0666, makedev(1, 3)) == 0 &&
		   mknod(in(ex, "null"), S_IFCHR | 0666, makedev(1, 3)) == 0,
	   "mknod of /dev/null's numbers on both mounts");
	fd = open(in(ex, "null"), O_RDWR);
	ok(fd >= 0 && write(fd, &c, 1) == 1, "on a plain mount the node opens and writes");
	if (fd >= 0)
		close(fd);
	errno = 0;
	fd = open(in(fl, "null"), O_RDWR);
	ok(fd == -1 && errno == EACCES, "on a nodev mount it does not open: EACCES");
	errno = 0;
	fd = open(in(fl, "null"), O_RDONLY);
	ok(fd == -1 && errno == EACCES, "not even for reading: EACCES");
	fd = open(in(fl, "null"), O_PATH);
	ok(fd >= 0, "O_PATH names it still");
	if (fd >= 0)
		close(fd);
	ok(remount(fl, MS_BIND) == 0 && (fd = open(in(fl, "null"), O_RDWR)) >= 0,
	   "remount,bind without nodev: it opens");
	if (fd >= 0)
		close(fd);
	unlink(in(fl, "null"));
	unlink(in(ex, "null"));

	ok(remount(fl, MS_BIND | MS_NOSUID | MS_NODEV | MS_NOEXEC) == 0,
	   "remount,bind,nosuid,nodev,noexec");
	tap_streq(mount_opts(fl), "rw,nosuid,nodev,noexec,relatime",
		  "/proc/mounts: nosuid, nodev, noexec in Linux's order");
	ok(statfs_flags(fl) ==
		   (T_ST_VALID | T_ST_NOSUID | T_ST_NODEV | T_ST_NOEXEC | T_ST_RELATIME),
	   "statfs f_flags: all three (%#lx)", statfs_flags(fl));
	{
		struct mountinfo mi;

		ok(mountinfo(fl, &mi) == 0 && !strcmp(mi.opts, "rw,nosuid,nodev,noexec,relatime") &&
			   !strcmp(mi.super, "rw"),
		   "mountinfo: the flags are the mount's, not the super block's");
	}
}

#ifndef MS_NOSYMFOLLOW
#define MS_NOSYMFOLLOW 256
#endif

/* nosymfollow: a symlink on the mount is not followed (ELOOP), but still reads. */
static void test_nosymfollow(void)
{
	char target[PATH_MAX];
	ssize_t n;

	errno = 0;
	ok(symlink(in(fl, "prog"), in(fl, "link")) == 0 &&
		   remount(fl, MS_BIND | MS_NOSYMFOLLOW) == 0 &&
		   !strcmp(mount_opts(fl), "rw,relatime,nosymfollow") &&
		   open(in(fl, "link"), O_RDONLY) == -1 && errno == ELOOP,
	   "remount,bind,nosymfollow: opening through a symlink on it is ELOOP (%s)",
	   mount_opts(fl));
	n = readlink(in(fl, "link"), target, sizeof(target) - 1);
	ok(n > 0 && (target[n] = 0, !strcmp(target, in(fl, "prog"))), "readlink still reads it");
	ok(remount(fl, MS_BIND) == 0 && access(in(fl, "link"), F_OK) == 0,
	   "without nosymfollow it is followed again");
	unlink(in(fl, "link"));
}

static void test_new_mount_flags(void)
{
	int err = umount(fl);

	ok(!err && mount("t_mountflags", fl, "tmpfs",
			 MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME,
			 "mode=0755") == 0,
	   "a new mount with nosuid,nodev,noexec,noatime,nodiratime");
	tap_streq(mount_opts(fl), "rw,nosuid,nodev,noexec,noatime,nodiratime",
		  "/proc/mounts shows them, without relatime");
	ok(statfs_flags(fl) == (T_ST_VALID | T_ST_NOSUID | T_ST_NODEV | T_ST_NOEXEC | T_ST_NOATIME |
				T_ST_NODIRATIME),
	   "statfs f_flags the same (%#lx)", statfs_flags(fl));
}

static int file_is(const char *path, const char *want)
{
	char buf[64];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	if (n < 0)
		return 0;
	buf[n] = 0;
	return !strcmp(buf, want);
}

/* The mnt_id /proc/self/fdinfo shows for path opened, or -1. */
static int fdinfo_mnt_id(const char *path)
{
	char name[64], line[256];
	int fd = open(path, O_RDONLY), id = -1;
	FILE *f;

	if (fd < 0)
		return -1;
	snprintf(name, sizeof(name), "/proc/self/fdinfo/%d", fd);
	f = fopen(name, "r");
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "mnt_id: %d", &id) == 1)
			break;
	if (f)
		fclose(f);
	close(fd);
	return id;
}

/* MS_BIND: a directory seen at a second place, with its mount's flags. */
static void test_bind(void)
{
	char b[PATH_MAX], cwd[PATH_MAX], src[PATH_MAX];
	struct stat sb, sbase;
	int fd;

	snprintf(b, sizeof(b), "%s/b", base);
	snprintf(src, sizeof(src), "%s", in(ex, "src"));
	mkdir(b, 0755);
	mkdir(src, 0755);
	write_file(in(src, "f"), "hi", 2, 0644);
	ok(mount(src, b, NULL, MS_BIND, NULL) == 0 && file_is(in(b, "f"), "hi"),
	   "bind mount of a directory: its files seen there");
	{
		struct mountinfo mi, of_ex;

		ok(mountinfo(b, &mi) == 0 && mountinfo(ex, &of_ex) == 0 &&
			   !strcmp(mi.root, "/src") && !strcmp(mi.source, "t_mountflags") &&
			   !strcmp(mi.type, "tmpfs") && mi.id != of_ex.id,
		   "mountinfo: a bind mount's root within its file system");
		ok(fdinfo_mnt_id(in(b, "f")) == mi.id && fdinfo_mnt_id(in(src, "f")) == of_ex.id,
		   "fdinfo's mnt_id: the mount the file was opened through");
	}
	fd = open(in(b, "g"), O_WRONLY | O_CREAT, 0644);
	ok(fd >= 0 && access(in(src, "g"), F_OK) == 0, "a file made through it is in the source");
	if (fd >= 0)
		close(fd);
	tap_streq(mount_opts(b), "rw,relatime", "/proc/mounts: the source mount's flags");
	ok(stat(in(b, ".."), &sb) == 0 && stat(base, &sbase) == 0 && sb.st_ino == sbase.st_ino &&
		   sb.st_dev == sbase.st_dev,
	   "\"..\" of the bind mount's root is the directory it is mounted in");
	ok(chdir(b) == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, b) && chdir("/") == 0,
	   "getcwd inside it: its own path");
	errno = 0;
	ok(remount(b, MS_BIND | MS_RDONLY) == 0 &&
		   open(in(b, "h"), O_WRONLY | O_CREAT, 0644) == -1 && errno == EROFS &&
		   (fd = open(in(src, "h"), O_WRONLY | O_CREAT, 0644)) >= 0,
	   "remount,bind,ro of it: read-only there, the source still writable");
	if (fd >= 0)
		close(fd);
	ok(umount(b) == 0 && access(in(b, "f"), F_OK) == -1,
	   "umount of the bind mount: the directory empty again");

	ok(mount(fl, b, NULL, MS_BIND, NULL) == 0 &&
		   !strcmp(mount_opts(b), "rw,nosuid,nodev,noexec,noatime,nodiratime") &&
		   umount(b) == 0,
	   "a bind mount takes its source mount's flags, not mount's");
	errno = 0;
	ok(mount(in(src, "f"), b, NULL, MS_BIND, NULL) == -1 && errno == ENOTDIR,
	   "binding a file onto a directory: ENOTDIR");
	{
		char bf[PATH_MAX];

		snprintf(bf, sizeof(bf), "%s/bf", base);
		ok(write_file(bf, "other", 5, 0644) == 0 &&
			   mount(in(src, "f"), bf, NULL, MS_BIND, NULL) == 0 && file_is(bf, "hi") &&
			   umount(bf) == 0 && file_is(bf, "other"),
		   "a file bound onto a file: read through it, back after umount");
		unlink(bf);
	}
	errno = 0;
	ok(mount(in(src, "nosuch"), b, NULL, MS_BIND, NULL) == -1 && errno == ENOENT,
	   "binding a missing source: ENOENT");
	/* A mount below the source: MS_REC brings it along, a plain bind does not. */
	mkdir(in(src, "sub"), 0755);
	ok(mount("t_mountflags", in(src, "sub"), "tmpfs", 0, "mode=0755") == 0 &&
		   write_file(in(src, "sub/s"), "deep", 4, 0644) == 0 &&
		   mount(src, b, NULL, MS_BIND, NULL) == 0 && access(in(b, "sub/s"), F_OK) == -1 &&
		   access(in(b, "sub"), F_OK) == 0 && umount(b) == 0,
	   "a plain bind leaves out the mounts below its source");
	ok(mount(src, b, NULL, MS_BIND | MS_REC, NULL) == 0 && file_is(in(b, "sub/s"), "deep") &&
		   !strcmp(mount_opts(in(b, "sub")), "rw,relatime"),
	   "MS_BIND|MS_REC copies them, each at its place in the copy");
	{
		struct mountinfo top, sub;

		ok(mountinfo(b, &top) == 0 && mountinfo(in(b, "sub"), &sub) == 0 &&
			   !strcmp(top.root, "/src") && !strcmp(sub.root, "/") &&
			   sub.parent == top.id && top.id != sub.id,
		   "mountinfo: the copy's root is /src, the submount's parent is the copy");
	}
	errno = 0;
	ok(umount(b) == -1 && errno == EBUSY, "umount of the copy with a mount on it: EBUSY");
	ok(umount(in(b, "sub")) == 0 && umount(b) == 0 && file_is(in(src, "sub/s"), "deep") &&
		   umount(in(src, "sub")) == 0,
	   "the copies unmount one by one; the originals stay until unmounted themselves");
	ok(mount(src, b, NULL, MS_BIND | MS_REC, NULL) == 0 && umount(ex) == 0 &&
		   file_is(in(b, "f"), "hi") && umount(b) == 0,
	   "MS_BIND|MS_REC; the source's mount unmounted first, the bind mount still works");
	rmdir(b);
}

/* /proc/mounts escapes a blank in a name as \040, so that it stays one field. */
static void test_mangled_names(void)
{
	char dir[PATH_MAX], want[PATH_MAX + 64], line[1024];
	FILE *f;
	int found = 0;

	snprintf(dir, sizeof(dir), "%s/sp ace", base);
	snprintf(want, sizeof(want), "t\\040mf %s/sp\\040ace tmpfs rw,relatime", base);
	if (mkdir(dir, 0755) == 0 && mount("t mf", dir, "tmpfs", 0, "mode=0755") == 0) {
		f = fopen("/proc/mounts", "r");
		while (f && fgets(line, sizeof(line), f))
			if (!strncmp(line, want, strlen(want)))
				found = 1;
		if (f)
			fclose(f);
		umount(dir);
	}
	rmdir(dir);
	ok(found, "/proc/mounts: blanks in the source and mount point as \\040");
}

/* The files the mount cases run, on both mounts; 0 or -1. */
static int set_up_files(const char *self)
{
	static const char text[128] = "not an ELF file, but long enough to be read as a header\n";
	int err = 0;

	err |= copy_file(self, in(ex, "prog"), 0755);
	err |= copy_file(self, in(fl, "prog"), 0755);
	err |= copy_file(self, in(ex, "suid"), 04755);
	err |= copy_file(self, in(fl, "suid"), 04755);
	err |= copy_file(self, in(ex, "sgid"), 02755);
	err |= copy_file(self, in(fl, "sgid"), 02755);
	err |= write_file(in(ex, "interp"), text, sizeof(text), 0755);
	err |= write_file(in(fl, "interp"), text, sizeof(text), 0755);
	err |= write_script(in(ex, "script_fl"), in(fl, "prog"));
	err |= write_script(in(fl, "script"), in(ex, "prog"));
	err |= write_elf_with_interp(in(ex, "elf_ex"), in(ex, "interp"));
	err |= write_elf_with_interp(in(ex, "elf_fl"), in(fl, "interp"));
	err |= mkdir(in(ex, "dir"), 0755);
	return err ? -1 : 0;
}

static void test_mounts(const char *self)
{
	const char *why = NULL;
	int i;

	snprintf(ex, sizeof(ex), "%s/ex", base);
	snprintf(fl, sizeof(fl), "%s/fl", base);
	if (geteuid() != 0)
		why = "not root";
	else if (mkdir(ex, 0755) || mkdir(fl, 0755))
		why = "cannot make the mount points";
	else if (mount("t_mountflags", ex, "tmpfs", 0, "mode=0755"))
		why = "mount of a tmpfs refused here";
	else if (mount("t_mountflags", fl, "tmpfs", MS_NOEXEC, "mode=0755"))
		why = "mount of a noexec tmpfs refused here";
	else if (set_up_files(self))
		why = "cannot copy the programs onto the mounts";
	if (why) {
		for (i = 0; i < NR_MOUNT_CASES; i++)
			tap_skip("mount flags", why);
	} else {
		test_noexec();
		test_remount_ro_and_atime();
		test_nosuid();
		test_nodev();
		test_nosymfollow();
		test_new_mount_flags();
		test_bind();
		test_mangled_names();
	}
	umount2(fl, MNT_DETACH);
	umount2(ex, MNT_DETACH);
	rmdir(fl);
	rmdir(ex);
}

int main(int argc, char **argv)
{
	char self[PATH_MAX];

	if (argc > 1 && !strcmp(argv[1], "--exit"))
		return EXEC_OK;
	if (argc > 1 && !strcmp(argv[1], "--report"))
		return report();
	if (argc == 4 && !strcmp(argv[1], "--fdcheck"))
		return fdcheck(atoi(argv[2]), atoi(argv[3]));

	tap_plan(2 + 5 + NR_MOUNT_CASES);
	if (!mkdtemp(base) || chmod(base, 0755)) {
		perror("t_mountflags: mkdtemp");
		return 1;
	}
	snprintf(self, sizeof(self), "%s/self", base);
	if (copy_file("/proc/self/exe", self, 0755)) {
		perror("t_mountflags: copy of itself");
		return 1;
	}
	test_clone_files_exec(self);
	test_script_through_cloexec_fd(self);
	test_mounts(self);
	unlink(self);
	rmdir(base);
	return tap_done();
}
