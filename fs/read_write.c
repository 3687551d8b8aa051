// SPDX-License-Identifier: GPL-2.0
/*
 * Reading, writing and seeking, for system calls (user buffers) and the kernel alike: every
 * transfer goes through a struct iov_iter, so a file system has one read and one write.
 */
#include <asm/uaccess.h>
#include <kernel/fs.h>
#include <kernel/mutex.h>
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
	if (!to->count)
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
	err = IS_DEADDIR(inode) ? -ENOENT : file->f_op->iterate_shared(file, ctx);
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
 * Descriptors share their file's offset, so reads and writes through one file are ordered
 * by f_pos_lock (Linux's FMODE_ATOMIC_POS): two writers never write at the same offset.
 */
static ssize_t rw_at_pos(struct file *file, struct iov_iter *iter, bool write)
{
	loff_t pos;
	ssize_t ret;

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
	struct file *file;
	ssize_t ret;

	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = -EBADF;
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		goto out;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	ret = -EFAULT;
	if (!access_ok(buf, count))
		goto out;
	iov_iter_user(&iter, buf, count);
	ret = rw_at_pos(file, &iter, write);
out:
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
		     bool write)
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
	return ksys_rwv(fd, vec, vlen, false);
}

long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return ksys_rwv(fd, vec, vlen, true);
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
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	ret = -EFAULT;
	if (!access_ok(buf, count))
		goto out;
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
