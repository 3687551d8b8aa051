/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UAPI_TIME_H
#define _UAPI_TIME_H

/* Linux's clock ids (clock_gettime, clock_getres, clock_nanosleep, timerfd_create). */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

#endif /* _UAPI_TIME_H */
