#ifndef _POLL_H
#define _POLL_H
#include <uapi/poll.h>
typedef unsigned long nfds_t;
int poll(struct pollfd *fds, nfds_t n, int timeout);
struct timespec;
#include <signal.h>
int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *timeout, const sigset_t *mask);
#endif
