// SPDX-License-Identifier: GPL-2.0
/*
 * Unix98 pseudo-terminals, as Linux's drivers/tty/pty.c: each open of /dev/ptmx makes a
 * pair, a master (the file ptmx returned) and a slave, /dev/pts/N (136:N, in devpts). What
 * one side writes is the other side's input: it goes straight into the other side's line
 * discipline, whose room is the writer's room. The slave starts locked (TIOCSPTLCK,
 * unlockpt). When the master's last file closes the slave is hung up (its session leader
 * hears SIGHUP, its reads end, its writes fail with EIO) and /dev/pts/N goes; when the
 * slave's last file closes the master reads EIO once the input is drained, and polls HUP.
 *
 * The pair is one allocation with one reference count (the master's); its index is free
 * again once the master is closed. pty_table is under tty_mutex.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/tty.h>
#include <uapi/fcntl.h>

#define UNIX98_PTY_MASTER_MAJOR 128
#define UNIX98_PTY_SLAVE_MAJOR 136
#define NR_PTYS 256

struct pty_pair {
	struct tty_struct master, slave;
};

static struct pty_pair *pty_table[NR_PTYS]; /* under tty_mutex */

static struct tty_driver ptm_driver, pts_driver;

static ssize_t pty_write(struct tty_struct *tty, const unsigned char *buf, size_t count)
{
	struct tty_struct *to = tty->link;

	if (test_bit(TTY_HUPPED, &to->flags) && to->driver->subtype == PTY_TYPE_SLAVE)
		return count; /* nobody will read it */
	return n_tty_receive_buf(to, buf, count);
}

static size_t pty_write_room(struct tty_struct *tty)
{
	return n_tty_receive_room(tty->link);
}

static void pty_cleanup(struct tty_struct *tty)
{
	/* May run under spinlocks (a session's last reference): pty_table let go already. */
	kfree(container_of(tty->refs, struct pty_pair, master.own_refs));
}

/* The slave is opened through /dev/pts/N (or TIOCGPTPEER). */
static struct tty_struct *pts_lookup(struct tty_driver *driver, struct file *file, int index)
{
	struct pty_pair *pair;

	lockdep_assert_held(&tty_mutex);
	pair = index < NR_PTYS ? pty_table[index] : NULL;
	if (!pair || !pair->master.count)
		return ERR_PTR(-EIO);
	if (test_bit(TTY_PTY_LOCK, &pair->slave.flags))
		return ERR_PTR(-EIO);
	tty_kref_get(&pair->slave);
	return &pair->slave;
}

static int pts_open(struct tty_struct *tty, struct file *file)
{
	spin_lock(&tty->link->lock);
	__clear_bit(TTY_OTHER_CLOSED, &tty->link->flags);
	spin_unlock(&tty->link->lock);
	return 0;
}

static void pts_close(struct tty_struct *tty, struct file *file)
{
	struct tty_struct *master = tty->link;

	lockdep_assert_held(&tty_mutex);
	if (tty->count)
		return;
	spin_lock(&master->lock);
	__set_bit(TTY_OTHER_CLOSED, &master->flags);
	spin_unlock(&master->lock);
	wake_up_all(&master->read_wait);
	wake_up_all(&master->write_wait);
}

static void ptm_close(struct tty_struct *tty, struct file *file)
{
	struct tty_struct *slave = tty->link;

	lockdep_assert_held(&tty_mutex);
	if (tty->count)
		return;
	spin_lock(&slave->lock);
	__set_bit(TTY_OTHER_CLOSED, &slave->flags);
	spin_unlock(&slave->lock);
	devpts_pty_kill(tty->index);
	/* The index is free again; files still open on the slave keep the pair itself. */
	pty_table[tty->index] = NULL;
	tty_vhangup(slave);
}

static struct tty_struct *ptm_lookup(struct tty_driver *driver, struct file *file, int index)
{
	return ERR_PTR(-EIO); /* masters are made by /dev/ptmx only */
}

struct tty_struct *ptmx_new(void)
{
	const struct cred *cred = current_cred();
	struct pty_pair *pair;
	int index, err;

	lockdep_assert_held(&tty_mutex);
	for (index = 0; index < NR_PTYS && pty_table[index]; index++)
		;
	if (index == NR_PTYS)
		return ERR_PTR(-ENOSPC);
	pair = kzalloc(sizeof(*pair), GFP_KERNEL);
	if (!pair)
		return ERR_PTR(-ENOMEM);
	tty_init_struct(&pair->master, &ptm_driver, index);
	tty_init_struct(&pair->slave, &pts_driver, index);
	/* One count for the pair: the master's refs; the slave's own stay unused. */
	pair->slave.refs = &pair->master.own_refs;
	pair->master.link = &pair->slave;
	pair->slave.link = &pair->master;
	__set_bit(TTY_PTY_LOCK, &pair->slave.flags);
	err = devpts_pty_new(index, MKDEV(UNIX98_PTY_SLAVE_MAJOR, index), cred->fsuid, cred->fsgid);
	if (err) {
		kfree(pair);
		return ERR_PTR(err);
	}
	pty_table[index] = pair;
	return &pair->master;
}

/* TIOCGPTPEER: the slave opened as a new descriptor, without a path walk by the caller. */
static long ptm_open_peer(struct tty_struct *master, unsigned long flags)
{
	char path[32];
	struct file *file;
	int fd;

	if (flags & ~(O_ACCMODE | O_NOCTTY | O_NONBLOCK | O_CLOEXEC))
		return -EINVAL;
	snprintf(path, sizeof(path), "/dev/pts/%d", master->index);
	file = filp_open(path, flags & ~O_CLOEXEC, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	if (file_tty(file) != master->link) {
		fput(file);
		return -EIO;
	}
	fd = fd_install_from(current->files, file, 0, flags & O_CLOEXEC);
	if (fd < 0)
		fput(file);
	return fd;
}

static long ptm_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		      unsigned long arg)
{
	int __user *p = (int __user *)arg;
	int val;

	switch (cmd) {
	case TIOCGPTN:
		return put_user(tty->index, p) ? -EFAULT : 0;
	case TIOCSPTLCK:
		if (get_user(val, p))
			return -EFAULT;
		spin_lock(&tty->link->lock);
		if (val)
			__set_bit(TTY_PTY_LOCK, &tty->link->flags);
		else
			__clear_bit(TTY_PTY_LOCK, &tty->link->flags);
		spin_unlock(&tty->link->lock);
		return 0;
	case TIOCGPTLCK:
		return put_user(test_bit(TTY_PTY_LOCK, &tty->link->flags) ? 1 : 0, p) ? -EFAULT : 0;
	case TIOCGPTPEER:
		return ptm_open_peer(tty, arg);
	case TIOCSCTTY:
		return -EINVAL; /* a master is nobody's terminal */
	}
	return -ENOIOCTLCMD;
}

static const struct tty_operations ptm_ops = {
	.lookup = ptm_lookup,
	.close = ptm_close,
	.write = pty_write,
	.write_room = pty_write_room,
	.ioctl = ptm_ioctl,
	.cleanup = pty_cleanup,
};

static const struct tty_operations pts_ops = {
	.lookup = pts_lookup,
	.open = pts_open,
	.close = pts_close,
	.write = pty_write,
	.write_room = pty_write_room,
	.cleanup = pty_cleanup,
};

static struct tty_driver ptm_driver = {
	.name = "ptm",
	.major = UNIX98_PTY_MASTER_MAJOR,
	.num = NR_PTYS,
	.type = TTY_DRIVER_TYPE_PTY,
	.subtype = PTY_TYPE_MASTER,
	/* Linux's master: a raw line, no echo, no processing. */
	.init_termios = { .c_cflag = B38400 | CS8 | CREAD,
			  .c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 } },
	.ops = &ptm_ops,
};

static struct tty_driver pts_driver = {
	.name = "pts",
	.major = UNIX98_PTY_SLAVE_MAJOR,
	.num = NR_PTYS,
	.type = TTY_DRIVER_TYPE_PTY,
	.subtype = PTY_TYPE_SLAVE,
	.init_termios = { .c_iflag = ICRNL | IXON,
			  .c_oflag = OPOST | ONLCR,
			  .c_cflag = B38400 | CS8 | CREAD,
			  .c_lflag =
				  ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
			  .c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 } },
	.ops = &pts_ops,
};

void pty_init(void);
void pty_init(void)
{
	if (tty_register_driver(&ptm_driver) || tty_register_driver(&pts_driver))
		pr_err("pty: cannot register the drivers\n");
}
