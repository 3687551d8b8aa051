// SPDX-License-Identifier: GPL-2.0
/*
 * du: the disk space used by each FILE and, for a directory, by everything under it,
 * written after its contents (depth first). Space is st_blocks (or with --apparent-size
 * and -b the sizes), shown in 1024-byte units rounded up (-k), MiB (-m), bytes (-b) or
 * human-readable (-h). A directory or a file with several links is counted once, the first
 * time it is met (as GNU does, across the operands too). -a lists files as well, -s only
 * the operands, -d N directories at most N deep, -c adds a total; -x stays on one file
 * system, -L follows symbolic links. Entries are visited in name order.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcu.h"

static int all, summarize, human, apparent, follow, one_fs, status;
static long max_depth = -1;
static uint64_t unit = 1024;

/* Inodes already counted (directories and files with several links). */
static struct seen {
	dev_t dev;
	ino_t ino;
} * seen;
static size_t nseen, cap_seen;

static int already_seen(const struct stat *st)
{
	for (size_t i = 0; i < nseen; i++)
		if (seen[i].ino == st->st_ino && seen[i].dev == st->st_dev)
			return 1;
	if (nseen == cap_seen) {
		cap_seen = cap_seen ? cap_seen * 2 : 64;
		seen = realloc(seen, cap_seen * sizeof(*seen));
		if (!seen)
			cu_die(1, "out of memory");
	}
	seen[nseen++] = (struct seen){ st->st_dev, st->st_ino };
	return 0;
}

static void print_size(uint64_t bytes, const char *path)
{
	char buf[32];

	if (human)
		cu_human(bytes, buf, sizeof(buf));
	else
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)((bytes + unit - 1) / unit));
	printf("%s\t%s\n", buf, path);
}

/* The bytes under path; 'top' for an operand, whose symbolic link -L or -H follows. */
static uint64_t du(const char *path, int depth, dev_t root_dev)
{
	struct stat st;
	int r = follow ? stat(path, &st) : lstat(path, &st);

	if (r) {
		cu_warn("cannot access '%s': %s", path, strerror(errno));
		status = 1;
		return 0;
	}
	if (depth && one_fs && st.st_dev != root_dev)
		return 0;
	/* with -L, as GNU, every inode is counted once */
	if ((S_ISDIR(st.st_mode) || st.st_nlink > 1 || follow) && already_seen(&st))
		return 0;
	uint64_t size = apparent ? (uint64_t)st.st_size : (uint64_t)st.st_blocks * 512;

	if (!depth)
		root_dev = st.st_dev;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);

		if (!d) {
			cu_warn("cannot read directory '%s': %s", path, strerror(errno));
			status = 1;
		} else {
			size_t n;
			char **names = cu_sorted_names(d, &n);

			closedir(d);
			for (size_t i = 0; i < n; i++) {
				char *child = cu_join(path, names[i]);

				size += du(child, depth + 1, root_dev);
				free(child);
				free(names[i]);
			}
			free(names);
		}
	}
	int show = S_ISDIR(st.st_mode) ? 1 : all || !depth;

	if (summarize && depth)
		show = 0;
	if (max_depth >= 0 && depth > max_depth)
		show = 0;
	if (show)
		print_size(size, path);
	return size;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "summarize", no_argument, NULL, 's' },
		{ "human-readable", no_argument, NULL, 'h' },
		{ "total", no_argument, NULL, 'c' },
		{ "max-depth", required_argument, NULL, 'd' },
		{ "apparent-size", no_argument, NULL, 'A' },
		{ "bytes", no_argument, NULL, 'b' },
		{ "dereference", no_argument, NULL, 'L' },
		{ "one-file-system", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, total = 0;

	cu_init(argc, argv,
		"[OPTION]... [FILE]...\nSummarize the disk usage of each FILE (or .), "
		"directories recursively.\n"
		"  -a  files too, not only directories\n  -s  only a total for each FILE\n"
		"  -c  a grand total at the end\n  -d N  directories at most N levels down\n"
		"  -h  sizes like 1.5K 20M\n  -k  1024-byte units (the default)\n"
		"  -m  MiB units\n  -b  apparent sizes in bytes\n"
		"  --apparent-size  sizes, not the space allocated\n"
		"  -L  follow symbolic links\n  -P  do not (the default)\n"
		"  -x  stay on the file systems of the FILEs\n");
	while ((opt = getopt_long(argc, argv, "ashcd:kmbLPx", longopts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			all = 1;
			break;
		case 's':
			summarize = 1;
			break;
		case 'h':
			human = 1;
			break;
		case 'c':
			total = 1;
			break;
		case 'd': {
			char *end;

			max_depth = strtol(optarg, &end, 10);
			if (end == optarg || *end || max_depth < 0)
				cu_die(1, "invalid maximum depth '%s'", optarg);
			break;
		}
		case 'k':
			unit = 1024;
			human = 0;
			break;
		case 'm':
			unit = 1024 * 1024;
			human = 0;
			break;
		case 'b':
			unit = 1;
			apparent = 1;
			human = 0;
			break;
		case 'A':
			apparent = 1;
			break;
		case 'L':
			follow = 1;
			break;
		case 'P':
			follow = 0;
			break;
		case 'x':
			one_fs = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if (summarize && all)
		cu_die(1, "cannot both summarize and show all entries");
	if (summarize && max_depth > 0) {
		cu_warn("warning: summarizing conflicts with --max-depth=%ld", max_depth);
		cu_usage(1);
	}
	uint64_t sum = 0;

	if (optind >= argc)
		sum = du(".", 0, 0);
	for (int i = optind; i < argc; i++)
		sum += du(argv[i], 0, 0);
	if (total)
		print_size(sum, "total");
	if (fflush(stdout) || ferror(stdout))
		return 1;
	return status;
}
