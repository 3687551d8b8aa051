// SPDX-License-Identifier: GPL-2.0
/*
 * stat: file status, in GNU's layout or as -c FORMAT says (%n name, %N quoted with the link
 * target, %s size, %b blocks, %B block unit, %f raw mode in hex, %a octal permissions,
 * %A rwx form, %F type, %u/%U owner, %g/%G group, %h links, %i inode, %d/%D device, %t/%T
 * major/minor of a device file in hex, %o I/O block, %x/%y/%z times, %X/%Y/%Z as seconds,
 * %w/%W birth, "-" and 0 when unknown). -L follows links; -f is not supported.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "libcu.h"
#include "libowner.h"

static const char *type_name(const struct stat *st)
{
	switch (st->st_mode & S_IFMT) {
	case S_IFREG:
		return st->st_size ? "regular file" : "regular empty file";
	case S_IFDIR:
		return "directory";
	case S_IFLNK:
		return "symbolic link";
	case S_IFCHR:
		return "character special file";
	case S_IFBLK:
		return "block special file";
	case S_IFIFO:
		return "fifo";
	case S_IFSOCK:
		return "socket";
	}
	return "weird file";
}

/*
 * The birth time, from statx(2), called directly: musl's headers have no statx. Linux's
 * struct statx is 256 bytes with stx_btime at offset 80 (tv_sec, then tv_nsec). Returns 0
 * when the file system does not record it.
 */
static int birth_time(const char *path, int follow, struct timespec *ts)
{
	unsigned char buf[256] __attribute__((aligned(8)));
	unsigned int mask;
	long long sec;
	unsigned int nsec;

	memset(buf, 0, sizeof(buf));
	if (syscall(SYS_statx, AT_FDCWD, path, follow ? 0 : 0x100 /* AT_SYMLINK_NOFOLLOW */,
		    0x800 /* STATX_BTIME */, buf))
		return 0;
	memcpy(&mask, buf, 4);
	if (!(mask & 0x800))
		return 0;
	memcpy(&sec, buf + 80, 8);
	memcpy(&nsec, buf + 88, 4);
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return 1;
}

static int follow_links;

static void put_time(const struct timespec *ts)
{
	struct tm tm;
	char buf[64];

	localtime_r(&ts->tv_sec, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	printf("%s.%09ld ", buf, ts->tv_nsec);
	strftime(buf, sizeof(buf), "%z", &tm);
	fputs(buf, stdout);
}

static void put_quoted_name(const char *path, const struct stat *st, int quotes)
{
	const char *q = quotes ? "'" : "";

	printf("%s%s%s", q, path, q);
	if (S_ISLNK(st->st_mode)) {
		char target[4096];
		ssize_t n = readlink(path, target, sizeof(target) - 1);

		if (n >= 0) {
			target[n] = 0;
			printf(" -> %s%s%s", q, target, q);
		}
	}
}

static void format(const char *fmt, const char *path, const struct stat *st)
{
	char modes[11];

	for (const char *p = fmt; *p; p++) {
		if (*p != '%' || !p[1]) {
			putchar(*p);
			continue;
		}
		switch (*++p) {
		case '%':
			putchar('%');
			break;
		case 'n':
			fputs(path, stdout);
			break;
		case 'N':
			put_quoted_name(path, st, 1);
			break;
		case 's':
			printf("%lld", (long long)st->st_size);
			break;
		case 'b':
			printf("%lld", (long long)st->st_blocks);
			break;
		case 'B':
			printf("512");
			break;
		case 'o':
			printf("%ld", (long)st->st_blksize);
			break;
		case 'f':
			printf("%x", (unsigned)st->st_mode);
			break;
		case 'a':
			printf("%o", (unsigned)(st->st_mode & 07777));
			break;
		case 'A':
			cu_mode_string(st->st_mode, modes);
			fputs(modes, stdout);
			break;
		case 'F':
			fputs(type_name(st), stdout);
			break;
		case 'u':
			printf("%u", (unsigned)st->st_uid);
			break;
		case 'U':
			fputs(cu_user_name(st->st_uid), stdout);
			break;
		case 'g':
			printf("%u", (unsigned)st->st_gid);
			break;
		case 'G':
			fputs(cu_group_name(st->st_gid), stdout);
			break;
		case 'h':
			printf("%lu", (unsigned long)st->st_nlink);
			break;
		case 'i':
			printf("%lu", (unsigned long)st->st_ino);
			break;
		case 'd':
			printf("%lu", (unsigned long)st->st_dev);
			break;
		case 'D':
			printf("%lx", (unsigned long)st->st_dev);
			break;
		case 't':
			printf("%x", major(st->st_rdev));
			break;
		case 'T':
			printf("%x", minor(st->st_rdev));
			break;
		case 'x':
			put_time(&st->st_atim);
			break;
		case 'y':
			put_time(&st->st_mtim);
			break;
		case 'z':
			put_time(&st->st_ctim);
			break;
		case 'w':
		case 'W': {
			struct timespec b;

			if (!birth_time(path, follow_links, &b))
				fputs(*p == 'w' ? "-" : "0", stdout);
			else if (*p == 'w')
				put_time(&b);
			else
				printf("%lld", (long long)b.tv_sec);
			break;
		}
		case 'X':
			printf("%lld", (long long)st->st_atim.tv_sec);
			break;
		case 'Y':
			printf("%lld", (long long)st->st_mtim.tv_sec);
			break;
		case 'Z':
			printf("%lld", (long long)st->st_ctim.tv_sec);
			break;
		default:
			putchar('?');
			break;
		}
	}
}

static void default_format(const char *path, const struct stat *st)
{
	char modes[11];
	int dev = S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode);

	printf("  File: ");
	put_quoted_name(path, st, 0);
	printf("\n  Size: %-10lld\tBlocks: %-10lld IO Block: %-6ld %s\n", (long long)st->st_size,
	       (long long)st->st_blocks, (long)st->st_blksize, type_name(st));
	printf("Device: %u,%u\tInode: %-11lu Links: %-5lu", major(st->st_dev), minor(st->st_dev),
	       (unsigned long)st->st_ino, (unsigned long)st->st_nlink);
	if (dev)
		printf(" Device type: %u,%u", major(st->st_rdev), minor(st->st_rdev));
	cu_mode_string(st->st_mode, modes);
	printf("\nAccess: (%04o/%s)  Uid: (%5u/%8s)   ", (unsigned)(st->st_mode & 07777), modes,
	       (unsigned)st->st_uid, cu_user_name(st->st_uid));
	printf("Gid: (%5u/%8s)\nAccess: ", (unsigned)st->st_gid, cu_group_name(st->st_gid));
	put_time(&st->st_atim);
	printf("\nModify: ");
	put_time(&st->st_mtim);
	printf("\nChange: ");
	put_time(&st->st_ctim);
	printf("\n Birth: ");
	struct timespec b;

	if (birth_time(path, follow_links, &b))
		put_time(&b);
	else
		putchar('-');
	putchar('\n');
}

int main(int argc, char **argv)
{
	int opt, follow = 0, terse = 0, status = 0;
	const char *fmt = NULL;

	cu_init(argc, argv,
		"[-L] [-c FORMAT | --printf=FORMAT] FILE...\nPrint file status.\n"
		"  -L         follow symbolic links\n  -c FORMAT  as FORMAT says (%n %s %a %A %F %u "
		"%U %g %G %h %i %x %y %z %X %Y %Z ...), and a newline\n  -t         terse\n");
	while ((opt = getopt(argc, argv, "Lc:t")) != -1) {
		switch (opt) {
		case 'L':
			follow = follow_links = 1;
			break;
		case 'c':
			fmt = optarg;
			break;
		case 't':
			terse = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if (terse && !fmt)
		fmt = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o";
	if (optind >= argc) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	for (int i = optind; i < argc; i++) {
		struct stat st;

		if (follow ? stat(argv[i], &st) : lstat(argv[i], &st)) {
			cu_warn_errno(argv[i]);
			status = 1;
			continue;
		}
		if (fmt) {
			format(fmt, argv[i], &st);
			putchar('\n');
		} else {
			default_format(argv[i], &st);
		}
	}
	return fflush(stdout) ? 1 : status;
}
