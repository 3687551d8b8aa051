/* Scheduling (affinity, policy, getcpu), memory locks and residency, reboot, domain name. */
#include "libc.h"
#include <sched.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <unistd.h>

int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
	long n = __sysret(SYS_sched_getaffinity, pid, size, set);

	if (n < 0)
		return -1;
	/* The kernel writes its own mask's size; the rest of the caller's set is empty. */
	if ((size_t)n < size)
		__builtin_memset((char *)set + n, 0, size - (size_t)n);
	return 0;
}

int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set)
{
	return (int)__sysret(SYS_sched_setaffinity, pid, size, set);
}

int __sched_cpucount(size_t size, const cpu_set_t *set)
{
	int n = 0;

	for (size_t i = 0; i < size / sizeof(unsigned long); i++)
		n += __builtin_popcountl(set->__bits[i]);
	return n;
}

int getcpu(unsigned int *cpu, unsigned int *node)
{
	return (int)__sysret(SYS_getcpu, cpu, node, 0);
}

int sched_getcpu(void)
{
	unsigned int cpu;

	return getcpu(&cpu, 0) < 0 ? -1 : (int)cpu;
}

int sched_getscheduler(pid_t pid)
{
	return (int)__sysret(SYS_sched_getscheduler, pid);
}

int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param)
{
	return (int)__sysret(SYS_sched_setscheduler, pid, policy, param);
}

int sched_getparam(pid_t pid, struct sched_param *param)
{
	return (int)__sysret(SYS_sched_getparam, pid, param);
}

int sched_setparam(pid_t pid, const struct sched_param *param)
{
	return (int)__sysret(SYS_sched_setparam, pid, param);
}

int sched_get_priority_max(int policy)
{
	return (int)__sysret(SYS_sched_get_priority_max, policy);
}

int sched_get_priority_min(int policy)
{
	return (int)__sysret(SYS_sched_get_priority_min, policy);
}

int mincore(void *addr, size_t len, unsigned char *vec)
{
	return (int)__sysret(SYS_mincore, addr, len, vec);
}

int mlock(const void *addr, size_t len)
{
	return (int)__sysret(SYS_mlock, addr, len);
}

int munlock(const void *addr, size_t len)
{
	return (int)__sysret(SYS_munlock, addr, len);
}

int mlockall(int flags)
{
	return (int)__sysret(SYS_mlockall, flags);
}

int munlockall(void)
{
	return (int)__sysret(SYS_munlockall);
}

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793

int reboot(int cmd)
{
	return (int)__sysret(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, cmd, 0);
}

int setdomainname(const char *name, size_t len)
{
	return (int)__sysret(SYS_setdomainname, name, len);
}
