/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the coreutils (user/coreutils): the program's name for messages, --help,
 * error reporting in the usual "prog: path: reason" form, human-readable sizes, mode strings
 * and a recursive walk. Each program links with libcu.o.
 */
#ifndef _LIBCU_H
#define _LIBCU_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

extern const char *prog_name;

/*
 * Sets prog_name from argv[0]; "--help" as the only argument prints usage to stdout and exits
 * 0 (before getopt, which would call it an unknown option).
 */
void cu_init(int argc, char **argv, const char *usage);
/* usage to stderr and exit status 'status' (an unknown option or a missing operand). */
void cu_usage(int status);

/* "prog: path: strerror(errno)" on stderr. */
void cu_warn_errno(const char *path);
/* "prog: " + formatted message + "\n" on stderr. */
void cu_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cu_die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));

/* Opens path for reading; "-" is standard input. -1 with errno set on failure. */
int cu_open_in(const char *path);
/* write(2) until done; -1 on error. */
int cu_write_all(int fd, const void *buf, size_t len);
/* Copies fd 'in' to fd 'out'; -1 on a read error (errno set), -2 on a write error. */
int cu_copy_fd(int in, int out);

/* A size in the style of -h: 1023, 1.0K, 9.9K, 10K, 1.5M ... (powers of 1024, rounded up). */
char *cu_human(uint64_t n, char *buf, size_t len);

/*
 * A mode for chmod/mkdir -m: octal, or symbolic clauses "[ugoa]*[-+=][rwxXst]*" separated by
 * commas. 'old' is the current mode, 'is_dir' decides X, 'umask_val' applies when no who is
 * given. Returns 0 and the new mode in *out, or -1 if the string is not a mode.
 */
int cu_parse_mode(const char *s, mode_t old, int is_dir, mode_t umask_val, mode_t *out);
/* "-rwxr-xr-x" (10 characters and a NUL) for ls -l and stat. */
void cu_mode_string(mode_t m, char *buf);

/*
 * Walks path depth-first, calling fn for each entry: pre for a directory before its contents
 * (return 1 to skip its contents), then post after them (pre == 0). Symbolic links are not
 * followed. Returns 0, or nonzero if fn or a directory read failed (after reporting it).
 */
/* A directory's entries but . and .., sorted by name (each malloc'd, and the array). */
char **cu_sorted_names(DIR *d, size_t *count);
typedef int (*cu_walk_fn)(const char *path, const struct stat *st, int pre, int depth, void *arg);
int cu_walk(const char *path, cu_walk_fn fn, void *arg);

/* path + "/" + name in a fresh malloc'd string (no doubled slash). */
char *cu_join(const char *dir, const char *name);

/*
 * A date for touch -d and date -d: "@SECONDS", "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS[.frac]]"
 * (a 'T' may separate them; a trailing 'Z' or "UTC" is ignored: times are local, and our
 * local time is UTC), "HH:MM[:SS]" (today). Returns 0 and the time, or -1.
 */
struct timespec;
int cu_parse_date(const char *s, struct timespec *ts);

#endif
