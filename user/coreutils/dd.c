// SPDX-License-Identifier: GPL-2.0
/*
 * dd: copies and converts blocks. Input is read ibs bytes at a time (a short read is a
 * partial record); with bs= and no conversion that changes the data each block read is
 * written as it is, otherwise the data is gathered into obs-sized writes. skip= and seek=
 * count input and output blocks (lseek where possible, reading where not); without
 * conv=notrunc the output is truncated at seek. At the end "N+M records in/out" (full and
 * partial) and the bytes copied go to standard error, as GNU dd writes them
 * (status=noxfer drops the transfer line, status=none everything).
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "libcu.h"

enum {
	C_NOTRUNC = 1,
	C_UCASE = 2,
	C_LCASE = 4,
	C_SYNC = 8,
	C_NOERROR = 16,
	C_SWAB = 32,
	C_EXCL = 64,
	C_NOCREAT = 128,
	C_FSYNC = 256,
	C_FDATASYNC = 512
};

static long long ibs = 512, obs = 512, count = -1, skip, seek;
static int bs_given, conv, status_level; /* 0 default, 1 noxfer, 2 none */
static long long in_full, in_part, out_full, out_part, bytes_out;
static int in_fd, out_fd = 1;
static const char *out_name = "standard output", *in_name = "standard input";
static struct timespec start;

/* GNU's numbers: N with c w b kB K MB M GB G ... suffixes, and products "AxB". */
static long long number(const char *s)
{
	const char *x = strchr(s, 'x');

	if (x && x != s && x[1]) {
		char *a = strndup(s, (size_t)(x - s));
		long long l = number(a), r = number(x + 1);

		free(a);
		return l * r;
	}
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);

	if (end == s || errno || v < 0 || !isdigit((unsigned char)*s))
		goto bad;
	if (*end) {
		static const char units[] = "KMGTPE";
		long long mult = 1;

		if (!strcmp(end, "c"))
			mult = 1;
		else if (!strcmp(end, "w"))
			mult = 2;
		else if (!strcmp(end, "b"))
			mult = 512;
		else if (!strcmp(end, "k"))
			mult = 1024;
		else {
			const char *u = strchr(units, toupper((unsigned char)*end));
			long long base = 1024;

			if (!u || !*end)
				goto bad;
			if (!strcmp(end + 1, "B"))
				base = 1000;
			else if (strcmp(end + 1, "") && strcmp(end + 1, "iB"))
				goto bad;
			if (*end == 'k' && base == 1024)
				goto bad;
			for (int i = 0; i <= u - units; i++)
				mult *= base;
		}
		v *= mult;
	}
	return v;
bad:
	cu_die(1, "invalid number: '%s'", s);
}

/* GNU's answer to a bad operand: the reason and a pointer to --help */
static void __attribute__((noreturn)) bad_operand(const char *fmt, const char *what)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", prog_name);
	fprintf(stderr, fmt, what);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", prog_name);
	exit(1);
}

static void parse_conv(const char *s)
{
	static const struct {
		const char *name;
		int flag;
	} names[] = {
		{ "notrunc", C_NOTRUNC },     { "ucase", C_UCASE },	{ "lcase", C_LCASE },
		{ "sync", C_SYNC },	      { "noerror", C_NOERROR }, { "swab", C_SWAB },
		{ "excl", C_EXCL },	      { "nocreat", C_NOCREAT }, { "fsync", C_FSYNC },
		{ "fdatasync", C_FDATASYNC },
	};
	char *copy = strdup(s), *save, *tok;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (!strcmp(tok, names[i].name))
				break;
		if (i == sizeof(names) / sizeof(names[0]))
			bad_operand("invalid conversion: '%s'", tok);
		conv |= names[i].flag;
	}
	free(copy);
	if ((conv & C_UCASE) && (conv & C_LCASE))
		cu_die(1, "cannot combine lcase and ucase");
	if ((conv & C_EXCL) && (conv & C_NOCREAT))
		cu_die(1, "cannot combine excl and nocreat");
}

/* "1.5 kB" and "1.5 KiB" the way GNU's human_readable writes them in the summary */
static void human(double v, int base, char *buf, size_t len)
{
	static const char *si[] = { "", "kB", "MB", "GB", "TB" };
	static const char *iec[] = { "", "KiB", "MiB", "GiB", "TiB" };
	int u = 0;

	while (v >= base && u < 4) {
		v /= base;
		u++;
	}
	if (v < 10)
		snprintf(buf, len, "%.1f %s", v, base == 1000 ? si[u] : iec[u]);
	else
		snprintf(buf, len, "%.0f %s", v, base == 1000 ? si[u] : iec[u]);
}

static void summary(void)
{
	if (status_level == 2)
		return;
	fprintf(stderr, "%lld+%lld records in\n%lld+%lld records out\n", in_full, in_part, out_full,
		out_part);
	if (status_level == 1)
		return;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	double secs = (double)(now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9;
	char a[32], b[32], rate[32];

	if (secs <= 0)
		secs = 1e-9;
	human((double)bytes_out / secs, 1000, rate, sizeof(rate));
	if (bytes_out == 1) {
		fprintf(stderr, "1 byte copied, %g s, %s/s\n", secs, rate);
	} else if (bytes_out < 1000) {
		fprintf(stderr, "%lld bytes copied, %g s, %s/s\n", bytes_out, secs, rate);
	} else {
		human((double)bytes_out, 1000, a, sizeof(a));
		human((double)bytes_out, 1024, b, sizeof(b));
		fprintf(stderr, "%lld bytes (%s, %s) copied, %g s, %s/s\n", bytes_out, a, b, secs,
			rate);
	}
}

static void __attribute__((noreturn)) fail_write(void)
{
	cu_warn("error writing '%s': %s", out_name, strerror(errno));
	summary();
	exit(1);
}

static void write_block(const char *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(out_fd, buf + done, n - done);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			fail_write();
		}
		done += (size_t)w;
	}
	if ((long long)n == obs)
		out_full++;
	else
		out_part++;
	bytes_out += (long long)n;
}

/* Reads one input block: retries short reads only for EINTR, as read(2) gives them. */
static ssize_t read_block(char *buf)
{
	for (;;) {
		ssize_t r = read(in_fd, buf, (size_t)ibs);

		if (r < 0 && errno == EINTR)
			continue;
		return r;
	}
}

static void skip_input(void)
{
	if (!skip)
		return;
	if (lseek(in_fd, (off_t)(skip * ibs), SEEK_CUR) >= 0)
		return;
	char *buf = malloc((size_t)ibs);

	for (long long i = 0; i < skip; i++) {
		ssize_t r = read_block(buf);

		if (r < 0) {
			cu_warn("'%s': cannot skip: %s", in_name, strerror(errno));
			exit(1);
		}
		if (!r) {
			cu_warn("'%s': cannot skip to specified offset", in_name);
			break;
		}
	}
	free(buf);
}

static void seek_output(void)
{
	if (!seek)
		return;
	if (lseek(out_fd, (off_t)(seek * obs), SEEK_CUR) >= 0)
		return;
	/* not seekable: like GNU, read the blocks from it, which for a pipe fails */
	cu_warn("'%s': cannot seek: %s", out_name, strerror(errno));
	exit(1);
}

int main(int argc, char **argv)
{
	const char *ifile = NULL, *ofile = NULL;

	cu_init(argc, argv,
		"[OPERAND]...\nCopy a file, converting and formatting as the operands say.\n"
		"  if=FILE  read FILE, not standard input\n  of=FILE  write FILE, not standard "
		"output\n"
		"  bs=N  read and write N bytes at a time\n  ibs=N  read N bytes at a time (512)\n"
		"  obs=N  write N bytes at a time (512)\n  count=N  copy only N input blocks\n"
		"  skip=N  skip N input blocks first\n  seek=N  skip N output blocks first\n"
		"  conv=LIST  notrunc ucase lcase sync noerror swab excl nocreat fsync fdatasync\n"
		"  status=LEVEL  noxfer (no transfer statistics) or none\n"
		"N may end in c (1), w (2), b (512), k or K (1024), kB (1000), M, MB, G, GB...; "
		"AxB multiplies.\n");
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq)
			bad_operand("unrecognized operand '%s'", argv[i]);
		size_t kl = (size_t)(eq - argv[i]);
		const char *v = eq + 1;

#define KEY(k) (kl == strlen(k) && !strncmp(argv[i], k, kl))
		if (KEY("if")) {
			ifile = v;
		} else if (KEY("of")) {
			ofile = v;
		} else if (KEY("bs")) {
			ibs = obs = number(v);
			bs_given = 1;
		} else if (KEY("ibs")) {
			ibs = number(v);
		} else if (KEY("obs")) {
			obs = number(v);
		} else if (KEY("count")) {
			count = number(v);
		} else if (KEY("skip") || KEY("iseek")) {
			skip = number(v);
		} else if (KEY("seek") || KEY("oseek")) {
			seek = number(v);
		} else if (KEY("conv")) {
			parse_conv(v);
		} else if (KEY("status")) {
			if (!strcmp(v, "noxfer"))
				status_level = 1;
			else if (!strcmp(v, "none"))
				status_level = 2;
			else if (!strcmp(v, "progress"))
				status_level = 0;
			else
				bad_operand("invalid status level: '%s'", v);
		} else {
			bad_operand("unrecognized operand '%s'", argv[i]);
		}
#undef KEY
	}
	if (ibs <= 0 || obs <= 0)
		cu_die(1, "invalid number: '0'");
	if (ifile) {
		in_name = ifile;
		in_fd = open(ifile, O_RDONLY);
		if (in_fd < 0) {
			cu_warn("failed to open '%s': %s", ifile, strerror(errno));
			return 1;
		}
	}
	if (ofile) {
		int flags = O_WRONLY | O_CREAT;

		if (conv & C_EXCL)
			flags |= O_EXCL;
		if (conv & C_NOCREAT)
			flags &= ~O_CREAT;
		if (!seek && !(conv & C_NOTRUNC))
			flags |= O_TRUNC;
		out_name = ofile;
		out_fd = open(ofile, flags, 0666);
		if (out_fd < 0) {
			cu_warn("failed to open '%s': %s", ofile, strerror(errno));
			return 1;
		}
		if (seek && !(conv & C_NOTRUNC) && ftruncate(out_fd, (off_t)(seek * obs)) < 0) {
			struct stat st;

			if (!fstat(out_fd, &st) && S_ISREG(st.st_mode)) {
				cu_warn("failed to truncate to %lld bytes in output file '%s': %s",
					seek * obs, ofile, strerror(errno));
				return 1;
			}
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	skip_input();
	seek_output();

	/* bs= alone: each block read is written as it is; otherwise gather obs bytes */
	int direct = bs_given && !(conv & (C_UCASE | C_LCASE | C_SWAB));
	char *ibuf = malloc((size_t)ibs), *obuf = direct ? NULL : malloc((size_t)obs);
	size_t olen = 0;
	int status = 0;

	for (long long blocks = 0; count < 0 || blocks < count; blocks++) {
		ssize_t r = read_block(ibuf);

		if (r < 0) {
			cu_warn("error reading '%s': %s", in_name, strerror(errno));
			status = 1;
			if (!(conv & C_NOERROR))
				break;
			/* noerror: the lost block counts as a partial one, sync pads it */
			in_part++;
			if (!(conv & C_SYNC))
				continue;
			r = 0;
		} else if (!r) {
			break;
		} else if (r == ibs) {
			in_full++;
		} else {
			in_part++;
		}
		if ((conv & C_SYNC) && r < ibs) {
			memset(ibuf + r, 0, (size_t)(ibs - r));
			r = (ssize_t)ibs;
		}
		if (conv & C_SWAB) /* pairs within the block; an odd last byte stays */
			for (ssize_t k = 0; k + 1 < r; k += 2) {
				char t = ibuf[k];

				ibuf[k] = ibuf[k + 1];
				ibuf[k + 1] = t;
			}
		if (conv & C_UCASE)
			for (ssize_t k = 0; k < r; k++)
				ibuf[k] = (char)toupper((unsigned char)ibuf[k]);
		if (conv & C_LCASE)
			for (ssize_t k = 0; k < r; k++)
				ibuf[k] = (char)tolower((unsigned char)ibuf[k]);
		if (direct) {
			write_block(ibuf, (size_t)r);
			continue;
		}
		for (ssize_t k = 0; k < r;) {
			size_t take = (size_t)(r - k);

			if (take > (size_t)obs - olen)
				take = (size_t)obs - olen;
			memcpy(obuf + olen, ibuf + k, take);
			olen += take;
			k += (ssize_t)take;
			if (olen == (size_t)obs) {
				write_block(obuf, olen);
				olen = 0;
			}
		}
	}
	if (olen)
		write_block(obuf, olen);
	if ((conv & C_FSYNC) && fsync(out_fd) < 0 && errno != EINVAL)
		fail_write();
	if ((conv & C_FDATASYNC) && fdatasync(out_fd) < 0 && errno != EINVAL)
		fail_write();
	if (ofile && close(out_fd) < 0)
		fail_write();
	summary();
	return status;
}
