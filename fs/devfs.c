// SPDX-License-Identifier: GPL-2.0
/* /dev: drivers' nodes appear in a tmpfs mounted there at boot (see include/kernel/devfs.h). */
#include <kernel/devfs.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define DEVFS_NAME_MAX 32

struct devfs_node {
	struct devfs_node *next;
	char name[DEVFS_NAME_MAX];
	umode_t mode;
	dev_t dev;
};

static struct devfs_node *nodes;
static bool mounted;
static DEFINE_SPINLOCK(devfs_lock);

static int make_node(const struct devfs_node *n)
{
	char path[DEVFS_NAME_MAX + 8];
	int err;

	snprintf(path, sizeof(path), "/dev/%s", n->name);
	err = do_mknodat(NULL, path, n->mode, n->dev);
	/* mknod applied the umask: device nodes get exactly the mode asked for. */
	if (!err)
		err = do_chmodat(NULL, path, n->mode & 07777);
	return err;
}

int devfs_register(const char *name, umode_t mode, dev_t dev)
{
	struct devfs_node *n = kzalloc(sizeof(*n), GFP_KERNEL);
	unsigned long flags;
	bool now;

	if (!n)
		return -ENOMEM;
	if (strscpy(n->name, name, sizeof(n->name)) < 0) {
		kfree(n);
		return -ENAMETOOLONG;
	}
	n->mode = mode;
	n->dev = dev;
	spin_lock_irqsave(&devfs_lock, flags);
	n->next = nodes;
	nodes = n;
	now = mounted;
	spin_unlock_irqrestore(&devfs_lock, flags);
	return now ? make_node(n) : 0;
}

void devfs_mount(void)
{
	struct devfs_node *n;
	unsigned long flags;
	int err;

	err = do_mkdirat(NULL, "/dev", 0755);
	if (err && err != -EEXIST) {
		pr_err("devfs: cannot make /dev (%d)\n", err);
		return;
	}
	err = do_mount("devtmpfs", "/dev", "tmpfs", 0, "mode=0755");
	if (err) {
		pr_err("devfs: cannot mount /dev (%d)\n", err);
		return;
	}
	spin_lock_irqsave(&devfs_lock, flags);
	mounted = true;
	n = nodes;
	spin_unlock_irqrestore(&devfs_lock, flags);
	for (; n; n = n->next) {
		err = make_node(n);
		if (err)
			pr_warn("devfs: cannot make /dev/%s (%d)\n", n->name, err);
	}
}
