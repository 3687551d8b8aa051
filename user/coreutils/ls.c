// SPDX-License-Identifier: GPL-2.0
/*
 * ls: lists files and directories. Output is one name a line unless standard output is a
 * terminal (or -C/-x): then names go in columns, down (-C) or across (-x), fitted to the
 * terminal's width (COLUMNS, else TIOCGWINSZ, else 80) the way GNU ls fits them, tabs and
 * all, so that the two agree. -l is the long form (GNU's layout: -h sizes, dates of the last
 * six months with a clock time, older ones with a year), -i and -F add inode numbers and
 * type marks, -a/-A show dot files, -d lists directories themselves, -R descends, and
 * -t/-S/-r change the order (by name, bytes compared, otherwise). --color[=always|auto|never]
 * colours names by type with the default palette.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "libcu.h"
#include "libowner.h"

struct entry {
	char *name; /* as shown */
	char *path; /* for stat and readlink */
	struct stat st;
	int stat_ok;
	char *link; /* a symbolic link's target (-l) */
};

enum {
	SORT_NAME,
	SORT_TIME,
	SORT_SIZE,
	SORT_NONE
};
enum {
	FMT_ONE,
	FMT_COLUMNS,
	FMT_ACROSS,
	FMT_LONG
};

static int show_all, almost_all, dirs_only, recursive, human, show_inode, classify;
static int reverse, sort_by = SORT_NAME, format = FMT_ONE, color, numeric_ids;
static int no_owner, no_group, time_field; /* 0 mtime, 'c' ctime, 'u' atime */
static int width = 80, status;
static time_t now;

static const struct timespec *entry_time(const struct stat *st)
{
	return time_field == 'c' ? &st->st_ctim : time_field == 'u' ? &st->st_atim : &st->st_mtim;
}

static int cmp_entries(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = 0;

	if (sort_by == SORT_TIME) {
		const struct timespec *ta = entry_time(&a->st), *tb = entry_time(&b->st);

		if (ta->tv_sec != tb->tv_sec)
			c = ta->tv_sec > tb->tv_sec ? -1 : 1;
		else if (ta->tv_nsec != tb->tv_nsec)
			c = ta->tv_nsec > tb->tv_nsec ? -1 : 1;
	} else if (sort_by == SORT_SIZE) {
		if (a->st.st_size != b->st.st_size)
			c = a->st.st_size > b->st.st_size ? -1 : 1;
	}
	if (!c)
		c = strcmp(a->name, b->name);
	return reverse ? -c : c;
}

static void sort_entries(struct entry *v, size_t n)
{
	if (sort_by != SORT_NONE)
		qsort(v, n, sizeof(*v), cmp_entries);
	else if (reverse)
		for (size_t i = 0; i < n / 2; i++) {
			struct entry t = v[i];

			v[i] = v[n - 1 - i];
			v[n - 1 - i] = t;
		}
}

static char indicator(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return '/';
	if (S_ISLNK(st->st_mode))
		return '@';
	if (S_ISFIFO(st->st_mode))
		return '|';
	if (S_ISSOCK(st->st_mode))
		return '=';
	if (S_ISREG(st->st_mode) && (st->st_mode & 0111))
		return '*';
	return 0;
}

static const char *color_of(const struct entry *e)
{
	const struct stat *st = &e->st;

	if (S_ISDIR(st->st_mode)) {
		if ((st->st_mode & S_ISVTX) && (st->st_mode & S_IWOTH))
			return "30;42";
		return (st->st_mode & S_IWOTH) ? "34;42" : "01;34";
	}
	if (S_ISLNK(st->st_mode)) {
		struct stat t;

		return stat(e->path, &t) ? "40;31;01" : "01;36";
	}
	if (S_ISFIFO(st->st_mode))
		return "40;33";
	if (S_ISSOCK(st->st_mode))
		return "01;35";
	if (S_ISBLK(st->st_mode) || S_ISCHR(st->st_mode))
		return "40;33;01";
	if (st->st_mode & S_ISUID)
		return "37;41";
	if (st->st_mode & S_ISGID)
		return "30;43";
	if (st->st_mode & 0111)
		return "01;32";
	return NULL;
}

static size_t number_width(unsigned long long v)
{
	size_t w = 1;

	while (v >= 10) {
		v /= 10;
		w++;
	}
	return w;
}

/* The shown length of a name in the short formats: inode, name, type mark. */
static size_t inode_width;

static size_t short_len(const struct entry *e)
{
	size_t len = strlen(e->name);

	if (show_inode)
		len += inode_width + 1;
	if (classify && e->stat_ok && indicator(&e->st))
		len++;
	return len;
}

static void put_name(const struct entry *e, int mark)
{
	const char *c = color && e->stat_ok ? color_of(e) : NULL;

	if (c)
		printf("\033[%sm%s\033[0m", c, e->name);
	else
		fputs(e->name, stdout);
	if (mark && classify && e->stat_ok && indicator(&e->st))
		putchar(indicator(&e->st));
}

static void put_short(const struct entry *e)
{
	if (show_inode)
		printf("%*lu ", (int)inode_width, (unsigned long)e->st.st_ino);
	put_name(e, 1);
}

/*
 * From column 'from' to column 'to' the way GNU does it: a tab wherever one reaches a tab
 * stop that is more than one column away, then spaces; only spaces with colours.
 */
static void indent(size_t from, size_t to)
{
	while (from < to) {
		if (!color && to / 8 > (from + 1) / 8) {
			putchar('\t');
			from += 8 - from % 8;
		} else {
			putchar(' ');
			from++;
		}
	}
}

static void print_columns(struct entry *v, size_t n, int across)
{
	size_t max_cols = width / 3 ? width / 3 : 1, best = 1;
	size_t *colw = calloc(max_cols + 1, sizeof(*colw));

	if (max_cols > n)
		max_cols = n;
	inode_width = 0;
	for (size_t i = 0; i < n; i++)
		if (show_inode && number_width(v[i].st.st_ino) > inode_width)
			inode_width = number_width(v[i].st.st_ino);
	/*
	 * The most columns whose line stays shorter than the width: each column as wide as its
	 * widest name + 2 (the last without the 2), but never less than 3, as GNU counts.
	 */
	for (size_t cols = max_cols; cols >= 1; cols--) {
		size_t rows = (n + cols - 1) / cols, total = 0;

		for (size_t c = 0; c <= max_cols; c++)
			colw[c] = 3;
		for (size_t i = 0; i < n; i++) {
			size_t c = across ? i % cols : i / rows;
			size_t len = short_len(&v[i]) + (c == cols - 1 ? 0 : 2);

			if (len > colw[c])
				colw[c] = len;
		}
		for (size_t c = 0; c < cols; c++)
			total += colw[c];
		if (total < (size_t)width || cols == 1) {
			best = cols;
			break;
		}
	}
	size_t cols = best, rows = (n + cols - 1) / cols;

	memset(colw, 0, (max_cols + 1) * sizeof(*colw));
	for (size_t i = 0; i < n; i++) {
		size_t c = across ? i % cols : i / rows;
		size_t len = short_len(&v[i]) + (c == cols - 1 ? 0 : 2);

		if (len > colw[c])
			colw[c] = len;
	}
	for (size_t r = 0; r < rows; r++) {
		size_t pos = 0;

		for (size_t c = 0; c < cols; c++) {
			size_t i = across ? r * cols + c : c * rows + r;

			if (i >= n)
				break;
			put_short(&v[i]);
			size_t next = across ? i + 1 : i + rows;

			if (next >= n || (across && c == cols - 1))
				break;
			indent(pos + short_len(&v[i]), pos + colw[c]);
			pos += colw[c];
		}
		putchar('\n');
	}
	free(colw);
}

static void format_size(const struct entry *e, char *buf, size_t len)
{
	if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode))
		snprintf(buf, len, "%u, %u", major(e->st.st_rdev), minor(e->st.st_rdev));
	else if (human)
		cu_human(e->st.st_size, buf, len);
	else
		snprintf(buf, len, "%lld", (long long)e->st.st_size);
}

static void print_long(struct entry *v, size_t n, int with_total)
{
	size_t w_links = 1, w_owner = 1, w_group = 1, w_size = 1, w_major = 0, w_minor = 0;
	unsigned long long blocks = 0;
	char buf[64];

	inode_width = 0;
	for (size_t i = 0; i < n; i++) {
		struct entry *e = &v[i];

		if (!e->stat_ok)
			continue;
		blocks += (e->st.st_blocks * 512 + 1023) / 1024;
		if (number_width(e->st.st_nlink) > w_links)
			w_links = number_width(e->st.st_nlink);
		const char *o = numeric_ids ? NULL : cu_user_name(e->st.st_uid);
		size_t ol = o ? strlen(o) : number_width(e->st.st_uid);

		if (ol > w_owner)
			w_owner = ol;
		const char *g = numeric_ids ? NULL : cu_group_name(e->st.st_gid);
		size_t gl = g ? strlen(g) : number_width(e->st.st_gid);

		if (gl > w_group)
			w_group = gl;
		if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode)) {
			if (number_width(major(e->st.st_rdev)) > w_major)
				w_major = number_width(major(e->st.st_rdev));
			if (number_width(minor(e->st.st_rdev)) > w_minor)
				w_minor = number_width(minor(e->st.st_rdev));
		} else {
			format_size(e, buf, sizeof(buf));
			if (strlen(buf) > w_size)
				w_size = strlen(buf);
		}
		if (show_inode && number_width(e->st.st_ino) > inode_width)
			inode_width = number_width(e->st.st_ino);
	}
	if (w_major && w_major + 2 + w_minor > w_size)
		w_size = w_major + 2 + w_minor;
	if (with_total) {
		if (human)
			printf("total %s\n", cu_human(blocks * 1024, buf, sizeof(buf)));
		else
			printf("total %llu\n", blocks);
	}
	for (size_t i = 0; i < n; i++) {
		struct entry *e = &v[i];
		char modes[11];

		if (!e->stat_ok)
			continue;
		if (show_inode)
			printf("%*lu ", (int)inode_width, (unsigned long)e->st.st_ino);
		cu_mode_string(e->st.st_mode, modes);
		printf("%s %*lu ", modes, (int)w_links, (unsigned long)e->st.st_nlink);
		if (!no_owner) {
			if (numeric_ids)
				printf("%-*u ", (int)w_owner, (unsigned)e->st.st_uid);
			else
				printf("%-*s ", (int)w_owner, cu_user_name(e->st.st_uid));
		}
		if (!no_group) {
			if (numeric_ids)
				printf("%-*u ", (int)w_group, (unsigned)e->st.st_gid);
			else
				printf("%-*s ", (int)w_group, cu_group_name(e->st.st_gid));
		}
		if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode)) {
			printf("%*u, %*u ", (int)(w_size - 2 - w_minor), major(e->st.st_rdev),
			       (int)w_minor, minor(e->st.st_rdev));
		} else {
			format_size(e, buf, sizeof(buf));
			printf("%*s ", (int)w_size, buf);
		}
		/* A time of the last six months (or a little in the future) shows the clock. */
		const struct timespec *t = entry_time(&e->st);
		struct tm tm;

		localtime_r(&t->tv_sec, &tm);
		int recent = t->tv_sec > now - 31556952 / 2 && t->tv_sec <= now + 60;

		strftime(buf, sizeof(buf), recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
		printf("%s ", buf);
		put_name(e, !S_ISLNK(e->st.st_mode));
		if (S_ISLNK(e->st.st_mode) && e->link) {
			struct stat target;

			printf(" -> %s", e->link);
			if (classify && !stat(e->path, &target) && indicator(&target))
				putchar(indicator(&target));
		}
		putchar('\n');
	}
}

static void print_entries(struct entry *v, size_t n, int with_total)
{
	if (format == FMT_LONG)
		print_long(v, n, with_total);
	else if (format == FMT_ONE)
		for (size_t i = 0; i < n; i++) {
			put_short(&v[i]);
			putchar('\n');
		}
	else if (n)
		print_columns(v, n, format == FMT_ACROSS);
}

static int fill_entry(struct entry *e, const char *name, const char *path, int follow)
{
	e->name = strdup(name);
	e->path = strdup(path);
	e->link = NULL;
	e->stat_ok = !(follow ? stat(path, &e->st) : lstat(path, &e->st));
	if (!e->stat_ok && follow)
		e->stat_ok = !lstat(path, &e->st);
	if (e->stat_ok && S_ISLNK(e->st.st_mode) && format == FMT_LONG) {
		char buf[4096];
		ssize_t len = readlink(path, buf, sizeof(buf) - 1);

		if (len >= 0) {
			buf[len] = 0;
			e->link = strdup(buf);
		}
	}
	return e->stat_ok ? 0 : -1;
}

static void free_entries(struct entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
		free(v[i].link);
	}
	free(v);
}

static void list_dir(const char *path, int header, int *first)
{
	DIR *d = opendir(path);
	struct entry *v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;

	if (!d) {
		cu_warn_errno(path);
		status = 2;
		return;
	}
	if (header) {
		if (!*first)
			putchar('\n');
		printf("%s:\n", path);
	}
	*first = 0;
	while ((de = readdir(d))) {
		const char *nm = de->d_name;

		if (nm[0] == '.' && !show_all) {
			int dots = !strcmp(nm, ".") || !strcmp(nm, "..");

			if (!almost_all || dots)
				continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = realloc(v, cap * sizeof(*v));
			if (!v)
				cu_die(2, "out of memory");
		}
		char *full = cu_join(path, nm);

		if (fill_entry(&v[n], nm, full, 0)) {
			cu_warn_errno(full);
			status = 1;
		}
		free(full);
		n++;
	}
	closedir(d);
	sort_entries(v, n);
	print_entries(v, n, 1);
	if (recursive) {
		for (size_t i = 0; i < n; i++) {
			if (!v[i].stat_ok || !S_ISDIR(v[i].st.st_mode) || !strcmp(v[i].name, ".") ||
			    !strcmp(v[i].name, ".."))
				continue;
			list_dir(v[i].path, 1, first);
		}
	}
	free_entries(v, n);
}

static void set_color(const char *when)
{
	if (!when || !strcmp(when, "always") || !strcmp(when, "yes") || !strcmp(when, "force"))
		color = 1;
	else if (!strcmp(when, "never") || !strcmp(when, "no") || !strcmp(when, "none"))
		color = 0;
	else if (!strcmp(when, "auto") || !strcmp(when, "tty") || !strcmp(when, "if-tty"))
		color = isatty(1);
	else
		cu_die(2, "invalid argument '%s' for '--color'", when);
}

int main(int argc, char **argv)
{
	static char *dot[] = { ".", NULL };
	int opt;

	cu_init(argc, argv,
		"[-1AaCcdFghiRlnoprStux] [--color[=WHEN]] [FILE]...\nList "
		"directory contents.\n  -a  all, dot files included\n  -A  all but . and ..\n"
		"  -d  directories themselves\n  -R  recursively\n  -l  long form\n  -h  sizes "
		"like 1.5K (with -l)\n  -i  inode numbers\n  -1  one name a line\n  -C  columns, "
		"down\n  -x  columns, across\n  -F  type marks (/ * @ | =)\n  -t  newest first\n"
		"  -S  largest first\n  -r  reverse order\n  -c  -u  ctime, atime instead of mtime"
		"\n  -n  numeric ids\n  -g  -o  no owner, no group\n  -f  unsorted, all\n"
		"  --color[=always|auto|never]  colour names by type\n");
	now = time(NULL);
	if (isatty(1)) {
		struct winsize ws;

		format = FMT_COLUMNS;
		if (!ioctl(1, TIOCGWINSZ, &ws) && ws.ws_col)
			width = ws.ws_col;
	}
	if (getenv("COLUMNS") && atoi(getenv("COLUMNS")) > 0)
		width = atoi(getenv("COLUMNS"));
	/* --color is the only long option: take it out before getopt sees the arguments */
	int k = 1;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			while (i < argc)
				argv[k++] = argv[i++];
			break;
		}
		if (!strncmp(argv[i], "--color", 7) && (!argv[i][7] || argv[i][7] == '='))
			set_color(argv[i][7] ? argv[i] + 8 : NULL);
		else
			argv[k++] = argv[i];
	}
	argc = k;
	argv[argc] = NULL;
	while ((opt = getopt(argc, argv, "1AaCcdFfghiRlnoprStux")) != -1) {
		switch (opt) {
		case '1':
			format = FMT_ONE;
			break;
		case 'A':
			almost_all = 1;
			break;
		case 'a':
			show_all = 1;
			break;
		case 'C':
			format = FMT_COLUMNS;
			break;
		case 'x':
			format = FMT_ACROSS;
			break;
		case 'l':
			format = FMT_LONG;
			break;
		case 'n':
			numeric_ids = 1;
			format = FMT_LONG;
			break;
		case 'g':
			no_owner = 1;
			format = FMT_LONG;
			break;
		case 'o':
			no_group = 1;
			format = FMT_LONG;
			break;
		case 'c':
			time_field = 'c';
			break;
		case 'u':
			time_field = 'u';
			break;
		case 'd':
			dirs_only = 1;
			break;
		case 'F':
			classify = 1;
			break;
		case 'f':
			sort_by = SORT_NONE;
			show_all = 1;
			break;
		case 'h':
			human = 1;
			break;
		case 'i':
			show_inode = 1;
			break;
		case 'R':
			recursive = 1;
			break;
		case 'p':
			break;
		case 'r':
			reverse = 1;
			break;
		case 'S':
			sort_by = SORT_SIZE;
			break;
		case 't':
			sort_by = SORT_TIME;
			break;
		default:
			cu_usage(2);
		}
	}
	char **ops = optind < argc ? argv + optind : dot;
	int nops = optind < argc ? argc - optind : 1;
	struct entry *files = calloc(nops, sizeof(*files)), *dirs = calloc(nops, sizeof(*dirs));
	size_t nf = 0, nd = 0;
	/* a link named on the command line is followed unless it is to be shown itself */
	int follow = format != FMT_LONG && !dirs_only && !classify;

	for (int i = 0; i < nops; i++) {
		struct entry e;

		if (fill_entry(&e, ops[i], ops[i], follow)) {
			cu_warn_errno(ops[i]);
			status = 2;
			free(e.name);
			free(e.path);
			continue;
		}
		if (S_ISDIR(e.st.st_mode) && !dirs_only)
			dirs[nd++] = e;
		else
			files[nf++] = e;
	}
	sort_entries(files, nf);
	sort_entries(dirs, nd);
	print_entries(files, nf, 0);
	int first = nf == 0;

	for (size_t i = 0; i < nd; i++)
		list_dir(dirs[i].path, recursive || nops > 1 || nf, &first);
	free_entries(files, nf);
	free_entries(dirs, nd);
	if (fflush(stdout))
		return 2;
	return status;
}
