// SPDX-License-Identifier: GPL-2.0
/*
 * ps: reports processes from /proc, in procps-ng's formats. With no option it lists the
 * processes of the caller's effective user on the caller's terminal; -e (-A) lists all, -p
 * and -u select by process and by user; -f gives the full format, -o a format of one's own
 * (NAME[=HEADER], a header left empty on every column drops the header line).
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "libcu.h"
#include "libowner.h"
#include "libproc.h"

/* What the columns need besides the process: the moment, the clock's rate, the memory. */
struct ctx {
	double uptime;
	long hz, page_kb;
	unsigned long long mem_total;
	time_t now;
};

typedef void (*show_fn)(const struct cu_proc *p, const struct ctx *c, char *buf, size_t len);

struct field {
	const char *name, *header;
	int width, right;
	show_fn show;
};

static void f_pid(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%d", p->pid);
}

static void f_ppid(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%d", p->ppid);
}

static void f_pgid(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%d", p->pgrp);
}

static void f_sid(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%d", p->session);
}

static void f_tpgid(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%d", p->tpgid);
}

static void f_uid(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%u", (unsigned int)p->euid);
}

static void f_user(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%s", cu_user_name(p->euid));
}

static void f_comm(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%s%s", p->comm, p->state == 'Z' ? " <defunct>" : "");
}

static void f_args(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	if (p->args)
		snprintf(b, n, "%s", p->args);
	else
		snprintf(b, n, "[%s]%s", p->comm, p->state == 'Z' ? " <defunct>" : "");
}

/*
 * procps's letters: the state, then < N (nice), L (locked pages), s (session leader),
 * l (threads), + (the terminal's foreground group).
 */
static void f_stat(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	char s[8];
	int i = 0;

	(void)c;
	s[i++] = p->state;
	if (p->nice < 0)
		s[i++] = '<';
	else if (p->nice > 0)
		s[i++] = 'N';
	if (p->vm_lck)
		s[i++] = 'L';
	if (p->pid == p->session)
		s[i++] = 's';
	if (p->nlwp > 1)
		s[i++] = 'l';
	if (p->tty_nr && p->tpgid == p->pgrp)
		s[i++] = '+';
	s[i] = '\0';
	snprintf(b, n, "%s", s);
}

static void f_state(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%c", p->state);
}

static void f_tty(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	cu_tty_name(p->tty_nr, b, n);
}

static void f_time(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	unsigned long long t = (p->utime + p->stime) / c->hz;
	unsigned long long d = t / 86400;

	if (d)
		snprintf(b, n, "%llu-%02llu:%02llu:%02llu", d, t / 3600 % 24, t / 60 % 60, t % 60);
	else
		snprintf(b, n, "%02llu:%02llu:%02llu", t / 3600, t / 60 % 60, t % 60);
}

static long long elapsed(const struct cu_proc *p, const struct ctx *c)
{
	long long e = (long long)c->uptime - (long long)(p->start / c->hz);

	return e < 0 ? 0 : e;
}

static void f_etime(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	long long t = elapsed(p, c);

	if (t >= 86400)
		snprintf(b, n, "%lld-%02lld:%02lld:%02lld", t / 86400, t / 3600 % 24, t / 60 % 60,
			 t % 60);
	else if (t >= 3600)
		snprintf(b, n, "%02lld:%02lld:%02lld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(b, n, "%02lld:%02lld", t / 60, t % 60);
}

static void f_nice(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%ld", p->nice);
}

/* procps's "pri": 39 - the kernel's priority (20 + nice for the normal class). */
static void f_pri(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%ld", 39 - p->priority);
}

static void f_rss(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	snprintf(b, n, "%lld", p->rss * c->page_kb);
}

static void f_vsz(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%llu", p->vsize / 1024);
}

/* CPU time over the process's life, in tenths of a percent (procps's pcpu). */
static unsigned long long permille(const struct cu_proc *p, const struct ctx *c)
{
	long long secs = elapsed(p, c);

	return secs ? (p->utime + p->stime) * 1000ULL / c->hz / secs : 0;
}

static void f_pcpu(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	unsigned long long v = permille(p, c);

	if (v > 999)
		snprintf(b, n, "%llu", v / 10);
	else
		snprintf(b, n, "%llu.%llu", v / 10, v % 10);
}

static void f_c(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	unsigned long long v = permille(p, c) / 10;

	snprintf(b, n, "%llu", v > 99 ? 99 : v);
}

static void f_pmem(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	unsigned long long v =
		c->mem_total ? (unsigned long long)p->rss * c->page_kb * 1000 / c->mem_total : 0;

	if (v > 999)
		snprintf(b, n, "%llu", v / 10);
	else
		snprintf(b, n, "%llu.%llu", v / 10, v % 10);
}

/*
 * HH:MM if it started today, MonDD if this year, else the year: procps's STIME compares the
 * calendar day and year in local time, not the age (at 00:10, a process of 23:50 is Dec03).
 */
static void f_stime(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	time_t t = c->now - (time_t)c->uptime + (time_t)(p->start / c->hz);
	struct tm tm, today;

	localtime_r(&t, &tm);
	localtime_r(&c->now, &today);
	if (tm.tm_year != today.tm_year)
		strftime(b, n, "%Y", &tm);
	else if (tm.tm_yday != today.tm_yday)
		strftime(b, n, "%b%d", &tm);
	else
		strftime(b, n, "%H:%M", &tm);
}

static void f_psr(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%d", p->processor);
}

static void f_nlwp(const struct cu_proc *p, const struct ctx *c, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%d", p->nlwp);
}

static const struct field fields[] = {
	{ "pid", "PID", 5, 1, f_pid },
	{ "tgid", "TGID", 5, 1, f_pid },
	{ "ppid", "PPID", 5, 1, f_ppid },
	{ "pgid", "PGID", 5, 1, f_pgid },
	{ "pgrp", "PGRP", 5, 1, f_pgid },
	{ "sid", "SID", 5, 1, f_sid },
	{ "sess", "SESS", 5, 1, f_sid },
	{ "session", "SESS", 5, 1, f_sid },
	{ "tpgid", "TPGID", 5, 1, f_tpgid },
	{ "uid", "UID", 5, 1, f_uid },
	{ "euid", "EUID", 5, 1, f_uid },
	{ "user", "USER", 8, 0, f_user },
	{ "euser", "EUSER", 8, 0, f_user },
	{ "uid_f", "UID", 8, 0, f_user }, /* -f's UID column: a name */
	{ "uname", "USER", 8, 0, f_user },
	{ "comm", "COMMAND", 15, 0, f_comm },
	{ "ucmd", "CMD", 15, 0, f_comm },
	{ "ucomm", "COMMAND", 15, 0, f_comm },
	{ "args", "COMMAND", 27, 0, f_args },
	{ "cmd", "CMD", 27, 0, f_args },
	{ "command", "COMMAND", 27, 0, f_args },
	{ "stat", "STAT", 4, 0, f_stat },
	{ "s", "S", 1, 0, f_state },
	{ "state", "S", 1, 0, f_state },
	{ "tty", "TT", 8, 0, f_tty },
	{ "tt", "TT", 8, 0, f_tty },
	{ "tname", "TTY", 8, 0, f_tty },
	{ "time", "TIME", 8, 1, f_time },
	{ "cputime", "TIME", 8, 1, f_time },
	{ "etime", "ELAPSED", 11, 1, f_etime },
	{ "nice", "NI", 3, 1, f_nice },
	{ "ni", "NI", 3, 1, f_nice },
	{ "pri", "PRI", 3, 1, f_pri },
	{ "rss", "RSS", 5, 1, f_rss },
	{ "rssize", "RSS", 5, 1, f_rss },
	{ "rsz", "RSZ", 5, 1, f_rss },
	{ "vsz", "VSZ", 6, 1, f_vsz },
	{ "vsize", "VSZ", 6, 1, f_vsz },
	{ "%cpu", "%CPU", 4, 1, f_pcpu },
	{ "pcpu", "%CPU", 4, 1, f_pcpu },
	{ "%mem", "%MEM", 4, 1, f_pmem },
	{ "pmem", "%MEM", 4, 1, f_pmem },
	{ "c", "C", 2, 1, f_c },
	{ "stime", "STIME", 5, 1, f_stime },
	{ "start_time", "START", 5, 1, f_stime },
	{ "psr", "PSR", 3, 1, f_psr },
	{ "nlwp", "NLWP", 4, 1, f_nlwp },
	{ "thcount", "THCNT", 5, 1, f_nlwp },
};

#define MAX_COLS 64

struct column {
	const struct field *f;
	char header[64];
	int width;
};

static struct column cols[MAX_COLS];
static int ncols;

static int add_column(const char *name, size_t len, const char *header, int width)
{
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strlen(fields[i].name) != len || strncmp(fields[i].name, name, len))
			continue;
		if (ncols == MAX_COLS)
			cu_die(1, "too many columns");
		cols[ncols].f = &fields[i];
		snprintf(cols[ncols].header, sizeof(cols[ncols].header), "%s",
			 header ? header : fields[i].header);
		cols[ncols].width = width > 0 ? width : fields[i].width;
		/* a longer header widens its column, as in procps */
		if ((int)strlen(cols[ncols].header) > cols[ncols].width)
			cols[ncols].width = (int)strlen(cols[ncols].header);
		ncols++;
		return 0;
	}
	return -1;
}

/*
 * One -o argument: names separated by commas or blanks; "NAME=HEADER" takes the rest of the
 * argument as the header, "NAME:WIDTH" sets the width.
 */
static int parse_format(const char *s)
{
	while (*s) {
		size_t len = strcspn(s, ",= \t:");
		const char *header = NULL;
		int width = 0;
		const char *next = s + len;

		if (!len) {
			s++;
			continue;
		}
		if (*next == ':') {
			width = atoi(next + 1);
			next += 1 + strspn(next + 1, "0123456789");
		}
		if (*next == '=') {
			/* "NAME=" before a comma is an empty header, and the list goes on */
			header = next + 1;
			if (*header == ',') {
				header = "";
				next++;
			} else {
				next = header + strlen(header);
			}
		}
		if (add_column(s, len, header, width)) {
			cu_warn("unknown user-defined format specifier \"%.*s\"", (int)len, s);
			return -1;
		}
		s = next;
	}
	return 0;
}

/* The selection: -p and -u lists (either matches), or all, or the default. */
static int *sel_pids, nsel_pids;
static uid_t *sel_uids;
static int nsel_uids;

static int add_pids(const char *s)
{
	while (*s) {
		char *end;
		long v;

		if (*s == ',' || *s == ' ') {
			s++;
			continue;
		}
		errno = 0;
		v = strtol(s, &end, 10);
		if (end == s || errno || v < 1 || v > 0x7fffffff ||
		    (*end && *end != ',' && *end != ' ')) {
			cu_warn("process ID list syntax error");
			return -1;
		}
		sel_pids = realloc(sel_pids, (nsel_pids + 1) * sizeof(*sel_pids));
		if (!sel_pids)
			cu_die(1, "out of memory");
		sel_pids[nsel_pids++] = (int)v;
		s = end;
	}
	return 0;
}

static int add_users(const char *s)
{
	while (*s) {
		size_t len = strcspn(s, ", ");
		char name[256];
		struct passwd *pw;
		char *end;
		unsigned long v;

		if (!len) {
			s++;
			continue;
		}
		snprintf(name, sizeof(name), "%.*s", (int)len, s);
		pw = getpwnam(name);
		if (pw) {
			v = pw->pw_uid;
		} else {
			v = strtoul(name, &end, 10);
			if (*end || end == name) {
				cu_warn("user name does not exist: %s", name);
				return -1;
			}
		}
		sel_uids = realloc(sel_uids, (nsel_uids + 1) * sizeof(*sel_uids));
		if (!sel_uids)
			cu_die(1, "out of memory");
		sel_uids[nsel_uids++] = (uid_t)v;
		s += len;
	}
	return 0;
}

static int selected(const struct cu_proc *p, int all, const struct cu_proc *self)
{
	if (all)
		return 1;
	if (nsel_pids || nsel_uids) {
		for (int i = 0; i < nsel_pids; i++)
			if (sel_pids[i] == p->pid)
				return 1;
		for (int i = 0; i < nsel_uids; i++)
			if (sel_uids[i] == p->euid)
				return 1;
		return 0;
	}
	/* procps's default: the caller's effective user, on the caller's terminal. */
	return p->euid == self->euid && p->tty_nr == self->tty_nr;
}

/*
 * Prints one line. A value wider than its column pushes what follows to the right, and the
 * next columns' padding pays that back (procps does the same); a left-aligned text column
 * that is not the last is cut to its width; the last is not padded.
 */
static void print_row(char **vals, int limit)
{
	char line[8192];
	size_t pos = 0;
	int debt = 0;

	for (int i = 0; i < ncols && pos < sizeof(line) - 1; i++) {
		const struct column *col = &cols[i];
		int last = i == ncols - 1, len = (int)strlen(vals[i]), pad;

		if (i)
			line[pos++] = ' ';
		if (!col->f->right && !last && len > col->width && col->f->show != f_user &&
		    col->f->show != f_tty)
			len = col->width;
		if (!col->f->right && !last && len > col->width && col->f->show == f_user) {
			/* procps marks a cut user name with '+' */
			vals[i][col->width - 1] = '+';
			len = col->width;
		}
		pad = col->width - len - debt;
		debt = pad < 0 ? -pad : 0;
		if (pad < 0)
			pad = 0;
		if (col->f->right)
			pos += snprintf(line + pos, sizeof(line) - pos, "%*s%.*s", pad, "", len,
					vals[i]);
		else
			pos += snprintf(line + pos, sizeof(line) - pos, "%.*s%*s", len, vals[i],
					last ? 0 : pad, "");
		if (pos > sizeof(line) - 1)
			pos = sizeof(line) - 1;
	}
	while (pos && line[pos - 1] == ' ')
		pos--;
	if (limit > 0 && pos > (size_t)limit)
		pos = limit;
	line[pos] = '\0';
	puts(line);
}

int main(int argc, char **argv)
{
	struct cu_meminfo mi;
	struct cu_proc self, p;
	struct ctx c;
	int all = 0, full = 0, opt, *pids, n, shown = 0, limit = 0, header = 0;
	char *vals[MAX_COLS];
	struct winsize ws;

	cu_init(argc, argv,
		"[-e|-A] [-f] [-o FORMAT]... [-p PIDLIST]... [-u USERLIST]...\n"
		"Report processes: by default the caller's on its terminal; -e all of them;\n"
		"-p and -u select by process ID and by user, -f is the full format, -o FORMAT\n"
		"names the columns (pid ppid pgid sid uid user comm args stat tty time etime\n"
		"nice pri rss vsz %cpu %mem c stime psr nlwp ..., NAME=HEADER to rename one).\n");
	while ((opt = getopt(argc, argv, "eAfo:p:u:U:q:")) != -1) {
		switch (opt) {
		case 'e':
		case 'A':
			all = 1;
			break;
		case 'f':
			full = 1;
			break;
		case 'o':
			if (parse_format(optarg))
				cu_usage(1);
			break;
		case 'p':
		case 'q':
			if (add_pids(optarg))
				cu_usage(1);
			break;
		case 'u':
		case 'U':
			if (add_users(optarg))
				return 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind < argc) {
		cu_warn("garbage option: %s", argv[optind]);
		cu_usage(1);
	}
	if (!ncols)
		parse_format(full ? "uid_f,pid,ppid,c,stime,tname,time,cmd"
				  : "pid,tname,time,ucmd");
	if (cu_proc_read(getpid(), &self, 0)) {
		cu_warn_errno("/proc/self/stat");
		return 1;
	}
	c.hz = sysconf(_SC_CLK_TCK);
	if (c.hz <= 0)
		c.hz = 100;
	c.page_kb = sysconf(_SC_PAGESIZE) / 1024;
	c.uptime = cu_uptime();
	c.now = time(NULL);
	c.mem_total = cu_meminfo(&mi) ? 0 : mi.total;
	/* On a terminal the lines are cut to its width, as procps does. */
	if (isatty(STDOUT_FILENO)) {
		const char *cols_env = getenv("COLUMNS");

		if (cols_env && atoi(cols_env) > 0)
			limit = atoi(cols_env);
		else if (!ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_col)
			limit = ws.ws_col;
		else
			limit = 80;
	}
	for (int i = 0; i < ncols; i++)
		if (cols[i].header[0])
			header = 1;
	if (header) {
		for (int i = 0; i < ncols; i++)
			vals[i] = cols[i].header;
		/* headers align as their values; a text header is never cut */
		print_row(vals, limit);
	}
	n = cu_proc_pids(&pids);
	if (n < 0) {
		cu_warn_errno("/proc");
		return 1;
	}
	for (int i = 0; i < n; i++) {
		if (cu_proc_read(pids[i], &p, 1))
			continue; /* gone meanwhile */
		if (!selected(&p, all, &self)) {
			cu_proc_free(&p);
			continue;
		}
		for (int k = 0; k < ncols; k++) {
			vals[k] = malloc(4096);
			if (!vals[k])
				cu_die(1, "out of memory");
			cols[k].f->show(&p, &c, vals[k], 4096);
		}
		print_row(vals, limit);
		for (int k = 0; k < ncols; k++)
			free(vals[k]);
		cu_proc_free(&p);
		shown++;
	}
	free(pids);
	if (fflush(stdout))
		return 1;
	return shown ? 0 : 1;
}
