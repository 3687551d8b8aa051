/* Nice values (getpriority, setpriority, nice) and the kernel log (klogctl). */
#include "libc.h"
#include <errno.h>
#include <sys/klog.h>
#include <sys/resource.h>
#include <unistd.h>

#define NZERO 20

/* The kernel answers 20 - nice (1..40), so that a nice value never looks like an error. */
int getpriority(int which, id_t who)
{
	long r = __sysret(SYS_getpriority, which, who);

	return r < 0 ? -1 : NZERO - (int)r;
}

int setpriority(int which, id_t who, int prio)
{
	return (int)__sysret(SYS_setpriority, which, who, prio);
}

/* POSIX: the new nice value, or -1 with errno EPERM when it may not be lowered. */
int nice(int inc)
{
	int prio = inc;

	errno = 0;
	/* Beyond the range either way, the current value does not matter (and may not add). */
	if (inc > -2 * NZERO && inc < 2 * NZERO) {
		int cur = getpriority(PRIO_PROCESS, 0);

		if (cur == -1 && errno)
			return -1;
		prio += cur;
	}
	if (prio > NZERO - 1)
		prio = NZERO - 1;
	if (prio < -NZERO)
		prio = -NZERO;
	if (setpriority(PRIO_PROCESS, 0, prio) < 0) {
		if (errno == EACCES)
			errno = EPERM;
		return -1;
	}
	return prio;
}

int klogctl(int type, char *buf, int len)
{
	return (int)__sysret(SYS_syslog, type, buf, len);
}
