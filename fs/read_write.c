// SPDX-License-Identifier: GPL-2.0
/*
 * Reading, writing and seeking, for system calls (user buffers) and the kernel alike: every
 * transfer goes through a struct iov_iter, so a file system has one read and one write.
 */
#include <asm/uaccess.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/resource.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

#include "internal.h"

void iov_iter_kernel(struct iov_iter *i, void *buf, size_t count)
{
	i->user = false;
	i->base = buf;
	i->count = count;
}

void iov_iter_user(struct iov_iter *i, void *ubuf, size_t count)
{
	i->user = true;
	i->base = ubuf;
	i->count = count;
}

size_t copy_to_iter(const void *src, size_t n, struct iov_iter *i)
{
	size_t done;

	n = min(n, i->count);
	if (i->user)
		done = n - copy_to_user((void __user *)i->base, src, n);
	else
		done = (memcpy(i->base, src, n), n);
	i->base += done;
	i->count -= done;
	return done;
}

size_t copy_from_iter(void *dst, size_t n, struct iov_iter *i)
{
	size_t done;

	n = min(n, i->count);
	if (i->user)
		done = n - copy_from_user(dst, (const void __user *)i->base, n);
	else
		done = (memcpy(dst, i->base, n), n);
	i->base += done;
	i->count -= done;
	return done;
}

size_t iov_iter_zero(size_t n, struct iov_iter *i)
{
	size_t done;

	n = min(n, i->count);
	if (i->user)
		done = n - clear_user((void __user *)i->base, n);
	else
		done = (memset(i->base, 0, n), n);
	i->base += done;
	i->count -= done;
	return done;
}

/*
 * Called with the inode lock held by a file system's write: where the write goes (the end
 * of the file for O_APPEND, decided under the lock so that two appenders never overwrite
 * each other) and how much of it fits below s_maxbytes. A write that would cross the limit
 * is cut short there; one that starts at it gets -EFBIG. Returns the bytes that may be
 * written, or -errno.
 */
ssize_t generic_write_checks(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	loff_t limit = inode->i_sb->s_maxbytes;

	lockdep_assert_held(&inode->i_rwsem);
	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	if (*pos < 0)
		return -EINVAL;
	/* RLIMIT_FSIZE: a write may reach it, not pass it; at it, EFBIG and SIGXFSZ. */
	if (rlimit(RLIMIT_FSIZE) != RLIM_INFINITY) {
		loff_t fsize = (loff_t)min(rlimit(RLIMIT_FSIZE), ~0UL >> 1);

		if (*pos >= fsize) {
			send_sig(SIGXFSZ, current, 0);
			return -EFBIG;
		}
		if (from->count > (u64)(fsize - *pos))
			from->count = fsize - *pos;
	}
	if (*pos >= limit)
		return -EFBIG;
	if (from->count > (u64)(limit - *pos))
		from->count = limit - *pos;
	return from->count;
}

ssize_t vfs_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op || !file->f_op->read)
		return S_ISDIR(file->f_inode->i_mode) ? -EISDIR : -EINVAL;
	/* A regular file's read of nothing still reaches it: tmpfs counts it as an access. */
	if (!to->count && !S_ISREG(file->f_inode->i_mode))
		return 0;
	return file->f_op->read(file, to, pos);
}

ssize_t vfs_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	if (!from->count)
		return 0;
	return file->f_op->write(file, from, pos);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct iov_iter i;

	iov_iter_kernel(&i, buf, count);
	return vfs_read(file, &i, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct iov_iter i;

	iov_iter_kernel(&i, (void *)buf, count);
	return vfs_write(file, &i, pos);
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
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
	if ((offset > 0 && base > file->f_inode->i_sb->s_maxbytes - offset) || base + offset < 0)
		return -EINVAL;
	file->f_pos = base + offset;
	return file->f_pos;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!file->f_op || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

int vfs_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file->f_inode;
	int err;

	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	down_read(&inode->i_rwsem);
	err = -ENOENT;
	if (!IS_DEADDIR(inode)) {
		err = file->f_op->iterate_shared(file, ctx);
		/* Every call, even one past the end or with no room, as Linux's iterate_dir. */
		file_accessed(file);
	}
	up_read(&inode->i_rwsem);
	return err;
}

int vfs_fsync(struct file *file)
{
	if (!file->f_op || !file->f_op->fsync)
		return 0;
	return file->f_op->fsync(file, 0);
}

/* ---- the system calls -------------------------------------------------------------- */

/*
 * Descriptors share their file's offset, so reads and writes through one regular file or
 * directory are ordered by f_pos_lock (Linux's FMODE_ATOMIC_POS): two writers never write at
 * the same offset. Streams (pipes, terminals, eventfd...) have no offset to keep, and a
 * reader blocked in one must not keep a writer to the same open file out, so they go
 * unlocked, as on Linux.
 */
static bool file_needs_f_pos_lock(const struct file *file)
{
	umode_t mode = file->f_inode->i_mode;

	return S_ISREG(mode) || S_ISDIR(mode);
}

static ssize_t rw_at_pos(struct file *file, struct iov_iter *iter, bool write)
{
	loff_t pos;
	ssize_t ret;

	if (!file_needs_f_pos_lock(file)) {
		pos = READ_ONCE(file->f_pos);
		ret = write ? vfs_write(file, iter, &pos) : vfs_read(file, iter, &pos);
		if (ret > 0 && file->f_op && file->f_op->llseek)
			WRITE_ONCE(file->f_pos, pos); /* a seekable device keeps its position */
		return ret;
	}
	mutex_lock(&file->f_pos_lock);
	pos = file->f_pos;
	ret = write ? vfs_write(file, iter, &pos) : vfs_read(file, iter, &pos);
	if (ret > 0)
		file->f_pos = pos;
	mutex_unlock(&file->f_pos_lock);
	return ret;
}

/* Linux's cap on one transfer: a count beyond it moves this much, never a negative result. */
#define MAX_RW_COUNT (0x7fffffffUL & PAGE_MASK)

static long ksys_rw(unsigned int fd, void __user *buf, size_t count, bool write)
{
	struct iov_iter iter;
	bool put;
	struct file *file = fget_light((int)fd, &put);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = -EBADF;
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		goto out;
	/* The whole range first, as Linux's vfs_read: (size_t)-1 is EFAULT, not clamped. */
	ret = -EFAULT;
	if (!access_ok(buf, count))
		goto out;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	iov_iter_user(&iter, buf, count);
	ret = rw_at_pos(file, &iter, write);
out:
	if (put)
		fput(file);
	return ret;
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	return ksys_rw(fd, buf, count, false);
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	return ksys_rw(fd, (void __user *)buf, count, true);
}

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV 1024

/*
 * One iovec at a time, stopping at the first short transfer, as a reader of the total
 * would see from one call; an error after some bytes moved reports the bytes.
 */
static long ksys_rwv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		     bool write, loff_t *ppos)
{
	struct file *file;
	ssize_t total = 0, ret = 0;
	unsigned long i;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ))) {
		ret = -EBADF;
		goto out;
	}
	if (ppos && (!file->f_op || !file->f_op->llseek)) {
		ret = -ESPIPE; /* preadv/pwritev on what cannot seek */
		goto out;
	}
	for (i = 0; i < vlen; i++) {
		struct iovec iov;
		struct iov_iter iter;

		if (copy_from_user(&iov, &vec[i], sizeof(iov))) {
			ret = -EFAULT;
			break;
		}
		if ((ssize_t)iov.iov_len < 0 || total + iov.iov_len < (size_t)total) {
			ret = -EINVAL;
			break;
		}
		if (!iov.iov_len)
			continue;
		if (!access_ok(iov.iov_base, iov.iov_len)) {
			ret = -EFAULT;
			break;
		}
		iov_iter_user(&iter, iov.iov_base, iov.iov_len);
		if (ppos)
			ret = write ? vfs_write(file, &iter, ppos) : vfs_read(file, &iter, ppos);
		else
			ret = rw_at_pos(file, &iter, write);
		if (ret < 0)
			break;
		total += ret;
		if ((size_t)ret < iov.iov_len)
			break;
		ret = 0;
	}
out:
	fput(file);
	return total ? total : ret;
}

long sys_readv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return ksys_rwv(fd, vec, vlen, false, NULL);
}

long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return ksys_rwv(fd, vec, vlen, true, NULL);
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	mutex_lock(&file->f_pos_lock);
	ret = vfs_llseek(file, offset, whence);
	mutex_unlock(&file->f_pos_lock);
	fput(file);
	return ret;
}

/* At an offset, leaving f_pos alone: -ESPIPE for what cannot seek (pipes, FIFOs, ttys). */
static long ksys_prw(unsigned int fd, void __user *buf, size_t count, loff_t pos, bool write)
{
	struct iov_iter iter;
	struct file *file;
	long ret;

	if (pos < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = -EBADF;
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		goto out;
	ret = -ESPIPE;
	if (!file->f_op || !file->f_op->llseek)
		goto out;
	/* The whole range first, as Linux's vfs_read: (size_t)-1 is EFAULT, not clamped. */
	ret = -EFAULT;
	if (!access_ok(buf, count))
		goto out;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	iov_iter_user(&iter, buf, count);
	ret = write ? vfs_write(file, &iter, &pos) : vfs_read(file, &iter, &pos);
out:
	fput(file);
	return ret;
}

long sys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos)
{
	return ksys_prw(fd, buf, count, pos, false);
}

long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos)
{
	return ksys_prw(fd, (void __user *)buf, count, pos, true);
}

/* ---- preadv, pwritev and their flags versions -------------------------------------- */

#define RWF_HIPRI 0x01
#define RWF_DSYNC 0x02
#define RWF_SYNC 0x04
#define RWF_NOWAIT 0x08
#define RWF_APPEND 0x10

/* On x86-64 the whole offset comes in pos_l; pos_h is the 32-bit ABIs' upper half. */
static long ksys_prwv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		      unsigned long pos_l, bool write, int flags, bool v2)
{
	loff_t pos = (loff_t)pos_l;

	if (flags & ~(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND))
		return -EOPNOTSUPP;
	/* No file here can promise not to block: RWF_NOWAIT is refused, as Linux refuses it
	 * for a file without FMODE_NOWAIT. RWF_APPEND is a write flag. */
	if ((flags & RWF_NOWAIT) || ((flags & RWF_APPEND) && !write))
		return -EOPNOTSUPP;
	/* preadv2/pwritev2 with offset -1 use and move the file position, as readv does. */
	if (v2 && pos == -1)
		return ksys_rwv(fd, vec, vlen, write, NULL);
	if (pos < 0)
		return -EINVAL;
	return ksys_rwv(fd, vec, vlen, write, &pos);
}

long sys_preadv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		unsigned long pos_l, unsigned long pos_h)
{
	return ksys_prwv(fd, vec, vlen, pos_l, false, 0, false);
}

long sys_pwritev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h)
{
	return ksys_prwv(fd, vec, vlen, pos_l, true, 0, false);
}

long sys_preadv2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h, int flags)
{
	return ksys_prwv(fd, vec, vlen, pos_l, false, flags, true);
}

long sys_pwritev2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		  unsigned long pos_l, unsigned long pos_h, int flags)
{
	return ksys_prwv(fd, vec, vlen, pos_l, true, flags, true);
}

/* ---- sendfile and copy_file_range: through a kernel page ---------------------------- */

/*
 * Moves up to count bytes from in (at *in_pos) to out (at *out_pos, or its file position
 * when out_pos is NULL, appending if O_APPEND), a page at a time; stops at the end of the
 * input or at a short write. The bytes moved, or -errno if none moved.
 */
static ssize_t copy_through_page(struct file *in, loff_t *in_pos, struct file *out, loff_t *out_pos,
				 size_t count)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t done = 0, err = 0;

	if (!buf)
		return -ENOMEM;
	while (count) {
		size_t chunk = count < PAGE_SIZE ? count : PAGE_SIZE;
		ssize_t got, put;
		struct iov_iter it;

		iov_iter_kernel(&it, buf, chunk);
		got = vfs_read(in, &it, in_pos);
		if (got <= 0) {
			err = got;
			break;
		}
		iov_iter_kernel(&it, buf, got);
		put = out_pos ? vfs_write(out, &it, out_pos) : rw_at_pos(out, &it, true);
		if (put < 0) {
			/* The input moved past what was not written: step it back. */
			*in_pos -= got;
			err = put;
			break;
		}
		done += put;
		count -= put;
		if (put < got) {
			*in_pos -= got - put;
			break;
		}
		if (signal_pending(current))
			break;
	}
	kfree(buf);
	return done ? done : err;
}

/*
 * sendfile: from a file that can seek (the page cache's, a device's) to anything writable.
 * With offset, reads from *offset and updates it, leaving in's position alone; without,
 * reads at and moves in's position. An O_APPEND output is -EINVAL, as on Linux.
 */
long sys_sendfile64(int out_fd, int in_fd, loff_t __user *offset, size_t count)
{
	struct file *in, *out;
	loff_t pos;
	long ret;

	in = fget(in_fd);
	if (!in)
		return -EBADF;
	ret = -EBADF;
	out = fget(out_fd);
	if (!out)
		goto out_in;
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE))
		goto out_out;
	ret = -EINVAL;
	if (!in->f_op || !in->f_op->llseek || !in->f_op->read || (out->f_flags & O_APPEND))
		goto out_out;
	if (offset) {
		ret = -EFAULT;
		if (copy_from_user(&pos, offset, sizeof(pos)))
			goto out_out;
		ret = -EINVAL;
		if (pos < 0)
			goto out_out;
	}
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (offset) {
		ret = copy_through_page(in, &pos, out, NULL, count);
		if (ret >= 0 && copy_to_user(offset, &pos, sizeof(pos)))
			ret = -EFAULT;
	} else {
		/* As Linux's sendfile, in's position is read and updated without f_pos_lock:
		 * the output's lock (rw_at_pos) is the one taken, and never two at once. */
		pos = READ_ONCE(in->f_pos);
		ret = copy_through_page(in, &pos, out, NULL, count);
		WRITE_ONCE(in->f_pos, pos);
	}
out_out:
	fput(out);
out_in:
	fput(in);
	return ret;
}

/*
 * copy_file_range: between two regular files; the offsets as sendfile's (each NULL means the
 * file's position). flags must be 0; overlapping ranges of one file are -EINVAL.
 */
long sys_copy_file_range(int fd_in, loff_t __user *off_in, int fd_out, loff_t __user *off_out,
			 size_t len, unsigned int flags)
{
	struct file *in, *out;
	loff_t pin, pout;
	long ret;

	if (flags)
		return -EINVAL;
	in = fget(fd_in);
	if (!in)
		return -EBADF;
	ret = -EBADF;
	out = fget(fd_out);
	if (!out)
		goto out_in;
	/* Linux's generic_file_rw_checks order: types first, then access modes. */
	ret = -EISDIR;
	if (S_ISDIR(in->f_inode->i_mode) || S_ISDIR(out->f_inode->i_mode))
		goto out_out;
	ret = -EINVAL;
	if (!S_ISREG(in->f_inode->i_mode) || !S_ISREG(out->f_inode->i_mode))
		goto out_out;
	ret = -EBADF;
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE) || (out->f_flags & O_APPEND))
		goto out_out;
	ret = -EFAULT;
	if (off_in && copy_from_user(&pin, off_in, sizeof(pin)))
		goto out_out;
	if (off_out && copy_from_user(&pout, off_out, sizeof(pout)))
		goto out_out;
	if (!off_in)
		pin = in->f_pos;
	if (!off_out)
		pout = out->f_pos;
	ret = -EINVAL;
	if (pin < 0 || pout < 0)
		goto out_out;
	if (len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	if (in->f_inode == out->f_inode && pin < pout + (loff_t)len && pout < pin + (loff_t)len)
		goto out_out;
	ret = len ? copy_through_page(in, &pin, out, &pout, len) : 0;
	if (ret > 0) {
		if (off_in ? copy_to_user(off_in, &pin, sizeof(pin)) : 0)
			ret = -EFAULT;
		else if (!off_in)
			in->f_pos = pin;
		if (off_out ? copy_to_user(off_out, &pout, sizeof(pout)) : 0)
			ret = -EFAULT;
		else if (!off_out)
			out->f_pos = pout;
	}
out_out:
	fput(out);
out_in:
	fput(in);
	return ret;
}
