// SPDX-License-Identifier: GPL-2.0
/* What ps, top, free and uptime read from /proc: see libproc.h. */
#include "libproc.h"

#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A small file of /proc whole, NUL-terminated; its length, or -1. */
static ssize_t read_small(const char *path, char *buf, size_t len)
{
	ssize_t n, got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((size_t)got < len - 1 && (n = read(fd, buf + got, len - 1 - got)) > 0)
		got += n;
	close(fd);
	buf[got] = '\0';
	return got;
}

static char *read_args(int pid)
{
	char path[64], *buf = NULL;
	size_t cap = 0, got = 0;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	for (;;) {
		if (cap - got < 4096) {
			char *nb = realloc(buf, cap + 8192);

			if (!nb)
				break;
			buf = nb;
			cap += 8192;
		}
		n = read(fd, buf + got, cap - got - 1);
		if (n <= 0)
			break;
		got += n;
	}
	close(fd);
	if (!got) {
		free(buf);
		return NULL;
	}
	/* NULs between the arguments become spaces, as ps shows them; a trailing one goes. */
	while (got && buf[got - 1] == '\0')
		got--;
	for (size_t i = 0; i < got; i++)
		if (buf[i] == '\0' || buf[i] == '\n' || buf[i] == '\t')
			buf[i] = ' ';
	buf[got] = '\0';
	return buf;
}

int cu_proc_read(int pid, struct cu_proc *p, int with_args)
{
	char path[64], buf[2048], *open_paren, *close_paren, *s;
	size_t n;

	memset(p, 0, sizeof(*p));
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return -1;
	/* The name may hold spaces and parentheses: it runs to the last ')'. */
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren)
		return -1;
	p->pid = atoi(buf);
	n = close_paren - open_paren - 1;
	if (n >= sizeof(p->comm))
		n = sizeof(p->comm) - 1;
	memcpy(p->comm, open_paren + 1, n);
	p->comm[n] = '\0';
	s = close_paren + 2;
	if (sscanf(s,
		   "%c %d %d %d %u %d %lu %*u %*u %*u %*u %llu %llu %*d %*d %ld %ld %d %*d %llu "
		   "%llu %lld",
		   &p->state, &p->ppid, &p->pgrp, &p->session, &p->tty_nr, &p->tpgid, &p->flags,
		   &p->utime, &p->stime, &p->priority, &p->nice, &p->nlwp, &p->start, &p->vsize,
		   &p->rss) != 15)
		return -1;
	/* processor is field 39; s starts at field 3, the state, and a space ends each field */
	for (int field = 3, i = 0; s[i]; i++) {
		if (s[i] == ' ' && ++field == 39) {
			p->processor = atoi(s + i + 1);
			break;
		}
	}
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (read_small(path, buf, sizeof(buf)) > 0) {
		char *uid = strstr(buf, "\nUid:");

		char *lck = strstr(buf, "\nVmLck:");

		if (uid)
			sscanf(uid + 5, "%*u %u", &p->euid);
		if (lck)
			p->vm_lck = strtoul(lck + 7, NULL, 10);
	}
	if (with_args)
		p->args = read_args(pid);
	return 0;
}

void cu_proc_free(struct cu_proc *p)
{
	free(p->args);
	p->args = NULL;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int cu_proc_pids(int **pids)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int *v = NULL, n = 0, cap = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		if (n == cap) {
			int *nv = realloc(v, (cap = cap ? cap * 2 : 256) * sizeof(*v));

			if (!nv) {
				free(v);
				closedir(d);
				return -1;
			}
			v = nv;
		}
		v[n++] = atoi(e->d_name);
	}
	closedir(d);
	qsort(v, n, sizeof(*v), cmp_int);
	*pids = v;
	return n;
}

void cu_tty_name(unsigned int tty_nr, char *buf, size_t len)
{
	unsigned int major = (tty_nr >> 8) & 0xfff;
	unsigned int minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);

	if (!tty_nr)
		snprintf(buf, len, "?");
	else if (major == 136)
		snprintf(buf, len, "pts/%u", minor);
	else if (major == 4 && minor >= 64)
		snprintf(buf, len, "ttyS%u", minor - 64);
	else if (major == 4)
		snprintf(buf, len, "tty%u", minor);
	else if (major == 5 && minor == 1)
		snprintf(buf, len, "console");
	else
		snprintf(buf, len, "%u,%u", major, minor);
}

int cu_meminfo(struct cu_meminfo *m)
{
	static const struct {
		const char *name;
		size_t off;
	} fields[] = {
		{ "MemTotal:", offsetof(struct cu_meminfo, total) },
		{ "MemFree:", offsetof(struct cu_meminfo, free) },
		{ "MemAvailable:", offsetof(struct cu_meminfo, avail) },
		{ "Buffers:", offsetof(struct cu_meminfo, buffers) },
		{ "Cached:", offsetof(struct cu_meminfo, cached) },
		{ "Shmem:", offsetof(struct cu_meminfo, shared) },
		{ "SReclaimable:", offsetof(struct cu_meminfo, sreclaimable) },
		{ "SwapTotal:", offsetof(struct cu_meminfo, swap_total) },
		{ "SwapFree:", offsetof(struct cu_meminfo, swap_free) },
	};
	char buf[8192], *line = buf;
	int have_avail = 0;

	memset(m, 0, sizeof(*m));
	if (read_small("/proc/meminfo", buf, sizeof(buf)) <= 0)
		return -1;
	while (line && *line) {
		char *next = strchr(line, '\n');

		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
			size_t k = strlen(fields[i].name);

			if (!strncmp(line, fields[i].name, k)) {
				*(unsigned long long *)((char *)m + fields[i].off) =
					strtoull(line + k, NULL, 10);
				if (i == 2)
					have_avail = 1;
			}
		}
		line = next ? next + 1 : NULL;
	}
	m->buff_cache = m->buffers + m->cached + m->sreclaimable;
	/* Kernels before 3.14 lack MemAvailable: procps then takes free memory. */
	if (!have_avail || m->avail > m->total)
		m->avail = m->free;
	m->used = m->total - m->avail;
	/* procps-ng's fallback when that would be negative or zero */
	if (m->total < m->avail)
		m->used = m->total - m->free;
	return 0;
}

double cu_uptime(void)
{
	char buf[128];

	if (read_small("/proc/uptime", buf, sizeof(buf)) <= 0)
		return -1;
	return strtod(buf, NULL);
}

int cu_uptime_line(char *buf, size_t len, const char *prefix)
{
	double up = cu_uptime(), load[3] = { 0, 0, 0 };
	char lbuf[128];
	time_t now = time(NULL);
	struct tm tm;
	long secs, days, hours, mins;
	size_t pos;

	if (up < 0 || read_small("/proc/loadavg", lbuf, sizeof(lbuf)) <= 0 ||
	    sscanf(lbuf, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
		return -1;
	localtime_r(&now, &tm);
	secs = (long)up;
	days = secs / 86400;
	hours = secs / 3600 % 24;
	mins = secs / 60 % 60;
	pos = snprintf(buf, len, "%s%02d:%02d:%02d up ", prefix, tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (days && pos < len)
		pos += snprintf(buf + pos, len - pos, "%ld day%s, ", days, days == 1 ? "" : "s");
	if (pos < len) {
		if (hours)
			pos += snprintf(buf + pos, len - pos, "%2ld:%02ld, ", hours, mins);
		else
			pos += snprintf(buf + pos, len - pos, "%ld min, ", mins);
	}
	/* No utmp is kept (on Mica there is none): the count of users is 0. */
	if (pos < len)
		snprintf(buf + pos, len - pos, "%2d users,  load average: %.2f, %.2f, %.2f", 0,
			 load[0], load[1], load[2]);
	return 0;
}

int cu_uptime_pretty(char *buf, size_t len)
{
	static const char *const unit[] = { "week", "day", "hour", "minute" };
	double up = cu_uptime();
	long secs, v[4];
	size_t pos;
	int any = 0;

	if (up < 0)
		return -1;
	secs = (long)up;
	v[0] = secs / (7 * 86400);
	v[1] = secs / 86400 % 7;
	v[2] = secs / 3600 % 24;
	v[3] = secs / 60 % 60;
	pos = snprintf(buf, len, "up");
	for (int i = 0; i < 4 && pos < len; i++) {
		if (!v[i] && !(i == 3 && !any))
			continue;
		pos += snprintf(buf + pos, len - pos, "%s %ld %s%s", any ? "," : "", v[i], unit[i],
				v[i] == 1 ? "" : "s");
		any = 1;
	}
	return 0;
}
