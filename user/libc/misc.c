/* fnmatch, basename/dirname, err/warn, setlocale: small things programs expect. */
#include "libc.h"
#include <ctype.h>
#include <err.h>
#include <fnmatch.h>
#include <libgen.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One bracket expression at p (just past '['): does c match? *end is set past the ']'.
 * Returns -1 if the bracket is not closed (then '[' is an ordinary character). */
static int bracket(const char *p, int c, int flags, const char **end)
{
	int neg = 0, match = 0;
	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	const char *start = p;
	while (*p && (*p != ']' || p == start)) {
		int lo = (unsigned char)*p;
		if (lo == '\\' && !(flags & FNM_NOESCAPE) && p[1])
			lo = (unsigned char)*++p;
		int hi = lo;
		if (p[1] == '-' && p[2] && p[2] != ']') {
			p += 2;
			hi = (unsigned char)*p;
			if (hi == '\\' && !(flags & FNM_NOESCAPE) && p[1])
				hi = (unsigned char)*++p;
		}
		int cc = c;
		if (flags & FNM_CASEFOLD) {
			if ((tolower(cc) >= lo && tolower(cc) <= hi) ||
			    (toupper(cc) >= lo && toupper(cc) <= hi))
				match = 1;
		} else if (cc >= lo && cc <= hi) {
			match = 1;
		}
		p++;
	}
	if (*p != ']')
		return -1;
	*end = p + 1;
	return match ^ neg;
}

static int fnm(const char *p, const char *s, const char *s0, int flags)
{
	for (;;) {
		int c = (unsigned char)*s;
		int leading_period = (flags & FNM_PERIOD) && c == '.' &&
				     (s == s0 || ((flags & FNM_PATHNAME) && s[-1] == '/'));
		switch (*p) {
		case 0:
			if (!c || ((flags & FNM_LEADING_DIR) && c == '/'))
				return 0;
			return FNM_NOMATCH;
		case '?':
			if (!c || ((flags & FNM_PATHNAME) && c == '/') || leading_period)
				return FNM_NOMATCH;
			p++;
			s++;
			break;
		case '*': {
			while (*p == '*')
				p++;
			if (leading_period)
				return FNM_NOMATCH;
			for (const char *t = s;; t++) {
				if (!fnm(p, t, s0, flags & ~FNM_PERIOD))
					return 0;
				if (!*t || ((flags & FNM_PATHNAME) && *t == '/'))
					return FNM_NOMATCH;
			}
		}
		case '[': {
			const char *end;
			if (!c || ((flags & FNM_PATHNAME) && c == '/') || leading_period)
				return FNM_NOMATCH;
			int m = bracket(p + 1, c, flags, &end);
			if (m < 0) {
				if (c != '[')
					return FNM_NOMATCH;
				p++;
				s++;
				break;
			}
			if (!m)
				return FNM_NOMATCH;
			p = end;
			s++;
			break;
		}
		case '\\':
			if (!(flags & FNM_NOESCAPE) && p[1])
				p++;
			/* fall through */
		default: {
			int pc = (unsigned char)*p;
			if ((flags & FNM_CASEFOLD) ? tolower(pc) != tolower(c) : pc != c)
				return FNM_NOMATCH;
			p++;
			s++;
		}
		}
	}
}

int fnmatch(const char *pattern, const char *string, int flags)
{
	return fnm(pattern, string, string, flags);
}

char *basename(char *path)
{
	if (!path || !*path)
		return ".";
	size_t l = strlen(path);
	while (l > 1 && path[l - 1] == '/')
		path[--l] = 0;
	char *s = strrchr(path, '/');
	return s && s[1] ? s + 1 : path;
}

char *dirname(char *path)
{
	if (!path || !*path)
		return ".";
	size_t l = strlen(path);
	while (l > 1 && path[l - 1] == '/')
		l--;
	while (l && path[l - 1] != '/')
		l--;
	if (!l)
		return ".";
	while (l > 1 && path[l - 1] == '/')
		l--;
	path[l] = 0;
	return path;
}

static void vwarn_common(const char *fmt, va_list ap, int with_errno)
{
	int e = errno;
	fprintf(stderr, "%s: ", program_invocation_short_name ? program_invocation_short_name : "");
	if (fmt)
		vfprintf(stderr, fmt, ap);
	if (with_errno)
		fprintf(stderr, "%s%s", fmt ? ": " : "", strerror(e));
	fputc('\n', stderr);
}

void vwarn(const char *fmt, va_list ap)
{
	vwarn_common(fmt, ap, 1);
}
void vwarnx(const char *fmt, va_list ap)
{
	vwarn_common(fmt, ap, 0);
}

__noreturn void verr(int status, const char *fmt, va_list ap)
{
	vwarn(fmt, ap);
	exit(status);
}

__noreturn void verrx(int status, const char *fmt, va_list ap)
{
	vwarnx(fmt, ap);
	exit(status);
}

void warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void warnx(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

__noreturn void err(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verr(status, fmt, ap);
}

__noreturn void errx(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verrx(status, fmt, ap);
}

char *setlocale(int category, const char *locale)
{
	if (category < 0 || category > LC_ALL)
		return 0;
	if (!locale || !*locale || !strcmp(locale, "C") || !strcmp(locale, "POSIX"))
		return "C";
	return 0;
}

struct lconv *localeconv(void)
{
	static struct lconv c = { ".", "", "" };
	return &c;
}
