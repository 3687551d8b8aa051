/* getopt and getopt_long, POSIX behaviour: stop at the first non-option (no permuting). */
#include "libc.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

char *optarg;
int optind = 1, opterr = 1, optopt;
static int optpos; /* within a cluster like -abc */

int getopt(int argc, char *const argv[], const char *optstring)
{
	if (optind == 0) {
		optind = 1;
		optpos = 0;
	}
	if (optind >= argc || !argv[optind])
		return -1;
	char *arg = argv[optind];
	if (!optpos) {
		if (arg[0] != '-' || !arg[1])
			return -1;
		if (!strcmp(arg, "--")) {
			optind++;
			return -1;
		}
		optpos = 1;
	}
	const char *os = optstring;
	int colon = 0;
	if (*os == '+' || *os == '-')
		os++;
	if (*os == ':')
		colon = 1;
	int c = (unsigned char)arg[optpos++];
	const char *p = c == ':' ? 0 : strchr(os, c);
	if (!p) {
		optopt = c;
		if (!arg[optpos]) {
			optind++;
			optpos = 0;
		}
		if (opterr && !colon)
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		return '?';
	}
	if (p[1] == ':') {
		if (arg[optpos]) {
			optarg = arg + optpos;
		} else if (p[2] == ':') {
			optarg = 0;
		} else if (optind + 1 < argc) {
			optarg = argv[++optind];
		} else {
			optind++;
			optpos = 0;
			optopt = c;
			if (colon)
				return ':';
			if (opterr)
				fprintf(stderr, "%s: option requires an argument -- '%c'\n",
					argv[0], c);
			return '?';
		}
		optind++;
		optpos = 0;
		return c;
	}
	if (!arg[optpos]) {
		optind++;
		optpos = 0;
	}
	return c;
}

static int long_opt(int argc, char *const argv[], const char *optstring, const struct option *lo,
		    int *idx, int only)
{
	if (optind == 0) {
		optind = 1;
		optpos = 0;
	}
	if (optind >= argc || !argv[optind])
		return -1;
	char *arg = argv[optind];
	int dd = arg[0] == '-' && arg[1] == '-' && arg[2];
	if (optpos || !(dd || (only && arg[0] == '-' && arg[1] && arg[1] != '-')))
		return getopt(argc, argv, optstring);
	char *name = arg + (dd ? 2 : 1);
	char *eq = strchrnul(name, '=');
	size_t nl = (size_t)(eq - name);
	int found = -1, ambiguous = 0;
	for (int i = 0; lo[i].name; i++) {
		if (strncmp(lo[i].name, name, nl))
			continue;
		if (strlen(lo[i].name) == nl) {
			found = i;
			ambiguous = 0;
			break;
		}
		if (found >= 0)
			ambiguous = 1;
		else
			found = i;
	}
	int colon = optstring[0] == ':' ||
		    ((optstring[0] == '+' || optstring[0] == '-') && optstring[1] == ':');
	if (found < 0 && only)
		return getopt(argc, argv, optstring);
	optind++;
	if (found < 0 || ambiguous) {
		optopt = 0;
		if (opterr && !colon)
			fprintf(stderr, "%s: %s option '%s%.*s'\n", argv[0],
				ambiguous ? "ambiguous" : "unrecognized", dd ? "--" : "-", (int)nl,
				name);
		return '?';
	}
	const struct option *o = &lo[found];
	if (idx)
		*idx = found;
	optarg = 0;
	if (*eq) {
		if (o->has_arg == no_argument) {
			optopt = o->val;
			if (opterr && !colon)
				fprintf(stderr, "%s: option '--%s' doesn't allow an argument\n",
					argv[0], o->name);
			return '?';
		}
		optarg = eq + 1;
	} else if (o->has_arg == required_argument) {
		if (optind < argc) {
			optarg = argv[optind++];
		} else {
			optopt = o->val;
			if (opterr && !colon)
				fprintf(stderr, "%s: option '--%s' requires an argument\n", argv[0],
					o->name);
			return colon ? ':' : '?';
		}
	}
	if (o->flag) {
		*o->flag = o->val;
		return 0;
	}
	return o->val;
}

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *lo,
		int *idx)
{
	return long_opt(argc, argv, optstring, lo, idx, 0);
}

int getopt_long_only(int argc, char *const argv[], const char *optstring, const struct option *lo,
		     int *idx)
{
	return long_opt(argc, argv, optstring, lo, idx, 1);
}
