/* The rest of the system interface: uname, limits, poll/select, fcntl, dup, mmap, vfork,
 * stdin, pwd/grp, readv/writev, pread/pwrite, rename. */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/statvfs.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	tap_plan(30);
	struct utsname u;
	ok(uname(&u) == 0 && !strcmp(u.sysname, "Linux") && !strcmp(u.machine, "x86_64"),
	   "uname: Linux on x86_64 (the host)");
	struct rlimit rl;
	ok(getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur > 2 && rl.rlim_cur <= rl.rlim_max,
	   "getrlimit(RLIMIT_NOFILE)");
	ok(sysconf(_SC_NPROCESSORS_ONLN) >= 1 && sysconf(_SC_CLK_TCK) == 100,
	   "sysconf CPUs and clock ticks");

	int p[2];
	pipe(p);
	struct pollfd pf = { p[0], POLLIN, 0 };
	ok(poll(&pf, 1, 0) == 0, "poll: an empty pipe is not readable");
	write(p[1], "abc", 3);
	ok(poll(&pf, 1, 1000) == 1 && (pf.revents & POLLIN), "poll: readable after a write");
	int avail = -1;
	ok(ioctl(p[0], FIONREAD, &avail) == 0 && avail == 3, "ioctl(FIONREAD) counts 3 bytes");
	fd_set rs;
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	struct timeval tv = { 0, 0 };
	ok(select(p[0] + 1, &rs, NULL, NULL, &tv) == 1 && FD_ISSET(p[0], &rs),
	   "select sees it too");
	errno = 0;
	struct termios t;
	ok(!isatty(p[0]) && tcgetattr(p[0], &t) == -1 && errno == ENOTTY,
	   "a pipe is no tty: ENOTTY");

	ok(fcntl(p[0], F_GETFL) == O_RDONLY && fcntl(p[1], F_GETFL) == O_WRONLY, "fcntl(F_GETFL)");
	ok(fcntl(p[0], F_SETFD, FD_CLOEXEC) == 0 && fcntl(p[0], F_GETFD) == FD_CLOEXEC,
	   "fcntl(F_SETFD)");
	int d = dup(p[0]);
	ok(d > p[1] && fcntl(d, F_GETFD) == 0, "dup drops close-on-exec");
	ok(dup2(p[0], 50) == 50 && dup3(p[0], 51, O_CLOEXEC) == 51 &&
		   fcntl(51, F_GETFD) == FD_CLOEXEC,
	   "dup2 and dup3");
	close(d);
	close(50);
	close(51);
	char buf[64];

	/* stdin of a child is the pipe */
	pid_t pid = fork();
	if (pid == 0) {
		dup2(p[0], 0);
		close(p[1]);
		char line[32];
		int c = getchar();
		if (c != 'a' || !fgets(line, sizeof(line), stdin) || strcmp(line, "bcline two\n"))
			_exit(1);
		int n;
		if (scanf("%d", &n) != 1 || n != 42)
			_exit(2);
		_exit(getchar() == '\n' && getchar() == EOF ? 0 : 3);
	}
	write(p[1], "line two\n42\n", 12);
	close(p[1]);
	close(p[0]);
	int st;
	waitpid(pid, &st, 0);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	   "a child reads stdin: getchar, fgets, scanf, EOF");

	pid = vfork();
	if (pid == 0) {
		char *args[] = { "sh", "-c", "exit 9", NULL };
		execvp("sh", args);
		_exit(99);
	}
	waitpid(pid, &st, 0);
	ok(pid > 0 && WEXITSTATUS(st) == 9, "vfork and exec");

	char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(m != MAP_FAILED && m[0] == 0 && m[8191] == 0, "anonymous mmap is zeroed");
	m[100] = 7;
	ok(mprotect(m, 4096, PROT_READ) == 0 && m[100] == 7, "mprotect keeps contents readable");
	ok(munmap(m, 8192) == 0, "munmap");

	int fd = open("misc.txt", O_CREAT | O_RDWR | O_TRUNC, 0600);
	struct iovec iov[3] = { { "one ", 4 }, { "two ", 4 }, { "three", 5 } };
	ok(writev(fd, iov, 3) == 13, "writev gathers three buffers");
	char a[5] = "", b[9] = "";
	struct iovec riov[2] = { { a, 4 }, { b, 8 } };
	lseek(fd, 0, SEEK_SET);
	ok(readv(fd, riov, 2) == 12 && !memcmp(a, "one ", 4) && !memcmp(b, "two thre", 8),
	   "readv scatters");
	ok(pwrite(fd, "TWO", 3, 4) == 3 && pread(fd, buf, 7, 4) == 7 && !memcmp(buf, "TWO thr", 7),
	   "pwrite and pread at an offset");
	close(fd);
	ok(rename("misc.txt", "misc2.txt") == 0 && access("misc.txt", F_OK) == -1 &&
		   access("misc2.txt", R_OK) == 0,
	   "rename");
	unlink("misc2.txt");
	mode_t old = umask(077);
	ok(umask(old) == 077, "umask");

	struct passwd *pw = getpwuid(0);
	ok(pw && !strcmp(pw->pw_name, "root") && pw->pw_uid == 0 && !strcmp(pw->pw_dir, "/root"),
	   "getpwuid(0) is root");
	struct group *gr = getgrnam("root");
	ok(gr && gr->gr_gid == 0, "getgrnam(\"root\") is gid 0");
	struct statvfs sv;
	ok(statvfs("/", &sv) == 0 && sv.f_bsize > 0 && sv.f_blocks > 0 && sv.f_namemax >= 255,
	   "statvfs(\"/\")");
	struct sysinfo si;
	ok(sysinfo(&si) == 0 && si.uptime > 0 && si.totalram > 0 && si.mem_unit >= 1, "sysinfo");
	struct tms tm;
	ok(times(&tm) != (clock_t)-1, "times");
	fd = open("lockfile", O_CREAT | O_RDWR, 0600);
	int fd2 = open("lockfile", O_RDWR);
	errno = 0;
	ok(flock(fd, LOCK_EX) == 0 && flock(fd2, LOCK_EX | LOCK_NB) == -1 && errno == EWOULDBLOCK,
	   "flock: a second exclusive lock would block");
	close(fd);
	close(fd2);
	unlink("lockfile");
	unsigned char rnd[32] = { 0 }, zero[32] = { 0 };
	ok(getrandom(rnd, sizeof(rnd), 0) == 32 && memcmp(rnd, zero, 32), "getrandom");
	char name[16] = "";
	ok(prctl(PR_SET_NAME, "mica-test", 0, 0, 0) == 0 &&
		   prctl(PR_GET_NAME, name, 0, 0, 0) == 0 && !strcmp(name, "mica-test"),
	   "prctl(PR_SET_NAME) and PR_GET_NAME");
	return tap_done();
}
