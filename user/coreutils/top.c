// SPDX-License-Identifier: GPL-2.0
/*
 * top: a full-screen view of the system, refreshed every -d SECS (3 by default): procps's
 * header (the uptime line, the tasks by state, a %Cpu line for each CPU, or their sum after
 * the '1' key, MiB Mem and Swap) and the processes sorted by their share of a CPU since
 * the last refresh, from the differences of /proc/PID/stat's times. 'q' quits, as does ^C;
 * space refreshes at once. -n ITER stops after ITER screens, -b writes them one after the
 * other without touching the terminal (and lists every process). The terminal's size is
 * asked again on SIGWINCH; its modes are given back on the way out, on SIGINT and SIGTERM
 * too.
 */
#include <errno.h>
#include <stdarg.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "libcu.h"
#include "libtty.h"
#include "libowner.h"
#include "libproc.h"

#define MAX_CPUS 256
#define NR_CPU_FIELDS 8 /* user nice system idle iowait irq softirq steal */

struct cpu_times {
	unsigned long long v[NR_CPU_FIELDS];
};

/* One process as last seen: its pid and CPU ticks, to take the next sample's difference. */
struct seen {
	int pid;
	unsigned long long ticks;
};

struct row {
	struct cu_proc p;
	double pcpu;
	unsigned long long shared_kb;
};

static struct cpu_times cpu_prev[MAX_CPUS + 1], cpu_now[MAX_CPUS + 1];
static int ncpus;
static struct seen *prev;
static int nprev;
static double prev_time;
static int rows = 24, cols = 80, batch, per_cpu = 1, raw_set;
static struct termios saved;
static volatile sig_atomic_t resized;
static long hz, page_kb;

static double now_secs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* /proc/stat's cpu lines: [0] the sum, [1 + n] CPU n. */
static int read_cpus(struct cpu_times *t)
{
	FILE *f = fopen("/proc/stat", "r");
	char line[512];
	int n = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f) && !strncmp(line, "cpu", 3)) {
		struct cpu_times c;
		int idx = line[3] == ' ' ? 0 : atoi(line + 3) + 1;
		char *s = line + 3;

		while (*s && *s != ' ')
			s++;
		memset(&c, 0, sizeof(c));
		for (int i = 0; i < NR_CPU_FIELDS; i++)
			c.v[i] = strtoull(s, &s, 10);
		if (idx <= MAX_CPUS) {
			t[idx] = c;
			if (idx > n)
				n = idx;
		}
	}
	fclose(f);
	return n;
}

static unsigned long long find_prev(int pid, int *hint)
{
	/* both lists are in pid order: walk on from the last place */
	while (*hint < nprev && prev[*hint].pid < pid)
		(*hint)++;
	if (*hint < nprev && prev[*hint].pid == pid)
		return prev[*hint].ticks;
	return 0;
}

static int by_cpu(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->pcpu != y->pcpu)
		return x->pcpu < y->pcpu ? 1 : -1;
	return (x->p.pid > y->p.pid) - (x->p.pid < y->p.pid);
}

static unsigned long long shared_kb(int pid)
{
	char path[64];
	unsigned long long size, res, shr = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/statm", pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%llu %llu %llu", &size, &res, &shr) != 3)
		shr = 0;
	fclose(f);
	return shr * page_kb;
}

/* Takes a sample of every process, its %CPU since the last one; the rows, sorted. */
static struct row *sample(int *count)
{
	int *pids, n = cu_proc_pids(&pids), k = 0, hint = 0;
	double t = now_secs(), dt = t - prev_time;
	struct row *r = calloc(n > 0 ? n : 1, sizeof(*r));
	struct seen *next = calloc(n > 0 ? n : 1, sizeof(*next));

	if (n < 0 || !r || !next)
		cu_die(1, "cannot read /proc");
	for (int i = 0; i < n; i++) {
		unsigned long long ticks;

		if (cu_proc_read(pids[i], &r[k].p, 1))
			continue;
		ticks = r[k].p.utime + r[k].p.stime;
		if (nprev || prev_time > 0) {
			unsigned long long before = find_prev(pids[i], &hint);

			r[k].pcpu =
				dt > 0 && ticks >= before ? (ticks - before) * 100.0 / hz / dt : 0;
		}
		r[k].shared_kb = shared_kb(pids[i]);
		next[k].pid = pids[i];
		next[k].ticks = ticks;
		k++;
	}
	free(pids);
	free(prev);
	prev = next;
	nprev = k;
	prev_time = t;
	qsort(r, k, sizeof(*r), by_cpu);
	*count = k;
	return r;
}

static char *screen;
static size_t screen_len, screen_cap;

static void put(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void put(const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(screen + screen_len, screen_cap - screen_len, fmt, ap);
		va_end(ap);
		if (n >= 0 && (size_t)n < screen_cap - screen_len)
			break;
		screen_cap = screen_cap * 2 + (n > 0 ? n : 0) + 4096;
		screen = realloc(screen, screen_cap);
		if (!screen)
			cu_die(1, "out of memory");
	}
	screen_len += n;
}

/* Ends a line: on the terminal, cut at its width and the rest of the row erased. */
static void end_line(size_t line_start)
{
	if (!batch) {
		if (screen_len - line_start > (size_t)cols)
			screen_len = line_start + cols;
		put("\033[K\r\n");
	} else {
		put("\n");
	}
}

static void cpu_line(const char *label, const struct cpu_times *a, const struct cpu_times *b)
{
	unsigned long long d[NR_CPU_FIELDS], sum = 0;
	size_t start = screen_len;
	double pct[NR_CPU_FIELDS];

	for (int i = 0; i < NR_CPU_FIELDS; i++) {
		d[i] = b->v[i] >= a->v[i] ? b->v[i] - a->v[i] : 0;
		sum += d[i];
	}
	for (int i = 0; i < NR_CPU_FIELDS; i++)
		pct[i] = sum ? d[i] * 100.0 / sum : (i == 3 ? 100.0 : 0);
	/* us sy ni id wa hi si st: procps's order, not /proc/stat's */
	put("%s:%5.1f us,%5.1f sy,%5.1f ni,%5.1f id,%5.1f wa,%5.1f hi,%5.1f si,%5.1f st", label,
	    pct[0], pct[2], pct[1], pct[3], pct[4], pct[5], pct[6], pct[7]);
	end_line(start);
}

static void frame(void)
{
	struct cu_meminfo m = { 0 };
	struct row *r;
	int n, running = 0, sleeping = 0, stopped = 0, zombie = 0, lines_left, ncpu_now;
	char buf[256];
	size_t start;

	ncpu_now = read_cpus(cpu_now);
	r = sample(&n);
	for (int i = 0; i < n; i++) {
		switch (r[i].p.state) {
		case 'R':
			running++;
			break;
		case 'T':
		case 't':
			stopped++;
			break;
		case 'Z':
			zombie++;
			break;
		default:
			sleeping++;
		}
	}
	screen_len = 0;
	if (!batch)
		put("\033[H");
	start = screen_len;
	if (cu_uptime_line(buf, sizeof(buf), "top - "))
		snprintf(buf, sizeof(buf), "top");
	put("%s", buf);
	end_line(start);
	start = screen_len;
	put("Tasks: %3d total, %3d running, %3d sleeping, %3d stopped, %3d zombie", n, running,
	    sleeping, stopped, zombie);
	end_line(start);
	if (per_cpu && ncpu_now > 0) {
		for (int c = 1; c <= ncpu_now; c++) {
			char label[16];

			snprintf(label, sizeof(label), "%%Cpu%-3d", c - 1);
			cpu_line(label, &cpu_prev[c], &cpu_now[c]);
		}
	} else {
		cpu_line("%Cpu(s)", &cpu_prev[0], &cpu_now[0]);
	}
	memcpy(cpu_prev, cpu_now, sizeof(cpu_prev));
	ncpus = ncpu_now;
	if (!cu_meminfo(&m)) {
		start = screen_len;
		put("MiB Mem : %8.1f total, %8.1f free, %8.1f used, %8.1f buff/cache",
		    m.total / 1024.0, m.free / 1024.0, m.used / 1024.0, m.buff_cache / 1024.0);
		end_line(start);
		start = screen_len;
		put("MiB Swap: %8.1f total, %8.1f free, %8.1f used. %8.1f avail Mem",
		    m.swap_total / 1024.0, m.swap_free / 1024.0,
		    (m.swap_total - m.swap_free) / 1024.0, m.avail / 1024.0);
		end_line(start);
	}
	start = screen_len;
	end_line(start);
	start = screen_len;
	if (!batch)
		put("\033[7m");
	put("%5s %-8s %3s %3s %7s %6s %6s %c %5s %5s %9s %-7s", "PID", "USER", "PR", "NI", "VIRT",
	    "RES", "SHR", 'S', "%CPU", "%MEM", "TIME+", "COMMAND");
	if (!batch) {
		/* the bar runs across the screen: pad to the width before the escape ends it */
		size_t shown = screen_len - start - 4;

		if (shown < (size_t)cols)
			put("%*s", (int)(cols - shown), "");
		if (screen_len - start - 4 > (size_t)cols)
			screen_len = start + 4 + cols;
		put("\033[27m\033[K\r\n");
	} else {
		put("\n");
	}
	lines_left = batch ? n : rows - (int)(4 + (per_cpu ? ncpus : 1) + 3);
	for (int i = 0; i < n && i < lines_left; i++) {
		const struct cu_proc *p = &r[i].p;
		unsigned long long t = p->utime + p->stime, rss = p->rss * page_kb;
		char pr[16];

		if (p->priority < -99 || p->priority > 999)
			snprintf(pr, sizeof(pr), "rt");
		else
			snprintf(pr, sizeof(pr), "%ld", p->priority);
		start = screen_len;
		put("%5d %-8.8s %3s %3ld %7llu %6llu %6llu %c %5.1f %5.1f %3llu:%02llu.%02llu %s",
		    p->pid, cu_user_name(p->euid), pr, p->nice, p->vsize / 1024, rss,
		    r[i].shared_kb, p->state, r[i].pcpu, m.total ? rss * 100.0 / m.total : 0.0,
		    t / hz / 60, t / hz % 60, t % hz * 100 / hz, p->comm);
		end_line(start);
		cu_proc_free(&r[i].p);
	}
	for (int i = lines_left > 0 ? lines_left : 0; i < n; i++)
		cu_proc_free(&r[i].p);
	free(r);
	if (!batch)
		put("\033[J");
	else
		put("\n");
	cu_write_all(STDOUT_FILENO, screen, screen_len);
}

static void restore_tty(void)
{
	static const char bye[] = "\033[?25h\r\n";

	if (raw_set) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
		raw_set = 0;
		if (write(STDOUT_FILENO, bye, sizeof(bye) - 1) < 0) {
			/* the terminal is gone: nothing to tell it */
		}
	}
}

static void on_signal(int sig)
{
	restore_tty();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
}

static void get_size(void)
{
	struct winsize ws;

	if (!ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_row > 0 && ws.ws_col > 0) {
		rows = ws.ws_row;
		cols = ws.ws_col;
	}
}

/* Waits up to 'secs' for a key; the key, 0 if none came, -1 at the end of input. */
static int wait_key(double secs)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	double end = now_secs() + secs;
	unsigned char c;

	for (;;) {
		double left = end - now_secs();
		int r;

		if (left <= 0)
			return 0;
		r = poll(&p, 1, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR) {
			if (resized)
				return 0;
			continue;
		}
		if (r <= 0)
			return 0;
		if (read(STDIN_FILENO, &c, 1) != 1)
			return -1;
		return c;
	}
}

int main(int argc, char **argv)
{
	double delay = 3;
	long iters = -1;
	int opt;
	char *end;

	cu_init(argc, argv,
		"[-b] [-d SECS] [-n ITER] [-1]\n"
		"Show the processes by their use of the CPUs, with the system's load and memory,\n"
		"refreshed every SECS seconds (3). -n stops after ITER screens; -b writes them\n"
		"one after another, for a file or a pipe; -1 starts with one %Cpu line for all.\n"
		"Keys: q quit, 1 one line per CPU or for all, space refresh now.\n");
	while ((opt = getopt(argc, argv, "bd:n:1")) != -1) {
		switch (opt) {
		case 'b':
			batch = 1;
			break;
		case 'd':
			delay = strtod(optarg, &end);
			if (*end || end == optarg || delay < 0)
				cu_die(1, "bad delay interval '%s'", optarg);
			break;
		case 'n':
			iters = strtol(optarg, &end, 10);
			if (*end || end == optarg || iters < 1)
				cu_die(1, "bad iterations argument '%s'", optarg);
			break;
		case '1':
			per_cpu = 0;
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind < argc) {
		cu_warn("extra operand '%s'", argv[optind]);
		cu_usage(1);
	}
	hz = sysconf(_SC_CLK_TCK);
	if (hz <= 0)
		hz = 100;
	page_kb = sysconf(_SC_PAGESIZE) / 1024;
	if (!batch && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		batch = 1; /* nothing to draw on: procps says so and stops; we write batches */
	if (!batch) {
		if (cu_tty_raw(STDIN_FILENO, &saved, 0, on_signal, on_winch)) {
			cu_warn_errno("tcgetattr");
			return 1;
		}
		raw_set = 1;
		get_size();
		cu_write_all(STDOUT_FILENO, "\033[?25l\033[H\033[2J", 13);
	}
	/* A first sample a moment before the first screen, so that it has differences too. */
	read_cpus(cpu_prev);
	free(sample(&opt));
	usleep(200000);
	for (long i = 0; iters < 0 || i < iters; i++) {
		int key;

		frame();
		if (iters > 0 && i + 1 >= iters)
			break;
		if (batch) {
			usleep((useconds_t)(delay * 1e6));
			continue;
		}
		key = wait_key(delay);
		if (resized) {
			resized = 0;
			get_size();
			cu_write_all(STDOUT_FILENO, "\033[H\033[2J", 7);
		}
		if (key == 'q' || key == -1)
			break;
		if (key == '1')
			per_cpu = !per_cpu;
	}
	restore_tty();
	return 0;
}
