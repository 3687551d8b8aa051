#ifndef _ERRNO_H
#define _ERRNO_H
/* The values are the kernel's own list (include/uapi/errno.h): Linux x86-64's. */
#include <uapi/errno.h>
#ifndef ENOTSUP
#define ENOTSUP EOPNOTSUPP
#endif
int *__errno_location(void);
#define errno (*__errno_location())
extern char *program_invocation_name, *program_invocation_short_name;
#endif
