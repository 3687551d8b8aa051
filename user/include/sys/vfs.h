#ifndef _SYS_VFS_H
#define _SYS_VFS_H
#include <bits/types.h>
/* Linux x86-64's struct statfs. */
struct statfs {
	long f_type, f_bsize;
	unsigned long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	struct {
		int val[2];
	} f_fsid;
	long f_namelen, f_frsize, f_flags, f_spare[4];
};
int statfs(const char *path, struct statfs *buf);
int fstatfs(int fd, struct statfs *buf);
#endif
