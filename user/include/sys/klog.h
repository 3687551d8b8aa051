#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H
/* syslog(2), the kernel log: type is a SYSLOG_ACTION_* number (0..10), as Linux's. */
int klogctl(int type, char *buf, int len);
#endif
