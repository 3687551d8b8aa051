// SPDX-License-Identifier: GPL-2.0
/*
 * The termios ioctls, as Linux's drivers/tty/tty_ioctl.c: TCGETS and the TCSETS family
 * (TCSETSF flushes the input; output is never queued, so TCSETSW has nothing to wait for),
 * the window size (SIGWINCH to the foreground group when it changes), FIONREAD, TIOCOUTQ,
 * TCFLSH and TCXONC. A pty master's calls act on the slave's settings, as on Linux.
 * Changing a terminal from a background group is a job-control stop (tty_check_change).
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/tty.h>

static struct tty_struct *termios_tty(struct tty_struct *tty)
{
	return tty->driver->subtype == PTY_TYPE_MASTER ? tty->link : tty;
}

static int set_termios(struct tty_struct *tty, unsigned int cmd, const void __user *arg)
{
	struct tty_struct *t = termios_tty(tty);
	struct termios new, old;
	int ret = tty_check_change(tty);

	if (ret)
		return ret;
	if (copy_from_user(&new, arg, sizeof(new)))
		return -EFAULT;
	spin_lock(&t->lock);
	old = t->termios;
	t->termios = new;
	if (cmd == TCSETSF)
		n_tty_flush_input(t);
	n_tty_set_termios(t, &old);
	if (!(new.c_iflag &IXON))
		__clear_bit(TTY_STOPPED, &t->flags);
	spin_unlock(&t->lock);
	if (t->ops->set_termios)
		t->ops->set_termios(t, &old);
	/* A switch of mode may have made input readable (or flow may have restarted). */
	wake_up(&t->read_wait);
	wake_up(&t->write_wait);
	if (t->link)
		wake_up(&t->link->write_wait);
	return 0;
}

int tty_do_resize(struct tty_struct *tty, const struct winsize *ws)
{
	bool changed;
	int pgrp;

	spin_lock(&tty->lock);
	changed = memcmp(ws, &tty->winsize, sizeof(*ws)) != 0;
	tty->winsize = *ws;
	spin_unlock(&tty->lock);
	if (changed) {
		pgrp = tty_get_pgrp(tty);
		if (pgrp > 0)
			kill_pgrp(pgrp, SIGWINCH, 1);
	}
	return 0;
}

static int flush(struct tty_struct *tty, unsigned long arg)
{
	int ret = tty_check_change(tty);

	if (ret)
		return ret;
	switch (arg) {
	case TCIFLUSH:
	case TCIOFLUSH:
		/* A pty master's input is what the slave wrote: the master's own ring. */
		spin_lock(&tty->lock);
		n_tty_flush_input(tty);
		spin_unlock(&tty->lock);
		if (tty->link)
			wake_up(&tty->link->write_wait);
		break;
	case TCOFLUSH:
		break; /* output is never queued: nothing waits to be thrown away */
	default:
		return -EINVAL;
	}
	return 0;
}

static int flow(struct tty_struct *tty, unsigned long arg)
{
	int ret = tty_check_change(tty);
	unsigned char c;

	if (ret)
		return ret;
	switch (arg) {
	case TCOOFF:
		spin_lock(&tty->lock);
		__set_bit(TTY_STOPPED, &tty->flags);
		spin_unlock(&tty->lock);
		return 0;
	case TCOON:
		spin_lock(&tty->lock);
		__clear_bit(TTY_STOPPED, &tty->flags);
		spin_unlock(&tty->lock);
		wake_up(&tty->write_wait);
		return 0;
	case TCIOFF:
	case TCION:
		spin_lock(&tty->lock);
		c = tty->termios.c_cc[arg == TCIOFF ? VSTOP : VSTART];
		spin_unlock(&tty->lock);
		if (c)
			tty->ops->write(tty, &c, 1);
		return 0;
	}
	return -EINVAL;
}

long tty_mode_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *t = termios_tty(tty);
	void __user *p = (void __user *)arg;
	struct termios tio;
	struct winsize ws;
	int n;

	switch (cmd) {
	case TCGETS:
		spin_lock(&t->lock);
		tio = t->termios;
		spin_unlock(&t->lock);
		return copy_to_user(p, &tio, sizeof(tio)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, p);
	case TIOCGWINSZ:
		spin_lock(&t->lock);
		ws = t->winsize;
		spin_unlock(&t->lock);
		return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		if (copy_from_user(&ws, p, sizeof(ws)))
			return -EFAULT;
		return tty_do_resize(t, &ws);
	case FIONREAD:
		spin_lock(&tty->lock);
		n = n_tty_inq(tty);
		spin_unlock(&tty->lock);
		return put_user(n, (int __user *)p) ? -EFAULT : 0;
	case TIOCOUTQ:
		n = tty->ops->chars_in_buffer ? tty->ops->chars_in_buffer(tty) : 0;
		return put_user(n, (int __user *)p) ? -EFAULT : 0;
	case TCFLSH:
		return flush(tty, arg);
	case TCXONC:
		return flow(tty, arg);
	case TCSBRK:
	case TCSBRKP:
		return tty_check_change(tty); /* nothing queued to drain, no break to send */
	case TIOCGETD:
		return put_user(N_TTY, (int __user *)p) ? -EFAULT : 0;
	case TIOCSETD:
		if (get_user(n, (int __user *)p))
			return -EFAULT;
		return n == N_TTY ? 0 : -EINVAL;
	}
	return -ENOTTY;
}
