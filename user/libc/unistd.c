/* The thin system-call wrappers: each is its Linux system call, -1 and errno on failure. */
#include "libc.h"
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <string.h>
#include <stdio.h>

ssize_t read(int fd, void *buf, size_t n)
{
	return __sysret(SYS_read, fd, buf, n);
}
ssize_t write(int fd, const void *buf, size_t n)
{
	return __sysret(SYS_write, fd, buf, n);
}
ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return __sysret(SYS_pread64, fd, buf, n, off);
}
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return __sysret(SYS_pwrite64, fd, buf, n, off);
}
ssize_t readv(int fd, const struct iovec *iov, int n)
{
	return __sysret(SYS_readv, fd, iov, n);
}
ssize_t writev(int fd, const struct iovec *iov, int n)
{
	return __sysret(SYS_writev, fd, iov, n);
}
int close(int fd)
{
	return (int)__sysret(SYS_close, fd);
}
off_t lseek(int fd, off_t off, int whence)
{
	return __sysret(SYS_lseek, fd, off, whence);
}
int dup(int fd)
{
	return (int)__sysret(SYS_dup, fd);
}
int dup2(int fd, int fd2)
{
	return (int)__sysret(SYS_dup2, fd, fd2);
}
int dup3(int fd, int fd2, int flags)
{
	return (int)__sysret(SYS_dup3, fd, fd2, flags);
}
int pipe(int fds[2])
{
	return (int)__sysret(SYS_pipe, fds);
}
int pipe2(int fds[2], int flags)
{
	return (int)__sysret(SYS_pipe2, fds, flags);
}
int execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)__sysret(SYS_execve, path, argv, envp);
}
pid_t getpid(void)
{
	return (pid_t)__sys(SYS_getpid);
}
pid_t getppid(void)
{
	return (pid_t)__sys(SYS_getppid);
}
pid_t gettid(void)
{
	return (pid_t)__sys(SYS_gettid);
}
pid_t getpgrp(void)
{
	return (pid_t)__sys(SYS_getpgrp);
}
pid_t getpgid(pid_t pid)
{
	return (pid_t)__sysret(SYS_getpgid, pid);
}
int setpgid(pid_t pid, pid_t pgid)
{
	return (int)__sysret(SYS_setpgid, pid, pgid);
}
pid_t setsid(void)
{
	return (pid_t)__sysret(SYS_setsid);
}
pid_t getsid(pid_t pid)
{
	return (pid_t)__sysret(SYS_getsid, pid);
}
uid_t getuid(void)
{
	return (uid_t)__sys(SYS_getuid);
}
uid_t geteuid(void)
{
	return (uid_t)__sys(SYS_geteuid);
}
gid_t getgid(void)
{
	return (gid_t)__sys(SYS_getgid);
}
gid_t getegid(void)
{
	return (gid_t)__sys(SYS_getegid);
}
int setuid(uid_t uid)
{
	return (int)__sysret(SYS_setuid, uid);
}
int setgid(gid_t gid)
{
	return (int)__sysret(SYS_setgid, gid);
}
int getgroups(int n, gid_t list[])
{
	return (int)__sysret(SYS_getgroups, n, list);
}
int chdir(const char *path)
{
	return (int)__sysret(SYS_chdir, path);
}
int fchdir(int fd)
{
	return (int)__sysret(SYS_fchdir, fd);
}
int unlink(const char *path)
{
	return (int)__sysret(SYS_unlink, path);
}
int unlinkat(int dirfd, const char *path, int flags)
{
	return (int)__sysret(SYS_unlinkat, dirfd, path, flags);
}
int rmdir(const char *path)
{
	return (int)__sysret(SYS_rmdir, path);
}
int link(const char *from, const char *to)
{
	return (int)__sysret(SYS_link, from, to);
}
int symlink(const char *target, const char *path)
{
	return (int)__sysret(SYS_symlink, target, path);
}
int rename(const char *from, const char *to)
{
	return (int)__sysret(SYS_rename, from, to);
}
ssize_t readlink(const char *restrict path, char *restrict buf, size_t n)
{
	return __sysret(SYS_readlink, path, buf, n);
}
int access(const char *path, int mode)
{
	return (int)__sysret(SYS_access, path, mode);
}
int faccessat(int dirfd, const char *path, int mode, int flags)
{
	return (int)__sysret(SYS_faccessat2, dirfd, path, mode, flags);
}
int chown(const char *path, uid_t uid, gid_t gid)
{
	return (int)__sysret(SYS_chown, path, uid, gid);
}
int fchown(int fd, uid_t uid, gid_t gid)
{
	return (int)__sysret(SYS_fchown, fd, uid, gid);
}
int lchown(const char *path, uid_t uid, gid_t gid)
{
	return (int)__sysret(SYS_lchown, path, uid, gid);
}
int truncate(const char *path, off_t len)
{
	return (int)__sysret(SYS_truncate, path, len);
}
int ftruncate(int fd, off_t len)
{
	return (int)__sysret(SYS_ftruncate, fd, len);
}
int fsync(int fd)
{
	return (int)__sysret(SYS_fsync, fd);
}
int fdatasync(int fd)
{
	return (int)__sysret(SYS_fdatasync, fd);
}
void sync(void)
{
	__sys(SYS_sync);
}
int chroot(const char *path)
{
	return (int)__sysret(SYS_chroot, path);
}
int sethostname(const char *name, size_t n)
{
	return (int)__sysret(SYS_sethostname, name, n);
}
int pause(void)
{
	return (int)__sysret(SYS_pause);
}
unsigned alarm(unsigned secs)
{
	return (unsigned)__sys(SYS_alarm, secs);
}
int stat(const char *restrict path, struct stat *restrict st)
{
	return (int)__sysret(SYS_stat, path, st);
}
int lstat(const char *restrict path, struct stat *restrict st)
{
	return (int)__sysret(SYS_lstat, path, st);
}
int fstat(int fd, struct stat *st)
{
	return (int)__sysret(SYS_fstat, fd, st);
}
int fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags)
{
	return (int)__sysret(SYS_newfstatat, dirfd, path, st, flags);
}
int chmod(const char *path, mode_t mode)
{
	return (int)__sysret(SYS_chmod, path, mode);
}
int fchmod(int fd, mode_t mode)
{
	return (int)__sysret(SYS_fchmod, fd, mode);
}
int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	(void)flags;
	return (int)__sysret(SYS_fchmodat, dirfd, path, mode);
}
int mkdir(const char *path, mode_t mode)
{
	return (int)__sysret(SYS_mkdir, path, mode);
}
int mkdirat(int dirfd, const char *path, mode_t mode)
{
	return (int)__sysret(SYS_mkdirat, dirfd, path, mode);
}
int mknod(const char *path, mode_t mode, dev_t dev)
{
	return (int)__sysret(SYS_mknod, path, mode, dev);
}
int mkfifo(const char *path, mode_t mode)
{
	return mknod(path, mode | S_IFIFO, 0);
}
mode_t umask(mode_t mask)
{
	return (mode_t)__sys(SYS_umask, mask);
}
int utimensat(int dirfd, const char *path, const struct timespec t[2], int flags)
{
	return (int)__sysret(SYS_utimensat, dirfd, path, t, flags);
}
int futimens(int fd, const struct timespec t[2])
{
	return utimensat(fd, 0, t, 0);
}
int creat(const char *path, mode_t mode)
{
	return (int)__sysret(SYS_creat, path, mode);
}
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (void *)__sysret(SYS_mmap, addr, len, prot, flags, fd, off);
}
int munmap(void *addr, size_t len)
{
	return (int)__sysret(SYS_munmap, addr, len);
}
int mprotect(void *addr, size_t len, int prot)
{
	return (int)__sysret(SYS_mprotect, addr, len, prot);
}
int madvise(void *addr, size_t len, int advice)
{
	return (int)__sysret(SYS_madvise, addr, len, advice);
}
int msync(void *addr, size_t len, int flags)
{
	return (int)__sysret(SYS_msync, addr, len, flags);
}
int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	return (int)__sysret(SYS_poll, fds, n, timeout);
}
int sched_yield(void)
{
	return (int)__sysret(SYS_sched_yield);
}
int uname(struct utsname *u)
{
	return (int)__sysret(SYS_uname, u);
}
int getrlimit(int res, struct rlimit *r)
{
	return (int)__sysret(SYS_prlimit64, 0, res, 0, r);
}
int setrlimit(int res, const struct rlimit *r)
{
	return (int)__sysret(SYS_prlimit64, 0, res, r, 0);
}
int prlimit(int pid, int res, const struct rlimit *n, struct rlimit *o)
{
	return (int)__sysret(SYS_prlimit64, pid, res, n, o);
}
int getrusage(int who, struct rusage *ru)
{
	return (int)__sysret(SYS_getrusage, who, ru);
}
int kill(pid_t pid, int sig)
{
	return (int)__sysret(SYS_kill, pid, sig);
}
int killpg(pid_t pgrp, int sig)
{
	return kill(-pgrp, sig);
}
int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
	return (int)__sysret(SYS_waitid, idtype, id, info, options, 0);
}
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return (pid_t)__sysret(SYS_wait4, pid, status, options, ru);
}
pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, 0);
}
pid_t wait(int *status)
{
	return wait4(-1, status, 0, 0);
}
int clock_gettime(clockid_t clk, struct timespec *ts)
{
	if (__vdso_clock_gettime)
		return (int)__syscall_ret(__vdso_clock_gettime(clk, ts));
	return (int)__sysret(SYS_clock_gettime, clk, ts);
}
int clock_getres(clockid_t clk, struct timespec *ts)
{
	return (int)__sysret(SYS_clock_getres, clk, ts);
}
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)__sysret(SYS_nanosleep, req, rem);
}
int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	if (__vdso_gettimeofday)
		return (int)__syscall_ret(__vdso_gettimeofday(tv, tz));
	return (int)__sysret(SYS_gettimeofday, tv, tz);
}
int getitimer(int which, struct itimerval *v)
{
	return (int)__sysret(SYS_getitimer, which, v);
}
int setitimer(int which, const struct itimerval *restrict v, struct itimerval *restrict old)
{
	return (int)__sysret(SYS_setitimer, which, v, old);
}

int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req, struct timespec *rem)
{
	long r;

	/* POSIX's answer for the caller's own thread clock (the kernel's is EOPNOTSUPP). */
	if (clk == CLOCK_THREAD_CPUTIME_ID)
		return EINVAL;
	r = __sys(SYS_clock_nanosleep, clk, flags, req, rem);
	return (int)-r; /* returns the error number, not -1 */
}

__noreturn void _exit(int status)
{
	for (;;) {
		__sys(SYS_exit_group, status);
		__sys(SYS_exit, status);
	}
}

__noreturn void _Exit(int status)
{
	_exit(status);
}

pid_t fork(void)
{
	/* SIGCHLD as the exit signal, nothing shared: what glibc's fork asks clone for */
	__malloc_atfork(0);
	long r = __sys(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	if (r == 0)
		__tcb()->tid = (int)__sys(SYS_gettid);
	__malloc_atfork(r == 0 ? 2 : 1);
	return (pid_t)__syscall_ret(r);
}

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	if (flags & (O_CREAT | __O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return (int)__sysret(SYS_open, path, flags | O_LARGEFILE, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	if (flags & (O_CREAT | __O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return (int)__sysret(SYS_openat, dirfd, path, flags | O_LARGEFILE, mode);
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	long arg = va_arg(ap, long);
	va_end(ap);
	return (int)__sysret(SYS_fcntl, fd, cmd, arg);
}

int ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	va_start(ap, req);
	long arg = va_arg(ap, long);
	va_end(ap);
	return (int)__sysret(SYS_ioctl, fd, req, arg);
}

void *mremap(void *old, size_t oldlen, size_t newlen, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	void *addr = (flags & MREMAP_FIXED) ? va_arg(ap, void *) : 0;
	va_end(ap);
	return (void *)__sysret(SYS_mremap, old, oldlen, newlen, flags, addr);
}

char *getcwd(char *buf, size_t size)
{
	char tmp[4096];
	char *out = buf ? buf : tmp;

	if (__sysret(SYS_getcwd, out, buf ? size : sizeof(tmp)) < 0)
		return 0;
	/* "(unreachable)/...": no path from our root (glibc and musl say ENOENT too). */
	if (out[0] != '/') {
		errno = ENOENT;
		return 0;
	}
	return buf ? buf : strdup(tmp);
}

int isatty(int fd)
{
	struct termios t;
	return tcgetattr(fd, &t) == 0;
}

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int act, const struct termios *t)
{
	if (act < 0 || act > 2) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, TCSETS + act, t);
}

void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

pid_t tcgetpgrp(int fd)
{
	int pg;
	return ioctl(fd, TIOCGPGRP, &pg) < 0 ? -1 : pg;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	int pg = pgrp;
	return ioctl(fd, TIOCSPGRP, &pg);
}

unsigned sleep(unsigned secs)
{
	struct timespec ts = { secs, 0 };
	if (nanosleep(&ts, &ts) < 0)
		return (unsigned)ts.tv_sec + (ts.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t us)
{
	struct timespec ts = { us / 1000000, (long)(us % 1000000) * 1000 };
	return nanosleep(&ts, 0);
}

long sysconf(int name)
{
	struct rlimit r;
	switch (name) {
	case _SC_ARG_MAX:
		return 131072;
	case _SC_CHILD_MAX:
		return getrlimit(RLIMIT_NPROC, &r) ? -1 : (long)r.rlim_cur;
	case _SC_CLK_TCK:
		return 100;
	case _SC_NGROUPS_MAX:
		return 65536;
	case _SC_OPEN_MAX:
		return getrlimit(RLIMIT_NOFILE, &r) ? -1 : (long)r.rlim_cur;
	case _SC_PAGESIZE:
		return (long)__page_size;
	case _SC_HOST_NAME_MAX:
		return 64;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN: {
		unsigned long set[16] = { 0 };
		long n = __sys(SYS_sched_getaffinity, 0, sizeof(set), set);
		long c = 0;
		for (long i = 0; n > 0 && i < n / 8; i++)
			c += __builtin_popcountl(set[i]);
		return c ? c : 1;
	}
	}
	errno = EINVAL;
	return -1;
}

long pathconf(const char *path, int name)
{
	(void)path;
	if (name == _PC_PATH_MAX)
		return 4096;
	if (name == _PC_NAME_MAX)
		return 255;
	errno = EINVAL;
	return -1;
}

int getpagesize(void)
{
	return (int)__page_size;
}

int gethostname(char *name, size_t n)
{
	struct utsname u;
	if (uname(&u) < 0)
		return -1;
	size_t l = strlen(u.nodename);
	if (l >= n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, l + 1);
	return 0;
}

static unsigned long cur_brk;

int brk(void *addr)
{
	unsigned long r = (unsigned long)__sys(SYS_brk, addr);
	if (r != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	cur_brk = r;
	return 0;
}

void *sbrk(intptr_t inc)
{
	if (!cur_brk)
		cur_brk = (unsigned long)__sys(SYS_brk, 0);
	unsigned long old = cur_brk;
	if (inc && brk((void *)(old + inc)) < 0)
		return (void *)-1;
	return (void *)old;
}

char *ttyname(int fd)
{
	static char buf[64];
	char path[32];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (!isatty(fd))
		return 0;
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);
	if (n < 0)
		return 0;
	buf[n] = 0;
	return buf;
}

int select(int n, fd_set *restrict r, fd_set *restrict w, fd_set *restrict e,
	   struct timeval *restrict tv)
{
	return (int)__sysret(SYS_select, n, r, w, e, tv);
}

int pselect(int n, fd_set *restrict r, fd_set *restrict w, fd_set *restrict e,
	    const struct timespec *restrict ts, const sigset_t *restrict mask)
{
	/* the kernel takes the mask as a (pointer, size) pair */
	unsigned long data[2] = { (unsigned long)mask, 8 };
	struct timespec copy, *tp = 0;
	if (ts) {
		copy = *ts;
		tp = &copy;
	}
	return (int)__sysret(SYS_pselect6, n, r, w, e, tp, mask ? data : 0);
}
