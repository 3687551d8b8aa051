// SPDX-License-Identifier: GPL-2.0
/*
 * procfs: files whose contents are made when they are opened, in the formats Linux uses
 * (tools parse them), and a directory per task. Nothing is cached: every walk looks entries
 * up again (they are never hashed in the dcache), so a task that exits simply disappears.
 *
 * Layers: the generated-file machinery (proc_buf, open/read), the entry tables, the
 * directories (root and per task), the file system type.
 */
#include <kernel/fs.h>
#include <kernel/proc_fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define PROC_SUPER_MAGIC 0x9fa0
#define PROC_ROOT_INO 1
#define PROC_BUF_START 4096
#define PROC_BUF_MAX (1 << 20)

/* ---- generated contents -------------------------------------------------------------- */

int proc_printf(struct proc_buf *b, const char *fmt, ...)
{
	char *bigger;
	va_list ap;
	int n;

	for (;;) {
		size_t room = b->size - b->len;

		va_start(ap, fmt);
		n = vsnprintf(b->data + b->len, room, fmt, ap);
		va_end(ap);
		if ((size_t)n < room) {
			b->len += n;
			return 0;
		}
		if (b->size * 2 > PROC_BUF_MAX) {
			b->overflow = true;
			return -ENOSPC;
		}
		bigger = kmalloc(b->size * 2, GFP_KERNEL);
		if (!bigger) {
			b->overflow = true;
			return -ENOMEM;
		}
		memcpy(bigger, b->data, b->len);
		kfree(b->data);
		b->data = bigger;
		b->size *= 2;
	}
}

struct proc_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct proc_buf *b, struct task_struct *task);
};

/* What an inode of procfs stands for: an entry, and for per-task files the task's pid. */
struct proc_inode_info {
	const struct proc_entry *entry;
	int pid;
	char self_link[16]; /* /proc/self's target */
};

static struct proc_inode_info *PI(struct inode *inode)
{
	return inode->i_private;
}

static int proc_file_open(struct inode *inode, struct file *file)
{
	struct proc_inode_info *pi = PI(inode);
	struct task_struct *task = NULL;
	struct proc_buf *b;
	int err;

	if (pi->pid) {
		task = find_get_task_by_pid(pi->pid);
		if (!task)
			return -ESRCH;
	}
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (b)
		b->data = kmalloc(PROC_BUF_START, GFP_KERNEL);
	if (!b || !b->data) {
		kfree(b);
		err = -ENOMEM;
		goto out_put;
	}
	b->size = PROC_BUF_START;
	err = pi->entry->show(b, task);
	if (err || b->overflow) {
		kfree(b->data);
		kfree(b);
		err = err ? err : -ENOMEM;
		goto out_put;
	}
	file->private_data = b;
out_put:
	if (task)
		put_task_struct(task);
	return err;
}

static ssize_t proc_file_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct proc_buf *b = file->private_data;
	size_t n;

	if (*pos < 0)
		return -EINVAL;
	if ((size_t)*pos >= b->len)
		return 0;
	n = copy_to_iter(b->data + *pos, b->len - *pos, to);
	*pos += n;
	return n ? (ssize_t)n : -EFAULT;
}

static int proc_file_release(struct inode *inode, struct file *file)
{
	struct proc_buf *b = file->private_data;

	kfree(b->data);
	kfree(b);
	return 0;
}

static const struct file_operations proc_file_fops = {
	.open = proc_file_open,
	.read = proc_file_read,
	.llseek = generic_file_llseek,
	.release = proc_file_release,
};

/* ---- the entries --------------------------------------------------------------------- */

static const struct proc_entry root_entries[] = {
	{ "meminfo", S_IFREG | 0444, proc_meminfo_show },
	{ "uptime", S_IFREG | 0444, proc_uptime_show },
	{ "mounts", S_IFREG | 0444, proc_mounts_show },
	{ "interrupts", S_IFREG | 0444, proc_interrupts_show },
	{ "cpuinfo", S_IFREG | 0444, proc_cpuinfo_show },
	{ "version", S_IFREG | 0444, proc_version_show },
	{ "slabinfo", S_IFREG | 0444, proc_slabinfo_show },
	{ "self", S_IFLNK | 0777, NULL },
};

static const struct proc_entry pid_entries[] = {
	{ "stat", S_IFREG | 0444, proc_pid_stat_show },
	{ "status", S_IFREG | 0444, proc_pid_status_show },
	{ "cmdline", S_IFREG | 0444, proc_pid_cmdline_show },
	{ "maps", S_IFREG | 0444, proc_pid_maps_show },
	{ "fd", S_IFDIR | 0500, NULL },
};

/* ---- inodes -------------------------------------------------------------------------- */

static const struct inode_operations proc_root_iops, proc_pid_iops, proc_fd_iops, proc_self_iops;
static const struct file_operations proc_root_fops, proc_pid_fops, proc_fd_fops;

static struct inode *proc_make_inode(struct super_block *sb, const struct proc_entry *entry,
				     umode_t mode, int pid, unsigned long ino)
{
	struct inode *inode = new_inode(sb);
	struct proc_inode_info *pi = kzalloc(sizeof(*pi), GFP_KERNEL);

	if (!inode || !pi) {
		kfree(pi);
		if (inode) {
			clear_nlink(inode);
			iput(inode);
		}
		return NULL;
	}
	pi->entry = entry;
	pi->pid = pid;
	inode->i_private = pi;
	inode->i_mode = mode;
	inode->i_ino = ino;
	if (S_ISDIR(mode))
		set_nlink(inode, 2);
	if (S_ISREG(mode))
		inode->i_fop = &proc_file_fops;
	return inode;
}

/* Attaches a fresh inode to dentry without hashing it: the next walk asks again. */
static struct dentry *proc_instantiate(struct dentry *dentry, struct inode *inode)
{
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_instantiate(dentry, inode);
	return NULL;
}

static int parse_pid(const struct qstr *name)
{
	int pid = 0;

	if (!name->len || name->len > 9 || name->name[0] == '0')
		return -1;
	for (u32 i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return -1;
		pid = pid * 10 + (name->name[i] - '0');
	}
	return pid;
}

static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	struct task_struct *task;
	struct inode *inode;
	int pid;

	for (unsigned int i = 0; i < ARRAY_SIZE(root_entries); i++) {
		const struct proc_entry *e = &root_entries[i];

		if (strlen(e->name) != dentry->d_name.len ||
		    memcmp(e->name, dentry->d_name.name, dentry->d_name.len))
			continue;
		inode = proc_make_inode(dir->i_sb, e, e->mode, 0, 100 + i);
		if (inode && S_ISLNK(e->mode))
			inode->i_op = &proc_self_iops;
		return proc_instantiate(dentry, inode);
	}
	pid = parse_pid(&dentry->d_name);
	task = pid > 0 ? find_get_task_by_pid(pid) : NULL;
	if (!task)
		return NULL; /* negative, and unhashed: asked again next time */
	put_task_struct(task);
	inode = proc_make_inode(dir->i_sb, NULL, S_IFDIR | 0555, pid, 0x10000ul + pid);
	if (inode) {
		inode->i_op = &proc_pid_iops;
		inode->i_fop = &proc_pid_fops;
	}
	return proc_instantiate(dentry, inode);
}

static struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	int pid = PI(dir)->pid;

	for (unsigned int i = 0; i < ARRAY_SIZE(pid_entries); i++) {
		const struct proc_entry *e = &pid_entries[i];
		struct inode *inode;

		if (strlen(e->name) != dentry->d_name.len ||
		    memcmp(e->name, dentry->d_name.name, dentry->d_name.len))
			continue;
		inode = proc_make_inode(dir->i_sb, e, e->mode, pid, (pid << 8) + i + 0x20000ul);
		if (inode && S_ISDIR(e->mode)) {
			inode->i_op = &proc_fd_iops;
			inode->i_fop = &proc_fd_fops;
		}
		return proc_instantiate(dentry, inode);
	}
	return NULL;
}

/* No task has file descriptors until processes exist: the directory is empty. */
static struct dentry *proc_fd_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	return NULL;
}

static const char *proc_self_get_link(struct dentry *dentry, struct inode *inode)
{
	struct proc_inode_info *pi = PI(inode);

	/* The link text lives in the inode's info; a fresh inode is made for every walk. */
	snprintf(pi->self_link, sizeof(pi->self_link), "%d", current->pid);
	return pi->self_link;
}

static bool emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *d = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, d->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 1, d->d_parent->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	char name[16];
	int pid;

	if (!emit_dots(file, ctx))
		return 0;
	while (ctx->pos - 2 < (loff_t)ARRAY_SIZE(root_entries)) {
		const struct proc_entry *e = &root_entries[ctx->pos - 2];

		if (!ctx->actor(ctx, e->name, strlen(e->name), ctx->pos, 100 + ctx->pos - 2,
				S_ISLNK(e->mode) ? DT_LNK : DT_REG))
			return 0;
		ctx->pos++;
	}
	/* Past the fixed entries, the position encodes the next pid to list. */
	for (pid = next_task_pid((int)(ctx->pos - 2 - ARRAY_SIZE(root_entries))); pid > 0;
	     pid = next_task_pid(pid)) {
		int n = snprintf(name, sizeof(name), "%d", pid);

		if (!ctx->actor(ctx, name, n, ctx->pos, 0x10000ul + pid, DT_DIR))
			return 0;
		ctx->pos = 2 + ARRAY_SIZE(root_entries) + pid;
	}
	return 0;
}

static int proc_pid_readdir(struct file *file, struct dir_context *ctx)
{
	if (!emit_dots(file, ctx))
		return 0;
	while (ctx->pos - 2 < (loff_t)ARRAY_SIZE(pid_entries)) {
		const struct proc_entry *e = &pid_entries[ctx->pos - 2];

		if (!ctx->actor(ctx, e->name, strlen(e->name), ctx->pos, ctx->pos,
				S_ISDIR(e->mode) ? DT_DIR : DT_REG))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static int proc_fd_readdir(struct file *file, struct dir_context *ctx)
{
	emit_dots(file, ctx);
	return 0;
}

static loff_t proc_dir_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence != SEEK_SET || offset < 0)
		return -EINVAL;
	return file->f_pos = offset;
}

static const struct inode_operations proc_root_iops = { .lookup = proc_root_lookup };
static const struct inode_operations proc_pid_iops = { .lookup = proc_pid_lookup };
static const struct inode_operations proc_fd_iops = { .lookup = proc_fd_lookup };
static const struct inode_operations proc_self_iops = { .get_link = proc_self_get_link };
static const struct file_operations proc_root_fops = {
	.iterate_shared = proc_root_readdir,
	.llseek = proc_dir_llseek,
};
static const struct file_operations proc_pid_fops = {
	.iterate_shared = proc_pid_readdir,
	.llseek = proc_dir_llseek,
};
static const struct file_operations proc_fd_fops = {
	.iterate_shared = proc_fd_readdir,
	.llseek = proc_dir_llseek,
};

/* ---- the file system ---------------------------------------------------------------- */

static void proc_destroy_inode(struct inode *inode)
{
	kfree(inode->i_private);
	kfree(inode);
}

static const struct super_operations proc_sops = {
	.destroy_inode = proc_destroy_inode,
};

static struct dentry *proc_mount(struct file_system_type *type, int flags, const char *dev,
				 void *data)
{
	struct super_block *sb = sget_nodev(type, flags);
	struct inode *root;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_op = &proc_sops;
	root = proc_make_inode(sb, NULL, S_IFDIR | 0555, 0, PROC_ROOT_INO);
	if (root) {
		root->i_op = &proc_root_iops;
		root->i_fop = &proc_root_fops;
	}
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		kill_anon_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return dget(sb->s_root);
}

static void proc_kill_sb(struct super_block *sb)
{
	dput(sb->s_root);
	shrink_dcache_all();
	kill_anon_super(sb);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = proc_kill_sb,
};

void proc_root_init(void)
{
	register_filesystem(&proc_fs_type);
}
