// SPDX-License-Identifier: GPL-2.0
/* Helpers shared by the coreutils: see libcu.h. */
#include "libcu.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char *prog_name = "?";
static const char *usage_text = "";

void cu_init(int argc, char **argv, const char *usage)
{
	const char *slash = argc > 0 ? strrchr(argv[0], '/') : NULL;

	prog_name = argc > 0 ? (slash ? slash + 1 : argv[0]) : "?";
	usage_text = usage;
	if (argc == 2 && !strcmp(argv[1], "--help")) {
		printf("Usage: %s %s", prog_name, usage);
		exit(fflush(stdout) ? 1 : 0);
	}
}

void cu_usage(int status)
{
	fprintf(stderr, "Usage: %s %s", prog_name, usage_text);
	exit(status);
}

void cu_warn_errno(const char *path)
{
	int e = errno;

	fflush(stdout);
	fprintf(stderr, "%s: %s: %s\n", prog_name, path, strerror(e));
	errno = e;
}

static void vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", prog_name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cu_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void cu_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}

int cu_open_in(const char *path)
{
	if (!strcmp(path, "-"))
		return 0;
	return open(path, O_RDONLY);
}

int cu_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= n;
	}
	return 0;
}

int cu_copy_fd(int in, int out)
{
	static char buf[65536];

	for (;;) {
		ssize_t n = read(in, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (cu_write_all(out, buf, n))
			return -2;
	}
}

char *cu_human(uint64_t n, char *buf, size_t len)
{
	static const char units[] = "KMGTPE";
	uint64_t unit = 1024;
	int u = 0;

	if (n < 1024) {
		snprintf(buf, len, "%llu", (unsigned long long)n);
		return buf;
	}
	while (u < 5 && n / unit >= 1024) {
		unit *= 1024;
		u++;
	}
	/* Rounded up, as ls -h and du -h do: a size never looks smaller than it is. */
	if (n / unit < 10) {
		unsigned __int128 t = ((unsigned __int128)n * 10 + unit - 1) / unit;

		if (t < 100) {
			snprintf(buf, len, "%u.%u%c", (unsigned)(t / 10), (unsigned)(t % 10),
				 units[u]);
			return buf;
		}
	}
	uint64_t w = n / unit + (n % unit != 0);

	if (w >= 1024 && u < 5)
		snprintf(buf, len, "1.0%c", units[u + 1]);
	else
		snprintf(buf, len, "%llu%c", (unsigned long long)w, units[u]);
	return buf;
}

static mode_t who_bits(int who)
{
	mode_t m = 0;

	if (who & 1)
		m |= S_ISUID | S_IRWXU;
	if (who & 2)
		m |= S_ISGID | S_IRWXG;
	if (who & 4)
		m |= S_IRWXO;
	return m;
}

int cu_parse_mode(const char *s, mode_t old, int is_dir, mode_t umask_val, mode_t *out)
{
	mode_t m = old & 07777;
	const char *p;

	if (*s >= '0' && *s <= '7') {
		unsigned long v = 0;

		for (p = s; *p; p++) {
			if (*p < '0' || *p > '7')
				return -1;
			v = v * 8 + (*p - '0');
			if (v > 07777)
				return -1;
		}
		*out = v;
		return 0;
	}
	p = s;
	for (;;) {
		int who = 0;

		for (; *p && strchr("ugoa", *p); p++)
			who |= *p == 'u' ? 1 : *p == 'g' ? 2 : *p == 'o' ? 4 : 7;
		if (!*p || !strchr("+-=", *p))
			return -1;
		while (*p && strchr("+-=", *p)) {
			char op = *p++;
			mode_t bits = 0;

			if (*p && strchr("ugo", *p)) {
				/* copy another class's permissions */
				mode_t src = *p == 'u'	 ? (m >> 6) & 7
					     : *p == 'g' ? (m >> 3) & 7
							 : m & 7;

				bits = src << 6 | src << 3 | src;
				p++;
			} else {
				for (; *p && strchr("rwxXst", *p); p++) {
					switch (*p) {
					case 'r':
						bits |= 0444;
						break;
					case 'w':
						bits |= 0222;
						break;
					case 'x':
						bits |= 0111;
						break;
					case 'X':
						if (is_dir || (old & 0111))
							bits |= 0111;
						break;
					case 's':
						bits |= S_ISUID | S_ISGID;
						break;
					case 't':
						bits |= S_ISVTX;
						break;
					}
				}
			}
			mode_t mask = who ? who_bits(who) | (who == 7 ? S_ISVTX : 0)
					  : (07777 & ~umask_val) | S_ISVTX;

			if (!who && (bits & S_ISVTX))
				mask |= S_ISVTX;
			if (who && (bits & S_ISVTX) && (who & 4))
				mask |= S_ISVTX;
			bits &= mask;
			if (op == '+') {
				m |= bits;
			} else if (op == '-') {
				m &= ~bits;
			} else {
				mode_t clear = who ? who_bits(who) : 07777;

				/* '=' keeps a directory's set-id bits unless named (as chmod does) */
				if (is_dir)
					clear &= ~(S_ISUID | S_ISGID);
				m = (m & ~clear) | bits;
			}
		}
		if (!*p)
			break;
		if (*p != ',')
			return -1;
		p++;
	}
	*out = m;
	return 0;
}

void cu_mode_string(mode_t m, char *b)
{
	b[0] = S_ISDIR(m)    ? 'd'
	       : S_ISLNK(m)  ? 'l'
	       : S_ISCHR(m)  ? 'c'
	       : S_ISBLK(m)  ? 'b'
	       : S_ISFIFO(m) ? 'p'
	       : S_ISSOCK(m) ? 's'
			     : '-';
	b[1] = m & S_IRUSR ? 'r' : '-';
	b[2] = m & S_IWUSR ? 'w' : '-';
	b[3] = m & S_ISUID ? (m & S_IXUSR ? 's' : 'S') : (m & S_IXUSR ? 'x' : '-');
	b[4] = m & S_IRGRP ? 'r' : '-';
	b[5] = m & S_IWGRP ? 'w' : '-';
	b[6] = m & S_ISGID ? (m & S_IXGRP ? 's' : 'S') : (m & S_IXGRP ? 'x' : '-');
	b[7] = m & S_IROTH ? 'r' : '-';
	b[8] = m & S_IWOTH ? 'w' : '-';
	b[9] = m & S_ISVTX ? (m & S_IXOTH ? 't' : 'T') : (m & S_IXOTH ? 'x' : '-');
	b[10] = 0;
}

char *cu_join(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	char *s = malloc(dl + nl + 2);

	if (!s)
		cu_die(1, "out of memory");
	memcpy(s, dir, dl);
	if (dl && dir[dl - 1] != '/')
		s[dl++] = '/';
	memcpy(s + dl, name, nl + 1);
	return s;
}

static int names_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **cu_sorted_names(DIR *d, size_t *count)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;

	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = realloc(v, cap * sizeof(*v));
			if (!v)
				cu_die(1, "out of memory");
		}
		v[n] = strdup(e->d_name);
		if (!v[n++])
			cu_die(1, "out of memory");
	}
	qsort(v, n, sizeof(*v), names_cmp);
	*count = n;
	return v;
}

struct walk_entry {
	struct stat st;
	int err; /* the lstat's errno, or 0 */
};

/*
 * Each entry is looked at while the directory is still open, as fts does: its own descriptor
 * in /proc/self/fd is then still there.
 */
static struct walk_entry *stat_entries(DIR *d, char **names, size_t n)
{
	struct walk_entry *v = malloc((n ? n : 1) * sizeof(*v));

	if (!v)
		cu_die(1, "out of memory");
	for (size_t i = 0; i < n; i++)
		v[i].err = fstatat(dirfd(d), names[i], &v[i].st, AT_SYMLINK_NOFOLLOW) ? errno : 0;
	return v;
}

static int walk(const char *path, const struct stat *st, cu_walk_fn fn, void *arg, int depth)
{
	int ret = 0;
	int r = fn(path, st, 1, depth, arg);

	if (r < 0)
		return 1;
	if (!S_ISDIR(st->st_mode) || r == 1)
		return 0;
	DIR *d = opendir(path);

	if (!d) {
		cu_warn_errno(path);
		ret = 1;
		goto post;
	}
	size_t n;
	char **names = cu_sorted_names(d, &n);
	struct walk_entry *v = stat_entries(d, names, n);

	closedir(d);
	for (size_t i = 0; i < n; i++) {
		char *child = cu_join(path, names[i]);

		if (v[i].err) {
			errno = v[i].err;
			cu_warn_errno(child);
			ret = 1;
		} else {
			ret |= walk(child, &v[i].st, fn, arg, depth + 1);
		}
		free(child);
		free(names[i]);
	}
	free(names);
	free(v);
post:
	if (fn(path, st, 0, depth, arg))
		ret = 1;
	return ret;
}

int cu_walk(const char *path, cu_walk_fn fn, void *arg)
{
	struct stat st;

	if (lstat(path, &st)) {
		cu_warn_errno(path);
		return 1;
	}
	return walk(path, &st, fn, arg, 0);
}

static int digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (**p < '0' || **p > '9')
			return -1;
		v = v * 10 + (*(*p)++ - '0');
	}
	*out = v;
	return 0;
}

static int parse_clock(const char **p, struct tm *tm, long *nsec)
{
	if (digits(p, 2, &tm->tm_hour) || *(*p)++ != ':' || digits(p, 2, &tm->tm_min))
		return -1;
	if (**p == ':') {
		(*p)++;
		if (digits(p, 2, &tm->tm_sec))
			return -1;
		if (**p == '.' || **p == ',') {
			long scale = 100000000;

			for ((*p)++; **p >= '0' && **p <= '9'; (*p)++, scale /= 10)
				*nsec += (**p - '0') * scale;
		}
	}
	return tm->tm_hour > 23 || tm->tm_min > 59 || tm->tm_sec > 60 ? -1 : 0;
}

int cu_parse_date(const char *s, struct timespec *ts)
{
	struct tm tm = { 0 };
	long nsec = 0;
	const char *p = s;

	while (*p == ' ')
		p++;
	if (*p == '@') {
		char *end;
		long long v = strtoll(p + 1, &end, 10);

		if (end == p + 1 || *end)
			return -1;
		ts->tv_sec = v;
		ts->tv_nsec = 0;
		return 0;
	}
	if (strlen(p) >= 5 && p[2] == ':') {
		time_t now = time(NULL);

		tm = *localtime(&now);
		tm.tm_sec = 0;
		if (parse_clock(&p, &tm, &nsec))
			return -1;
	} else {
		if (digits(&p, 4, &tm.tm_year) || *p++ != '-' || digits(&p, 2, &tm.tm_mon) ||
		    *p++ != '-' || digits(&p, 2, &tm.tm_mday))
			return -1;
		tm.tm_year -= 1900;
		tm.tm_mon--;
		if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31)
			return -1;
		if (*p == ' ' || *p == 'T') {
			p++;
			if (parse_clock(&p, &tm, &nsec))
				return -1;
		}
	}
	while (*p == ' ')
		p++;
	if (!strcmp(p, "Z") || !strcmp(p, "UTC"))
		p += strlen(p);
	if (*p)
		return -1;
	tm.tm_isdst = -1;
	ts->tv_sec = mktime(&tm);
	ts->tv_nsec = nsec;
	return 0;
}
