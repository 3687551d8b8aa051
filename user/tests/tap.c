#include "tap.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int planned, run, failed;

void tap_plan(int n)
{
	planned = n;
	printf("1..%d\n", n);
	fflush(stdout);
}

static void result(int cond, const char *fmt, va_list ap)
{
	run++;
	if (!cond)
		failed++;
	char name[512];
	vsnprintf(name, sizeof(name), fmt, ap);
	/* a '#' would start a TAP directive: spell it out */
	printf("%sok %d - ", cond ? "" : "not ", run);
	for (const char *p = name; *p; p++) {
		if (*p == '#')
			fputs("(hash)", stdout);
		else
			putchar(*p);
	}
	printf("\n");
	fflush(stdout);
}

int tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	result(cond, fmt, ap);
	va_end(ap);
	return cond;
}

int tap_streq(const char *got, const char *want, const char *fmt, ...)
{
	int cond = got && want && !strcmp(got, want);
	va_list ap;
	va_start(ap, fmt);
	result(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("# got  \"%s\"\n# want \"%s\"\n", got ? got : "(null)",
		       want ? want : "(null)");
	return cond;
}

void tap_skip(const char *name, const char *why)
{
	run++;
	printf("ok %d - %s # SKIP %s\n", run, name, why);
	fflush(stdout);
}

int tap_done(void)
{
	if (run != planned)
		printf("# planned %d cases, ran %d\n", planned, run);
	fflush(stdout);
	return failed || run != planned;
}
