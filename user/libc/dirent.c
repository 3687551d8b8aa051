/* Directory streams over getdents64. */
#include "libc.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct __dirstream {
	int fd;
	size_t pos, len;
	char buf[4096] __attribute__((aligned(8)));
};

DIR *fdopendir(int fd)
{
	DIR *d = malloc(sizeof(*d));
	if (!d)
		return 0;
	d->fd = fd;
	d->pos = d->len = 0;
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	return d;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	DIR *d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

struct dirent *readdir(DIR *d)
{
	if (d->pos >= d->len) {
		long n = __sys(SYS_getdents64, d->fd, d->buf, sizeof(d->buf));
		if (n <= 0) {
			if (n < 0)
				errno = (int)-n;
			return 0;
		}
		d->len = (size_t)n;
		d->pos = 0;
	}
	struct dirent *e = (struct dirent *)(d->buf + d->pos);
	d->pos += e->d_reclen;
	return e;
}

int closedir(DIR *d)
{
	int r = close(d->fd);
	free(d);
	return r;
}

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}

int dirfd(DIR *d)
{
	return d->fd;
}

int alphasort(const struct dirent **a, const struct dirent **b)
{
	return strcoll((*a)->d_name, (*b)->d_name);
}

int scandir(const char *path, struct dirent ***list, int (*sel)(const struct dirent *),
	    int (*cmp)(const struct dirent **, const struct dirent **))
{
	DIR *d = opendir(path);
	struct dirent *e, **v = 0;
	size_t n = 0, cap = 0;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (sel && !sel(e))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			struct dirent **nv = realloc(v, cap * sizeof(*v));
			if (!nv)
				goto fail;
			v = nv;
		}
		v[n] = malloc(e->d_reclen);
		if (!v[n])
			goto fail;
		memcpy(v[n++], e, e->d_reclen);
	}
	closedir(d);
	if (cmp)
		qsort(v, n, sizeof(*v), (int (*)(const void *, const void *))cmp);
	*list = v;
	return (int)n;
fail:
	while (n)
		free(v[--n]);
	free(v);
	closedir(d);
	errno = ENOMEM;
	return -1;
}
