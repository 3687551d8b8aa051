// SPDX-License-Identifier: GPL-2.0
/*
 * seq: numbers from FIRST (default 1) by INCREMENT (default 1) to LAST. Integers are counted
 * exactly; with a fraction the output has as many decimals as the most precise operand, as
 * GNU's does. -s sets the separator, -w pads with zeros to equal width, -f takes a printf
 * format for a double.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcu.h"

static int decimals(const char *s)
{
	const char *dot = strchr(s, '.');

	if (!dot || strpbrk(s, "eE"))
		return 0;
	return strlen(dot + 1);
}

static double number(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end || errno)
		cu_die(1, "invalid floating point argument: '%s'", s);
	return v;
}

static int is_integer(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	return *s && strspn(s, "0123456789") == strlen(s) && strlen(s) < 18;
}

int main(int argc, char **argv)
{
	const char *sep = "\n", *fmt = NULL;
	int opt, equal_width = 0;

	cu_init(argc, argv,
		"[-w] [-s SEP] [-f FORMAT] [FIRST [INCREMENT]] LAST\nPrint numbers "
		"from FIRST to LAST by INCREMENT.\n  -s SEP     separator (default newline)\n"
		"  -w         equal width, padded with zeros\n  -f FORMAT  printf format for each\n");
	/* Negative numbers are operands, not options: stop at the first "-<digit>". */
	while (optind < argc && argv[optind][0] == '-' &&
	       (argv[optind][1] < '0' || argv[optind][1] > '9') && argv[optind][1] != '.' &&
	       (opt = getopt(argc, argv, "s:wf:")) != -1) {
		switch (opt) {
		case 's':
			sep = optarg;
			break;
		case 'w':
			equal_width = 1;
			break;
		case 'f':
			fmt = optarg;
			break;
		default:
			cu_usage(1);
		}
	}
	int n = argc - optind;

	if (n < 1 || n > 3) {
		if (n < 1)
			cu_warn("missing operand");
		else
			cu_warn("extra operand '%s'", argv[optind + 3]);
		cu_usage(1);
	}
	const char *a_first = n > 1 ? argv[optind] : "1";
	const char *a_inc = n > 2 ? argv[optind + 1] : "1";
	const char *a_last = argv[argc - 1];
	double first = number(a_first), inc = number(a_inc), last = number(a_last);

	if (inc == 0)
		cu_die(1, "invalid Zero increment value: '%s'", a_inc);
	int prec = decimals(a_first) > decimals(a_inc) ? decimals(a_first) : decimals(a_inc);
	int ints = !fmt && is_integer(a_first) && is_integer(a_inc) && is_integer(a_last);
	int width = 0;

	if (equal_width) {
		char tmp[64];
		int w1 = snprintf(tmp, sizeof(tmp), "%.*f", prec, first);
		int w2 = snprintf(tmp, sizeof(tmp), "%.*f", prec, last);

		width = w1 > w2 ? w1 : w2;
	}
	int printed = 0;

	if (ints) {
		long long f = atoll(a_first), i = atoll(a_inc), l = atoll(a_last);

		for (long long v = f; i > 0 ? v <= l : v >= l; v += i) {
			if (printed++)
				fputs(sep, stdout);
			printf("%0*lld", width, v);
		}
	} else {
		for (long long k = 0;; k++) {
			double v = first + k * inc;

			if (inc > 0 ? v > last + 1e-12 * (last < 0 ? -last : last)
				    : v < last - 1e-12 * (last < 0 ? -last : last))
				break;
			if (printed++)
				fputs(sep, stdout);
			if (fmt)
				printf(fmt, v);
			else
				printf("%0*.*f", width, prec, v);
		}
	}
	if (printed)
		putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
