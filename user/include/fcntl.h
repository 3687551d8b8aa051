#ifndef _FCNTL_H
#define _FCNTL_H
#include <bits/types.h>
#include <uapi/fcntl.h>
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#define O_TMPFILE (__O_TMPFILE | O_DIRECTORY)
struct flock {
	short l_type;
	short l_whence;
	off_t l_start;
	off_t l_len;
	pid_t l_pid;
};
int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
#define AT_EACCESS 0x200
#define FALLOC_FL_KEEP_SIZE 0x01
#define FALLOC_FL_PUNCH_HOLE 0x02
int fallocate(int fd, int mode, off_t offset, off_t len);
int posix_fallocate(int fd, off_t offset, off_t len);
/* openat2's argument (Linux's struct open_how) and its RESOLVE_* flags; our libc's
 * openat2 wrapper is its own extension (glibc and musl have none). */
struct open_how {
	unsigned long long flags, mode, resolve;
};
#define RESOLVE_NO_XDEV 0x01
#define RESOLVE_NO_MAGICLINKS 0x02
#define RESOLVE_NO_SYMLINKS 0x04
#define RESOLVE_BENEATH 0x08
#define RESOLVE_IN_ROOT 0x10
#define RESOLVE_CACHED 0x20
int openat2(int dirfd, const char *path, struct open_how *how, size_t size);
int fcntl(int fd, int cmd, ...);
#endif
