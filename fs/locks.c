// SPDX-License-Identifier: GPL-2.0
/*
 * File locks: flock(2) locks, owned by an open file description and dropped at its last
 * close, and POSIX record locks (fcntl F_GETLK/F_SETLK/F_SETLKW), owned by a descriptor
 * table (Linux's fl_owner, the files_struct) and dropped when that owner closes any
 * descriptor of the file, or exits. Open file description locks (F_OFD_*) are record locks
 * owned by the open file, like flock's, and dropped at its last close; they and POSIX locks
 * conflict with each other, and neither with flock locks, as on Linux.
 *
 * There are few locks and fewer waiters, so every lock sits on one list under one spinlock,
 * and a waiter sleeps on one queue that any change wakes; it then simply tries again.
 *
 * A POSIX owner's locks on one file never overlap: a new lock first cuts its range out of
 * the owner's locks (splitting one that covers it), then goes in and merges with the owner's
 * neighbours of the same type. A waiter records whom it waits for, so that F_SETLKW can see
 * a cycle (A waits for B, B for A) and answer EDEADLK instead of sleeping forever.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/list.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/syscalls.h>
#include <kernel/wait.h>
#include <uapi/fcntl.h>

#include "internal.h"

#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

#define FL_POSIX 1u
#define FL_FLOCK 2u

#define OFFSET_MAX ((loff_t)0x7fffffffffffffffLL)

struct file_lock {
	struct list_head fl_list; /* in file_locks */
	struct inode *fl_inode; /* not referenced: a lock lives no longer than its file */
	void *fl_owner; /* POSIX: the files_struct; flock: the struct file */
	unsigned int fl_flags;
	unsigned char fl_type; /* F_RDLCK or F_WRLCK */
	int fl_pid; /* the owner's process, as F_GETLK reports it */
	loff_t fl_start, fl_end; /* inclusive; fl_end OFFSET_MAX: to the end of the file */
};

/* A POSIX owner asleep in F_SETLKW: whom it waits for, for the deadlock check. */
struct lock_waiter {
	struct list_head list; /* in lock_waiters */
	void *owner, *blocker;
};

static DEFINE_SPINLOCK(flc_lock); /* guards file_locks, lock_waiters and lock_gen */
static LIST_HEAD(file_locks);
static LIST_HEAD(lock_waiters);
static unsigned long lock_gen; /* bumped at every release: a waiter's cue to try again */
static DECLARE_WAIT_QUEUE_HEAD(lock_wq);
/* Let close and the last fput skip the list while nobody holds a lock of that kind. */
static atomic_t nr_posix_locks, nr_flock_locks;

static bool ranges_overlap(const struct file_lock *a, loff_t start, loff_t end)
{
	return a->fl_start <= end && start <= a->fl_end;
}

static bool types_conflict(int a, int b)
{
	return a == F_WRLCK || b == F_WRLCK;
}

/* The first lock of another owner that conflicts with (type, start, end), or NULL. */
static struct file_lock *find_conflict(struct inode *inode, unsigned int kind, void *owner,
				       int type, loff_t start, loff_t end)
{
	struct file_lock *fl;

	lockdep_assert_held(&flc_lock);
	list_for_each_entry(fl, &file_locks, fl_list) {
		if (fl->fl_inode != inode || fl->fl_flags != kind || fl->fl_owner == owner)
			continue;
		if (ranges_overlap(fl, start, end) && types_conflict(fl->fl_type, type))
			return fl;
	}
	return NULL;
}

/* Would owner, by waiting for blocker, close a cycle of waiters? */
static bool posix_deadlock(void *owner, void *blocker)
{
	for (int depth = 0; depth < 10 && blocker; depth++) {
		struct lock_waiter *w;
		void *next = NULL;

		lockdep_assert_held(&flc_lock);
		if (blocker == owner)
			return true;
		list_for_each_entry(w, &lock_waiters, list)
			if (w->owner == blocker)
				next = w->blocker;
		blocker = next;
	}
	return false;
}

static void release_lock(struct file_lock *fl)
{
	lockdep_assert_held(&flc_lock);
	list_del(&fl->fl_list);
	atomic_dec(fl->fl_flags == FL_POSIX ? &nr_posix_locks : &nr_flock_locks);
	kfree(fl);
}

static void insert_lock(struct file_lock *fl)
{
	lockdep_assert_held(&flc_lock);
	list_add_tail(&fl->fl_list, &file_locks);
	atomic_inc(fl->fl_flags == FL_POSIX ? &nr_posix_locks : &nr_flock_locks);
}

/*
 * Applies an owner's POSIX request with no conflict left: cut [start, end] out of the owner's
 * locks on inode, then (unless unlocking) add the new lock and merge it with neighbours of
 * its type. spare holds two preallocated locks; used ones are set to NULL.
 */
static void posix_apply(struct inode *inode, void *owner, int pid, int type, loff_t start,
			loff_t end, struct file_lock **spare)
{
	struct file_lock *fl, *tmp, *new = NULL;

	lockdep_assert_held(&flc_lock);
	list_for_each_entry_safe(fl, tmp, &file_locks, fl_list) {
		if (fl->fl_inode != inode || fl->fl_flags != FL_POSIX || fl->fl_owner != owner)
			continue;
		if (!ranges_overlap(fl, start, end))
			continue;
		if (fl->fl_start < start && fl->fl_end > end) {
			/* It covers the range: the part after the range becomes a lock of its own. */
			struct file_lock *tail = spare[1];

			spare[1] = NULL;
			*tail = *fl;
			tail->fl_start = end + 1;
			insert_lock(tail);
			fl->fl_end = start - 1;
		} else if (fl->fl_start < start) {
			fl->fl_end = start - 1;
		} else if (fl->fl_end > end) {
			fl->fl_start = end + 1;
		} else {
			release_lock(fl);
		}
	}
	if (type == F_UNLCK)
		return;
	new = spare[0];
	spare[0] = NULL;
	*new = (struct file_lock){ .fl_inode = inode,
				   .fl_owner = owner,
				   .fl_flags = FL_POSIX,
				   .fl_type = type,
				   .fl_pid = pid,
				   .fl_start = start,
				   .fl_end = end };
	list_for_each_entry_safe(fl, tmp, &file_locks, fl_list) {
		if (fl->fl_inode != inode || fl->fl_flags != FL_POSIX || fl->fl_owner != owner ||
		    fl->fl_type != type)
			continue;
		if ((new->fl_end != OFFSET_MAX && fl->fl_start == new->fl_end + 1) ||
		    (fl->fl_end != OFFSET_MAX && fl->fl_end + 1 == new->fl_start)) {
			if (fl->fl_start < new->fl_start)
				new->fl_start = fl->fl_start;
			if (fl->fl_end > new->fl_end)
				new->fl_end = fl->fl_end;
			release_lock(fl);
		}
	}
	insert_lock(new);
}

/*
 * One POSIX lock request on inode for owner: 0, -EAGAIN on a conflict when not waiting,
 * -EDEADLK if waiting would close a cycle, -ERESTARTSYS if a signal ended the wait.
 */
static int posix_lock(struct inode *inode, void *owner, int type, loff_t start, loff_t end,
		      bool wait, bool ofd)
{
	struct file_lock *spare[2];
	struct lock_waiter waiter = { .owner = owner };
	unsigned long flags, seen;
	int err;

	spare[0] = kmalloc(sizeof(struct file_lock), GFP_KERNEL);
	spare[1] = kmalloc(sizeof(struct file_lock), GFP_KERNEL);
	if (!spare[0] || !spare[1]) {
		err = -ENOLCK;
		goto out;
	}
	for (;;) {
		struct file_lock *conflict = NULL;

		spin_lock_irqsave(&flc_lock, flags);
		if (type != F_UNLCK)
			conflict = find_conflict(inode, FL_POSIX, owner, type, start, end);
		if (!conflict) {
			/* An OFD lock has no process: F_GETLK reports -1 for it, as Linux. */
			posix_apply(inode, owner, ofd ? -1 : current->tgid, type, start, end,
				    spare);
			lock_gen++;
			spin_unlock_irqrestore(&flc_lock, flags);
			wake_up_all(&lock_wq);
			err = 0;
			break;
		}
		if (!wait) {
			spin_unlock_irqrestore(&flc_lock, flags);
			err = -EAGAIN;
			break;
		}
		/* Linux checks cycles among POSIX owners only (an OFD lock has no process). */
		if (!ofd && posix_deadlock(owner, conflict->fl_owner)) {
			spin_unlock_irqrestore(&flc_lock, flags);
			err = -EDEADLK;
			break;
		}
		waiter.blocker = conflict->fl_owner;
		list_add_tail(&waiter.list, &lock_waiters);
		seen = lock_gen;
		spin_unlock_irqrestore(&flc_lock, flags);
		err = wait_event_interruptible(lock_wq, READ_ONCE(lock_gen) != seen);
		spin_lock_irqsave(&flc_lock, flags);
		list_del(&waiter.list);
		spin_unlock_irqrestore(&flc_lock, flags);
		if (err)
			break;
	}
out:
	kfree(spare[0]);
	kfree(spare[1]);
	return err;
}

/* Close of a descriptor of file by owner (a descriptor table): its POSIX locks on it go. */
void locks_remove_posix(struct file *file, struct files_struct *owner)
{
	struct file_lock *fl, *tmp;
	unsigned long flags;
	bool any = false;

	if (!atomic_read(&nr_posix_locks))
		return;
	spin_lock_irqsave(&flc_lock, flags);
	list_for_each_entry_safe(fl, tmp, &file_locks, fl_list) {
		if (fl->fl_inode == file->f_inode && fl->fl_flags == FL_POSIX &&
		    fl->fl_owner == owner) {
			release_lock(fl);
			any = true;
		}
	}
	if (any)
		lock_gen++;
	spin_unlock_irqrestore(&flc_lock, flags);
	if (any)
		wake_up_all(&lock_wq);
}

/* The last close of file: its flock lock and its OFD record locks go. */
void locks_remove_file(struct file *file)
{
	struct file_lock *fl, *tmp;
	unsigned long flags;
	bool any = false;

	if (!atomic_read(&nr_flock_locks) && !atomic_read(&nr_posix_locks))
		return;
	spin_lock_irqsave(&flc_lock, flags);
	list_for_each_entry_safe(fl, tmp, &file_locks, fl_list) {
		if (fl->fl_owner == file) {
			release_lock(fl);
			any = true;
		}
	}
	if (any)
		lock_gen++;
	spin_unlock_irqrestore(&flc_lock, flags);
	if (any)
		wake_up_all(&lock_wq);
}

/* ---- flock --------------------------------------------------------------------------- */

/* This file's flock lock, or NULL. */
static struct file_lock *flock_of(struct file *file)
{
	struct file_lock *fl;

	lockdep_assert_held(&flc_lock);
	list_for_each_entry(fl, &file_locks, fl_list)
		if (fl->fl_flags == FL_FLOCK && fl->fl_owner == file)
			return fl;
	return NULL;
}

/*
 * flock: a conversion drops the old lock first (so another waiter may get in between), as
 * Linux's flock_lock_inode does; LOCK_NB turns a wait into -EWOULDBLOCK.
 */
long sys_flock(unsigned int fd, unsigned int cmd)
{
	struct file *file = fget(fd);
	struct file_lock *new = NULL, *old;
	unsigned long flags, seen;
	int type;
	long err = 0;

	if (!file)
		return -EBADF;
	switch (cmd & ~LOCK_NB) {
	case LOCK_SH:
		type = F_RDLCK;
		break;
	case LOCK_EX:
		type = F_WRLCK;
		break;
	case LOCK_UN:
		type = F_UNLCK;
		break;
	default:
		err = -EINVAL;
		goto out;
	}
	if (type != F_UNLCK) {
		new = kmalloc(sizeof(*new), GFP_KERNEL);
		if (!new) {
			err = -ENOMEM;
			goto out;
		}
		*new = (struct file_lock){ .fl_inode = file->f_inode,
					   .fl_owner = file,
					   .fl_flags = FL_FLOCK,
					   .fl_type = type,
					   .fl_pid = current->tgid,
					   .fl_end = OFFSET_MAX };
	}
	spin_lock_irqsave(&flc_lock, flags);
	old = flock_of(file);
	if (old && old->fl_type == type) {
		spin_unlock_irqrestore(&flc_lock, flags);
		goto out; /* already held as asked */
	}
	if (old) {
		release_lock(old);
		lock_gen++;
		wake_up_all(&lock_wq);
	}
	while (new) {
		if (!find_conflict(file->f_inode, FL_FLOCK, file, type, 0, OFFSET_MAX)) {
			insert_lock(new);
			new = NULL;
			break;
		}
		if (cmd & LOCK_NB) {
			err = -EWOULDBLOCK;
			break;
		}
		seen = lock_gen;
		spin_unlock_irqrestore(&flc_lock, flags);
		err = wait_event_interruptible(lock_wq, READ_ONCE(lock_gen) != seen);
		spin_lock_irqsave(&flc_lock, flags);
		if (err)
			break;
	}
	spin_unlock_irqrestore(&flc_lock, flags);
out:
	kfree(new);
	fput(file);
	return err;
}

/* ---- fcntl's record locks ------------------------------------------------------------ */

/* x86-64 Linux's struct flock. */
struct flock {
	short l_type;
	short l_whence;
	loff_t l_start;
	loff_t l_len;
	int l_pid;
};

_Static_assert(sizeof(struct flock) == 32, "struct flock is 32 bytes on x86-64");

/* The byte range a struct flock names, from the file's offset or size: Linux's flock_to_posix_lock. */
static int flock_range(struct file *file, const struct flock *l, loff_t *start, loff_t *end)
{
	loff_t base;

	switch (l->l_whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = file->f_inode->i_size;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, l->l_start, start))
		return -EOVERFLOW;
	if (*start < 0)
		return -EINVAL;
	if (l->l_len > 0) {
		if (l->l_len - 1 > OFFSET_MAX - *start)
			return -EOVERFLOW;
		*end = *start + l->l_len - 1;
	} else if (l->l_len < 0) {
		*end = *start - 1;
		*start += l->l_len;
		if (*start < 0)
			return -EINVAL;
	} else {
		*end = OFFSET_MAX;
	}
	return 0;
}

long fcntl_getlk(struct file *file, struct flock __user *ul, bool ofd)
{
	struct file_lock *conflict;
	unsigned long flags;
	struct flock l;
	loff_t start, end;
	int err;

	if (copy_from_user(&l, ul, sizeof(l)))
		return -EFAULT;
	if (l.l_type != F_RDLCK && l.l_type != F_WRLCK)
		return -EINVAL;
	if (ofd && l.l_pid)
		return -EINVAL;
	err = flock_range(file, &l, &start, &end);
	if (err)
		return err;
	spin_lock_irqsave(&flc_lock, flags);
	conflict = find_conflict(file->f_inode, FL_POSIX, ofd ? (void *)file : current->files,
				 l.l_type, start, end);
	if (conflict) {
		l.l_type = conflict->fl_type;
		l.l_whence = SEEK_SET;
		l.l_start = conflict->fl_start;
		l.l_len = conflict->fl_end == OFFSET_MAX
				  ? 0
				  : conflict->fl_end - conflict->fl_start + 1;
		l.l_pid = conflict->fl_pid;
	} else {
		l.l_type = F_UNLCK;
	}
	spin_unlock_irqrestore(&flc_lock, flags);
	return copy_to_user(ul, &l, sizeof(l)) ? -EFAULT : 0;
}

long fcntl_setlk(struct file *file, struct flock __user *ul, bool wait, bool ofd)
{
	struct flock l;
	loff_t start, end;
	int err;

	if (copy_from_user(&l, ul, sizeof(l)))
		return -EFAULT;
	switch (l.l_type) {
	case F_RDLCK:
		if (!(file->f_mode & FMODE_READ))
			return -EBADF;
		break;
	case F_WRLCK:
		if (!(file->f_mode & FMODE_WRITE))
			return -EBADF;
		break;
	case F_UNLCK:
		break;
	default:
		return -EINVAL;
	}
	if (ofd && l.l_pid)
		return -EINVAL;
	err = flock_range(file, &l, &start, &end);
	if (err)
		return err;
	return posix_lock(file->f_inode, ofd ? (void *)file : current->files, l.l_type, start, end,
			  wait, ofd);
}
