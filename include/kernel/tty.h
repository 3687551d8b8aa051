/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_TTY_H
#define _KERNEL_TTY_H

/*
 * The terminal layer (docs/tty.md), in Linux's shape: a tty_driver with its tty_operations
 * (the 16550 UART, the two sides of a pseudo-terminal) makes tty_structs; the core
 * (drivers/tty/tty_io.c) gives them file operations; the line discipline (n_tty.c) edits
 * input and processes output between the two; tty_jobctrl.c keeps the controlling terminal,
 * the foreground process group and the job-control signals; tty_ioctl.c the termios calls.
 *
 * Locking:
 *  - tty_mutex (tty_io.c): the drivers' tables, every tty->count, the pty index map and the
 *    order of open, close and hang-up.
 *  - tty->lock (spinlock): tty->termios, tty->winsize, tty->flags and everything in
 *    tty->ldata (the input ring, the line being edited, the echoes waiting to go out). Never
 *    held across a driver's write, which for a pty takes the other side's tty->lock.
 *  - family_lock (kernel/fork.c): tty->pgrp and tty->session, and every signal_struct's tty
 *    (the controlling terminal, which holds a reference on it), with the pgrp and session
 *    ids it already guards.
 *  - tty->write_mutex: one write() at a time reaches the driver, so writes do not interleave.
 */
#include <kernel/atomic.h>
#include <kernel/signal.h>
#include <kernel/bitmap.h>
#include <kernel/mutex.h>
#include <kernel/spinlock.h>
#include <kernel/types.h>
#include <kernel/wait.h>
#include <uapi/termbits.h>

struct file;
struct inode;
struct tty_struct;
struct tty_driver;
struct task_struct;

#define N_TTY_BUF_SIZE 4096 /* a power of two: the ring's indices run free */
#define N_TTY_ECHO_SIZE 256

/* The line discipline's state (n_tty.c), under tty->lock. */
struct n_tty_data {
	/* The input ring: [read_tail, canon_head) may be read; [canon_head, read_head) is the
	 * line being edited (canonical mode; in raw mode canon_head is read_head). */
	size_t read_head, read_tail, canon_head;
	DECLARE_BITMAP(read_flags, N_TTY_BUF_SIZE); /* the byte ends a line */
	DECLARE_BITMAP(eof_flags, N_TTY_BUF_SIZE); /* the byte is a ^D: ends a line, never read */
	unsigned char read_buf[N_TTY_BUF_SIZE];
	bool lnext; /* the next byte is taken literally */
	bool icanon; /* the mode the ring was filled in */
	unsigned int column; /* output column, for tabs and erasing them */
	unsigned int canon_column; /* the column where the line being edited began */
	/* Echoes made while input came in, written out once tty->lock is dropped. */
	unsigned char echo_buf[N_TTY_ECHO_SIZE];
	size_t echo_len;
};

struct tty_operations {
	/* Finds (or makes) the tty of index for an open: referenced, or an ERR_PTR. */
	struct tty_struct *(*lookup)(struct tty_driver *driver, struct file *file, int index);
	int (*open)(struct tty_struct *tty, struct file *file);
	/* Each close; tty->count is what is left, under tty_mutex. */
	void (*close)(struct tty_struct *tty, struct file *file);
	/* Hands processed output to the device; returns how much it took (may be short). */
	ssize_t (*write)(struct tty_struct *tty, const unsigned char *buf, size_t count);
	/* How much write would take now. */
	size_t (*write_room)(struct tty_struct *tty);
	size_t (*chars_in_buffer)(struct tty_struct *tty);
	/* A driver's own ioctls, tried before the core's: -ENOIOCTLCMD to pass. */
	long (*ioctl)(struct tty_struct *tty, struct file *file, unsigned int cmd,
		      unsigned long arg);
	void (*set_termios)(struct tty_struct *tty, const struct termios *old);
	/* The last reference to the tty is gone. */
	void (*cleanup)(struct tty_struct *tty);
};

#define ENOIOCTLCMD 515

struct tty_driver {
	const char *name; /* "ttyS", "pts", "ptm" */
	int major, minor_start, num;
	short type, subtype;
	struct termios init_termios;
	const struct tty_operations *ops;
};

#define TTY_DRIVER_TYPE_CONSOLE 2
#define TTY_DRIVER_TYPE_SERIAL 3
#define TTY_DRIVER_TYPE_PTY 4
#define PTY_TYPE_MASTER 1
#define PTY_TYPE_SLAVE 2

/* tty->flags (bits), under tty->lock */
#define TTY_OTHER_CLOSED 0 /* pty: every file of the other side is closed */
#define TTY_HUPPED 1 /* hung up: reads end, writes and most ioctls fail with EIO */
#define TTY_PTY_LOCK 2 /* pty slave: not to be opened until unlockpt */
#define TTY_STOPPED 3 /* output stopped (^S, TCOOFF) */

struct tty_struct {
	atomic_t *refs; /* &own_refs, or the master's for a pty pair freed as one */
	atomic_t own_refs;
	struct tty_driver *driver;
	const struct tty_operations *ops;
	int index;
	char name[16];
	struct tty_struct *link; /* a pty's other side */
	int count; /* open files, under tty_mutex */

	spinlock_t lock;
	struct termios termios;
	struct winsize winsize;
	unsigned long flags;
	struct n_tty_data ldata;

	int pgrp, session; /* under family_lock; 0: none */

	struct mutex write_mutex;
	struct wait_queue_head read_wait, write_wait;
	void *driver_data;
};

extern struct mutex tty_mutex;
extern const struct termios tty_std_termios;

/* ---- the core (tty_io.c) ---- */
int tty_register_driver(struct tty_driver *driver);
void tty_init_struct(struct tty_struct *tty, struct tty_driver *driver, int index);
void tty_kref_get(struct tty_struct *tty);
void tty_kref_put(struct tty_struct *tty);
/* Marks tty hung up and tells everyone waiting on it (tty_mutex held). */
void tty_vhangup(struct tty_struct *tty);
bool tty_hung_up(struct tty_struct *tty);
/* The tty an open file of the tty layer is on, or NULL for any other file. */
struct tty_struct *file_tty(struct file *file);
/* The tty /dev/console stands for (console=), or NULL. */
struct tty_struct *console_tty(void);

/* ---- the line discipline (n_tty.c) ---- */
void n_tty_open(struct tty_struct *tty);
/* Input from the device: how many of count bytes it took (the rest did not fit). */
size_t n_tty_receive_buf(struct tty_struct *tty, const unsigned char *buf, size_t count);
/* Writes the echoes that input left waiting (call with no tty lock held). */
void n_tty_flush_echoes(struct tty_struct *tty);
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, unsigned char *kbuf, size_t nr);
ssize_t n_tty_write(struct tty_struct *tty, struct file *file, const unsigned char *kbuf,
		    size_t nr);
unsigned int n_tty_poll(struct tty_struct *tty, struct file *file);
/* Room for n_tty_receive_buf now. */
size_t n_tty_receive_room(struct tty_struct *tty);
/* termios changed (tty->lock held): the ring follows a switch of ICANON. */
void n_tty_set_termios(struct tty_struct *tty, const struct termios *old);
void n_tty_flush_input(struct tty_struct *tty); /* tty->lock held */
/* Bytes a read could return now (FIONREAD): whole lines in canonical mode. */
size_t n_tty_inq(struct tty_struct *tty); /* tty->lock held */

/* ---- ioctls (tty_ioctl.c) ---- */
long tty_mode_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd, unsigned long arg);
/* The new window size; SIGWINCH to the foreground group if it changed. */
int tty_do_resize(struct tty_struct *tty, const struct winsize *ws);

/* ---- job control (tty_jobctrl.c) ---- */
/* May current read (SIGTTIN) or change/write (SIGTTOU) tty? 0, -EIO or -ERESTARTSYS. */
int tty_check_change_sig(struct tty_struct *tty, int sig);
static inline int tty_check_change(struct tty_struct *tty)
{
	return tty_check_change_sig(tty, SIGTTOU);
}
/* An open without O_NOCTTY by a session leader without a terminal makes tty its own. */
void tty_open_proc_set_tty(struct file *file, struct tty_struct *tty);
long tty_jobctrl_ioctl(struct tty_struct *tty, struct tty_struct *real_tty, struct file *file,
		       unsigned int cmd, unsigned long arg);
/* The caller's controlling terminal, referenced, or NULL. */
struct tty_struct *get_current_tty(void);
int tty_get_pgrp(struct tty_struct *tty);
/* Hang-up's signals: SIGHUP and SIGCONT to the session leader; the session loses tty. */
void tty_signal_session_leader(struct tty_struct *tty);
/* A process's group is dead: its session leader's terminal goes (as disassociate_ctty). */
void tty_exit_group(struct task_struct *leader);

/* ---- the UART (serial8250.c): its receive interrupt feeds the line discipline ---- */
int serial8250_rx_init(void);
/* Bytes the interrupt handed over that are not yet in the line discipline, and bytes lost
 * for want of room since boot (for tests). */
size_t serial8250_rx_pending(void);
unsigned long serial8250_rx_dropped(void);
/* What the receive interrupt does with a burst (also for tests). */
void serial8250_rx_push(const char *buf, size_t n);
struct tty_struct *serial8250_tty(void);

/* ---- pseudo-terminals (pty.c, fs/devpts.c) ---- */
/* /dev/ptmx's open: a new pair, its master referenced (tty_mutex held). */
struct tty_struct *ptmx_new(void);
int devpts_pty_new(int index, dev_t dev, uid_t uid, gid_t gid);
void devpts_pty_kill(int index);
void devpts_mount_boot(void);

#endif /* _KERNEL_TTY_H */
