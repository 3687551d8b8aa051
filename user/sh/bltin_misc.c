// SPDX-License-Identifier: GPL-2.0
/*
 * The regular built-ins that read input or set the process's attributes: read, getopts,
 * umask, ulimit, times.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <unistd.h>

#include "sh.h"

/* ---- read ---- */

static int in_ifs(const char *ifs, char c)
{
	return c && strchr(ifs, c) != NULL;
}

int bltin_read(int argc, char **argv)
{
	int raw = 0, i = 1, eof = 0, nvars;
	const char *prompt = NULL;
	struct str line = { 0 }, quoted = { 0 };
	const char *ifs = var_get("IFS");
	size_t pos = 0;

	if (!ifs)
		ifs = " \t\n";
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'r') {
				raw = 1;
			} else if (*o == 'p') {
				if (o[1]) {
					prompt = o + 1;
				} else if (i + 1 < argc) {
					prompt = argv[++i];
				} else {
					sh_warn("read: No arg for -p option");
					return 2;
				}
				break;
			} else {
				sh_warn("read: Illegal option -%c", *o);
				return 2;
			}
		}
	}
	if (i >= argc) {
		sh_warn("read: arg count");
		return 2;
	}
	if (prompt && isatty(0))
		out_str(2, prompt);
	for (;;) {
		char c;
		ssize_t r = read(0, &c, 1);

		if (r < 0 && errno == EINTR) {
			if (pending_signals) {
				trap_run_pending();
			}
			continue;
		}
		if (r <= 0) {
			eof = 1;
			break;
		}
		if (c == '\n')
			break;
		if (c == '\\' && !raw) {
			r = read(0, &c, 1);
			if (r <= 0) {
				eof = 1;
				break;
			}
			if (c == '\n')
				continue;
			str_addc(&line, c);
			str_addc(&quoted, 1);
			continue;
		}
		str_addc(&line, c);
		str_addc(&quoted, 0);
	}
	str_addn(&line, "", 0);
	str_addn(&quoted, "", 0);
	nvars = argc - i;
#define WS(k) (!quoted.s[k] && is_ifs_space(line.s[k]) && in_ifs(ifs, line.s[k]))
#define DELIM(k) (!quoted.s[k] && in_ifs(ifs, line.s[k]))
	while (pos < line.len && WS(pos))
		pos++;
	for (int v = 0; v < nvars; v++) {
		struct str val = { 0 };
		const char *name = argv[i + v];

		if (!is_name(name, strlen(name))) {
			sh_warn("read: %s: bad variable name", name);
			free(line.s);
			free(quoted.s);
			return 2;
		}
		if (v == nvars - 1) {
			size_t end = line.len;

			while (end > pos && WS(end - 1))
				end--;
			str_addn(&val, line.s + pos, end - pos);
			pos = line.len;
		} else {
			while (pos < line.len && !DELIM(pos))
				str_addc(&val, line.s[pos++]);
			while (pos < line.len && WS(pos))
				pos++;
			if (pos < line.len && DELIM(pos)) {
				pos++;
				while (pos < line.len && WS(pos))
					pos++;
			}
		}
		str_addn(&val, "", 0);
		if (var_set(name, val.s, 0)) {
			sh_warn("read: %s: is read only", name);
			free(val.s);
			return 2;
		}
		free(val.s);
	}
	free(line.s);
	free(quoted.s);
	return eof;
}

/* ---- getopts ---- */

static int optpos = 1;
static long last_optind = 1;

int bltin_getopts(int argc, char **argv)
{
	const char *optstring, *name, *arg, *o;
	char **args;
	int nargs, silent;
	long optind;
	char c, buf[2] = { 0, 0 }, num[24];
	const char *ov = var_get("OPTIND");

	if (argc < 3) {
		sh_warn("Usage: getopts optstring var [arg]");
		return 2;
	}
	optstring = argv[1];
	name = argv[2];
	silent = optstring[0] == ':';
	if (argc > 3) {
		args = argv + 3;
		nargs = argc - 3;
	} else {
		args = posparams.v;
		nargs = posparams.n;
	}
	optind = ov ? strtol(ov, NULL, 10) : 1;
	if (optind < 1)
		optind = 1;
	if (optind != last_optind)
		optpos = 1;
	if (optpos == 1) {
		if (optind > nargs || args[optind - 1][0] != '-' || !args[optind - 1][1])
			goto end;
		if (!strcmp(args[optind - 1], "--")) {
			optind++;
			goto end;
		}
	}
	arg = args[optind - 1];
	c = arg[optpos++];
	if (!arg[optpos]) {
		optind++;
		optpos = 1;
	}
	o = c == ':' ? NULL : strchr(optstring + silent, c);
	buf[0] = c;
	if (!o) {
		if (silent) {
			var_set("OPTARG", buf, 0);
		} else {
			outf(2, "Illegal option -%c\n", c);
			var_unset("OPTARG");
		}
		var_set(name, "?", 0);
		goto out;
	}
	if (o[1] == ':') {
		if (optpos > 1) {
			var_set("OPTARG", arg + optpos, 0);
			optind++;
			optpos = 1;
		} else if (optind <= nargs) {
			var_set("OPTARG", args[optind - 1], 0);
			optind++;
		} else {
			if (silent) {
				var_set("OPTARG", buf, 0);
				var_set(name, ":", 0);
			} else {
				outf(2, "No arg for -%c option\n", c);
				var_unset("OPTARG");
				var_set(name, "?", 0);
			}
			goto out;
		}
	} else {
		var_unset("OPTARG");
	}
	var_set(name, buf, 0);
out:
	snprintf(num, sizeof(num), "%ld", optind);
	var_set("OPTIND", num, 0);
	last_optind = optind;
	return 0;
end:
	optpos = 1;
	var_set(name, "?", 0);
	snprintf(num, sizeof(num), "%ld", optind);
	var_set("OPTIND", num, 0);
	last_optind = optind;
	return 1;
}

/* ---- umask ---- */

int bltin_umask(int argc, char **argv)
{
	mode_t m = umask(0);
	int sym = 0, i = 1;

	umask(m);
	if (argc > 1 && !strcmp(argv[1], "-S")) {
		sym = 1;
		i++;
	}
	if (i >= argc) {
		if (sym) {
			char out[32];
			int n = 0;
			const char *who = "ugo";

			for (int w = 0; w < 3; w++) {
				int bits = (~m >> (6 - 3 * w)) & 7;

				if (w)
					out[n++] = ',';
				out[n++] = who[w];
				out[n++] = '=';
				if (bits & 4)
					out[n++] = 'r';
				if (bits & 2)
					out[n++] = 'w';
				if (bits & 1)
					out[n++] = 'x';
			}
			out[n] = 0;
			outf(1, "%s\n", out);
		} else {
			outf(1, "%04o\n", (unsigned)m);
		}
		return 0;
	}
	if (argv[i][0] >= '0' && argv[i][0] <= '7') {
		char *e;
		long v = strtol(argv[i], &e, 8);

		if (*e || v > 0777)
			sh_error("umask: Illegal number: %s", argv[i]);
		umask((mode_t)v);
		return 0;
	}
	{
		/* symbolic: [ugoa]*[+-=][rwx]*, comma separated, on the permissions */
		mode_t perm = ~m & 0777;
		const char *s = argv[i];

		while (*s) {
			mode_t who = 0, bits = 0;
			char op;

			for (; *s && strchr("ugoa", *s); s++)
				who |= *s == 'u'   ? 0700
				       : *s == 'g' ? 0070
				       : *s == 'o' ? 0007
						   : 0777;
			if (!who)
				who = 0777;
			if (!*s || !strchr("+-=", *s))
				sh_error("umask: Illegal mode: %s", argv[i]);
			op = *s++;
			for (; *s && strchr("rwx", *s); s++)
				bits |= *s == 'r' ? 0444 : *s == 'w' ? 0222 : 0111;
			bits &= who;
			if (op == '+')
				perm |= bits;
			else if (op == '-')
				perm &= ~bits;
			else
				perm = (perm & ~who) | bits;
			if (*s == ',')
				s++;
			else if (*s)
				sh_error("umask: Illegal mode: %s", argv[i]);
		}
		umask(~perm & 0777);
	}
	return 0;
}

/* ---- ulimit ---- */

static const struct {
	char opt;
	int res;
	int unit;
	const char *name;
} limits[] = {
	{ 't', RLIMIT_CPU, 1, "time(seconds)" },
	{ 'f', RLIMIT_FSIZE, 512, "file(blocks)" },
	{ 'd', RLIMIT_DATA, 1024, "data(kbytes)" },
	{ 's', RLIMIT_STACK, 1024, "stack(kbytes)" },
	{ 'c', RLIMIT_CORE, 512, "coredump(blocks)" },
	{ 'm', RLIMIT_RSS, 1024, "memory(kbytes)" },
	{ 'l', RLIMIT_MEMLOCK, 1024, "locked memory(kbytes)" },
	{ 'p', RLIMIT_NPROC, 1, "process" },
	{ 'n', RLIMIT_NOFILE, 1, "nofiles" },
	{ 'v', RLIMIT_AS, 1024, "vmemory(kbytes)" },
};
#define NLIMITS ((int)(sizeof(limits) / sizeof(limits[0])))

static void print_limit(int k, int hard, int all)
{
	struct rlimit rl;
	rlim_t v;

	if (getrlimit(limits[k].res, &rl) < 0)
		return;
	v = hard ? rl.rlim_max : rl.rlim_cur;
	if (all)
		outf(1, "%-20s ", limits[k].name);
	if (v == RLIM_INFINITY)
		outf(1, "unlimited\n");
	else
		outf(1, "%llu\n", (unsigned long long)(v / limits[k].unit));
}

int bltin_ulimit(int argc, char **argv)
{
	int hard = 0, soft = 0, all = 0, k = 1, i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			int j;

			if (*o == 'H') {
				hard = 1;
			} else if (*o == 'S') {
				soft = 1;
			} else if (*o == 'a') {
				all = 1;
			} else {
				for (j = 0; j < NLIMITS && limits[j].opt != *o; j++)
					;
				if (j == NLIMITS)
					sh_error("ulimit: Illegal option -%c", *o);
				k = j;
			}
		}
	}
	if (all) {
		for (int j = 0; j < NLIMITS; j++)
			print_limit(j, hard, 1);
		return 0;
	}
	if (i >= argc) {
		print_limit(k, hard && !soft, 0);
		return 0;
	}
	{
		struct rlimit rl;
		rlim_t v;

		if (!strcmp(argv[i], "unlimited")) {
			v = RLIM_INFINITY;
		} else {
			char *e;
			unsigned long long n = strtoull(argv[i], &e, 10);

			if (!*argv[i] || *e)
				sh_error("ulimit: Illegal number: %s", argv[i]);
			v = (rlim_t)n * limits[k].unit;
		}
		getrlimit(limits[k].res, &rl);
		if (hard || !soft)
			rl.rlim_max = v;
		if (soft || !hard)
			rl.rlim_cur = v;
		if (setrlimit(limits[k].res, &rl) < 0)
			sh_error("ulimit: error setting limit (%s)", strerror(errno));
	}
	return 0;
}

/* ---- times ---- */

int bltin_times(int argc, char **argv)
{
	struct tms t;
	long hz = sysconf(_SC_CLK_TCK);
	clock_t v[4];

	times(&t);
	v[0] = t.tms_utime;
	v[1] = t.tms_stime;
	v[2] = t.tms_cutime;
	v[3] = t.tms_cstime;
	if (hz <= 0)
		hz = 100;
	for (int i = 0; i < 4; i++)
		outf(1, "%ldm%fs%c", (long)(v[i] / hz / 60), (double)(v[i] % (hz * 60)) / hz,
		     i & 1 ? '\n' : ' ');
	return 0;
}
