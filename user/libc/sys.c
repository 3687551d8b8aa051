/* File-system and system information, flock, getrandom, prctl, times. */
#include "libc.h"
#include <stdarg.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/statvfs.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/vfs.h>
#include <unistd.h>

int statfs(const char *path, struct statfs *buf)
{
	return (int)__sysret(SYS_statfs, path, buf);
}

int fstatfs(int fd, struct statfs *buf)
{
	return (int)__sysret(SYS_fstatfs, fd, buf);
}

static void to_statvfs(const struct statfs *s, struct statvfs *v)
{
	v->f_bsize = (unsigned long)s->f_bsize;
	v->f_frsize = (unsigned long)(s->f_frsize ? s->f_frsize : s->f_bsize);
	v->f_blocks = s->f_blocks;
	v->f_bfree = s->f_bfree;
	v->f_bavail = s->f_bavail;
	v->f_files = s->f_files;
	v->f_ffree = s->f_ffree;
	v->f_favail = s->f_ffree;
	v->f_fsid = (unsigned long)(unsigned)s->f_fsid.val[0] |
		    (unsigned long)(unsigned)s->f_fsid.val[1] << 32;
	v->f_flag = (unsigned long)s->f_flags & (ST_RDONLY | ST_NOSUID);
	v->f_namemax = (unsigned long)s->f_namelen;
}

int statvfs(const char *restrict path, struct statvfs *restrict buf)
{
	struct statfs s;
	if (statfs(path, &s) < 0)
		return -1;
	to_statvfs(&s, buf);
	return 0;
}

int fstatvfs(int fd, struct statvfs *buf)
{
	struct statfs s;
	if (fstatfs(fd, &s) < 0)
		return -1;
	to_statvfs(&s, buf);
	return 0;
}

int sysinfo(struct sysinfo *info)
{
	return (int)__sysret(SYS_sysinfo, info);
}

int get_nprocs(void)
{
	return (int)sysconf(_SC_NPROCESSORS_ONLN);
}

clock_t times(struct tms *buf)
{
	return (clock_t)__sysret(SYS_times, buf);
}

int flock(int fd, int op)
{
	return (int)__sysret(SYS_flock, fd, op);
}

ssize_t getrandom(void *buf, size_t n, unsigned flags)
{
	return __sysret(SYS_getrandom, buf, n, flags);
}

int prctl(int op, ...)
{
	va_list ap;
	va_start(ap, op);
	long a = va_arg(ap, long), b = va_arg(ap, long), c = va_arg(ap, long), d = va_arg(ap, long);
	va_end(ap);
	return (int)__sysret(SYS_prctl, op, a, b, c, d);
}
