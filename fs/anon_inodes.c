// SPDX-License-Identifier: GPL-2.0
/*
 * Files with no name in any file system: eventfd, timerfd (and later signalfd, epoll). Each
 * gets an inode of its own on a private super block, mode 0600 with no file type, as Linux's
 * anonymous inode, and a dentry named "anon_inode:[NAME]": what /proc/PID/fd shows for it.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/panic.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#include "internal.h"

#define ANON_INODE_FS_MAGIC 0x09041934

static struct file_system_type anon_inode_fs_type = { .name = "anon_inodefs" };
static struct super_block *anon_sb;

void anon_inode_init(void)
{
	anon_sb = sget_nodev(&anon_inode_fs_type, 0);
	if (!anon_sb)
		panic("anon_inodes: no super block");
	anon_sb->s_magic = ANON_INODE_FS_MAGIC;
}

/*
 * A new file named anon_inode:name over fops, with priv as its private_data; flags give the
 * access mode and O_NONBLOCK. The caller installs it (fd_install_from) or fputs it.
 */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops, void *priv,
				int flags)
{
	char buf[DNAME_INLINE_LEN];
	struct qstr q = { .name = buf };
	struct inode *inode;
	struct path path;
	struct file *file;

	q.len = snprintf(buf, sizeof(buf), "anon_inode:%s", name);
	if (q.len >= sizeof(buf))
		return ERR_PTR(-ENAMETOOLONG);
	inode = new_inode(anon_sb);
	if (!inode)
		return ERR_PTR(-ENFILE);
	inode->i_mode = S_IRUSR | S_IWUSR;
	inode->i_nlink = 0; /* no name: freed with its last file */
	inode->i_fop = fops;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	path.dentry = d_alloc(NULL, &q);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	path.dentry->d_sb = anon_sb;
	d_instantiate(path.dentry, inode); /* takes our inode reference */
	path.mnt = NULL;
	file = dentry_open(&path, (flags & (O_ACCMODE | O_NONBLOCK)));
	dput(path.dentry);
	if (!IS_ERR(file))
		file->private_data = priv;
	return file;
}
