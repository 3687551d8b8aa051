/* SPDX-License-Identifier: GPL-2.0 */
/* What getty, login, su and passwd share: passwords, terminals, a user's session. */
#ifndef LIBAUTH_H
#define LIBAUTH_H
#include <pwd.h>
#include <stddef.h>

/* Linux's login and su wait this long after a wrong password. */
#define AUTH_FAIL_DELAY 3

extern const char *prog_name;

/* "NAME: WHAT: strerror(errno)" (or "NAME: WHAT" with errnum 0) on stderr. */
void auth_warn(int errnum, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* user's password hash: /etc/shadow's, else /etc/passwd's (unless it is "x"); NULL if none. */
const char *auth_hash(const struct passwd *pw);
/* Does password match hash? An empty hash matches any password (none is needed). */
int auth_check(const char *hash, const char *password);

/*
 * Prints prompt on the terminal and reads a line with echo off (from stdin; with echo as it
 * is when stdin is no terminal). The newline is dropped. NULL at end of file.
 */
char *auth_read_password(const char *prompt, char *buf, size_t n);

/* The caller becomes pw: groups (initgroups), gid, uid. 0, or -1 after a message. */
int auth_become(const struct passwd *pw);

/* What a session's environment keeps of the caller's. */
enum auth_env {
	AUTH_ENV_KEEP, /* all of it, unchanged (su -m) */
	AUTH_ENV_SU, /* all, with HOME and SHELL (and USER, LOGNAME but for root) pw's */
	AUTH_ENV_LOGIN, /* TERM only; HOME, SHELL, USER, LOGNAME and PATH pw's */
};

/*
 * Execs shell for pw's session: a login shell ("-sh") if login_shell, with "-c cmd" if cmd,
 * the environment as env says (root's PATH has the sbin directories). Returns only on
 * failure, after a message.
 */
void auth_exec_shell(const struct passwd *pw, const char *shell, enum auth_env env, int login_shell,
		     const char *cmd);

/* A shell from /etc/passwd, or /bin/sh when the field is empty. */
const char *auth_shell(const struct passwd *pw);
#endif
