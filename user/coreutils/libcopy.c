// SPDX-License-Identifier: GPL-2.0
/* Copying files and trees: see libcopy.h. */
#include "libcopy.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcu.h"

int cu_ask_overwrite(const char *path)
{
	char line[64];

	fprintf(stderr, "%s: overwrite '%s'? ", prog_name, path);
	if (!fgets(line, sizeof(line), stdin))
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}

static void preserve(const char *dst, const struct stat *st, int is_link)
{
	struct timespec t[2] = { st->st_atim, st->st_mtim };

	/* Ownership first: chown may clear the set-id bits that chmod then puts back. */
	if (fchownat(AT_FDCWD, dst, st->st_uid, st->st_gid, is_link ? AT_SYMLINK_NOFOLLOW : 0) &&
	    errno != EPERM)
		cu_warn_errno(dst);
	if (!is_link && chmod(dst, st->st_mode & 07777))
		cu_warn_errno(dst);
	if (utimensat(AT_FDCWD, dst, t, is_link ? AT_SYMLINK_NOFOLLOW : 0) && !is_link)
		cu_warn_errno(dst);
}

static int copy_file(const char *src, const char *dst, const struct stat *st,
		     const struct copy_opts *o)
{
	int in = open(src, O_RDONLY), out;
	int existed = !access(dst, F_OK);

	if (in < 0) {
		cu_warn_errno(src);
		return 1;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777);
	if (out < 0 && o->force && existed) {
		unlink(dst);
		out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777);
	}
	if (out < 0) {
		cu_warn_errno(dst);
		close(in);
		return 1;
	}
	int r = cu_copy_fd(in, out);

	if (r)
		cu_warn_errno(r == -1 ? src : dst);
	close(in);
	if (close(out) && !r) {
		cu_warn_errno(dst);
		r = -2;
	}
	if (!r && o->preserve)
		preserve(dst, st, 0);
	return r ? 1 : 0;
}

static int copy_tree(const char *src, const char *dst, int top, const struct copy_opts *o);

static int copy_dir(const char *src, const char *dst, const struct stat *st,
		    const struct copy_opts *o)
{
	struct stat dst_st;
	int made = 0, status = 0;

	if (stat(dst, &dst_st)) {
		/* writable and searchable while we fill it; its own mode comes after */
		if (mkdir(dst, (st->st_mode & 0777) | S_IRWXU)) {
			cu_warn_errno(dst);
			return 1;
		}
		made = 1;
	} else if (!S_ISDIR(dst_st.st_mode)) {
		cu_warn("cannot overwrite non-directory '%s' with directory '%s'", dst, src);
		return 1;
	}
	DIR *d = opendir(src);

	if (!d) {
		cu_warn_errno(src);
		return 1;
	}
	struct dirent *e;

	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *s = cu_join(src, e->d_name), *t = cu_join(dst, e->d_name);

		status |= copy_tree(s, t, 0, o);
		free(s);
		free(t);
	}
	closedir(d);
	if (o->preserve)
		preserve(dst, st, 0);
	else if (made) {
		mode_t mask = umask(0);

		umask(mask);
		if (chmod(dst, st->st_mode & 0777 & ~mask))
			cu_warn_errno(dst);
	}
	return status;
}

static int copy_tree(const char *src, const char *dst, int top, const struct copy_opts *o)
{
	struct stat st, dst_st;
	int follow = !o->no_deref || (top && o->deref_args);

	if (follow ? stat(src, &st) : lstat(src, &st)) {
		cu_warn_errno(src);
		return 1;
	}
	int dst_exists = !lstat(dst, &dst_st);

	if (dst_exists && st.st_dev == dst_st.st_dev && st.st_ino == dst_st.st_ino) {
		cu_warn("'%s' and '%s' are the same file", src, dst);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!o->recursive) {
			cu_warn("-r not specified; omitting directory '%s'", src);
			return 1;
		}
		/* dst inside src would grow forever */
		char *rs = realpath(src, NULL), *rd = NULL;
		char *slash = strrchr(dst, '/');
		int bad = 0;

		if (rs) {
			char *parent =
				slash ? strndup(dst, slash - dst + (slash == dst)) : strdup(".");

			rd = realpath(parent, NULL);
			free(parent);
			if (rd) {
				size_t l = strlen(rs);

				bad = !strncmp(rd, rs, l) && (rd[l] == '/' || rd[l] == 0);
			}
		}
		free(rs);
		free(rd);
		if (bad) {
			cu_warn("cannot copy a directory, '%s', into itself, '%s'", src, dst);
			return 1;
		}
		if (o->verbose)
			printf("'%s' -> '%s'\n", src, dst);
		return copy_dir(src, dst, &st, o);
	}
	if (dst_exists) {
		if (o->no_clobber)
			return 0;
		if (o->interactive && !cu_ask_overwrite(dst))
			return 0;
		if (S_ISDIR(dst_st.st_mode)) {
			cu_warn("cannot overwrite directory '%s' with non-directory", dst);
			return 1;
		}
	}
	if (o->verbose)
		printf("'%s' -> '%s'\n", src, dst);
	if (S_ISLNK(st.st_mode)) {
		char target[4096];
		ssize_t n = readlink(src, target, sizeof(target) - 1);

		if (n < 0) {
			cu_warn_errno(src);
			return 1;
		}
		target[n] = 0;
		if (dst_exists)
			unlink(dst);
		if (symlink(target, dst)) {
			cu_warn_errno(dst);
			return 1;
		}
		if (o->preserve)
			preserve(dst, &st, 1);
		return 0;
	}
	if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ||
	    S_ISSOCK(st.st_mode)) {
		/* within a tree special files are made again, not read */
		if (o->recursive) {
			if (dst_exists)
				unlink(dst);
			if (mknod(dst, st.st_mode, st.st_rdev)) {
				cu_warn_errno(dst);
				return 1;
			}
			if (o->preserve)
				preserve(dst, &st, 0);
			return 0;
		}
	}
	return copy_file(src, dst, &st, o);
}

int cu_copy(const char *src, const char *dst, const struct copy_opts *o)
{
	return copy_tree(src, dst, 1, o);
}
