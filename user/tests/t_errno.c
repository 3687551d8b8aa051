/* System calls fail with Linux's errno values. */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	char buf[16];
	struct stat st;
	tap_plan(17);
	errno = 0;
	ok(open("/nonexistent/file", O_RDONLY) == -1 && errno == ENOENT,
	   "open of a missing file: ENOENT");
	errno = 0;
	ok(read(-1, buf, 1) == -1 && errno == EBADF, "read of fd -1: EBADF");
	errno = 0;
	ok(read(9999, buf, 1) == -1 && errno == EBADF, "read of a closed fd: EBADF");
	int fd = open("errno_file", O_CREAT | O_RDWR | O_TRUNC, 0644);
	write(fd, "abc", 3);
	lseek(fd, 0, SEEK_SET);
	errno = 0;
	ok(read(fd, NULL, 3) == -1 && errno == EFAULT, "read into a NULL buffer: EFAULT");
	errno = 0;
	ok(write(fd, (void *)1, 3) == -1 && errno == EFAULT, "write from a bad pointer: EFAULT");
	errno = 0;
	ok(read(fd, (void *)0xffff800000000000UL, 3) == -1 && errno == EFAULT,
	   "read into a kernel-half address: EFAULT");
	errno = 0;
	ok(write(fd, (void *)0x800000000000UL, 3) == -1 && errno == EFAULT,
	   "write from a non-canonical address: EFAULT");
	errno = 0;
	ok(open((const char *)0xffff888000000000UL, O_RDONLY) == -1 && errno == EFAULT,
	   "open of a path in the kernel half: EFAULT");
	errno = 0;
	ok(stat(NULL, &st) == -1 && errno == EFAULT, "stat(NULL): EFAULT");
	errno = 0;
	ok(open("errno_file", O_CREAT | O_EXCL | O_RDWR, 0644) == -1 && errno == EEXIST,
	   "O_EXCL on an existing file: EEXIST");
	errno = 0;
	ok(lseek(fd, -10, SEEK_SET) == -1 && errno == EINVAL, "lseek before the start: EINVAL");
	int p[2];
	pipe(p);
	errno = 0;
	ok(lseek(p[0], 0, SEEK_SET) == -1 && errno == ESPIPE, "lseek on a pipe: ESPIPE");
	errno = 0;
	ok(rmdir("errno_file") == -1 && errno == ENOTDIR, "rmdir of a file: ENOTDIR");
	errno = 0;
	ok(mkdir("/nonexistent/dir", 0755) == -1 && errno == ENOENT,
	   "mkdir under a missing dir: ENOENT");
	errno = 0;
	ok(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED && errno == EBADF,
	   "mmap of fd -1 without MAP_ANONYMOUS: EBADF");
	errno = 0;
	ok(close(9999) == -1 && errno == EBADF, "close of a closed fd: EBADF");
	errno = 0;
	ok(getpid() > 0 && errno == 0, "a call that succeeds leaves errno alone");
	close(fd);
	unlink("errno_file");
	return tap_done();
}
