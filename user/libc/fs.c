/* File-system calls beyond the basics: the *at variants, vectored I/O at an offset, sendfile,
 * copy_file_range, statx, openat2, eventfd, timerfd, mount, ppoll. */
#include "libc.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/mount.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <unistd.h>

int linkat(int olddirfd, const char *from, int newdirfd, const char *to, int flags)
{
	return (int)__sysret(SYS_linkat, olddirfd, from, newdirfd, to, flags);
}

ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t n)
{
	return __sysret(SYS_readlinkat, dirfd, path, buf, n);
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	return (int)__sysret(SYS_fchownat, dirfd, path, uid, gid, flags);
}

int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	return (int)__sysret(SYS_mknodat, dirfd, path, mode, dev);
}

int syncfs(int fd)
{
	return (int)__sysret(SYS_syncfs, fd);
}

int close_range(unsigned int first, unsigned int last, int flags)
{
	return (int)__sysret(SYS_close_range, first, last, flags);
}

int fallocate(int fd, int mode, off_t offset, off_t len)
{
	return (int)__sysret(SYS_fallocate, fd, mode, offset, len);
}

/* posix_fallocate returns the error number rather than setting errno. */
int posix_fallocate(int fd, off_t offset, off_t len)
{
	long r = __sys(SYS_fallocate, fd, 0, offset, len);

	return r < 0 ? (int)-r : 0;
}

int openat2(int dirfd, const char *path, struct open_how *how, size_t size)
{
	return (int)__sysret(SYS_openat2, dirfd, path, how, size);
}

/* On x86-64 the whole offset goes in the first of the two offset words. */
ssize_t preadv(int fd, const struct iovec *iov, int n, off_t offset)
{
	return __sysret(SYS_preadv, fd, iov, n, offset, 0);
}

ssize_t pwritev(int fd, const struct iovec *iov, int n, off_t offset)
{
	return __sysret(SYS_pwritev, fd, iov, n, offset, 0);
}

ssize_t preadv2(int fd, const struct iovec *iov, int n, off_t offset, int flags)
{
	return __sysret(SYS_preadv2, fd, iov, n, offset, 0, flags);
}

ssize_t pwritev2(int fd, const struct iovec *iov, int n, off_t offset, int flags)
{
	return __sysret(SYS_pwritev2, fd, iov, n, offset, 0, flags);
}

ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count)
{
	return __sysret(SYS_sendfile, out_fd, in_fd, offset, count);
}

ssize_t copy_file_range(int fd_in, off_t *off_in, int fd_out, off_t *off_out, size_t len,
			unsigned int flags)
{
	return __sysret(SYS_copy_file_range, fd_in, off_in, fd_out, off_out, len, flags);
}

int statx(int dirfd, const char *restrict path, int flags, unsigned int mask,
	  struct statx *restrict buf)
{
	return (int)__sysret(SYS_statx, dirfd, path, flags, mask, buf);
}

int eventfd(unsigned int count, int flags)
{
	return (int)__sysret(SYS_eventfd2, count, flags);
}

int eventfd_read(int fd, eventfd_t *value)
{
	return read(fd, value, sizeof(*value)) == sizeof(*value) ? 0 : -1;
}

int eventfd_write(int fd, eventfd_t value)
{
	return write(fd, &value, sizeof(value)) == sizeof(value) ? 0 : -1;
}

int timerfd_create(int clockid, int flags)
{
	return (int)__sysret(SYS_timerfd_create, clockid, flags);
}

int timerfd_settime(int fd, int flags, const struct itimerspec *new_value,
		    struct itimerspec *old_value)
{
	return (int)__sysret(SYS_timerfd_settime, fd, flags, new_value, old_value);
}

int timerfd_gettime(int fd, struct itimerspec *cur)
{
	return (int)__sysret(SYS_timerfd_gettime, fd, cur);
}

int mount(const char *source, const char *target, const char *fstype, unsigned long flags,
	  const void *data)
{
	return (int)__sysret(SYS_mount, source, target, fstype, flags, data);
}

int umount(const char *target)
{
	return (int)__sysret(SYS_umount2, target, 0);
}

int umount2(const char *target, int flags)
{
	return (int)__sysret(SYS_umount2, target, flags);
}

/* The kernel's sigset is 8 bytes; ours may be larger, so the size passed is the kernel's. */
int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *timeout, const sigset_t *mask)
{
	struct timespec t, *tp = 0;

	if (timeout) {
		t = *timeout; /* the kernel writes back the time left: not into the caller's */
		tp = &t;
	}
	return (int)__sysret(SYS_ppoll, fds, n, tp, mask, 8);
}
