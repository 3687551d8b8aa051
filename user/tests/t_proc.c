/* /proc in Linux's formats: the process's own stat, status, maps, fd/, fdinfo/, cmdline,
 * environ, comm and links, and the system's uptime, loadavg and stat, parsed as ps, top
 * and free parse them. Runs on the host's Linux and in the VM alike. */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char buf[65536];

/* A case whose name stays the same from run to run (both builds must give the same
 * answers); what was seen goes to a diagnostic line when it fails. */
#define check(cond, name, ...)               \
	do {                                 \
		if (!ok(cond, "%s", name)) { \
			printf("# ");        \
			printf(__VA_ARGS__); \
			printf("\n");        \
		}                            \
	} while (0)

/* A whole small file into buf; its length, or -1. */
static long slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	long n = 0, r;

	if (fd < 0)
		return -1;
	while ((r = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return r < 0 ? -1 : n;
}

/* The value of "Key:\t..." in buf (status), or NULL; points into a static copy. */
static const char *field(const char *key)
{
	static char val[512];
	size_t kl = strlen(key);
	const char *p = buf;

	while (p && *p) {
		if (!strncmp(p, key, kl) && p[kl] == ':') {
			const char *v = p + kl + 1, *e;

			while (*v == '\t' || *v == ' ')
				v++;
			e = strchr(v, '\n');
			if (!e)
				e = v + strlen(v);
			if ((size_t)(e - v) >= sizeof(val))
				return NULL;
			memcpy(val, v, e - v);
			val[e - v] = '\0';
			return val;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

struct pstat {
	int pid, ppid, pgrp, session, nthreads;
	char comm[64], state;
	unsigned long utime, stime, starttime, vsize, rss;
	int nfields;
};

/* /proc/PATH/stat: the comm may hold spaces and parens, so the last ')' ends it. */
static int read_stat(const char *path, struct pstat *s)
{
	char *open_p, *close_p, *p;
	int i;

	memset(s, 0, sizeof(*s));
	if (slurp(path) < 0)
		return -1;
	open_p = strchr(buf, '(');
	close_p = strrchr(buf, ')');
	if (!open_p || !close_p || close_p < open_p || close_p - open_p - 1 >= 64)
		return -1;
	s->pid = atoi(buf);
	memcpy(s->comm, open_p + 1, close_p - open_p - 1);
	s->comm[close_p - open_p - 1] = '\0';
	p = close_p + 2;
	s->state = *p;
	s->nfields = 3;
	/* Fields 4.. by number (proc(5)). */
	for (i = 4, p += 1; *p == ' '; i++) {
		unsigned long v = strtoul(p + 1, &p, 10);

		if (i == 4)
			s->ppid = (int)v;
		else if (i == 5)
			s->pgrp = (int)v;
		else if (i == 6)
			s->session = (int)v;
		else if (i == 14)
			s->utime = v;
		else if (i == 15)
			s->stime = v;
		else if (i == 20)
			s->nthreads = (int)v;
		else if (i == 22)
			s->starttime = v;
		else if (i == 23)
			s->vsize = v;
		else if (i == 24)
			s->rss = v;
		s->nfields = i; /* tpgid's -1 reads as a huge number, unused */
	}
	return *p == '\n' ? 0 : -1;
}

/* Does maps have a line "lo-hi perms ..." covering addr; its perms and name. */
static int maps_find(unsigned long addr, char perms[5], char *name, size_t nsize, int *name_col)
{
	char *line = buf;

	while (line && *line) {
		char *nl = strchr(line, '\n');
		unsigned long lo, hi;
		int n = 0;

		if (nl)
			*nl = '\0';
		if (sscanf(line, "%lx-%lx %4s %*x %*x:%*x %*u %n", &lo, &hi, perms, &n) >= 3 &&
		    lo <= addr && addr < hi) {
			const char *nm = line;
			int col = 0;

			/* The name starts after the header's spaces: the first non-space past ino. */
			nm = line + n;
			col = (int)(nm - line);
			snprintf(name, nsize, "%s", nm);
			*name_col = col;
			if (nl)
				*nl = '\n';
			return 1;
		}
		if (nl)
			*nl = '\n';
		line = nl ? nl + 1 : NULL;
	}
	return 0;
}

static int count_prefix_lines(const char *prefix)
{
	size_t pl = strlen(prefix);
	const char *p = buf;
	int n = 0;

	while (p && *p) {
		if (!strncmp(p, prefix, pl))
			n++;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return n;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv, char **envp)
{
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	char comm[16], path[256], link[256], perms[5], name[256], want[512];
	struct pstat st;
	int col = -1;

	tap_plan(39);
	snprintf(comm, sizeof(comm), "%s", base);

	/* ---- stat ---- */
	read_stat("/proc/self/stat", &st);
	check(st.nfields == 52, "stat: 52 fields", "%d fields", st.nfields);
	check(st.pid == getpid() && st.ppid == getppid(), "stat: pid and ppid", "pid %d ppid %d",
	      st.pid, st.ppid);
	tap_streq(st.comm, comm, "stat: comm in parentheses");
	check(st.state == 'R', "stat: state R while reading itself", "state %c", st.state);
	if (!ok(st.pgrp == getpgrp(), "stat: pgrp is getpgrp()"))
		printf("# pgrp %d, getpgrp() %d\n", st.pgrp, (int)getpgrp());
	if (!ok(st.session == getsid(0), "stat: session is getsid(0)"))
		printf("# session %d, getsid(0) %d\n", st.session, (int)getsid(0));
	ok(st.nthreads == 1, "stat: one thread");
	{
		unsigned long up_s, up_c, idle_s, idle_c;

		ok(slurp("/proc/uptime") > 0 &&
			   sscanf(buf, "%lu.%2lu %lu.%2lu", &up_s, &up_c, &idle_s, &idle_c) == 4 &&
			   buf[strlen(buf) - 1] == '\n' && strchr(buf, '.')[3] == ' ',
		   "uptime: two numbers with two decimals");
		check(st.starttime <= up_s * 100 + up_c + 1 && st.starttime + 360000 > up_s * 100,
		      "stat: starttime before uptime", "starttime %lu, uptime %lu.%02lu",
		      st.starttime, up_s, up_c);
	}
	{
		double t0 = now();
		volatile unsigned long spin = 0;

		/* CPU time accounting: burn until 3 ticks show, or give up after 20 s. */
		while (read_stat("/proc/self/stat", &st) == 0 && st.utime + st.stime < 3 &&
		       now() - t0 < 20)
			for (int i = 0; i < 1000000; i++)
				spin++;
		check(st.utime + st.stime >= 3, "stat: CPU time is counted", "utime %lu stime %lu",
		      st.utime, st.stime);
	}
	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)getpid());
	ok(read_stat(path, &st) == 0 && st.pid == getpid(), "task/TID/stat of the main thread");

	/* ---- status ---- */
	umask(027);
	ok(slurp("/proc/self/status") > 0, "status: readable");
	tap_streq(field("Name") ? field("Name") : "", comm, "status: Name");
	tap_streq(field("Umask") ? field("Umask") : "", "0027", "status: Umask");
	snprintf(want, sizeof(want), "%d", (int)getpid());
	ok(field("Pid") && !strcmp(field("Pid"), want) && field("Tgid") &&
		   !strcmp(field("Tgid"), want),
	   "status: Pid and Tgid");
	snprintf(want, sizeof(want), "%d", (int)getppid());
	ok(field("PPid") && !strcmp(field("PPid"), want), "status: PPid");
	ok(field("State") && !strcmp(field("State"), "R (running)"), "status: State");
	ok(field("Uid") && (unsigned)atoi(field("Uid")) == getuid() && field("Gid"),
	   "status: Uid and Gid");
	ok(field("Threads") && !strcmp(field("Threads"), "1"), "status: Threads");
	{
		unsigned long vmsize = field("VmSize") ? strtoul(field("VmSize"), NULL, 10) : 0;
		int good = field("VmRSS") && strstr(field("VmRSS"), " kB") && field("VmPeak");

		check(good && read_stat("/proc/self/stat", &st) == 0 && st.vsize > 0 &&
			      st.vsize / 1024 == vmsize,
		      "status: VmPeak, VmSize, VmRSS in kB; VmSize is stat's vsize",
		      "VmSize %lu kB", vmsize);
		slurp("/proc/self/status");
	}
	ok(field("SigBlk") && strlen(field("SigBlk")) == 16 && field("SigIgn") && field("SigCgt") &&
		   field("SigPnd") && field("ShdPnd") && field("SigQ") && field("Cpus_allowed") &&
		   field("FDSize"),
	   "status: the signal masks, SigQ, Cpus_allowed, FDSize");

	/* ---- maps ---- */
	{
		int local = 0;
		/* brk itself: musl's sbrk only answers sbrk(0). */
		char *heap = (char *)syscall(SYS_brk, 0);
		char *end = (char *)syscall(SYS_brk, heap + 4 * 4096);
		char *ro = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		char *rw = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				-1, 0);

		if (end == heap + 4 * 4096)
			heap[0] = 1;
		rw[0] = 1;
		int found = slurp("/proc/self/maps") > 0 &&
			    maps_find((unsigned long)&local, perms, name, sizeof(name), &col);

		check(found && !strcmp(name, "[stack]") && !strcmp(perms, "rw-p") && col == 73,
		      "maps: [stack] holds a local, rw-p, its name at column 73",
		      "%s at %d; %p in\n%s", name, col, (void *)&local, buf);
		check(end == heap + 4 * 4096 &&
			      maps_find((unsigned long)heap, perms, name, sizeof(name), &col) &&
			      !strcmp(name, "[heap]") && !strcmp(perms, "rw-p"),
		      "maps: [heap] after brk", "%s %s", perms, name);
		ok(ro != MAP_FAILED &&
			   maps_find((unsigned long)ro, perms, name, sizeof(name), &col) &&
			   !strcmp(perms, "r--p") && !name[0],
		   "maps: an anonymous read-only mapping is r--p without a name");
		ok(rw != MAP_FAILED &&
			   maps_find((unsigned long)rw, perms, name, sizeof(name), &col) &&
			   !strcmp(perms, "rw-p"),
		   "maps: a read-write mapping is rw-p");
	}

	/* ---- fd/, fdinfo/ ---- */
	{
		char tmpl[] = "/tmp/t_proc.XXXXXX";
		int fd = mkstemp(tmpl), p[2];
		struct stat ps;
		long pos = -1, flags = -1;

		ok(fd >= 0 && write(fd, "hello", 5) == 5, "a scratch file");
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		memset(link, 0, sizeof(link));
		check(readlink(path, link, sizeof(link) - 1) > 0 && !strcmp(link, tmpl),
		      "fd/N: the file's path", "%s", link);
		snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
		ok(slurp(path) > 0 && sscanf(buf, "pos:\t%ld\nflags:\t%lo", &pos, &flags) == 2 &&
			   pos == 5 && (flags & O_ACCMODE) == O_RDWR &&
			   buf[strlen("pos:\t5\nflags:\t")] == '0',
		   "fdinfo/N: pos 5, flags in octal with O_RDWR");
		ok(pipe(p) == 0 && fstat(p[0], &ps) == 0, "a pipe");
		snprintf(path, sizeof(path), "/proc/self/fd/%d", p[1]);
		snprintf(want, sizeof(want), "pipe:[%lu]", (unsigned long)ps.st_ino);
		memset(link, 0, sizeof(link));
		check(readlink(path, link, sizeof(link) - 1) > 0 && !strcmp(link, want),
		      "fd/N of a pipe: pipe:[inode]", "%s", link);
		close(p[0]);
		close(p[1]);
		close(fd);
		unlink(tmpl);
	}

	/* ---- cmdline, environ, comm, links ---- */
	{
		long n = slurp("/proc/self/cmdline"), off = 0;
		int good = n > 0;

		for (int i = 0; i < argc && good; i++) {
			good = !strcmp(buf + off, argv[i]);
			off += strlen(argv[i]) + 1;
		}
		ok(good && off == n, "cmdline: argv, NUL-separated");
		n = slurp("/proc/self/environ");
		off = 0;
		good = n >= 0;
		for (int i = 0; envp[i] && good; i++) {
			good = !strcmp(buf + off, envp[i]);
			off += strlen(envp[i]) + 1;
		}
		ok(good && off == n, "environ: the initial environment, NUL-separated");
	}
	{
		int fd = open("/proc/self/comm", O_WRONLY);

		ok(fd >= 0 && write(fd, "renamed", 7) == 7 && close(fd) == 0 &&
			   slurp("/proc/self/comm") == 8 && !strcmp(buf, "renamed\n"),
		   "comm: written and read back");
	}
	snprintf(want, sizeof(want), "%d", (int)getpid());
	memset(link, 0, sizeof(link));
	ok(readlink("/proc/self", link, sizeof(link) - 1) > 0 && !strcmp(link, want),
	   "/proc/self links to the pid");
	{
		char cwd[256];

		memset(link, 0, sizeof(link));
		check(getcwd(cwd, sizeof(cwd)) &&
			      readlink("/proc/self/cwd", link, sizeof(link) - 1) > 0 &&
			      !strcmp(link, cwd),
		      "cwd link is getcwd", "%s", link);
		memset(link, 0, sizeof(link));
		check(readlink("/proc/self/exe", link, sizeof(link) - 1) > 0 && link[0] == '/' &&
			      !strcmp(strrchr(link, '/') + 1, base),
		      "exe link names the program", "%s", link);
	}

	/* ---- the system ---- */
	{
		double l1, l5, l15;
		int run, total, last;

		ok(slurp("/proc/loadavg") > 0 &&
			   sscanf(buf, "%lf %lf %lf %d/%d %d", &l1, &l5, &l15, &run, &total,
				  &last) == 6 &&
			   run >= 1 && total >= run && last > 0 && strchr(buf, '.')[3] == ' ',
		   "loadavg: three averages, running/total, last pid");
	}
	{
		int cpus = slurp("/proc/cpuinfo") > 0 ? count_prefix_lines("processor") : -1;

		check(slurp("/proc/stat") > 0 && count_prefix_lines("cpu") == cpus + 1 &&
			      !strncmp(buf, "cpu  ", 5) && strstr(buf, "\nctxt ") &&
			      strstr(buf, "\nbtime ") && strstr(buf, "\nprocesses ") &&
			      strstr(buf, "\nprocs_running "),
		      "stat: a cpu line and one per CPU, ctxt, btime, processes", "%d CPUs", cpus);
	}
	{
		pid_t child = fork();
		int status;

		if (child == 0)
			_exit(0);
		waitpid(child, &status, 0);
		snprintf(path, sizeof(path), "/proc/%d/stat", (int)child);
		errno = 0;
		ok(open(path, O_RDONLY) < 0 && errno == ENOENT, "a reaped child's stat: ENOENT");
	}
	return tap_done();
}
