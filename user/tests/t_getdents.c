/*
 * getdents64 read a record at a time while the directory changes, and lseek to a record's
 * d_off: what a reader with a small buffer (or telldir/seekdir) relies on. Runs on Linux
 * too: the same answers there.
 */
#include "tap.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FILES 40

struct rec {
	unsigned long long ino;
	long long off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

static int seen[FILES];
static int others;

/* One getdents64 with room for one record of a 3-letter name (24 bytes) but not two. */
static int read_one(int fd, char *name, long long *off)
{
	static char buf[40] __attribute__((aligned(8)));
	long n = syscall(SYS_getdents64, fd, buf, sizeof(buf));
	struct rec *r = (struct rec *)buf;

	if (n <= 0)
		return (int)n;
	if (r->reclen != n)
		return -100; /* more than one record, or a short one */
	strcpy(name, r->name);
	*off = r->off;
	if (name[0] == 'f')
		seen[atoi(name + 1)]++;
	else
		others++;
	return 1;
}

static void forget(void)
{
	memset(seen, 0, sizeof(seen));
	others = 0;
}

static int all_once(int step, int first)
{
	for (int i = first; i < FILES; i += step)
		if (seen[i] != 1)
			return 0;
	return 1;
}

int main(void)
{
	char dir[64], path[96], name[64], tenth[64];
	long long off, off9 = 0;
	int fd, n, rc, good;

	tap_plan(7);
	snprintf(dir, sizeof(dir), "t_getdents.%d", (int)getpid());
	mkdir(dir, 0755);
	for (int i = 0; i < FILES; i++) {
		snprintf(path, sizeof(path), "%s/f%02d", dir, i);
		close(open(path, O_WRONLY | O_CREAT, 0644));
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY);

	for (n = 0; (rc = read_one(fd, name, &off)) == 1; n++)
		if (n == 8)
			off9 = off;
		else if (n == 9)
			strcpy(tenth, name);
	ok(rc == 0 && n == FILES + 2 && others == 2 && all_once(1, 0),
	   "a record at a time: every entry once (%d read, last %d)", n, rc);
	ok(read_one(fd, name, &off) == 0, "at the end it stays at the end");

	ok(lseek(fd, off9, SEEK_SET) == off9 && read_one(fd, name, &off) == 1 &&
		   !strcmp(name, tenth),
	   "lseek to the ninth record's d_off: the tenth comes next");

	forget();
	ok(lseek(fd, 0, SEEK_SET) == 0, "rewind");
	for (n = 0; n < 12 && read_one(fd, name, &off) == 1; n++)
		;
	for (int i = 0; i < FILES; i += 2) { /* half of them go, before and after the reader */
		snprintf(path, sizeof(path), "%s/f%02d", dir, i);
		unlink(path);
	}
	while (read_one(fd, name, &off) == 1)
		;
	good = all_once(2, 1);
	for (int i = 0; i < FILES; i += 2)
		good &= seen[i] <= 1;
	ok(good, "entries removed while reading: each kept one still comes once");

	forget();
	lseek(fd, 0, SEEK_SET);
	for (n = 0; read_one(fd, name, &off) == 1; n++)
		;
	ok(n == FILES / 2 + 2 && all_once(2, 1), "after a rewind: the ones left, once each");

	{
		char big[32];
		long r;

		lseek(fd, 0, SEEK_SET);
		r = syscall(SYS_getdents64, fd, big, 8);

		ok(r == -1, "a buffer too small for any record: an error");
	}
	close(fd);
	for (int i = 1; i < FILES; i += 2) {
		snprintf(path, sizeof(path), "%s/f%02d", dir, i);
		unlink(path);
	}
	rmdir(dir);
	return tap_done();
}
