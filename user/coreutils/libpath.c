// SPDX-License-Identifier: GPL-2.0
/* Canonical paths for readlink and realpath: see libpath.h. */
#include "libpath.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcu.h"

/* Drops the last component of the absolute path in buf (never the root). */
static void pop(char *buf, size_t *len)
{
	while (*len > 1 && buf[*len - 1] != '/')
		(*len)--;
	if (*len > 1)
		(*len)--;
	buf[*len] = 0;
}

static int push(char *buf, size_t *len, const char *name, size_t nlen)
{
	if (*len + nlen + 2 > PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (buf[*len - 1] != '/')
		buf[(*len)++] = '/';
	memcpy(buf + *len, name, nlen);
	*len += nlen;
	buf[*len] = 0;
	return 0;
}

static char *start(const char *path, size_t *len)
{
	char *buf = malloc(PATH_MAX + 1);

	if (!buf)
		return NULL;
	if (!*path) {
		errno = ENOENT;
		free(buf);
		return NULL;
	}
	if (path[0] == '/') {
		strcpy(buf, "/");
	} else if (!getcwd(buf, PATH_MAX)) {
		free(buf);
		return NULL;
	}
	*len = strlen(buf);
	return buf;
}

char *cu_normalize(const char *path)
{
	size_t len;
	char *buf = start(path, &len);

	if (!buf)
		return NULL;
	for (const char *p = path; *p;) {
		while (*p == '/')
			p++;
		size_t n = strcspn(p, "/");

		if (!n)
			break;
		if (n == 2 && p[0] == '.' && p[1] == '.')
			pop(buf, &len);
		else if (!(n == 1 && p[0] == '.') && push(buf, &len, p, n)) {
			free(buf);
			return NULL;
		}
		p += n;
	}
	return buf;
}

char *cu_canonicalize(const char *path, int mode)
{
	size_t len;
	char *buf = start(path, &len);
	/* what is left to walk: the path, with link targets spliced in front as they come */
	char *rest = malloc(2 * PATH_MAX + 2), *tmp = malloc(2 * PATH_MAX + 2);
	int links = 0, missing = 0;

	if (!buf || !rest || !tmp)
		goto fail;
	if (strlen(path) > PATH_MAX) {
		errno = ENAMETOOLONG;
		goto fail;
	}
	strcpy(rest, path);
	for (char *p = rest; *p;) {
		while (*p == '/')
			p++;
		size_t n = strcspn(p, "/");

		if (!n)
			break;
		if (n == 1 && p[0] == '.') {
			p += n;
			continue;
		}
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			pop(buf, &len);
			p += n;
			continue;
		}
		size_t saved = len;

		if (push(buf, &len, p, n))
			goto fail;
		p += n;
		int last = !p[strspn(p, "/")];
		int dir_wanted = !last || *p == '/'; /* "file/" must be a directory */
		struct stat st;

		if (missing) {
			/* below a missing directory everything is missing: only -m gets here */
			continue;
		}
		if (lstat(buf, &st)) {
			if (errno != ENOENT || mode == CANON_ALL_EXIST ||
			    (mode == CANON_LAST_MAY_MISS && !last))
				goto fail;
			missing = 1;
			continue;
		}
		if (S_ISLNK(st.st_mode)) {
			char target[PATH_MAX + 1];
			ssize_t tl = readlink(buf, target, PATH_MAX);

			if (tl < 0)
				goto fail;
			if (++links > 40) {
				errno = ELOOP;
				goto fail;
			}
			target[tl] = 0;
			if (tl + strlen(p) + 1 > 2 * PATH_MAX) {
				errno = ENAMETOOLONG;
				goto fail;
			}
			strcpy(tmp, target);
			strcat(tmp, p);
			strcpy(rest, tmp);
			p = rest;
			if (target[0] == '/') {
				strcpy(buf, "/");
				len = 1;
			} else {
				len = saved;
				buf[len] = 0;
			}
			continue;
		}
		if (!S_ISDIR(st.st_mode) && dir_wanted) {
			if (mode == CANON_MISSING_OK) {
				missing = 1;
				continue;
			}
			errno = ENOTDIR;
			goto fail;
		}
	}
	free(rest);
	free(tmp);
	return buf;
fail:
	free(buf);
	free(rest);
	free(tmp);
	return NULL;
}
