// SPDX-License-Identifier: GPL-2.0
/* What getty, login, su and passwd share: passwords, terminals, a user's session. */
#include "libauth.h"
#include <errno.h>
#include <grp.h>
#include <shadow.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

void auth_warn(int errnum, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (errnum)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

const char *auth_hash(const struct passwd *pw)
{
	struct spwd *sp = getspnam(pw->pw_name);

	if (sp)
		return sp->sp_pwdp;
	if (!strcmp(pw->pw_passwd, "x"))
		return NULL;
	return pw->pw_passwd;
}

int auth_check(const char *hash, const char *password)
{
	const char *h;

	if (!hash)
		return 0;
	if (!hash[0])
		return 1;
	/* "*" or "!..." (locked) never come out of crypt: no password opens them. */
	h = crypt(password, hash);
	return h && !strcmp(h, hash);
}

char *auth_read_password(const char *prompt, char *buf, size_t n)
{
	struct termios old, quiet;
	int tty = !tcgetattr(0, &old);
	char *ret;

	fputs(prompt, stdout);
	fflush(stdout);
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(ECHO | ECHOE | ECHOK | ECHONL);
		tcsetattr(0, TCSAFLUSH, &quiet);
	}
	ret = fgets(buf, (int)n, stdin);
	if (tty) {
		tcsetattr(0, TCSAFLUSH, &old);
		fputc('\n', stdout); /* the one the user typed was not echoed */
		fflush(stdout);
	}
	if (ret)
		buf[strcspn(buf, "\n")] = 0;
	return ret;
}

int auth_become(const struct passwd *pw)
{
	if (initgroups(pw->pw_name, pw->pw_gid)) {
		auth_warn(errno, "cannot set groups");
		return -1;
	}
	if (setgid(pw->pw_gid)) {
		auth_warn(errno, "cannot set group id");
		return -1;
	}
	if (setuid(pw->pw_uid)) {
		auth_warn(errno, "cannot set user id");
		return -1;
	}
	return 0;
}

const char *auth_shell(const struct passwd *pw)
{
	return pw->pw_shell && pw->pw_shell[0] ? pw->pw_shell : "/bin/sh";
}

void auth_exec_shell(const struct passwd *pw, const char *shell, enum auth_env env, int login_shell,
		     const char *cmd)
{
	char arg0[64], *argv[4];
	const char *base;
	int argc = 0;

	if (env == AUTH_ENV_LOGIN) {
		char *term = getenv("TERM");

		term = term ? strdup(term) : NULL;
		clearenv();
		if (term)
			setenv("TERM", term, 1);
		setenv("PATH", pw->pw_uid ? "/bin:/usr/bin" : "/sbin:/usr/sbin:/bin:/usr/bin", 1);
	}
	if (env != AUTH_ENV_KEEP) {
		setenv("HOME", pw->pw_dir, 1);
		setenv("SHELL", shell, 1);
		if (env == AUTH_ENV_LOGIN || pw->pw_uid) {
			setenv("USER", pw->pw_name, 1);
			setenv("LOGNAME", pw->pw_name, 1);
		}
	}
	base = strrchr(shell, '/');
	base = base ? base + 1 : shell;
	snprintf(arg0, sizeof(arg0), "%s%s", login_shell ? "-" : "", base);
	argv[argc++] = arg0;
	if (cmd) {
		argv[argc++] = "-c";
		argv[argc++] = (char *)cmd;
	}
	argv[argc] = NULL;
	execv(shell, argv);
	auth_warn(errno, "%s", shell);
}
