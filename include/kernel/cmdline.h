/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_CMDLINE_H
#define _KERNEL_CMDLINE_H

#include <kernel/types.h>

/*
 * Kernel command line parsing. The line is split in place: the caller passes a writable copy,
 * and the param/val strings handed out point into it.
 *
 * Tokens are separated by whitespace and are either "param=val" or a bare "flag". Double
 * quotes group whitespace into a token and are removed: 'key="a b c"' gives param "key" and
 * val "a b c", and '"key=a b"' gives "key" and "a b". The first '=' splits param from val.
 */

/*
 * Split the first token off @args (leading whitespace is skipped): *@param gets its name and
 * *@val its value, or NULL for a flag without '='; "key=" gives an empty value. Returns the
 * rest of the line, past any whitespace. At the end of the line *@param is "" and the return
 * value points at the terminating NUL.
 */
char *next_arg(char *args, char **param, char **val);

/*
 * Call @handle(param, val, @arg) for each token of @args in order. Stops at the first negative
 * return value of @handle and returns it, else returns 0. A bare "--" ends the kernel's
 * arguments: parsing stops there and returns 0 (as in Linux, what follows is meant for init;
 * use next_arg() to walk it).
 */
int parse_args(char *args, int (*handle)(char *param, char *val, void *arg), void *arg);

#endif /* _KERNEL_CMDLINE_H */
