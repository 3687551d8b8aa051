/* Resource limits and usage, and the system calls about the machine: prlimit64, getrlimit,
 * setrlimit (Linux's rules, and RLIMIT_STACK and RLIMIT_FSIZE at work), getrusage, times,
 * sysinfo, CPU affinity, getcpu, the scheduling policy calls, clock_getres, sethostname and
 * setdomainname as uname shows them, and reboot's checks. */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * A case whose name is the same on every run, with the values behind it as a TAP comment
 * (the two libcs' answers are compared by name). The condition is evaluated first.
 */
#define ok_diag(cond, name, fmt, ...)               \
	({                                          \
		int ok_diag_c = !!(cond);           \
		printf("# " fmt "\n", __VA_ARGS__); \
		ok(ok_diag_c, name);                \
	})

#define NR_OPEN_DEFAULT 1048576UL
#define CLONE_NEWUTS 0x04000000
#define NR_unshare 272 /* not in every libc's <sys/syscall.h> */
#define RB_DISABLE_CAD_CMD 0

/* Raw calls, so that neither libc's checks hide the kernel's answer. */
static long sys(long nr, long a, long b, long c, long d)
{
	return syscall(nr, a, b, c, d);
}

static int wait_status(pid_t pid)
{
	int st = -1;

	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

static int exited_0(int st)
{
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* Becomes an ordinary user in a child, where that is possible: 1 if so. */
static int drop_root(void)
{
	return getuid() != 0 || setuid(12345) == 0;
}

static unsigned long nr_open(void)
{
	char buf[32] = { 0 };
	int fd = open("/proc/sys/fs/nr_open", O_RDONLY);

	if (fd < 0)
		return NR_OPEN_DEFAULT;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	return n > 0 ? strtoul(buf, NULL, 10) : NR_OPEN_DEFAULT;
}

static void test_limits(void)
{
	struct rlimit rl, rl2;
	errno = 0;
	ok(getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur > 2 && rl.rlim_cur <= rl.rlim_max,
	   "getrlimit(RLIMIT_NOFILE)");
	ok(sys(SYS_prlimit64, 0, RLIMIT_NOFILE, 0, (long)&rl2) == 0 &&
		   rl2.rlim_cur == rl.rlim_cur && rl2.rlim_max == rl.rlim_max,
	   "prlimit64(0) reads the same");
	ok(sys(SYS_getrlimit, RLIMIT_STACK, (long)&rl2, 0, 0) == 0 && rl2.rlim_cur > 0,
	   "getrlimit(2) itself: RLIMIT_STACK");
	errno = 0;
	ok(sys(SYS_getrlimit, 16, (long)&rl2, 0, 0) == -1 && errno == EINVAL,
	   "an unknown resource: EINVAL");
	errno = 0;
	ok(sys(SYS_getrlimit, RLIMIT_NOFILE, 1, 0, 0) == -1 && errno == EFAULT,
	   "getrlimit to a bad pointer: EFAULT");
	errno = 0;
	ok(sys(SYS_prlimit64, 0x3fffffff, RLIMIT_NOFILE, 0, (long)&rl2) == -1 && errno == ESRCH,
	   "prlimit64 of no such process: ESRCH");

	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit r = { 64, 128 }, bad = { 200, 100 }, got;
		int fails = 0;
		fails |= setrlimit(RLIMIT_NOFILE, &r) != 0;
		fails |= getrlimit(RLIMIT_NOFILE, &got) != 0 || got.rlim_cur != 64 ||
			 got.rlim_max != 128;
		errno = 0;
		fails |= (setrlimit(RLIMIT_NOFILE, &bad) != -1 || errno != EINVAL) << 1;
		r.rlim_cur = r.rlim_max = nr_open() + 1;
		errno = 0;
		fails |= (setrlimit(RLIMIT_NOFILE, &r) != -1 || errno != EPERM) << 2;
		r.rlim_cur = 16;
		r.rlim_max = 128;
		fails |= (setrlimit(RLIMIT_NOFILE, &r) != 0) << 3; /* lowering: anyone */
		r.rlim_cur = 128;
		fails |= (setrlimit(RLIMIT_NOFILE, &r) != 0) << 4; /* soft up to hard: anyone */
		_exit(fails);
	}
	int st = wait_status(pid);
	ok_diag(exited_0(st),
		"setrlimit: set and read back; cur > max EINVAL; NOFILE above nr_open EPERM; lowering and raising the soft limit",
		"%#x", st);

	pid = fork();
	if (pid == 0) {
		struct rlimit r = { 64, 128 };
		if (setrlimit(RLIMIT_NOFILE, &r) != 0)
			_exit(2);
		if (!drop_root())
			_exit(77);
		r.rlim_max = 256;
		errno = 0;
		_exit(setrlimit(RLIMIT_NOFILE, &r) == -1 && errno == EPERM ? 0 : 3);
	}
	st = wait_status(pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 77)
		tap_skip("an ordinary user may not raise the hard limit: EPERM", "cannot setuid");
	else
		ok(exited_0(st), "an ordinary user may not raise the hard limit: EPERM");

	/* Another process's limits, through prlimit64 with its pid. */
	int p[2];
	pipe(p);
	pid = fork();
	if (pid == 0) {
		char c;
		close(p[1]);
		read(p[0], &c, 1);
		struct rlimit got;
		getrlimit(RLIMIT_CORE, &got);
		_exit(got.rlim_cur == 4096 ? 0 : 1);
	}
	close(p[0]);
	struct rlimit core = { 4096, 8192 }, old;
	ok(sys(SYS_prlimit64, pid, RLIMIT_CORE, (long)&core, (long)&old) == 0,
	   "prlimit64 sets another process's limit");
	write(p[1], "x", 1);
	close(p[1]);
	ok(exited_0(wait_status(pid)), "the other process sees its new limit");
}

static int recurse(int depth)
{
	volatile char frame[4096];
	frame[0] = (char)depth;
	return depth ? recurse(depth - 1) + frame[0] : 0;
}

static void test_enforced(void)
{
	/* RLIMIT_STACK: the stack may not grow past it. */
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit r = { 256 * 1024, 256 * 1024 }, no_core = { 0, 0 };
		setrlimit(RLIMIT_CORE, &no_core);
		if (setrlimit(RLIMIT_STACK, &r) != 0)
			_exit(2);
		recurse(1024); /* 4 MiB of frames */
		_exit(0);
	}
	int st = wait_status(pid);
	ok_diag(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
		"RLIMIT_STACK: growing past it is SIGSEGV", "%#x", st);
	pid = fork();
	if (pid == 0) {
		(void)recurse(1024); /* 4 MiB of frames is fine under the default 8 */
		_exit(0);
	}
	st = wait_status(pid);
	ok_diag(exited_0(st), "within RLIMIT_STACK the stack grows", "%#x", st);

	/* RLIMIT_FSIZE: a write stops at the limit, then EFBIG (SIGXFSZ ignored here). */
	char path[] = "/tmp/t_resource.XXXXXX";
	int fd = mkstemp(path);
	pid = fork();
	if (pid == 0) {
		char buf[2000] = { 0 };
		struct rlimit r = { 1000, 1000 };
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &r) != 0)
			_exit(2);
		if (write(fd, buf, sizeof(buf)) != 1000)
			_exit(3);
		errno = 0;
		if (write(fd, buf, 1) != -1 || errno != EFBIG)
			_exit(4);
		_exit(0);
	}
	st = wait_status(pid);
	ok_diag(exited_0(st), "RLIMIT_FSIZE: the write stops at the limit, the next is EFBIG",
		"%#x", st);
	close(fd);
	unlink(path);
}

static void test_usage(void)
{
	struct rusage ru, ru2;
	ok(getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_maxrss > 0 && ru.ru_minflt > 0,
	   "getrusage(RUSAGE_SELF): maxrss and minor faults");
	char *m =
		mmap(NULL, 256 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < 256; i++)
		m[i * 4096] = 1;
	ok_diag(getrusage(RUSAGE_SELF, &ru2) == 0 && ru2.ru_minflt >= ru.ru_minflt + 256 &&
			ru2.ru_maxrss >= ru.ru_maxrss,
		"touching 256 pages adds 256 minor faults", "%ld -> %ld", ru.ru_minflt,
		ru2.ru_minflt);
	munmap(m, 256 * 4096);
	ok(getrusage(RUSAGE_THREAD, &ru2) == 0 && ru2.ru_minflt > 0, "getrusage(RUSAGE_THREAD)");
	errno = 0;
	ok(getrusage(5, &ru2) == -1 && errno == EINVAL, "getrusage(5): EINVAL");
	errno = 0;
	ok(getrusage(RUSAGE_SELF, (struct rusage *)1) == -1 && errno == EFAULT,
	   "getrusage to a bad pointer: EFAULT");

	/* A child that touches 2 MiB: its faults and its peak RSS count for the parent. */
	struct rusage before, after;
	getrusage(RUSAGE_CHILDREN, &before);
	pid_t pid = fork();
	if (pid == 0) {
		char *c = mmap(NULL, 512 * 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		for (int i = 0; i < 512; i++)
			c[i * 4096] = 1;
		_exit(0);
	}
	struct rusage wru;
	int st;
	ok_diag(wait4(pid, &st, 0, &wru) == pid && wru.ru_minflt >= 512 && wru.ru_maxrss >= 2048,
		"wait4's rusage: the child's faults and peak RSS", "%ld, %ld KiB", wru.ru_minflt,
		wru.ru_maxrss);
	getrusage(RUSAGE_CHILDREN, &after);
	ok_diag(after.ru_minflt >= before.ru_minflt + 512 && after.ru_maxrss >= 2048,
		"getrusage(RUSAGE_CHILDREN) counts the reaped child", "%ld KiB", after.ru_maxrss);

	/*
	 * CPU time: 50 ms of work shows in user plus system time. The work is measured on the
	 * process's CPU clock, not the wall clock: on a loaded machine 50 ms of wall time may
	 * hold much less of our own (the wall clock bounds it at 10 s all the same).
	 */
	struct timespec t0, t1, w0, w1;
	clock_gettime(CLOCK_MONOTONIC, &w0);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	getrusage(RUSAGE_SELF, &ru);
	volatile unsigned long spin = 0;
	do {
		for (int i = 0; i < 100000; i++)
			spin++;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
		clock_gettime(CLOCK_MONOTONIC, &w1);
	} while ((t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec) < 50000000L &&
		 w1.tv_sec - w0.tv_sec < 10);
	getrusage(RUSAGE_SELF, &ru2);
	long us = (ru2.ru_utime.tv_sec - ru.ru_utime.tv_sec) * 1000000L +
		  (ru2.ru_utime.tv_usec - ru.ru_utime.tv_usec) +
		  (ru2.ru_stime.tv_sec - ru.ru_stime.tv_sec) * 1000000L +
		  (ru2.ru_stime.tv_usec - ru.ru_stime.tv_usec);
	printf("# 50 ms of work: %ld us of CPU time\n", us);
	ok(us >= 10000 && us <= 5000000, "getrusage: 50 ms of work shows as CPU time");

	struct tms tm;
	clock_t c0 = times(&tm);
	printf("# times: %ld user + %ld system ticks\n", (long)tm.tms_utime, (long)tm.tms_stime);
	ok(c0 != (clock_t)-1 && tm.tms_utime >= 0 && tm.tms_stime >= 0 && tm.tms_cutime >= 0 &&
		   tm.tms_utime + tm.tms_stime >= 4,
	   "times: this process's CPU time in ticks");
	struct timespec pause = { 0, 30000000 };
	nanosleep(&pause, NULL);
	clock_t c1 = times(NULL);
	ok_diag(c1 - c0 >= 2 && c1 - c0 <= 100, "times: 30 ms later the count moved by about 3",
		"%ld", (long)(c1 - c0));

	struct sysinfo si;
	ok(sysinfo(&si) == 0 && si.uptime > 0 && si.mem_unit >= 1 &&
		   (unsigned long long)si.totalram * si.mem_unit >= (16ULL << 20) &&
		   si.freeram > 0 && si.freeram <= si.totalram && si.sharedram <= si.totalram &&
		   si.totalswap >= si.freeswap && si.procs >= 2 && si.loads[0] < (1000UL << 16),
	   "sysinfo: uptime, memory and process counts are sane");
	errno = 0;
	ok(sysinfo((struct sysinfo *)1) == -1 && errno == EFAULT,
	   "sysinfo to a bad pointer: EFAULT");
}

static void test_sched(void)
{
	unsigned long mask[16] = { 0 };
	long n = sys(SYS_sched_getaffinity, 0, sizeof(mask), (long)mask, 0);
	int cpu = sched_getcpu(), count = 0;
	for (int i = 0; i < 16 * 64; i++)
		count += (mask[i / 64] >> (i % 64)) & 1;
	ok(n > 0 && n % 8 == 0 && n <= (long)sizeof(mask) && count >= 1 && cpu >= 0 &&
		   (mask[cpu / 64] >> (cpu % 64) & 1),
	   "sched_getaffinity returns its mask size, the current CPU in it");
	printf("# the mask size: %ld bytes\n",
	       n); /* the kernel's own: 8 here, 32 or more on Linux */
	errno = 0;
	ok(sys(SYS_sched_getaffinity, 0, 4, (long)mask, 0) == -1 && errno == EINVAL,
	   "sched_getaffinity: a size not a multiple of 8 is EINVAL");
	errno = 0;
	ok(sys(SYS_sched_getaffinity, 0x3fffffff, sizeof(mask), (long)mask, 0) == -1 &&
		   errno == ESRCH,
	   "sched_getaffinity of no such process: ESRCH");

	cpu_set_t one, got;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	ok(sched_setaffinity(0, sizeof(one), &one) == 0 &&
		   sched_getaffinity(0, sizeof(got), &got) == 0 && CPU_COUNT(&got) == 1 &&
		   CPU_ISSET(cpu, &got) && sched_getcpu() == cpu,
	   "sched_setaffinity to one CPU: it runs there");
	/* A child inherits the mask, as sched_setaffinity(2) says. */
	pid_t kid = fork();
	if (kid == 0) {
		cpu_set_t k;

		_exit(sched_getaffinity(0, sizeof(k), &k) == 0 && CPU_COUNT(&k) == 1 &&
				      CPU_ISSET(cpu, &k) && sched_getcpu() == cpu
			      ? 0
			      : 1);
	}
	int kst = -1;
	ok(kid > 0 && waitpid(kid, &kst, 0) == kid && WIFEXITED(kst) && WEXITSTATUS(kst) == 0,
	   "a forked child inherits the CPU mask");
	sys(SYS_sched_setaffinity, 0, n, (long)mask, 0);
	CPU_ZERO(&one);
	errno = 0;
	ok(sched_setaffinity(0, sizeof(one), &one) == -1 && errno == EINVAL,
	   "sched_setaffinity with no CPU: EINVAL");
	errno = 0;
	ok(sys(SYS_sched_setaffinity, 0, 8, 1, 0) == -1 && errno == EFAULT,
	   "sched_setaffinity from a bad pointer: EFAULT");

	unsigned int c = 99, node = 99;
	ok(sys(SYS_getcpu, (long)&c, (long)&node, 0, 0) == 0 && (int)c < CPU_SETSIZE && node < 64 &&
		   sys(SYS_getcpu, 0, 0, 0, 0) == 0,
	   "getcpu: a CPU and a node; NULL pointers are fine");

	struct sched_param sp;
	memset(&sp, 0, sizeof(sp));
	sp.sched_priority = 7;
	/* Raw calls: musl's wrappers of these are ENOSYS on purpose (they are per thread). */
	ok(sys(SYS_sched_getscheduler, 0, 0, 0, 0) == SCHED_OTHER &&
		   sys(SYS_sched_getparam, 0, (long)&sp, 0, 0) == 0 && sp.sched_priority == 0,
	   "sched_getscheduler: SCHED_OTHER, priority 0");
	ok(sched_get_priority_max(SCHED_FIFO) == 99 && sched_get_priority_min(SCHED_RR) == 1 &&
		   sched_get_priority_max(SCHED_OTHER) == 0 &&
		   sched_get_priority_min(SCHED_OTHER) == 0,
	   "priority ranges: 1..99 real-time, 0 for SCHED_OTHER");
	errno = 0;
	ok(sched_get_priority_max(42) == -1 && errno == EINVAL, "an unknown policy: EINVAL");
	errno = 0;
	ok(sys(SYS_sched_getscheduler, -1, 0, 0, 0) == -1 && errno == EINVAL,
	   "sched_getscheduler(-1): EINVAL");
	sp.sched_priority = 0;
	ok(sys(SYS_sched_setscheduler, 0, SCHED_OTHER, (long)&sp, 0) == 0,
	   "sched_setscheduler(SCHED_OTHER, 0)");
	sp.sched_priority = 5;
	errno = 0;
	ok(sys(SYS_sched_setscheduler, 0, SCHED_OTHER, (long)&sp, 0) == -1 && errno == EINVAL,
	   "SCHED_OTHER with a priority: EINVAL");

	struct timespec res;
	ok(clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_sec == 0 && res.tv_nsec == 1 &&
		   clock_getres(CLOCK_REALTIME, &res) == 0 && res.tv_nsec == 1,
	   "clock_getres: 1 ns for the high-resolution clocks");
	ok_diag(clock_getres(CLOCK_MONOTONIC_COARSE, &res) == 0 && res.tv_sec == 0 &&
			res.tv_nsec >= 1000000 && res.tv_nsec <= 10000000,
		"clock_getres: the tick for the coarse clocks", "%ld ns", res.tv_nsec);
	errno = 0;
	ok(clock_getres(1000, &res) == -1 && errno == EINVAL &&
		   clock_getres(CLOCK_MONOTONIC, NULL) == 0,
	   "clock_getres: unknown clock EINVAL, NULL result fine");

	/*
	 * The CPU-time clocks (clock() reads the process's): work shows in both. Work until the
	 * process's clock shows 10 ms, for at most 10 s of wall time: on a loaded machine the
	 * wall clock says little about how much of it was ours.
	 */
	struct timespec p0, p1, t1, w0, w1;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &p0);
	clock_gettime(CLOCK_MONOTONIC, &w0);
	volatile unsigned long spin = 0;
	do {
		for (int i = 0; i < 100000; i++)
			spin++;
		clock_gettime(CLOCK_MONOTONIC, &w1);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &p1);
	} while ((p1.tv_sec - p0.tv_sec) * 1000000000L + (p1.tv_nsec - p0.tv_nsec) < 10000000L &&
		 w1.tv_sec - w0.tv_sec < 10);
	ok(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &p1) == 0 &&
		   clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1) == 0 &&
		   (p1.tv_sec - p0.tv_sec) * 1000000000L + (p1.tv_nsec - p0.tv_nsec) >= 10000000L &&
		   (t1.tv_sec > 0 || t1.tv_nsec > 0),
	   "clock_gettime: the process's and the thread's CPU time advance with work");
	ok(clock_getres(CLOCK_PROCESS_CPUTIME_ID, &res) == 0 && res.tv_sec == 0 && res.tv_nsec == 1,
	   "clock_getres: 1 ns for the CPU-time clocks");
}

/* In a child: a UTS namespace of its own where there are namespaces (the host's name stays). */
static int set_names(void)
{
	struct utsname u;
	if (sys(NR_unshare, CLONE_NEWUTS, 0, 0, 0) != 0 && errno != ENOSYS && errno != EINVAL)
		return 77;
	if (sethostname("t-resource-host", 15) != 0 || setdomainname("t-domain", 8) != 0)
		return 2;
	if (uname(&u) != 0 || strcmp(u.nodename, "t-resource-host") ||
	    strcmp(u.domainname, "t-domain"))
		return 3;
	char long_name[80];
	memset(long_name, 'x', sizeof(long_name));
	errno = 0;
	if (sethostname(long_name, 65) != -1 || errno != EINVAL)
		return 4;
	if (sethostname(long_name, 64) != 0 || uname(&u) != 0 || strlen(u.nodename) != 64)
		return 5;
	return 0;
}

static void test_names_and_reboot(void)
{
	struct utsname u, after;
	uname(&u);
	pid_t pid = fork();
	if (pid == 0)
		_exit(getuid() == 0 ? set_names() : 77);
	int st = wait_status(pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 77) {
		tap_skip("sethostname and setdomainname show in uname; 65 bytes EINVAL",
			 "not root, or no UTS namespace");
	} else {
		ok_diag(exited_0(st),
			"sethostname and setdomainname show in uname; 65 bytes EINVAL", "%#x", st);
	}
	/* Where there was no namespace to use (our kernel), the old names go back. */
	uname(&after);
	if (strcmp(after.nodename, u.nodename)) {
		sethostname(u.nodename, strlen(u.nodename));
		setdomainname(u.domainname, strlen(u.domainname));
	}

	pid = fork();
	if (pid == 0) {
		if (!drop_root())
			_exit(77);
		errno = 0;
		if (sethostname("x", 1) != -1 || errno != EPERM)
			_exit(2);
		errno = 0;
		_exit(sys(SYS_reboot, 0xfee1dead, 672274793, RB_DISABLE_CAD_CMD, 0) == -1 &&
				      errno == EPERM
			      ? 0
			      : 3);
	}
	st = wait_status(pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 77)
		tap_skip("an ordinary user: sethostname and reboot are EPERM", "cannot setuid");
	else
		ok_diag(exited_0(st), "an ordinary user: sethostname and reboot are EPERM", "%#x",
			st);

	if (getuid() == 0) {
		errno = 0;
		ok(sys(SYS_reboot, 0, 0, 0, 0) == -1 && errno == EINVAL,
		   "reboot with bad magic numbers: EINVAL");
		errno = 0;
		ok(sys(SYS_reboot, 0xfee1dead, 672274793, 0x12345678, 0) == -1 && errno == EINVAL,
		   "reboot with an unknown command: EINVAL");
	} else {
		tap_skip("reboot with bad magic numbers: EINVAL", "not root");
		tap_skip("reboot with an unknown command: EINVAL", "not root");
	}
	/* Ctrl-Alt-Del's setting only in our own kernel: the host's is not ours to change. */
	if (getuid() == 0 && strstr(u.version, "Mica"))
		ok(sys(SYS_reboot, 0xfee1dead, 672274793, 0, 0) == 0 &&
			   sys(SYS_reboot, 0xfee1dead, 369367448, 0x89abcdef, 0) == 0,
		   "reboot: CAD_OFF and CAD_ON (the second magic's variants)");
	else
		tap_skip("reboot: CAD_OFF and CAD_ON (the second magic's variants)",
			 "not our kernel, or not root");
}

int main(void)
{
	tap_plan(49);
	test_limits();
	test_enforced();
	test_usage();
	test_sched();
	test_names_and_reboot();
	return tap_done();
}
