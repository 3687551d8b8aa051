// SPDX-License-Identifier: GPL-2.0
/*
 * signalfd: the caller's pending signals of a chosen set, read from a file as struct
 * signalfd_siginfo (Linux's 128-byte record) instead of delivered to a handler. The signals
 * are normally blocked; a read takes them off the reading task's queues (its own, then its
 * process's), as Linux's does, and poll reports POLLIN while one is pending.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/wait.h>
#include <uapi/fcntl.h>
#include <uapi/poll.h>

extern struct wait_queue_head signalfd_wqh;

struct signalfd_siginfo {
	u32 ssi_signo;
	s32 ssi_errno;
	s32 ssi_code;
	u32 ssi_pid;
	u32 ssi_uid;
	s32 ssi_fd;
	u32 ssi_tid;
	u32 ssi_band;
	u32 ssi_overrun;
	u32 ssi_trapno;
	s32 ssi_status;
	s32 ssi_int;
	u64 ssi_ptr;
	u64 ssi_utime;
	u64 ssi_stime;
	u64 ssi_addr;
	u16 ssi_addr_lsb;
	u16 __pad2;
	s32 ssi_syscall;
	u64 ssi_call_addr;
	u32 ssi_arch;
	u8 __pad[28];
};
_Static_assert(sizeof(struct signalfd_siginfo) == 128, "signalfd_siginfo is 128 bytes");

struct signalfd_ctx {
	sigset_t sigmask; /* the signals this file reads; changed by signalfd(fd, ...) */
};

static const struct file_operations signalfd_fops;

/* The fields of si as Linux's signalfd_copyinfo picks them by how the signal came. */
static void to_ssi(struct signalfd_siginfo *n, const struct kernel_siginfo *si)
{
	int sig = si->si_signo, code = si->si_code;

	memset(n, 0, sizeof(*n));
	n->ssi_signo = sig;
	n->ssi_errno = si->si_errno;
	n->ssi_code = code;
	if (code == SI_KERNEL)
		return;
	if (code > 0 &&
	    (sig == SIGILL || sig == SIGFPE || sig == SIGSEGV || sig == SIGBUS || sig == SIGTRAP)) {
		n->ssi_addr = (unsigned long)si->sigfault.addr;
	} else if (code > 0 && sig == SIGCHLD) {
		n->ssi_pid = si->sigchld.pid;
		n->ssi_uid = si->sigchld.uid;
		n->ssi_status = si->sigchld.status;
		n->ssi_utime = si->sigchld.utime;
		n->ssi_stime = si->sigchld.stime;
	} else {
		n->ssi_pid = si->kill.pid;
		n->ssi_uid = si->kill.uid;
		if (code == SI_QUEUE || code == SI_TIMER || code == SI_MESGQ) {
			n->ssi_int = (s32)si->kill.value;
			n->ssi_ptr = si->kill.value;
		}
	}
}

static ssize_t signalfd_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct signalfd_ctx *ctx = file->private_data;
	struct kernel_siginfo info;
	struct signalfd_siginfo n;
	ssize_t total = 0;

	if (to->count < sizeof(n))
		return -EINVAL;
	while (to->count >= sizeof(n)) {
		sigset_t mask = READ_ONCE(ctx->sigmask);
		int sig = signalfd_dequeue(&mask, &info);

		if (!sig) {
			int err;

			/* Only the first record waits; later ones take what is there. */
			if (total)
				break;
			if (file->f_flags & O_NONBLOCK)
				return -EAGAIN;
			err = wait_event_interruptible(signalfd_wqh, signalfd_pending(&mask));
			if (err)
				return err;
			continue;
		}
		to_ssi(&n, &info);
		if (copy_to_iter(&n, sizeof(n), to) != sizeof(n))
			return total ? total : -EFAULT;
		total += sizeof(n);
	}
	return total;
}

static unsigned int signalfd_poll(struct file *file, struct poll_table_struct *pt)
{
	struct signalfd_ctx *ctx = file->private_data;

	poll_wait(file, &signalfd_wqh, pt);
	return signalfd_pending(&ctx->sigmask) ? POLLIN | POLLRDNORM : 0;
}

static int signalfd_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations signalfd_fops = {
	.read = signalfd_read,
	.poll = signalfd_poll,
	.release = signalfd_release,
};

static struct file_system_type signalfd_fs_type = { .name = "signalfd" };
static struct super_block *signalfd_sb;
static DEFINE_MUTEX(signalfd_sb_mutex);

static struct file *signalfd_file(struct signalfd_ctx *ctx, int flags)
{
	static const struct qstr name = { .name = "[signalfd]", .len = 10 };
	struct inode *inode;
	struct path path;
	struct file *file;

	mutex_lock(&signalfd_sb_mutex);
	if (!signalfd_sb)
		signalfd_sb = sget_nodev(&signalfd_fs_type, 0);
	mutex_unlock(&signalfd_sb_mutex);
	if (!signalfd_sb)
		return ERR_PTR(-ENOMEM);
	inode = new_inode(signalfd_sb);
	if (!inode)
		return ERR_PTR(-ENFILE);
	inode->i_mode = S_IFREG | 0600;
	inode->i_nlink = 0; /* no name: freed with its last file */
	inode->i_fop = &signalfd_fops;
	path.dentry = d_alloc(NULL, &name);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	path.dentry->d_sb = signalfd_sb;
	d_instantiate(path.dentry, inode);
	path.mnt = NULL;
	file = dentry_open(&path, O_RDWR | flags);
	dput(path.dentry);
	if (!IS_ERR(file))
		file->private_data = ctx;
	return file;
}

#define SFD_CLOEXEC O_CLOEXEC
#define SFD_NONBLOCK O_NONBLOCK

long sys_signalfd4(int ufd, const sigset_t __user *user_mask, size_t sizemask, int flags)
{
	struct signalfd_ctx *ctx;
	struct file *file;
	sigset_t mask;
	int fd;

	if (flags & ~(SFD_CLOEXEC | SFD_NONBLOCK))
		return -EINVAL;
	if (sizemask != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, user_mask, sizeof(mask)))
		return -EFAULT;
	/* SIGKILL and SIGSTOP are never read: they act at once. */
	sigdelset(&mask, SIGKILL);
	sigdelset(&mask, SIGSTOP);
	if (ufd != -1) {
		file = fget_from(current->files, ufd);
		if (!file)
			return -EBADF;
		if (file->f_op != &signalfd_fops) {
			fput(file);
			return -EINVAL;
		}
		ctx = file->private_data;
		WRITE_ONCE(ctx->sigmask, mask);
		fput(file);
		wake_up(&signalfd_wqh);
		return ufd;
	}
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ctx->sigmask = mask;
	file = signalfd_file(ctx, flags & SFD_NONBLOCK);
	if (IS_ERR(file)) {
		kfree(ctx);
		return PTR_ERR(file);
	}
	fd = fd_install_from(current->files, file, 0, flags & SFD_CLOEXEC);
	if (fd < 0)
		fput(file);
	return fd;
}

long sys_signalfd(int ufd, const sigset_t __user *user_mask, size_t sizemask)
{
	return sys_signalfd4(ufd, user_mask, sizemask, 0);
}
