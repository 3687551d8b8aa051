/* shadow.h over /etc/shadow (no NSS), in the format shadow(5) gives. */
#include "libc.h"
#include <errno.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *spf;
static char *spline;
static size_t spcap;
static struct spwd spent;

/* A numeric field: empty means "not set", which shadow(5) gives as -1. */
static long sp_num(const char *s)
{
	return *s ? strtol(s, NULL, 10) : -1;
}

/* Parses a line in place into spent; NULL if it has not the nine fields. */
static struct spwd *sp_parse(char *line)
{
	char *f[9];
	int n = 0;

	line[strcspn(line, "\n")] = 0;
	while (n < 9) {
		f[n++] = line;
		line = strchr(line, ':');
		if (!line)
			break;
		*line++ = 0;
	}
	if (n != 9 || !*f[0])
		return NULL;
	spent.sp_namp = f[0];
	spent.sp_pwdp = f[1];
	spent.sp_lstchg = sp_num(f[2]);
	spent.sp_min = sp_num(f[3]);
	spent.sp_max = sp_num(f[4]);
	spent.sp_warn = sp_num(f[5]);
	spent.sp_inact = sp_num(f[6]);
	spent.sp_expire = sp_num(f[7]);
	spent.sp_flag = *f[8] ? strtoul(f[8], NULL, 10) : (unsigned long)-1;
	return &spent;
}

struct spwd *fgetspent(FILE *f)
{
	while (getline(&spline, &spcap, f) > 0) {
		struct spwd *sp = sp_parse(spline);

		if (sp)
			return sp;
	}
	return NULL;
}

struct spwd *sgetspent(const char *line)
{
	size_t n = strlen(line) + 1;

	if (n > spcap) {
		char *p = realloc(spline, n);

		if (!p)
			return NULL;
		spline = p;
		spcap = n;
	}
	memcpy(spline, line, n);
	return sp_parse(spline);
}

void setspent(void)
{
	if (spf)
		rewind(spf);
}

void endspent(void)
{
	if (spf)
		fclose(spf);
	spf = NULL;
}

struct spwd *getspent(void)
{
	if (!spf && !(spf = fopen("/etc/shadow", "re")))
		return NULL;
	return fgetspent(spf);
}

struct spwd *getspnam(const char *name)
{
	struct spwd *sp;
	FILE *f = fopen("/etc/shadow", "re");

	if (!f)
		return NULL;
	while ((sp = fgetspent(f)))
		if (!strcmp(sp->sp_namp, name))
			break;
	fclose(f);
	if (!sp)
		errno = ENOENT;
	return sp;
}

static int put_num(FILE *f, long v, int sep)
{
	if (v != -1 && fprintf(f, "%ld", v) < 0)
		return -1;
	return sep ? putc(sep, f) : 0;
}

int putspent(const struct spwd *sp, FILE *f)
{
	if (fprintf(f, "%s:%s:", sp->sp_namp, sp->sp_pwdp ? sp->sp_pwdp : "") < 0 ||
	    put_num(f, sp->sp_lstchg, ':') < 0 || put_num(f, sp->sp_min, ':') < 0 ||
	    put_num(f, sp->sp_max, ':') < 0 || put_num(f, sp->sp_warn, ':') < 0 ||
	    put_num(f, sp->sp_inact, ':') < 0 || put_num(f, sp->sp_expire, ':') < 0)
		return -1;
	if (sp->sp_flag != (unsigned long)-1 && fprintf(f, "%lu", sp->sp_flag) < 0)
		return -1;
	return putc('\n', f) < 0 ? -1 : 0;
}
