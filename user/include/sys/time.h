#ifndef _SYS_TIME_H
#define _SYS_TIME_H
#include <bits/types.h>
struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};
struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};
#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2
int gettimeofday(struct timeval *restrict tv, void *restrict tz);
int getitimer(int which, struct itimerval *v);
int setitimer(int which, const struct itimerval *restrict v, struct itimerval *restrict old);
int utimes(const char *path, const struct timeval tv[2]);
#endif
