/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LIMITS_H
#define _UAPI_LIMITS_H

#define NAME_MAX 255 /* bytes in a path component */
#define PATH_MAX 4096 /* bytes in a path, with its NUL */
#define PIPE_BUF 4096 /* writes up to this size are atomic on a pipe */
#define MAXSYMLINKS 40 /* symbolic links followed in one path walk */

#endif /* _UAPI_LIMITS_H */
