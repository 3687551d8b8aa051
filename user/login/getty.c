// SPDX-License-Identifier: GPL-2.0
/*
 * getty: opens a terminal, makes it the controlling terminal of a new session, gives it sane
 * settings, prints /etc/issue and "HOST login: ", and hands the name to login.
 *
 * usage: getty [-a USER] [-L] [BAUD] TTY [TERM]
 *
 * -a USER logs USER in without a name or password (login -f) on the first start after boot
 * on that terminal (a mark in /run/getty, a tmpfs); later starts prompt as usual: the
 * development image's console opens with a root shell, and after logout shows a login
 * prompt. -L (a local line, no modem control) is accepted for busybox's sake.
 */
#include "libauth.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <termios.h>
#include <unistd.h>

const char *prog_name = "getty";

#define AUTOLOGIN_DIR "/run/getty"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: getty [-a USER] [-L] [BAUD] TTY [TERM]\n"
		"Opens TTY (ttyS0, /dev/tty1, or - for standard input), prints /etc/issue and a\n"
		"login prompt, and runs login.\n"
		"  -a USER  log USER in without asking, the first time after boot\n"
		"  -L       a local line (accepted; there is no modem control)\n");
}

static int open_tty(const char *tty, char *path, size_t n)
{
	int fd;

	if (!strcmp(tty, "-")) {
		snprintf(path, n, "%s", ttyname(0) ? ttyname(0) : "-");
		return 0;
	}
	snprintf(path, n, "%s%s", tty[0] == '/' ? "" : "/dev/", tty);
	/* A new session: the terminal becomes its controlling one on TIOCSCTTY. */
	setsid();
	fd = open(path, O_RDWR | O_NOCTTY);
	if (fd < 0) {
		auth_warn(errno, "%s", path);
		return -1;
	}
	/* Root's, unreadable by others, until login gives it to the user. */
	if (fchown(fd, 0, 0) || fchmod(fd, 0600))
		auth_warn(errno, "%s: cannot take it over", path);
	if (ioctl(fd, TIOCSCTTY, 1) < 0)
		auth_warn(errno, "%s: cannot make it the controlling terminal", path);
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
	return 0;
}

/* Cooked mode with the usual control characters, as stty sane gives. */
static void sane_termios(void)
{
	struct termios t;

	if (tcgetattr(0, &t))
		return;
	t.c_iflag = BRKINT | ICRNL | IXON | IUTF8;
	t.c_oflag = OPOST | ONLCR;
	t.c_cflag = (t.c_cflag & (CBAUD | CSIZE | CSTOPB | PARENB)) | CREAD | HUPCL | CLOCAL;
	if (!(t.c_cflag & CSIZE))
		t.c_cflag |= CS8;
	t.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	t.c_cc[VINTR] = 3;
	t.c_cc[VQUIT] = 034;
	t.c_cc[VERASE] = 0177;
	t.c_cc[VKILL] = 025;
	t.c_cc[VEOF] = 4;
	t.c_cc[VTIME] = 0;
	t.c_cc[VMIN] = 1;
	t.c_cc[VSTART] = 021;
	t.c_cc[VSTOP] = 023;
	t.c_cc[VSUSP] = 032;
	t.c_cc[VWERASE] = 027;
	t.c_cc[VLNEXT] = 026;
	tcsetattr(0, TCSANOW, &t);
}

/* /etc/issue with agetty's escapes: \n host, \s system, \r release, \m machine, \l line. */
static void print_issue(const struct utsname *u, const char *line)
{
	FILE *f = fopen("/etc/issue", "re");
	int c;

	if (!f)
		return;
	while ((c = getc(f)) != EOF) {
		if (c != '\\') {
			putchar(c);
			continue;
		}
		switch (c = getc(f)) {
		case 'n':
			fputs(u->nodename, stdout);
			break;
		case 's':
			fputs(u->sysname, stdout);
			break;
		case 'r':
			fputs(u->release, stdout);
			break;
		case 'm':
			fputs(u->machine, stdout);
			break;
		case 'l':
			fputs(line, stdout);
			break;
		case EOF:
			break;
		default:
			putchar(c);
		}
		if (c == EOF)
			break;
	}
	fclose(f);
}

/* True the first time it is asked for tty after boot (/run is a tmpfs). */
static int first_start(const char *tty)
{
	char path[192];
	const char *base = strrchr(tty, '/');
	int fd;

	mkdir(AUTOLOGIN_DIR, 0755);
	snprintf(path, sizeof(path), "%s/autologin.%s", AUTOLOGIN_DIR, base ? base + 1 : tty);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return 0;
	close(fd);
	return 1;
}

int main(int argc, char **argv)
{
	const char *autologin = NULL, *tty = NULL, *term = NULL, *line;
	char path[128], name[64];
	struct utsname u;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "-a") && i + 1 < argc) {
			autologin = argv[++i];
		} else if (!strcmp(argv[i], "-L")) {
			continue;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			auth_warn(0, "unknown option %s", argv[i]);
			usage(stderr);
			return 2;
		} else if (!tty && strspn(argv[i], "0123456789,") == strlen(argv[i])) {
			continue; /* the speed: the line keeps the one it has */
		} else if (!tty) {
			tty = argv[i];
		} else if (!term) {
			term = argv[i];
		}
	}
	if (!tty) {
		usage(stderr);
		return 2;
	}
	if (open_tty(tty, path, sizeof(path)))
		return 1;
	line = strncmp(path, "/dev/", 5) ? path : path + 5;
	sane_termios();
	if (term)
		setenv("TERM", term, 1);
	else if (!getenv("TERM"))
		setenv("TERM",
		       strncmp(line, "tty", 3) || !strncmp(line, "ttyS", 4) ? "vt100" : "linux", 1);
	if (uname(&u))
		strcpy(u.nodename, "localhost");
	if (autologin && first_start(line)) {
		execl("/bin/login", "login", "-f", autologin, (char *)NULL);
		auth_warn(errno, "/bin/login");
		return 1;
	}
	putchar('\n');
	print_issue(&u, line);
	do {
		printf("%s login: ", u.nodename);
		fflush(stdout);
		if (!fgets(name, sizeof(name), stdin))
			return 0;
		name[strcspn(name, "\n")] = 0;
	} while (!name[0]);
	if (name[0] == '-') {
		auth_warn(0, "a name may not start with '-'");
		return 1;
	}
	execl("/bin/login", "login", "--", name, (char *)NULL);
	auth_warn(errno, "/bin/login");
	return 1;
}
