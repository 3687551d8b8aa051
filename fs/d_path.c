// SPDX-License-Identifier: GPL-2.0
/*
 * d_path: a path's name as seen from the caller's root, built from the end of buf towards
 * its start by walking d_parent and crossing mount points, as getcwd does. A file that was
 * removed gets " (deleted)" after its old name, as on Linux.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/fs_struct.h>
#include <kernel/sched.h>
#include <kernel/string.h>

static int prepend(char **pos, char *buf, const char *s, int len)
{
	if (*pos - buf < len)
		return -ENAMETOOLONG;
	*pos -= len;
	memcpy(*pos, s, len);
	return 0;
}

char *d_path(const struct path *path, char *buf, int buflen)
{
	char *pos = buf + buflen, name[NAME_MAX + 1];
	struct path root, p;
	int err = 0;

	if (buflen < 2)
		return ERR_PTR(-ENAMETOOLONG);
	if (current->fs) {
		get_fs_root(current->fs, &root);
	} else {
		root.mnt = NULL; /* no root: up to the top of the tree */
		root.dentry = NULL;
	}
	*--pos = '\0';
	if ((path->dentry->d_flags & DCACHE_UNHASHED) && path->dentry != path->mnt->mnt_root)
		err = prepend(&pos, buf, " (deleted)", 10);
	p = *path;
	path_get(&p);
	while (!err && !(p.dentry == root.dentry && p.mnt == root.mnt)) {
		struct dentry *parent;
		int len;

		if (p.dentry == p.mnt->mnt_root) {
			if (!vfs_mount_up(&p))
				break;
			continue;
		}
		len = d_name_copy(p.dentry, name, sizeof(name));
		if (len < 0) {
			err = len;
			break;
		}
		err = prepend(&pos, buf, name, len);
		if (!err)
			err = prepend(&pos, buf, "/", 1);
		parent = dget_parent(p.dentry);
		dput(p.dentry);
		p.dentry = parent;
	}
	if (!err && (*pos == '\0' || *pos == ' '))
		err = prepend(&pos, buf, "/", 1); /* the root itself */
	path_put(&p);
	if (root.mnt)
		path_put(&root);
	return err ? ERR_PTR(err) : pos;
}
