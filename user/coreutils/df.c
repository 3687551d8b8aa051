// SPDX-License-Identifier: GPL-2.0
/*
 * df: the size, use and free space of mounted file systems, from /proc/mounts and
 * statfs(2): all of them (those with no blocks only with -a, each device once), or the ones
 * holding each FILE (the mount with the longest directory that contains the file's real
 * path, on the same device). Columns are as wide as their widest entry, with GNU's minimum
 * widths; sizes in 1024-byte blocks rounded up (-k), or -h (1.5K 20G), -i inodes, -T adds
 * the type.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "libcu.h"

struct mnt {
	char *dev, *dir, *type;
};

static struct mnt *mnts;
static size_t nmnts;
static int human, inodes, show_type, show_all, status;

#define NCOLS 7
static char **rows; /* NCOLS strings a row */
static size_t nrows;

/* /proc/mounts' fields escape blanks and backslashes as \ooo */
static char *unescape(char *s)
{
	char *r = s, *w = s;

	while (*r) {
		if (r[0] == '\\' && r[1] >= '0' && r[1] <= '3' && r[2] && r[3]) {
			*w++ = (char)((r[1] - '0') * 64 + (r[2] - '0') * 8 + (r[3] - '0'));
			r += 4;
		} else {
			*w++ = *r++;
		}
	}
	*w = 0;
	return s;
}

static void read_mounts(void)
{
	FILE *f = fopen("/proc/mounts", "r");
	char *line = NULL;
	size_t cap = 0, mcap = 0;

	if (!f)
		cu_die(1, "cannot read table of mounted file systems: %s", strerror(errno));
	while (getline(&line, &cap, f) > 0) {
		char *save, *dev = strtok_r(line, " \n", &save),
			    *dir = strtok_r(NULL, " \n", &save);
		char *type = strtok_r(NULL, " \n", &save);

		if (!dev || !dir || !type)
			continue;
		if (nmnts == mcap) {
			mcap = mcap ? mcap * 2 : 32;
			mnts = realloc(mnts, mcap * sizeof(*mnts));
		}
		mnts[nmnts++] =
			(struct mnt){ strdup(unescape(dev)), strdup(unescape(dir)), strdup(type) };
	}
	free(line);
	fclose(f);
}

static char *num(uint64_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v);
	return strdup(buf);
}

/* A size in bytes as a column shows it: 1K blocks rounded up, or -h. */
static char *size(uint64_t bytes)
{
	char buf[32];

	if (human)
		return strdup(cu_human(bytes, buf, sizeof(buf)));
	return num((bytes + 1023) / 1024);
}

static char *percent(uint64_t used, uint64_t avail)
{
	char buf[16];

	if (!used && !avail)
		return strdup("-");
	uint64_t u100 = used * 100, total = used + avail;

	snprintf(buf, sizeof(buf), "%llu%%",
		 (unsigned long long)(u100 / total + (u100 % total != 0)));
	return strdup(buf);
}

static void add_row(char *c0, char *c1, char *c2, char *c3, char *c4, char *c5, char *c6)
{
	rows = realloc(rows, (nrows + 1) * NCOLS * sizeof(*rows));
	char **r = rows + nrows * NCOLS;

	r[0] = c0;
	r[1] = c1;
	r[2] = c2;
	r[3] = c3;
	r[4] = c4;
	r[5] = c5;
	r[6] = c6;
	nrows++;
}

static int add_mount(const struct mnt *m, int forced)
{
	struct statfs sf;

	if (statfs(m->dir, &sf)) {
		cu_warn_errno(m->dir);
		status = 1;
		return -1;
	}
	if (!forced && !show_all && !sf.f_blocks)
		return 0;
	uint64_t bs = (uint64_t)(sf.f_frsize ? sf.f_frsize : sf.f_bsize);

	if (inodes) {
		uint64_t used = sf.f_files - sf.f_ffree;

		add_row(strdup(m->dev), strdup(m->type), human ? size(sf.f_files) : num(sf.f_files),
			human ? size(used) : num(used), human ? size(sf.f_ffree) : num(sf.f_ffree),
			percent(used, sf.f_ffree), strdup(m->dir));
		return 1;
	}
	uint64_t used = (sf.f_blocks - sf.f_bfree) * bs;

	add_row(strdup(m->dev), strdup(m->type), size(sf.f_blocks * bs), size(used),
		size(sf.f_bavail * bs), percent(sf.f_blocks - sf.f_bfree, sf.f_bavail),
		strdup(m->dir));
	return 1;
}

/*
 * A mount the table does not list (in a chroot, /proc/mounts shows only the mounts under its
 * root): as GNU df, "-" for its device and type, and for its directory the highest directory
 * above real on the same device.
 */
static const struct mnt *unlisted_mount(const char *real, dev_t dev)
{
	static char dir[PATH_MAX];
	static struct mnt m = { .dev = "-", .dir = dir, .type = "-" };
	struct stat ps;
	char *slash;

	snprintf(dir, sizeof(dir), "%s", real);
	while ((slash = strrchr(dir, '/'))) {
		char keep = slash[slash == dir];

		slash[slash == dir] = '\0'; /* the parent; "/" stays "/" */
		if (stat(dir, &ps) || ps.st_dev != dev) {
			slash[slash == dir] = keep; /* the parent is another mount: back down */
			break;
		}
		if (slash == dir)
			break;
	}
	return &m;
}

/* The mount holding path: same device, the longest directory that is a prefix of it. */
static const struct mnt *find_mount(const char *path)
{
	struct stat st, ms;
	char real[PATH_MAX];
	const struct mnt *best = NULL;
	size_t best_len = 0;
	int by_dev;

	if (stat(path, &st)) {
		cu_warn_errno(path);
		status = 1;
		return NULL;
	}
	if (!realpath(path, real))
		snprintf(real, sizeof(real), "%s", path);
	for (size_t i = 0; i < nmnts; i++) {
		const char *d = mnts[i].dir;
		size_t l = strlen(d);

		if (stat(d, &ms) || ms.st_dev != st.st_dev)
			continue;
		int prefix =
			!strcmp(d, "/") || (!strncmp(real, d, l) && (real[l] == '/' || !real[l]));

		if (!best || (prefix && l >= best_len)) {
			best = &mnts[i];
			best_len = prefix ? l : 0;
		}
	}
	by_dev = best != NULL;
	/*
	 * No listed mount has path's device (a chroot or container whose root is not in
	 * /proc/mounts): as GNU df, the longest mount directory that is a prefix of the path.
	 */
	for (size_t i = 0; !by_dev && i < nmnts; i++) {
		const char *d = mnts[i].dir;
		size_t l = strlen(d);

		if (!strncmp(real, d, l) && (real[l] == '/' || !real[l] || l == 1) &&
		    (!best || l > strlen(best->dir)))
			best = &mnts[i];
	}
	if (!best)
		best = unlisted_mount(real, st.st_dev);
	return best;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "human-readable", no_argument, NULL, 'h' },
		{ "inodes", no_argument, NULL, 'i' },
		{ "print-type", no_argument, NULL, 'T' },
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	cu_init(argc, argv,
		"[OPTION]... [FILE]...\nShow the space on the file systems holding the FILEs, "
		"or on all of them.\n"
		"  -a  also file systems with no blocks (proc, sysfs ...)\n"
		"  -h  sizes like 1.5K 20G\n  -k  1024-byte blocks (the default)\n"
		"  -i  inodes instead of blocks\n  -T  the file system type too\n");
	while ((opt = getopt_long(argc, argv, "ahkiT", longopts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			show_all = 1;
			break;
		case 'h':
			human = 1;
			break;
		case 'k':
			human = 0;
			break;
		case 'i':
			inodes = 1;
			break;
		case 'T':
			show_type = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	read_mounts();
	if (optind < argc) {
		for (int i = optind; i < argc; i++) {
			const struct mnt *m = find_mount(argv[i]);

			if (m)
				add_mount(m, 1);
		}
	} else {
		/* each device once: the first mount of it, as GNU mostly keeps */
		dev_t *devs = calloc(nmnts + 1, sizeof(*devs));
		size_t ndevs = 0;

		for (size_t i = 0; i < nmnts; i++) {
			struct stat st;

			if (!show_all && !stat(mnts[i].dir, &st)) {
				size_t k;

				for (k = 0; k < ndevs && devs[k] != st.st_dev; k++)
					;
				if (k < ndevs)
					continue;
				if (add_mount(&mnts[i], 0) > 0)
					devs[ndevs++] = st.st_dev;
				continue;
			}
			add_mount(&mnts[i], 0);
		}
		free(devs);
	}
	if (!nrows)
		return status ? status : 1;

	static const char *head_k[] = { "Filesystem", "Type", "1K-blocks", "Used",
					"Available",  "Use%", "Mounted on" };
	static const char *head_h[] = { "Filesystem", "Type", "Size",	   "Used",
					"Avail",      "Use%", "Mounted on" };
	static const char *head_i[] = { "Filesystem", "Type",  "Inodes",    "IUsed",
					"IFree",      "IUse%", "Mounted on" };
	static const int min_w[] = { 14, 4, 5, 5, 5, 4, 0 };
	const char **head = inodes ? head_i : human ? head_h : head_k;
	int w[NCOLS];

	for (int c = 0; c < NCOLS; c++) {
		w[c] = (int)strlen(head[c]) > min_w[c] ? (int)strlen(head[c]) : min_w[c];
		for (size_t r = 0; r < nrows; r++)
			if ((int)strlen(rows[r * NCOLS + c]) > w[c])
				w[c] = (int)strlen(rows[r * NCOLS + c]);
	}
	for (size_t r = 0; r <= nrows; r++) {
		const char *const *row = r ? (const char *const *)rows + (r - 1) * NCOLS : head;

		printf("%-*s", w[0], row[0]);
		if (show_type)
			printf(" %-*s", w[1], row[1]);
		for (int c = 2; c < 6; c++)
			printf(" %*s", w[c], row[c]);
		printf(" %s\n", row[6]);
	}
	if (fflush(stdout) || ferror(stdout))
		return 1;
	return status;
}
