// SPDX-License-Identifier: GPL-2.0
/*
 * The tty core, as Linux's drivers/tty/tty_io.c: the character devices of the terminal
 * drivers (4:64+ ttyS, 136:N pts, 5:2 ptmx), /dev/tty (5:0, the caller's controlling
 * terminal) and /dev/console (5:1, the tty of the console console= chose), opened into
 * the same file operations, which go through the line discipline (n_tty.c).
 *
 * A tty lives as long as its references (tty_kref_get/put: the open files, a session's
 * controlling-terminal pointer); tty->count counts the open files alone, under tty_mutex.
 * A hung-up tty (TTY_HUPPED) answers as Linux's hung_up_tty_fops: reads 0, writes EIO.
 */
#include <asm/uaccess.h>
#include <kernel/console.h>
#include <kernel/devfs.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/tty.h>
#include <uapi/fcntl.h>
#include <uapi/poll.h>

#define TTYAUX_MAJOR 5
#define MAX_TTY_DRIVERS 8

DEFINE_MUTEX(tty_mutex);

/* Linux's tty_std_termios: a cooked 38400-baud line. */
const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0 },
};

static struct tty_driver *tty_drivers[MAX_TTY_DRIVERS]; /* under tty_mutex */

static const struct file_operations tty_fops;

int tty_register_driver(struct tty_driver *driver)
{
	int err = -ENOSPC;

	mutex_lock(&tty_mutex);
	for (int i = 0; i < MAX_TTY_DRIVERS; i++) {
		if (!tty_drivers[i]) {
			tty_drivers[i] = driver;
			err = 0;
			break;
		}
	}
	mutex_unlock(&tty_mutex);
	/* Drivers of one major share it: the first registers the major with the VFS. */
	if (!err && driver->major != TTYAUX_MAJOR) {
		int e = register_chrdev(driver->major, driver->name, &tty_fops);

		if (e && e != -EBUSY)
			err = e;
	}
	return err;
}

void tty_init_struct(struct tty_struct *tty, struct tty_driver *driver, int index)
{
	memset(tty, 0, sizeof(*tty));
	atomic_set(&tty->own_refs, 1);
	tty->refs = &tty->own_refs;
	tty->driver = driver;
	tty->ops = driver->ops;
	tty->index = index;
	snprintf(tty->name, sizeof(tty->name), "%s%d", driver->name, index);
	spin_lock_init(&tty->lock);
	mutex_init(&tty->write_mutex);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	tty->termios = driver->init_termios;
	n_tty_open(tty);
}

void tty_kref_get(struct tty_struct *tty)
{
	atomic_inc(tty->refs);
}

void tty_kref_put(struct tty_struct *tty)
{
	if (tty && atomic_dec_and_test(tty->refs) && tty->ops->cleanup)
		tty->ops->cleanup(tty);
}

bool tty_hung_up(struct tty_struct *tty)
{
	return test_bit(TTY_HUPPED, &tty->flags);
}

/*
 * Linux's tty_vhangup: the session leader hears SIGHUP and SIGCONT and the session loses
 * its terminal; every file on the tty reads end-of-file and fails writes from now on.
 */
void tty_vhangup(struct tty_struct *tty)
{
	lockdep_assert_held(&tty_mutex);
	spin_lock(&tty->lock);
	__set_bit(TTY_HUPPED, &tty->flags);
	spin_unlock(&tty->lock);
	tty_signal_session_leader(tty);
	wake_up_all(&tty->read_wait);
	wake_up_all(&tty->write_wait);
}

struct tty_struct *file_tty(struct file *file)
{
	return file->f_op == &tty_fops ? file->private_data : NULL;
}

/* ---- /dev/console ------------------------------------------------------------------------ */

/*
 * Linux's console_device: the console console= named last (CON_CONSDEV), else the first
 * enabled console that has a tty, else any console with a tty.
 */
struct tty_struct *console_tty(void)
{
	struct console *con, *enabled = NULL, *any = NULL;

	for (con = console_list_head(); con; con = con->next) {
		if (!con->device)
			continue;
		if ((con->flags & CON_CONSDEV) && (con->flags & CON_ENABLED) && con->device(con))
			return con->device(con);
		if ((con->flags & CON_ENABLED) && !enabled)
			enabled = con;
		if (!any)
			any = con;
	}
	con = enabled ? enabled : any;
	return con ? con->device(con) : NULL;
}

/* ---- open and close --------------------------------------------------------------------- */

static struct tty_driver *find_driver(dev_t dev, int *index)
{
	lockdep_assert_held(&tty_mutex);
	for (int i = 0; i < MAX_TTY_DRIVERS; i++) {
		struct tty_driver *d = tty_drivers[i];

		if (d && d->major == (int)MAJOR(dev) && (int)MINOR(dev) >= d->minor_start &&
		    (int)MINOR(dev) < d->minor_start + d->num) {
			*index = MINOR(dev) - d->minor_start;
			return d;
		}
	}
	return NULL;
}

static int tty_open(struct inode *inode, struct file *file)
{
	dev_t dev = inode->i_rdev;
	struct tty_struct *tty = NULL;
	bool noctty = file->f_flags & O_NOCTTY;
	int index = 0, err;

	if (dev == MKDEV(TTYAUX_MAJOR, 0)) {
		tty = get_current_tty(); /* referenced */
		if (!tty)
			return -ENXIO;
		noctty = true;
		mutex_lock(&tty_mutex);
	} else if (dev == MKDEV(TTYAUX_MAJOR, 2)) {
		mutex_lock(&tty_mutex);
		tty = ptmx_new(); /* the master of a new pair, referenced */
		if (IS_ERR(tty)) {
			mutex_unlock(&tty_mutex);
			return PTR_ERR(tty);
		}
		noctty = true;
	} else if (dev == MKDEV(TTYAUX_MAJOR, 1)) {
		tty = console_tty();
		if (!tty)
			return -ENODEV;
		noctty = true;
		mutex_lock(&tty_mutex);
		tty_kref_get(tty);
	} else {
		struct tty_driver *driver;

		mutex_lock(&tty_mutex);
		driver = find_driver(dev, &index);
		if (!driver) {
			mutex_unlock(&tty_mutex);
			return -ENXIO;
		}
		tty = driver->ops->lookup(driver, file, index);
		if (IS_ERR(tty)) {
			mutex_unlock(&tty_mutex);
			return PTR_ERR(tty);
		}
		if (driver->subtype == PTY_TYPE_MASTER)
			noctty = true;
	}
	if (tty_hung_up(tty) && tty->driver->subtype != PTY_TYPE_MASTER) {
		err = -EIO;
		goto out_put;
	}
	tty->count++;
	if (tty->ops->open) {
		err = tty->ops->open(tty, file);
		if (err) {
			tty->count--;
			goto out_put;
		}
	}
	file->private_data = tty;
	mutex_unlock(&tty_mutex);
	if (!noctty)
		tty_open_proc_set_tty(file, tty);
	return 0;
out_put:
	mutex_unlock(&tty_mutex);
	tty_kref_put(tty);
	return err;
}

static int tty_release(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = file->private_data;

	mutex_lock(&tty_mutex);
	tty->count--;
	if (tty->ops->close)
		tty->ops->close(tty, file);
	mutex_unlock(&tty_mutex);
	tty_kref_put(tty);
	return 0;
}

/* ---- read, write, poll, ioctl ----------------------------------------------------------- */

static ssize_t tty_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	size_t nr = min(to->count, (size_t)N_TTY_BUF_SIZE);
	unsigned char *kbuf;
	ssize_t ret;

	if (!nr)
		return 0;
	if (tty_hung_up(tty) && tty->driver->subtype != PTY_TYPE_MASTER)
		return 0;
	kbuf = kmalloc(nr, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	ret = n_tty_read(tty, file, kbuf, nr);
	/* What the line discipline took cannot be put back: a bad buffer loses it, as Linux. */
	if (ret > 0 && copy_to_iter(kbuf, ret, to) != (size_t)ret)
		ret = -EFAULT;
	kfree(kbuf);
	return ret;
}

/* Writes to /dev/console also reach the consoles that have no tty yet (the screen). */
static void console_mirror(struct file *file, const unsigned char *buf, size_t n)
{
	struct console *con;

	if (file->f_inode->i_rdev != MKDEV(TTYAUX_MAJOR, 1))
		return;
	for (con = console_list_head(); con; con = con->next)
		if ((con->flags & CON_ENABLED) && !con->device)
			con->write(con, (const char *)buf, n);
}

static ssize_t tty_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	unsigned char chunk[256];
	ssize_t done = 0, ret = 0;

	if (tty_hung_up(tty))
		return -EIO;
	mutex_lock(&tty->write_mutex);
	while (from->count) {
		size_t n = copy_from_iter(chunk, min(from->count, sizeof(chunk)), from);

		if (!n) {
			ret = -EFAULT;
			break;
		}
		ret = n_tty_write(tty, file, chunk, n);
		if (ret > 0) {
			console_mirror(file, chunk, ret);
			done += ret;
		}
		if (ret < (ssize_t)n)
			break;
	}
	mutex_unlock(&tty->write_mutex);
	return done ? done : ret;
}

static unsigned int tty_poll(struct file *file, poll_table *pt)
{
	struct tty_struct *tty = file->private_data;

	poll_wait(file, &tty->read_wait, pt);
	poll_wait(file, &tty->write_wait, pt);
	if (tty_hung_up(tty) && tty->driver->subtype != PTY_TYPE_MASTER)
		return POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM;
	return n_tty_poll(tty, file);
}

/* The slave for a pty master's ioctls that are about the terminal, as tty_pair_get_tty. */
static struct tty_struct *pair_tty(struct tty_struct *tty)
{
	if (tty->driver->type == TTY_DRIVER_TYPE_PTY && tty->driver->subtype == PTY_TYPE_MASTER)
		return tty->link;
	return tty;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	long ret;

	if (tty_hung_up(tty) && tty->driver->subtype != PTY_TYPE_MASTER)
		return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
	if (tty->ops->ioctl) {
		ret = tty->ops->ioctl(tty, file, cmd, arg);
		if (ret != -ENOIOCTLCMD)
			return ret;
	}
	ret = tty_jobctrl_ioctl(tty, pair_tty(tty), file, cmd, arg);
	if (ret != -ENOIOCTLCMD)
		return ret;
	return tty_mode_ioctl(tty, file, cmd, arg);
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.release = tty_release,
	.read = tty_read,
	.write = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
};

void tty_init(void);
void tty_init(void)
{
	/* Major 5 is the core's own: /dev/tty, /dev/console and /dev/ptmx. */
	if (register_chrdev(TTYAUX_MAJOR, "tty", &tty_fops))
		pr_err("tty: major %d taken\n", TTYAUX_MAJOR);
	devfs_register("console", S_IFCHR | 0600, MKDEV(TTYAUX_MAJOR, 1));
	devfs_register("tty", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 0));
	devfs_register("ptmx", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 2));
}
