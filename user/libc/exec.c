/* The exec family over execve: PATH search for execvp, argument lists for execl. */
#include "libc.h"
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execve(file, argv, envp);
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/bin:/usr/bin";
	size_t fl = strlen(file);
	int seen_eacces = 0;
	for (const char *p = path;; p++) {
		const char *e = strchrnul(p, ':');
		size_t dl = (size_t)(e - p);
		char buf[PATH_MAX];
		if (dl + fl + 2 <= sizeof(buf)) {
			memcpy(buf, p, dl);
			if (dl)
				buf[dl++] = '/';
			memcpy(buf + dl, file, fl + 1);
			execve(buf, argv, envp);
			if (errno == EACCES)
				seen_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		p = e;
		if (!*p)
			break;
	}
	if (seen_eacces)
		errno = EACCES;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

#define ARGS_FROM_VA(first, argv)             \
	va_list ap;                           \
	int n = 1;                            \
	va_start(ap, first);                  \
	while (va_arg(ap, char *))            \
		n++;                          \
	va_end(ap);                           \
	char *argv[n + 1];                    \
	argv[0] = (char *)(first);            \
	va_start(ap, first);                  \
	for (int i = 1; i <= n; i++)          \
		argv[i] = va_arg(ap, char *); \
	va_end(ap)

int execl(const char *path, const char *arg, ...)
{
	ARGS_FROM_VA(arg, argv);
	return execve(path, argv, environ);
}

int execlp(const char *file, const char *arg, ...)
{
	ARGS_FROM_VA(arg, argv);
	return execvp(file, argv);
}
