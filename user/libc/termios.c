/* The rest of termios (tcgetattr, tcsetattr, cfmakeraw are in unistd.c) and the pty calls. */
#include "libc.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int tcflush(int fd, int queue)
{
	return ioctl(fd, TCFLSH, queue);
}

int tcflow(int fd, int action)
{
	return ioctl(fd, TCXONC, action);
}

/* TCSBRK with a non-zero argument waits for the output to drain and sends no break. */
int tcdrain(int fd)
{
	return ioctl(fd, TCSBRK, 1);
}

int tcsendbreak(int fd, int duration)
{
	(void)duration; /* Linux sends 0.25 s whatever it is */
	return ioctl(fd, TCSBRK, 0);
}

pid_t tcgetsid(int fd)
{
	int sid;
	return ioctl(fd, TIOCGSID, &sid) < 0 ? -1 : sid;
}

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_cflag & CBAUD;
}

/* Linux keeps one speed for both directions. */
speed_t cfgetispeed(const struct termios *t)
{
	return cfgetospeed(t);
}

int cfsetospeed(struct termios *t, speed_t speed)
{
	if (speed & ~CBAUD) {
		errno = EINVAL;
		return -1;
	}
	t->c_cflag = (t->c_cflag & ~CBAUD) | speed;
	return 0;
}

/* 0 means "as the output speed", which is already the case. */
int cfsetispeed(struct termios *t, speed_t speed)
{
	return speed ? cfsetospeed(t, speed) : 0;
}

int cfsetspeed(struct termios *t, speed_t speed)
{
	return cfsetospeed(t, speed);
}

int posix_openpt(int flags)
{
	return open("/dev/ptmx", flags);
}

/* devpts gives the slave to the opener already: only check that fd is a master. */
int grantpt(int fd)
{
	unsigned int n;
	if (ioctl(fd, TIOCGPTN, &n) < 0) {
		if (errno == ENOTTY)
			errno = EINVAL;
		return -1;
	}
	return 0;
}

int unlockpt(int fd)
{
	int unlock = 0;
	return ioctl(fd, TIOCSPTLCK, &unlock);
}

/* As glibc and musl: 0, or the error number (also left in errno). */
int ptsname_r(int fd, char *buf, size_t len)
{
	unsigned int n;
	int saved = errno;
	if (ioctl(fd, TIOCGPTN, &n) < 0) {
		int err = errno == ENOTTY ? ENOTTY : errno;
		errno = err;
		return err;
	}
	if ((size_t)snprintf(buf, len, "/dev/pts/%u", n) >= len) {
		errno = ERANGE;
		return ERANGE;
	}
	errno = saved;
	return 0;
}

char *ptsname(int fd)
{
	static char buf[32];
	return ptsname_r(fd, buf, sizeof(buf)) ? 0 : buf;
}
