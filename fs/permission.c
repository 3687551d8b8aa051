// SPDX-License-Identifier: GPL-2.0
/*
 * Who may do what to a file: the mode bits against the caller's credentials (owner, group,
 * other; root bypasses read and write, and execute where anyone may), the write checks for
 * directory entries (read-only mounts, the sticky bit), and the current task's umask.
 */
#include <kernel/fs.h>
#include <kernel/sched.h>

#include "internal.h"

umode_t current_umask(void)
{
	return current->fs ? current->fs->umask : 022;
}

static int generic_permission(struct inode *inode, int mask)
{
	const struct cred *cred = current_cred();
	umode_t mode = inode->i_mode;

	/* Root may read and write anything, and execute what anyone may (or search any dir). */
	if (cred->fsuid == 0) {
		if (!(mask & MAY_EXEC) || S_ISDIR(mode) || (mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
			return 0;
		return -EACCES;
	}
	if (cred->fsuid == inode->i_uid)
		mode >>= 6;
	else if (cred->fsgid == inode->i_gid || in_group_p(inode->i_gid))
		mode >>= 3;
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	return (mask & ~mode & 7) ? -EACCES : 0;
}

int inode_permission(struct inode *inode, int mask)
{
	if (inode->i_op && inode->i_op->permission)
		return inode->i_op->permission(inode, mask);
	return generic_permission(inode, mask);
}

/* Writing to a directory entry also needs the file system and mount to allow writes. */
int may_write_dir(const struct path *dir)
{
	if (mnt_is_readonly(dir->mnt))
		return -EROFS;
	return inode_permission(dir->dentry->d_inode, MAY_WRITE | MAY_EXEC);
}

/* Sticky directories: only the owner of the file or the directory (or root) may remove. */
int check_sticky(struct inode *dir, struct inode *inode)
{
	const struct cred *cred = current_cred();

	if (!(dir->i_mode & S_ISVTX) || cred->fsuid == 0)
		return 0;
	if (inode->i_uid == cred->fsuid || dir->i_uid == cred->fsuid)
		return 0;
	return -EPERM;
}
