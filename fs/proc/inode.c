// SPDX-License-Identifier: GPL-2.0
/*
 * procfs: files whose contents are made when they are opened, in the formats Linux uses
 * (tools parse them), and a directory per process and per thread. Nothing is cached: every
 * walk looks entries up again (they are never hashed in the dcache), so a task that exits
 * simply disappears, and opening its files then fails with ESRCH as on Linux.
 *
 * Layers: the generated-file machinery (proc_buf, open/read/write), the entry tables, the
 * directories (root, /proc/PID, its task/, fd/ and fdinfo/), the file system type.
 *
 * Per-task inodes belong to the task's effective uid and gid, as on Linux, so the ordinary
 * permission check keeps environ (0400) and fd/ (0500) to the owner and root: EACCES.
 */
#include <kernel/coredump.h>
#include <kernel/cred.h>
#include <kernel/fs.h>
#include <kernel/pci.h>
#include <kernel/proc_fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define PROC_SUPER_MAGIC 0x9fa0
#define PROC_ROOT_INO 1
#define PROC_BUF_START 4096
#define PROC_BUF_MAX (1 << 20)
#define PROC_WRITE_MAX 128 /* core_pattern's 127 bytes and a newline */

/* ---- generated contents -------------------------------------------------------------- */

static int proc_grow(struct proc_buf *b)
{
	char *bigger;

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
	return 0;
}

int proc_printf(struct proc_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n, err;

	for (;;) {
		size_t room = b->size - b->len;

		va_start(ap, fmt);
		n = vsnprintf(b->data + b->len, room, fmt, ap);
		va_end(ap);
		if ((size_t)n < room) {
			b->len += n;
			return 0;
		}
		err = proc_grow(b);
		if (err)
			return err;
	}
}

int proc_write_bytes(struct proc_buf *b, const void *data, size_t len)
{
	while (b->size - b->len < len) {
		int err = proc_grow(b);

		if (err)
			return err;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	return 0;
}

/* What a directory lists, and what its inodes are made of. */
enum proc_kind {
	PROC_ROOT,
	PROC_TGID_DIR, /* /proc/PID */
	PROC_TID_DIR, /* /proc/PID/task/TID */
	PROC_TASK_DIR, /* /proc/PID/task */
	PROC_FD_DIR,
	PROC_FDINFO_DIR,
	PROC_SYS_DIR, /* /proc/sys */
	PROC_SYS_VM_DIR, /* /proc/sys/vm */
	PROC_SYS_KERNEL_DIR, /* /proc/sys/kernel */
	PROC_BUS_DIR, /* /proc/bus */
	PROC_BUS_PCI_DIR, /* /proc/bus/pci: devices, and a directory per bus */
	PROC_PCI_BUS_DIR, /* /proc/bus/pci/BB: a file per function (fd: the bus number) */
	PROC_FILE,
	PROC_LINK,
};

struct proc_entry {
	const char *name;
	umode_t mode;
	enum proc_kind kind; /* PROC_FILE, PROC_LINK, or the directory it is */
	int (*show)(struct proc_buf *b, struct task_struct *task);
	long (*write)(struct task_struct *task, const char *buf, size_t len);
	int (*link)(struct task_struct *task, int fd, char *buf);
};

/* What an inode of procfs stands for: an entry, the task it is about, a descriptor. */
struct proc_inode_info {
	const struct proc_entry *entry;
	enum proc_kind kind;
	int pid; /* 0: not about a task */
	int fd; /* fd/N, fdinfo/N: N */
	char *link; /* a symlink's target, made at get_link, freed with the inode */
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
	b->fd = pi->fd;
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
	if ((size_t)*pos >= b->len || !to->count)
		return 0;
	n = copy_to_iter(b->data + *pos, b->len - *pos, to);
	*pos += n;
	return n ? (ssize_t)n : -EFAULT;
}

/* A write is one command ("1", a new name): taken whole, from the start. */
static ssize_t proc_file_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct proc_inode_info *pi = PI(file->f_inode);
	char buf[PROC_WRITE_MAX];
	size_t len = from->count < sizeof(buf) ? from->count : sizeof(buf);
	struct task_struct *task;
	long ret;

	if (!pi->entry->write)
		return -EINVAL;
	if (copy_from_iter(buf, len, from) != len)
		return -EFAULT;
	if (!pi->pid) /* a system-wide file (/proc/sys): about no task */
		return pi->entry->write(NULL, buf, len);
	task = find_get_task_by_pid(pi->pid);
	if (!task)
		return -ESRCH;
	ret = pi->entry->write(task, buf, len);
	put_task_struct(task);
	return ret;
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
	.write = proc_file_write,
	.llseek = generic_file_llseek,
	.release = proc_file_release,
};

/* ---- the entries --------------------------------------------------------------------- */

#define REG(n, m, s)                                                           \
	{                                                                      \
		.name = n, .mode = S_IFREG | (m), .kind = PROC_FILE, .show = s \
	}
#define RW(n, m, s, w)                                                                     \
	{                                                                                  \
		.name = n, .mode = S_IFREG | (m), .kind = PROC_FILE, .show = s, .write = w \
	}
#define LNK(n, fn)                                                               \
	{                                                                        \
		.name = n, .mode = S_IFLNK | 0777, .kind = PROC_LINK, .link = fn \
	}
#define DIR(n, m, k)                                        \
	{                                                   \
		.name = n, .mode = S_IFDIR | (m), .kind = k \
	}

static int proc_self_link(struct task_struct *task, int fd, char *buf);
static int proc_thread_self_link(struct task_struct *task, int fd, char *buf);

/* One entry a line, which clang-format would pack (the macros hide the braces). */
/* clang-format off */
static const struct proc_entry root_entries[] = {
	REG("meminfo", 0444, proc_meminfo_show),
	REG("uptime", 0444, proc_uptime_show),
	REG("mounts", 0444, proc_mounts_show),
	REG("interrupts", 0444, proc_interrupts_show),
	REG("cpuinfo", 0444, proc_cpuinfo_show),
	REG("version", 0444, proc_version_show),
	REG("loadavg", 0444, proc_loadavg_show),
	REG("stat", 0444, proc_stat_show),
	REG("slabinfo", 0444, proc_slabinfo_show),
	LNK("self", proc_self_link),
	LNK("thread-self", proc_thread_self_link),
	DIR("sys", 0555, PROC_SYS_DIR),
	DIR("bus", 0555, PROC_BUS_DIR),
};
/* clang-format on */

static const struct proc_entry tgid_entries[] = {
	DIR("task", 0555, PROC_TASK_DIR),
	DIR("fd", 0500, PROC_FD_DIR),
	DIR("fdinfo", 0500, PROC_FDINFO_DIR),
	REG("environ", 0400, proc_pid_environ_show),
	REG("status", 0444, proc_pid_status_show),
	REG("cmdline", 0444, proc_pid_cmdline_show),
	REG("stat", 0444, proc_tgid_stat_show),
	REG("statm", 0444, proc_pid_statm_show),
	REG("maps", 0444, proc_pid_maps_show),
	REG("mounts", 0444, proc_mounts_show),
	REG("mountinfo", 0444, proc_mountinfo_show),
	RW("comm", 0644, proc_pid_comm_show, proc_pid_comm_write),
	RW("strace", 0644, proc_pid_strace_show, proc_pid_strace_write),
	LNK("cwd", proc_cwd_link),
	LNK("root", proc_root_link),
	LNK("exe", proc_exe_link),
};

/* A thread's directory: the process's entries but task/, and its own stat. */
static const struct proc_entry tid_entries[] = {
	DIR("fd", 0500, PROC_FD_DIR),
	DIR("fdinfo", 0500, PROC_FDINFO_DIR),
	REG("environ", 0400, proc_pid_environ_show),
	REG("status", 0444, proc_pid_status_show),
	REG("cmdline", 0444, proc_pid_cmdline_show),
	REG("stat", 0444, proc_tid_stat_show),
	REG("statm", 0444, proc_pid_statm_show),
	REG("maps", 0444, proc_pid_maps_show),
	REG("mounts", 0444, proc_mounts_show),
	REG("mountinfo", 0444, proc_mountinfo_show),
	RW("comm", 0644, proc_pid_comm_show, proc_pid_comm_write),
	RW("strace", 0644, proc_pid_strace_show, proc_pid_strace_write),
	LNK("cwd", proc_cwd_link),
	LNK("root", proc_root_link),
	LNK("exe", proc_exe_link),
};

static const struct proc_entry fd_link_entry = { .mode = S_IFLNK | 0500,
						 .kind = PROC_LINK,
						 .link = proc_fd_link };
static const struct proc_entry fdinfo_entry = { .mode = S_IFREG | 0400,
						.kind = PROC_FILE,
						.show = proc_pid_fdinfo_show };

static int proc_self_link(struct task_struct *task, int fd, char *buf)
{
	snprintf(buf, PATH_MAX, "%d", current->tgid);
	return 0;
}

static int proc_thread_self_link(struct task_struct *task, int fd, char *buf)
{
	snprintf(buf, PATH_MAX, "%d/task/%d", current->tgid, current->pid);
	return 0;
}

/* /proc/sys: the few knobs Linux programs and our tests use (fs/proc/sysctl.c). */
static const struct proc_entry sys_entries[] = {
	DIR("vm", 0555, PROC_SYS_VM_DIR),
	DIR("kernel", 0555, PROC_SYS_KERNEL_DIR),
};

static const struct proc_entry sys_kernel_entries[] = {
	RW("core_pattern", 0644, proc_core_pattern_show, proc_core_pattern_write),
	RW("core_uses_pid", 0644, proc_core_uses_pid_show, proc_core_uses_pid_write),
};

static const struct proc_entry sys_vm_entries[] = {
	RW("drop_caches", 0644, proc_drop_caches_show, proc_drop_caches_write),
};

/* /proc/bus/pci (drivers/pci/proc.c); BB/DD.F files carry bus << 8 | devfn in fd. */
static const struct proc_entry bus_entries[] = {
	DIR("pci", 0555, PROC_BUS_PCI_DIR),
};

static const struct proc_entry bus_pci_entries[] = {
	REG("devices", 0444, proc_pci_devices_show),
};

static const struct proc_entry pci_config_entry = { .mode = S_IFREG | 0644,
						    .kind = PROC_FILE,
						    .show = proc_pci_config_show };

static const struct proc_entry *dir_entries(enum proc_kind kind, size_t *n)
{
	switch (kind) {
	case PROC_ROOT:
		*n = ARRAY_SIZE(root_entries);
		return root_entries;
	case PROC_TGID_DIR:
		*n = ARRAY_SIZE(tgid_entries);
		return tgid_entries;
	case PROC_TID_DIR:
		*n = ARRAY_SIZE(tid_entries);
		return tid_entries;
	case PROC_SYS_DIR:
		*n = ARRAY_SIZE(sys_entries);
		return sys_entries;
	case PROC_SYS_VM_DIR:
		*n = ARRAY_SIZE(sys_vm_entries);
		return sys_vm_entries;
	case PROC_SYS_KERNEL_DIR:
		*n = ARRAY_SIZE(sys_kernel_entries);
		return sys_kernel_entries;
	case PROC_BUS_DIR:
		*n = ARRAY_SIZE(bus_entries);
		return bus_entries;
	case PROC_BUS_PCI_DIR:
		*n = ARRAY_SIZE(bus_pci_entries);
		return bus_pci_entries;
	default:
		*n = 0;
		return NULL;
	}
}

/* ---- inodes -------------------------------------------------------------------------- */

static const struct inode_operations proc_dir_iops, proc_link_iops;
static const struct file_operations proc_dir_fops;

static unsigned long proc_ino(int pid, enum proc_kind kind, unsigned int index)
{
	return ((unsigned long)pid << 24) | ((unsigned long)kind << 16) | (index + 2);
}

/* A fresh inode for entry (or a directory of kind), about pid (0: none). */
static struct inode *proc_make_inode(struct super_block *sb, const struct proc_entry *entry,
				     enum proc_kind kind, umode_t mode, int pid, int fd,
				     unsigned long ino)
{
	struct inode *inode = new_inode(sb);
	struct proc_inode_info *pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	struct task_struct *task;

	if (!inode || !pi) {
		kfree(pi);
		if (inode) {
			clear_nlink(inode);
			iput(inode);
		}
		return NULL;
	}
	pi->entry = entry;
	pi->kind = kind;
	pi->pid = pid;
	pi->fd = fd;
	inode->i_private = pi;
	inode->i_mode = mode;
	inode->i_ino = ino;
	if (pid && (task = find_get_task_by_pid(pid))) {
		const struct cred *c = get_task_cred(task);

		inode->i_uid = c->euid;
		inode->i_gid = c->egid;
		put_cred(c);
		put_task_struct(task);
	}
	if (S_ISDIR(mode)) {
		set_nlink(inode, 2);
		inode->i_op = &proc_dir_iops;
		inode->i_fop = &proc_dir_fops;
	} else if (S_ISLNK(mode)) {
		inode->i_op = &proc_link_iops;
	} else {
		inode->i_fop = &proc_file_fops;
	}
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

static int parse_num(const struct qstr *name)
{
	int n = 0;

	if (!name->len || name->len > 9 || (name->name[0] == '0' && name->len > 1))
		return -1;
	for (u32 i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return -1;
		n = n * 10 + (name->name[i] - '0');
	}
	return n;
}

static bool task_alive(int pid)
{
	struct task_struct *task = find_get_task_by_pid(pid);

	if (task)
		put_task_struct(task);
	return task != NULL;
}

/* Is tid a thread of the process tgid? */
static bool thread_of(int tgid, int tid)
{
	struct task_struct *task = find_get_task_by_pid(tid);
	bool ok = task && task->tgid == tgid;

	if (task)
		put_task_struct(task);
	return ok;
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* /proc/bus/pci/BB (two hex digits) and /proc/bus/pci/BB/DD.F, for the devices there are. */
static struct dentry *proc_pci_lookup(struct inode *dir, struct dentry *dentry)
{
	struct proc_inode_info *pi = PI(dir);
	const char *name = (const char *)dentry->d_name.name;
	struct inode *inode;
	int hi, lo, fn, bus, devfn;

	if (pi->kind == PROC_BUS_PCI_DIR) {
		hi = dentry->d_name.len == 2 ? hex_digit(name[0]) : -1;
		lo = hi >= 0 ? hex_digit(name[1]) : -1;
		bus = hi * 16 + lo;
		if (lo < 0 || pci_proc_next_bus(bus - 1) != bus)
			return NULL;
		inode = proc_make_inode(dir->i_sb, NULL, PROC_PCI_BUS_DIR, S_IFDIR | 0555, 0, bus,
					proc_ino(0, PROC_BUS_PCI_DIR, bus));
		return proc_instantiate(dentry, inode);
	}
	hi = dentry->d_name.len == 4 && name[2] == '.' ? hex_digit(name[0]) : -1;
	lo = hi >= 0 ? hex_digit(name[1]) : -1;
	fn = lo >= 0 ? hex_digit(name[3]) : -1;
	if (fn < 0 || fn > 7 || hi * 16 + lo > 31)
		return NULL;
	devfn = (hi * 16 + lo) << 3 | fn;
	if (pci_proc_next_devfn(pi->fd, devfn - 1) != devfn)
		return NULL;
	inode = proc_make_inode(dir->i_sb, &pci_config_entry, PROC_FILE, pci_config_entry.mode, 0,
				pi->fd << 8 | devfn,
				proc_ino(0, PROC_PCI_BUS_DIR, pi->fd << 8 | devfn));
	if (inode)
		inode->i_size = 256;
	return proc_instantiate(dentry, inode);
}

static struct dentry *proc_dir_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	struct proc_inode_info *pi = PI(dir);
	const struct proc_entry *entries;
	struct inode *inode;
	size_t n;
	int num;

	if (pi->pid && !task_alive(pi->pid))
		return ERR_PTR(-ENOENT);
	entries = dir_entries(pi->kind, &n);
	for (size_t i = 0; i < n; i++) {
		const struct proc_entry *e = &entries[i];

		if (strlen(e->name) != dentry->d_name.len ||
		    memcmp(e->name, dentry->d_name.name, dentry->d_name.len))
			continue;
		inode = proc_make_inode(dir->i_sb, e, e->kind, e->mode, pi->pid, -1,
					proc_ino(pi->pid, pi->kind, i));
		return proc_instantiate(dentry, inode);
	}
	if (pi->kind == PROC_BUS_PCI_DIR || pi->kind == PROC_PCI_BUS_DIR)
		return proc_pci_lookup(dir, dentry);
	num = parse_num(&dentry->d_name);
	if (num < 0)
		return NULL; /* negative, and unhashed: asked again next time */
	switch (pi->kind) {
	case PROC_ROOT:
		if (!num || !task_alive(num))
			return NULL;
		inode = proc_make_inode(dir->i_sb, NULL, PROC_TGID_DIR, S_IFDIR | 0555, num, -1,
					proc_ino(num, PROC_ROOT, 0));
		break;
	case PROC_TASK_DIR:
		if (!num || !thread_of(pi->pid, num))
			return NULL;
		inode = proc_make_inode(dir->i_sb, NULL, PROC_TID_DIR, S_IFDIR | 0555, num, -1,
					proc_ino(num, PROC_TASK_DIR, 0));
		break;
	case PROC_FD_DIR:
	case PROC_FDINFO_DIR: {
		struct task_struct *task = find_get_task_by_pid(pi->pid);
		bool open = task && proc_next_fd(task, num - 1) == num;

		if (task)
			put_task_struct(task);
		if (!open)
			return NULL;
		if (pi->kind == PROC_FD_DIR)
			inode = proc_make_inode(dir->i_sb, &fd_link_entry, PROC_LINK,
						fd_link_entry.mode, pi->pid, num,
						proc_ino(pi->pid, PROC_FD_DIR, num));
		else
			inode = proc_make_inode(dir->i_sb, &fdinfo_entry, PROC_FILE,
						fdinfo_entry.mode, pi->pid, num,
						proc_ino(pi->pid, PROC_FDINFO_DIR, num));
		break;
	}
	default:
		return NULL;
	}
	return proc_instantiate(dentry, inode);
}

static const char *proc_get_link(struct dentry *dentry, struct inode *inode)
{
	struct proc_inode_info *pi = PI(inode);
	struct task_struct *task = NULL;
	int err;

	if (!pi->link) {
		pi->link = kmalloc(PATH_MAX, GFP_KERNEL);
		if (!pi->link)
			return ERR_PTR(-ENOMEM);
	}
	if (pi->pid) {
		task = find_get_task_by_pid(pi->pid);
		if (!task)
			return ERR_PTR(-ENOENT);
	}
	/* The text is made again at every walk: a descriptor or directory may have changed. */
	err = pi->entry->link(task, pi->fd, pi->link);
	if (task)
		put_task_struct(task);
	return err ? ERR_PTR(err) : pi->link;
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

static unsigned char entry_dtype(umode_t mode)
{
	return S_ISDIR(mode) ? DT_DIR : S_ISLNK(mode) ? DT_LNK : DT_REG;
}

/* The next process (thread-group leader) above pid, or -1. */
static int next_tgid(int pid)
{
	while ((pid = next_task_pid(pid)) > 0) {
		struct task_struct *task = find_get_task_by_pid(pid);
		bool leader = task && task->tgid == task->pid;

		if (task)
			put_task_struct(task);
		if (leader)
			return pid;
	}
	return -1;
}

/*
 * Past the fixed entries the position encodes the next number to list (pid, tid or fd), so
 * that a listing resumed after changes neither repeats nor skips what stayed.
 */
static int proc_dir_readdir(struct file *file, struct dir_context *ctx)
{
	struct proc_inode_info *pi = PI(file->f_inode);
	const struct proc_entry *entries;
	struct task_struct *task = NULL;
	enum proc_kind kind = pi->kind;
	char name[16];
	size_t n;
	int num;

	if (!emit_dots(file, ctx))
		return 0;
	if (pi->pid) {
		task = find_get_task_by_pid(pi->pid);
		if (!task)
			return -ENOENT;
	}
	entries = dir_entries(kind, &n);
	while (ctx->pos - 2 < (loff_t)n) {
		const struct proc_entry *e = &entries[ctx->pos - 2];

		if (!ctx->actor(ctx, e->name, strlen(e->name), ctx->pos,
				proc_ino(pi->pid, kind, ctx->pos - 2), entry_dtype(e->mode)))
			goto out;
		ctx->pos++;
	}
	for (num = (int)(ctx->pos - 2 - n);; ctx->pos = 2 + n + num + 1) {
		unsigned char type = DT_DIR;
		int len;

		/* Bus and devfn 0 exist: from the position, look at num itself first. */
		if (kind == PROC_BUS_PCI_DIR || kind == PROC_PCI_BUS_DIR) {
			bool first = num == (int)(ctx->pos - 2 - n);

			num = kind == PROC_BUS_PCI_DIR
				      ? pci_proc_next_bus(first ? num - 1 : num)
				      : pci_proc_next_devfn(pi->fd, first ? num - 1 : num);
			if (num < 0)
				break;
			if (kind == PROC_BUS_PCI_DIR)
				len = snprintf(name, sizeof(name), "%02x", num);
			else
				len = snprintf(name, sizeof(name), "%02x.%x", PCI_SLOT(num),
					       PCI_FUNC(num));
			if (!ctx->actor(
				    ctx, name, len, ctx->pos,
				    proc_ino(0, kind,
					     kind == PROC_BUS_PCI_DIR ? num : pi->fd << 8 | num),
				    kind == PROC_BUS_PCI_DIR ? DT_DIR : DT_REG))
				break;
			continue;
		}
		if (kind == PROC_ROOT)
			num = next_tgid(num);
		else if (kind == PROC_TASK_DIR)
			num = proc_next_tid(task, num);
		else if (kind == PROC_FD_DIR || kind == PROC_FDINFO_DIR)
			num = proc_next_fd(task, num);
		else
			break;
		if (num < 0)
			break;
		if (kind == PROC_FD_DIR)
			type = DT_LNK;
		else if (kind == PROC_FDINFO_DIR)
			type = DT_REG;
		len = snprintf(name, sizeof(name), "%d", num);
		if (!ctx->actor(ctx, name, len, ctx->pos,
				type == DT_DIR ? proc_ino(num, kind, 0)
					       : proc_ino(pi->pid, kind, num),
				type))
			break;
	}
out:
	if (task)
		put_task_struct(task);
	return 0;
}

static loff_t proc_dir_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence != SEEK_SET || offset < 0)
		return -EINVAL;
	return file->f_pos = offset;
}

static const struct inode_operations proc_dir_iops = { .lookup = proc_dir_lookup };
static const struct inode_operations proc_link_iops = { .get_link = proc_get_link };
static const struct file_operations proc_dir_fops = {
	.iterate_shared = proc_dir_readdir,
	.llseek = proc_dir_llseek,
};

/* ---- the file system ---------------------------------------------------------------- */

static void proc_destroy_inode(struct inode *inode)
{
	struct proc_inode_info *pi = inode->i_private;

	if (pi)
		kfree(pi->link);
	kfree(pi);
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
	root = proc_make_inode(sb, NULL, PROC_ROOT, S_IFDIR | 0555, 0, -1, PROC_ROOT_INO);
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
