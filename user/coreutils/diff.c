// SPDX-License-Identifier: GPL-2.0
/*
 * diff: compares two files line by line (or two directories, entry by entry, with -r their
 * subdirectories too). The edit script is found as GNU diff finds it, so that the hunks are
 * the same for the same inputs: lines become equivalence classes; the common head and tail
 * are set aside; lines that match nothing in the other file are discarded first (with GNU's
 * rules for lines that match too much); Myers's O(ND) algorithm, its linear-space variant
 * that finds a middle snake from both ends, splits the rest; then each run of changes is
 * slid to where GNU's shift_boundaries would leave it (merged with its neighbours, as low
 * as it goes, back to a change in the other file if there is one).
 * Output: POSIX's default format, -u/-U N unified, -c/-C N context; -q only says that files
 * differ. Exit 0 if no differences, 1 if some, 2 on trouble.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "libcu.h"

enum {
	F_NORMAL,
	F_UNIFIED,
	F_CONTEXT
};

static int format = F_NORMAL, context = 3, brief, recursive, new_file, text_mode, report_same;
static int ignore_case, ignore_space_change, ignore_all_space, ignore_blank_lines, minimal_diff;
static const char *labels[2];
static int nlabels;
static char *switches; /* the options as typed, for "diff -r a/x b/x" headers */
static int status;

struct line {
	const char *s;
	size_t len; /* with its newline, if it has one */
	int eq; /* equivalence class */
};

struct file {
	const char *name;
	char *data;
	size_t size;
	struct line *lines;
	long n;
	struct stat st;
	int missing_nl;
	char *changed; /* changed[-1] and changed[n] exist and stay 0 */
};

/* ---- reading ---- */

static int read_file(struct file *f, const char *name)
{
	int fd = strcmp(name, "-") ? open(name, O_RDONLY) : 0;
	size_t cap = 8192;

	f->name = name;
	if (fd < 0)
		return -1;
	if (fstat(fd, &f->st))
		goto fail;
	if (S_ISREG(f->st.st_mode) && (size_t)f->st.st_size + 1 > cap)
		cap = (size_t)f->st.st_size + 1;
	f->data = malloc(cap);
	f->size = 0;
	for (;;) {
		if (f->size + 1 >= cap)
			f->data = realloc(f->data, cap *= 2);
		ssize_t r = read(fd, f->data + f->size, cap - f->size - 1);

		if (r < 0)
			goto fail;
		if (!r)
			break;
		f->size += (size_t)r;
	}
	if (fd)
		close(fd);
	return 0;
fail:
	if (fd > 0) {
		int e = errno;

		close(fd);
		errno = e;
	}
	return -1;
}

static int is_binary(struct file *f)
{
	size_t n = f->size < 32768 ? f->size : 32768;

	return !text_mode && memchr(f->data, 0, n) != NULL;
}

static void split_lines(struct file *f)
{
	long cap = 64;

	f->lines = malloc((size_t)cap * sizeof(*f->lines));
	f->n = 0;
	for (size_t i = 0; i < f->size;) {
		char *nl = memchr(f->data + i, '\n', f->size - i);
		size_t end = nl ? (size_t)(nl - f->data) + 1 : f->size;

		if (f->n == cap)
			f->lines = realloc(f->lines, (size_t)(cap *= 2) * sizeof(*f->lines));
		f->lines[f->n++] = (struct line){ f->data + i, end - i, 0 };
		i = end;
	}
	f->missing_nl = f->size && f->data[f->size - 1] != '\n';
	f->changed = calloc((size_t)f->n + 2, 1) + 1;
}

/* ---- equivalence classes ---- */

/* The line as compared: -i, -b and -w fold it first. */
static size_t canon(const struct line *l, char *out)
{
	size_t n = 0;
	int space = 0;

	for (size_t i = 0; i < l->len; i++) {
		unsigned char c = (unsigned char)l->s[i];

		if ((ignore_all_space || ignore_space_change) && c != '\n' && isspace(c)) {
			space = 1;
			continue;
		}
		if (space && ignore_space_change && c != '\n')
			out[n++] = ' ';
		space = 0;
		out[n++] = (char)(ignore_case ? tolower(c) : c);
	}
	return n;
}

struct bucket {
	char *key;
	size_t len;
	int eq;
	struct bucket *next;
};

static struct bucket **table;
static size_t table_size = 4096;
static int nclasses = 1;

static int classify(const struct line *l)
{
	char *buf = malloc(l->len + 1);
	size_t n = canon(l, buf);
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)buf[i]) * 1099511628211ull;
	struct bucket **bp = &table[h % table_size];

	for (struct bucket *b = *bp; b; b = b->next) {
		if (b->len == n && !memcmp(b->key, buf, n)) {
			free(buf);
			return b->eq;
		}
	}
	struct bucket *b = malloc(sizeof(*b));

	*b = (struct bucket){ buf, n, nclasses++, *bp };
	*bp = b;
	return b->eq;
}

/* ---- the comparison (after GNU diff's analyze.c and gnulib's diffseq.h) ---- */

static const int *xv, *yv; /* the undiscarded lines' classes */
static long *fd, *bd; /* diagonals, indexed from -(ny+1) */
static char *xchg, *ychg; /* changed flags of the undiscarded lines */
static long too_expensive; /* edits after which diag() settles for a good split */

/*
 * The middle snake of [xoff, xlim) x [yoff, ylim). Unless 'minimal', past too_expensive
 * edits it settles, as GNU does, for the diagonal that got furthest, and says which half
 * then still deserves a minimal search (*lo_min, *hi_min).
 */
static void diag(long xoff, long xlim, long yoff, long ylim, int minimal, long *xmid, long *ymid,
		 int *lo_min, int *hi_min)
{
	long dmin = xoff - ylim, dmax = xlim - yoff;
	long fmid = xoff - yoff, bmid = xlim - ylim;
	long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	int odd = (fmid - bmid) & 1;

	*lo_min = *hi_min = 1;
	fd[fmid] = xoff;
	bd[bmid] = xlim;
	for (long c = 1;; c++) {
		long d;

		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			++fmin;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			--fmax;
		for (d = fmax; d >= fmin; d -= 2) {
			long tlo = fd[d - 1], thi = fd[d + 1];
			long x0 = tlo < thi ? thi : tlo + 1, x, y;

			for (x = x0, y = x0 - d; x < xlim && y < ylim && xv[x] == yv[y]; x++, y++)
				;
			fd[d] = x;
			if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
				*xmid = x;
				*ymid = y;
				return;
			}
		}
		if (bmin > dmin)
			bd[--bmin - 1] = LONG_MAX;
		else
			++bmin;
		if (bmax < dmax)
			bd[++bmax + 1] = LONG_MAX;
		else
			--bmax;
		for (d = bmax; d >= bmin; d -= 2) {
			long tlo = bd[d - 1], thi = bd[d + 1];
			long x0 = tlo < thi ? tlo : thi - 1, x, y;

			for (x = x0, y = x0 - d; xoff < x && yoff < y && xv[x - 1] == yv[y - 1];
			     x--, y--)
				;
			bd[d] = x;
			if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
				*xmid = x;
				*ymid = y;
				return;
			}
		}
		if (minimal || c < too_expensive)
			continue;
		long fxybest = -1, fxbest = 0, bxybest = LONG_MAX, bxbest = 0;

		for (d = fmax; d >= fmin; d -= 2) {
			long x = fd[d] < xlim ? fd[d] : xlim, y = x - d;

			if (ylim < y) {
				x = ylim + d;
				y = ylim;
			}
			if (fxybest < x + y) {
				fxybest = x + y;
				fxbest = x;
			}
		}
		for (d = bmax; d >= bmin; d -= 2) {
			long x = xoff > bd[d] ? xoff : bd[d], y = x - d;

			if (y < yoff) {
				x = yoff + d;
				y = yoff;
			}
			if (x + y < bxybest) {
				bxybest = x + y;
				bxbest = x;
			}
		}
		if ((xlim + ylim) - bxybest < fxybest - (xoff + yoff)) {
			*xmid = fxbest;
			*ymid = fxybest - fxbest;
			*hi_min = 0;
		} else {
			*xmid = bxbest;
			*ymid = bxybest - bxbest;
			*lo_min = 0;
		}
		return;
	}
}

static void compareseq(long xoff, long xlim, long yoff, long ylim, int minimal)
{
	while (xoff < xlim && yoff < ylim && xv[xoff] == yv[yoff]) {
		xoff++;
		yoff++;
	}
	while (xoff < xlim && yoff < ylim && xv[xlim - 1] == yv[ylim - 1]) {
		xlim--;
		ylim--;
	}
	if (xoff == xlim) {
		while (yoff < ylim)
			ychg[yoff++] = 1;
	} else if (yoff == ylim) {
		while (xoff < xlim)
			xchg[xoff++] = 1;
	} else {
		long xmid, ymid;
		int lo_min, hi_min;

		diag(xoff, xlim, yoff, ylim, minimal, &xmid, &ymid, &lo_min, &hi_min);
		compareseq(xoff, xmid, yoff, ymid, lo_min);
		compareseq(xmid, xlim, ymid, ylim, hi_min);
	}
}

/*
 * Marks lines that match nothing in the other file as discarded (1), and lines that match
 * very many as provisional (2), kept only inside a run of discards: GNU's
 * discard_confusing_lines, which speeds things up and decides ties the way GNU does.
 */
static void discard_confusing(struct file *f, long lo[2], long hi[2], char *disc[2])
{
	long *counts[2];

	for (int k = 0; k < 2; k++) {
		counts[k] = calloc((size_t)nclasses, sizeof(long));
		for (long i = lo[k]; i < hi[k]; i++)
			counts[k][f[k].lines[i].eq]++;
	}
	for (int k = 0; k < 2; k++) {
		long end = hi[k] - lo[k], many = 5;
		char *d = disc[k];

		for (long tem = end / 64; (tem >>= 2) > 0;)
			many *= 2;
		for (long i = 0; i < end; i++) {
			long nmatch = counts[1 - k][f[k].lines[lo[k] + i].eq];

			d[i] = nmatch == 0 ? 1 : nmatch > many ? 2 : 0;
		}
	}
	for (int k = 0; k < 2; k++) {
		char *d = disc[k];
		long end = hi[k] - lo[k];

		for (long i = 0; i < end; i++) {
			if (d[i] == 2) {
				d[i] = 0;
			} else if (d[i]) {
				long j, length, provisional = 0;

				for (j = i; j < end && d[j]; j++)
					if (d[j] == 2)
						provisional++;
				while (j > i && d[j - 1] == 2) {
					d[--j] = 0;
					provisional--;
				}
				length = j - i;
				if (provisional * 4 > length) {
					while (j > i)
						if (d[--j] == 2)
							d[j] = 0;
				} else {
					long consec, minimum = 1, tem = length >> 2;

					while (0 < (tem >>= 2))
						minimum <<= 1;
					minimum++;
					for (j = 0, consec = 0; j < length; j++) {
						if (d[i + j] != 2)
							consec = 0;
						else if (minimum == ++consec)
							j -= consec;
						else if (minimum < consec)
							d[i + j] = 0;
					}
					for (j = 0, consec = 0; j < length; j++) {
						if (j >= 8 && d[i + j] == 1)
							break;
						if (d[i + j] == 2) {
							consec = 0;
							d[i + j] = 0;
						} else if (d[i + j] == 0) {
							consec = 0;
						} else {
							consec++;
						}
						if (consec == 3)
							break;
					}
					i += length - 1;
					for (j = 0, consec = 0; j < length; j++) {
						if (j >= 8 && d[i - j] == 1)
							break;
						if (d[i - j] == 2) {
							consec = 0;
							d[i - j] = 0;
						} else if (d[i - j] == 0) {
							consec = 0;
						} else {
							consec++;
						}
						if (consec == 3)
							break;
					}
				}
			}
		}
	}
	free(counts[0]);
	free(counts[1]);
}

/*
 * GNU's shift_boundaries over the middle part [lo, lo + n) of each file: each run of changes
 * merged with its neighbours and slid as low as it goes, or back to a change in the other file.
 */
static void shift_boundaries(struct file *f, const long lo[2], const long hi[2])
{
	for (int k = 0; k < 2; k++) {
		char *changed = f[k].changed + lo[k], *other = f[1 - k].changed + lo[1 - k];
		const struct line *ln = f[k].lines + lo[k];
		long i = 0, j = 0, i_end = hi[k] - lo[k];

		for (;;) {
			long runlength, start, corresponding;

			while (i < i_end && !changed[i]) {
				while (other[j++])
					;
				i++;
			}
			if (i == i_end)
				break;
			start = i;
			while (changed[++i])
				;
			while (other[j])
				j++;
			do {
				runlength = i - start;
				while (start && ln[start - 1].eq == ln[i - 1].eq) {
					changed[--start] = 1;
					changed[--i] = 0;
					while (changed[start - 1])
						start--;
					while (other[--j])
						;
				}
				corresponding = other[j - 1] ? i : i_end;
				while (i != i_end && ln[start].eq == ln[i].eq) {
					changed[start++] = 0;
					changed[i++] = 1;
					while (changed[i])
						i++;
					while (other[++j])
						corresponding = i;
				}
			} while (runlength != i - start);
			while (corresponding < i) {
				changed[--start] = 1;
				changed[--i] = 0;
				while (other[--j])
					;
			}
		}
	}
}

static void analyze(struct file *f)
{
	long lo[2], hi[2], prefix = 0, suffix = 0, horizon = format == F_NORMAL ? 0 : context;
	long shorter = f[0].n < f[1].n ? f[0].n : f[1].n;

	for (int k = 0; k < 2; k++)
		for (long i = 0; i < f[k].n; i++)
			f[k].lines[i].eq = classify(&f[k].lines[i]);
	/*
	 * As GNU: the common head and tail are left out, but for 'horizon' lines at each end
	 * (the context), into which shift_boundaries may move a change.
	 */
	while (prefix < shorter && f[0].lines[prefix].eq == f[1].lines[prefix].eq)
		prefix++;
	prefix = prefix > horizon ? prefix - horizon : 0;
	while (suffix < shorter - prefix &&
	       f[0].lines[f[0].n - 1 - suffix].eq == f[1].lines[f[1].n - 1 - suffix].eq)
		suffix++;
	suffix = suffix > horizon ? suffix - horizon : 0;
	for (int k = 0; k < 2; k++) {
		lo[k] = prefix;
		hi[k] = f[k].n - suffix;
	}
	char *disc[2];
	int *vec[2];
	long *real[2], nv[2];

	for (int k = 0; k < 2; k++)
		disc[k] = calloc((size_t)(hi[k] - lo[k]) + 1, 1);
	discard_confusing(f, lo, hi, disc);
	for (int k = 0; k < 2; k++) {
		vec[k] = malloc(((size_t)(hi[k] - lo[k]) + 1) * sizeof(int));
		real[k] = malloc(((size_t)(hi[k] - lo[k]) + 1) * sizeof(long));
		nv[k] = 0;
		for (long i = lo[k]; i < hi[k]; i++) {
			if (disc[k][i - lo[k]]) {
				f[k].changed[i] = 1;
			} else {
				vec[k][nv[k]] = f[k].lines[i].eq;
				real[k][nv[k]++] = i;
			}
		}
	}
	long diags = nv[0] + nv[1] + 3;

	fd = (long *)malloc((size_t)diags * sizeof(long)) + nv[1] + 1;
	bd = (long *)malloc((size_t)diags * sizeof(long)) + nv[1] + 1;
	xv = vec[0];
	yv = vec[1];
	xchg = calloc((size_t)nv[0] + 1, 1);
	ychg = calloc((size_t)nv[1] + 1, 1);
	/* GNU's bound: about the square root of the input, at least 4096 */
	too_expensive = 1;
	for (long k = diags; k; k >>= 2)
		too_expensive <<= 1;
	if (too_expensive < 4096)
		too_expensive = 4096;
	compareseq(0, nv[0], 0, nv[1], minimal_diff);
	for (long i = 0; i < nv[0]; i++)
		if (xchg[i])
			f[0].changed[real[0][i]] = 1;
	for (long i = 0; i < nv[1]; i++)
		if (ychg[i])
			f[1].changed[real[1][i]] = 1;
	shift_boundaries(f, lo, hi);
	free(fd - nv[1] - 1);
	free(bd - nv[1] - 1);
	free(xchg);
	free(ychg);
	for (int k = 0; k < 2; k++) {
		free(disc[k]);
		free(vec[k]);
		free(real[k]);
	}
}

/* ---- the edit script and its output ---- */

struct change {
	long line0, line1, deleted, inserted;
};

static struct change *changes;
static long nchanges;

static void build_script(struct file *f)
{
	long i0 = 0, i1 = 0, cap = 16;

	changes = malloc((size_t)cap * sizeof(*changes));
	nchanges = 0;
	while (i0 < f[0].n || i1 < f[1].n) {
		if (f[0].changed[i0] || f[1].changed[i1]) {
			long l0 = i0, l1 = i1;

			while (f[0].changed[i0])
				i0++;
			while (f[1].changed[i1])
				i1++;
			if (nchanges == cap)
				changes = realloc(changes, (size_t)(cap *= 2) * sizeof(*changes));
			changes[nchanges++] = (struct change){ l0, l1, i0 - l0, i1 - l1 };
		}
		i0++;
		i1++;
	}
	/* -B: a change of blank lines only is no change */
	if (ignore_blank_lines) {
		long k = 0;

		for (long c = 0; c < nchanges; c++) {
			int blank = 1;

			for (long i = 0; i < changes[c].deleted && blank; i++)
				blank = f[0].lines[changes[c].line0 + i].len <= 1;
			for (long i = 0; i < changes[c].inserted && blank; i++)
				blank = f[1].lines[changes[c].line1 + i].len <= 1;
			if (!blank)
				changes[k++] = changes[c];
		}
		nchanges = k;
	}
}

static void print_line(const char *prefix, struct file *f, long i)
{
	const struct line *l = &f->lines[i];

	fputs(prefix, stdout);
	fwrite(l->s, 1, l->len, stdout);
	if (!l->len || l->s[l->len - 1] != '\n')
		fputs("\n\\ No newline at end of file\n", stdout);
}

/* "a,b" or "a" for lines a..b (1-based), as the normal and context formats write ranges */
static void print_range(long a, long b)
{
	if (b > a)
		printf("%ld,%ld", a, b);
	else
		printf("%ld", b);
}

static void print_normal(struct file *f)
{
	for (long c = 0; c < nchanges; c++) {
		struct change *ch = &changes[c];
		char op = !ch->inserted ? 'd' : !ch->deleted ? 'a' : 'c';

		print_range(ch->line0 + 1, ch->line0 + ch->deleted);
		putchar(op);
		print_range(ch->line1 + 1, ch->line1 + ch->inserted);
		putchar('\n');
		for (long i = 0; i < ch->deleted; i++)
			print_line("< ", &f[0], ch->line0 + i);
		if (op == 'c')
			puts("---");
		for (long i = 0; i < ch->inserted; i++)
			print_line("> ", &f[1], ch->line1 + i);
	}
}

static void print_header(const char *mark, struct file *f, int k)
{
	if (nlabels > k) {
		printf("%s %s\n", mark, labels[k]);
		return;
	}
	char when[64], zone[16];
	struct tm tm;
	time_t t = f->st.st_mtim.tv_sec;

	localtime_r(&t, &tm);
	if (format == F_CONTEXT) { /* GNU's context headers have ctime's layout */
		strftime(when, sizeof(when), "%a %b %e %H:%M:%S %Y", &tm);
		printf("%s %s\t%s\n", mark, f->name, when);
		return;
	}
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	printf("%s %s\t%s.%09ld %s\n", mark, f->name, when, (long)f->st.st_mtim.tv_nsec, zone);
}

/* The changes [c0, c1) make one hunk when fewer than 2 * context + 1 lines separate them. */
static long hunk_end(long c0)
{
	long c = c0;

	while (c + 1 < nchanges &&
	       changes[c + 1].line0 - (changes[c].line0 + changes[c].deleted) < 2 * context + 1)
		c++;
	return c + 1;
}

static void print_unified(struct file *f)
{
	print_header("---", &f[0], 0);
	print_header("+++", &f[1], 1);
	for (long c0 = 0; c0 < nchanges;) {
		long c1 = hunk_end(c0);
		struct change *first = &changes[c0], *last = &changes[c1 - 1];
		long a0 = first->line0 - context, a1 = first->line1 - context;
		long b0 = last->line0 + last->deleted + context;
		long b1 = last->line1 + last->inserted + context;

		if (a0 < 0) {
			a1 -= a0;
			a0 = 0;
		}
		if (a1 < 0) {
			a0 -= a1;
			a1 = 0;
		}
		if (b0 > f[0].n)
			b0 = f[0].n;
		if (b1 > f[1].n)
			b1 = f[1].n;
		printf("@@ -");
		if (b0 - a0 == 1)
			printf("%ld", a0 + 1);
		else
			printf("%ld,%ld", b0 - a0 ? a0 + 1 : a0, b0 - a0);
		printf(" +");
		if (b1 - a1 == 1)
			printf("%ld", a1 + 1);
		else
			printf("%ld,%ld", b1 - a1 ? a1 + 1 : a1, b1 - a1);
		printf(" @@\n");
		long i0 = a0, i1 = a1;

		for (long c = c0; c < c1; c++) {
			struct change *ch = &changes[c];

			for (; i0 < ch->line0; i0++, i1++)
				print_line(" ", &f[0], i0);
			for (long i = 0; i < ch->deleted; i++)
				print_line("-", &f[0], i0++);
			for (long i = 0; i < ch->inserted; i++)
				print_line("+", &f[1], i1++);
		}
		for (; i0 < b0; i0++)
			print_line(" ", &f[0], i0);
		c0 = c1;
	}
}

static void print_context(struct file *f)
{
	print_header("***", &f[0], 0);
	print_header("---", &f[1], 1);
	for (long c0 = 0; c0 < nchanges;) {
		long c1 = hunk_end(c0);
		struct change *first = &changes[c0], *last = &changes[c1 - 1];
		long a0 = first->line0 - context, a1 = first->line1 - context;
		long b0 = last->line0 + last->deleted + context;
		long b1 = last->line1 + last->inserted + context;
		int any_del = 0, any_ins = 0;

		if (a0 < 0)
			a0 = 0;
		if (a1 < 0)
			a1 = 0;
		if (b0 > f[0].n)
			b0 = f[0].n;
		if (b1 > f[1].n)
			b1 = f[1].n;
		for (long c = c0; c < c1; c++) {
			any_del |= changes[c].deleted > 0;
			any_ins |= changes[c].inserted > 0;
		}
		puts("***************");
		printf("*** ");
		print_range(a0 + 1, b0);
		puts(" ****");
		if (any_del) {
			long i = a0;

			for (long c = c0; c < c1; c++) {
				struct change *ch = &changes[c];
				const char *mark = ch->inserted ? "! " : "- ";

				for (; i < ch->line0; i++)
					print_line("  ", &f[0], i);
				for (long k = 0; k < ch->deleted; k++)
					print_line(mark, &f[0], i++);
			}
			for (; i < b0; i++)
				print_line("  ", &f[0], i);
		}
		printf("--- ");
		print_range(a1 + 1, b1);
		puts(" ----");
		if (any_ins) {
			long i = a1;

			for (long c = c0; c < c1; c++) {
				struct change *ch = &changes[c];
				const char *mark = ch->deleted ? "! " : "+ ";

				for (; i < ch->line1; i++)
					print_line("  ", &f[1], i);
				for (long k = 0; k < ch->inserted; k++)
					print_line(mark, &f[1], i++);
			}
			for (; i < b1; i++)
				print_line("  ", &f[1], i);
		}
		c0 = c1;
	}
}

static void free_file(struct file *f)
{
	free(f->data);
	free(f->lines);
	if (f->changed)
		free(f->changed - 1);
	memset(f, 0, sizeof(*f));
}

static void trouble(const char *name)
{
	cu_warn_errno(name);
	status = 2;
}

/* Compares two files; 'header' is printed first if they differ (the -r form). */
static int diff_files(const char *n0, const char *n1, int header)
{
	struct file f[2] = { 0 };
	int r = 0;
	const char *names[2] = { n0, n1 };

	for (int k = 0; k < 2; k++) {
		if (read_file(&f[k], names[k])) {
			if (errno == ENOENT && new_file && header) {
				f[k].data = malloc(1);
				f[k].name = names[k];
				continue;
			}
			trouble(names[k]);
			free_file(&f[0]);
			free_file(&f[1]);
			return 2;
		}
	}
	if (f[0].size == f[1].size && !memcmp(f[0].data, f[1].data, f[0].size)) {
		if (report_same)
			printf("Files %s and %s are identical\n", n0, n1);
		goto out;
	}
	if (is_binary(&f[0]) || is_binary(&f[1])) {
		printf(brief ? "Files %s and %s differ\n" : "Binary files %s and %s differ\n", n0,
		       n1);
		r = 1;
		goto out;
	}
	split_lines(&f[0]);
	split_lines(&f[1]);
	analyze(f);
	build_script(f);
	if (!nchanges) {
		if (report_same)
			printf("Files %s and %s are identical\n", n0, n1);
		goto out;
	}
	r = 1;
	if (brief) {
		printf("Files %s and %s differ\n", n0, n1);
		goto out;
	}
	if (header)
		printf("diff%s %s %s\n", switches, n0, n1);
	if (format == F_UNIFIED)
		print_unified(f);
	else if (format == F_CONTEXT)
		print_context(f);
	else
		print_normal(f);
	free(changes);
out:
	free_file(&f[0]);
	free_file(&f[1]);
	return r;
}

static int names_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in a directory, NULL-terminated; NULL on error. */
static char **list_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	size_t n = 0, cap = 16;
	char **v;

	v = malloc(cap * sizeof(*v));
	if (!d) {
		/* -N: a directory missing on one side is an empty one */
		if (errno == ENOENT && new_file) {
			v[0] = NULL;
			return v;
		}
		free(v);
		return NULL;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (n + 1 >= cap)
			v = realloc(v, (cap *= 2) * sizeof(*v));
		v[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(v, n, sizeof(*v), names_cmp);
	v[n] = NULL;
	return v;
}

static const char *kind(mode_t m)
{
	if (S_ISREG(m))
		return "regular file";
	if (S_ISDIR(m))
		return "directory";
	if (S_ISLNK(m))
		return "symbolic link";
	if (S_ISFIFO(m))
		return "fifo";
	if (S_ISCHR(m))
		return "character special file";
	if (S_ISBLK(m))
		return "block special file";
	return "socket";
}

static int diff_dirs(const char *d0, const char *d1);

/* One entry of a directory comparison, present in both or (with -N) in one. */
static int diff_entry(const char *p0, const char *p1, int have0, int have1)
{
	struct stat s0 = { 0 }, s1 = { 0 };

	if (have0 && stat(p0, &s0)) {
		trouble(p0);
		return 2;
	}
	if (have1 && stat(p1, &s1)) {
		trouble(p1);
		return 2;
	}
	if (!have0)
		s0 = s1;
	if (!have1)
		s1 = s0;
	if (S_ISDIR(s0.st_mode) && S_ISDIR(s1.st_mode)) {
		if (recursive)
			return diff_dirs(p0, p1);
		printf("Common subdirectories: %s and %s\n", p0, p1);
		return 0;
	}
	if (S_ISDIR(s0.st_mode) != S_ISDIR(s1.st_mode)) {
		printf("File %s is a %s while file %s is a %s\n", p0, kind(s0.st_mode), p1,
		       kind(s1.st_mode));
		return 1;
	}
	return diff_files(p0, p1, 1);
}

static int diff_dirs(const char *d0, const char *d1)
{
	char **v0 = list_dir(d0), **v1 = v0 ? list_dir(d1) : NULL;
	int r = 0;

	if (!v0 || !v1) {
		trouble(v0 ? d1 : d0);
		return 2;
	}
	for (size_t i = 0, j = 0; v0[i] || v1[j];) {
		int c = !v0[i] ? 1 : !v1[j] ? -1 : strcmp(v0[i], v1[j]);
		const char *name = c <= 0 ? v0[i] : v1[j];
		char *p0 = cu_join(d0, name), *p1 = cu_join(d1, name);
		int s;

		if (c && !new_file) {
			printf("Only in %s: %s\n", c < 0 ? d0 : d1, name);
			s = 1;
		} else {
			s = diff_entry(p0, p1, c <= 0, c >= 0);
		}
		if (s > r)
			r = s;
		free(p0);
		free(p1);
		if (c <= 0)
			free(v0[i++]);
		if (c >= 0)
			free(v1[j++]);
	}
	free(v0);
	free(v1);
	return r;
}

static long context_arg(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < 0)
		cu_die(2, "invalid context length '%s'", s);
	return v;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "brief", no_argument, NULL, 'q' },
		{ "recursive", no_argument, NULL, 'r' },
		{ "new-file", no_argument, NULL, 'N' },
		{ "text", no_argument, NULL, 'a' },
		{ "unified", optional_argument, NULL, 'U' },
		{ "context", optional_argument, NULL, 'C' },
		{ "ignore-case", no_argument, NULL, 'i' },
		{ "ignore-space-change", no_argument, NULL, 'b' },
		{ "ignore-all-space", no_argument, NULL, 'w' },
		{ "ignore-blank-lines", no_argument, NULL, 'B' },
		{ "report-identical-files", no_argument, NULL, 's' },
		{ "label", required_argument, NULL, 'L' },
		{ "normal", no_argument, NULL, 'n' },
		{ "minimal", no_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	cu_init(argc, argv,
		"[OPTION]... FILE1 FILE2\nCompare files line by line (directories entry by "
		"entry).\n"
		"  -u, -U N  unified output with 3 (N) lines of context\n"
		"  -c, -C N  context output with 3 (N) lines of context\n"
		"  -q  only say whether the files differ\n"
		"  -r  compare subdirectories recursively\n"
		"  -N  a file missing from one directory is empty\n"
		"  -s  say when two files are the same\n"
		"  -a  compare every file as text\n"
		"  -i  ignore case\n  -b  ignore changes in the amount of white space\n"
		"  -w  ignore all white space\n  -B  ignore changes of blank lines only\n"
		"  --label LABEL  use LABEL for a file's name in the headers\n"
		"  -d, --minimal  the smallest set of changes, however long it takes\n"
		"Exit status: 0 if the inputs are the same, 1 if they differ, 2 on trouble.\n");
	while ((opt = getopt_long(argc, argv, "uU:cC:qrNsaibwBL:d", longopts, NULL)) != -1) {
		switch (opt) {
		case 'u':
			format = F_UNIFIED;
			break;
		case 'U':
			format = F_UNIFIED;
			if (optarg)
				context = (int)context_arg(optarg);
			break;
		case 'c':
			format = F_CONTEXT;
			break;
		case 'C':
			format = F_CONTEXT;
			if (optarg)
				context = (int)context_arg(optarg);
			break;
		case 'n':
			format = F_NORMAL;
			break;
		case 'd':
			minimal_diff = 1;
			break;
		case 'q':
			brief = 1;
			break;
		case 'r':
			recursive = 1;
			break;
		case 'N':
			new_file = 1;
			break;
		case 's':
			report_same = 1;
			break;
		case 'a':
			text_mode = 1;
			break;
		case 'i':
			ignore_case = 1;
			break;
		case 'b':
			ignore_space_change = 1;
			break;
		case 'w':
			ignore_all_space = 1;
			break;
		case 'B':
			ignore_blank_lines = 1;
			break;
		case 'L':
			if (nlabels == 2)
				cu_die(2, "too many file label options");
			labels[nlabels++] = optarg;
			break;
		default:
			cu_usage(2);
		}
	}
	if (argc - optind != 2) {
		if (argc - optind < 2)
			cu_warn("missing operand after '%s'", argv[argc - 1]);
		else
			cu_warn("extra operand '%s'", argv[optind + 2]);
		cu_usage(2);
	}
	size_t sl = 1;

	for (int i = 1; i < optind; i++)
		sl += strlen(argv[i]) + 1;
	switches = calloc(sl, 1);
	for (int i = 1; i < optind; i++) {
		strcat(switches, " ");
		strcat(switches, argv[i]);
	}
	table = calloc(table_size, sizeof(*table));

	const char *a = argv[optind], *b = argv[optind + 1];
	struct stat sa, sb;
	int da = strcmp(a, "-") && !stat(a, &sa) && S_ISDIR(sa.st_mode);
	int db = strcmp(b, "-") && !stat(b, &sb) && S_ISDIR(sb.st_mode);
	int r;

	if (da && db) {
		r = diff_dirs(a, b);
	} else if (da || db) {
		/* DIR FILE compares DIR/basename(FILE) with FILE */
		const char *file = da ? b : a, *base = strrchr(file, '/');
		char *p = cu_join(da ? a : b, base ? base + 1 : file);

		if (!strcmp(file, "-"))
			cu_die(2, "cannot compare '-' to a directory");
		r = da ? diff_files(p, b, 0) : diff_files(a, p, 0);
		free(p);
	} else {
		r = diff_files(a, b, 0);
	}
	if (status > r)
		r = status;
	if (fflush(stdout) || ferror(stdout)) {
		cu_warn("write error: %s", strerror(errno));
		return 2;
	}
	return r;
}
