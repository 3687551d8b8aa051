/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SYSCALLS_H
#define _KERNEL_SYSCALLS_H

#include <asm/uaccess.h>
#include <kernel/fs.h>
#include <kernel/time.h>
#include <kernel/types.h>

/*
 * The system calls' entry points, with the types Linux gives their arguments. The table
 * (arch/x86_64/entry/syscalls/syscall_64.tbl) names them; each returns a value or -errno.
 */
struct iovec;
struct linux_stat;
struct new_utsname;

long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_readv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen);
long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_open(const char __user *filename, int flags, umode_t mode);
long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode);
long sys_close(unsigned int fd);
long sys_dup(unsigned int fd);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_newstat(const char __user *filename, struct linux_stat __user *statbuf);
long sys_newlstat(const char __user *filename, struct linux_stat __user *statbuf);
long sys_newfstat(unsigned int fd, struct linux_stat __user *statbuf);
long sys_newfstatat(int dfd, const char __user *filename, struct linux_stat __user *statbuf,
		    int flag);

long sys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos);
long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_pipe(int __user *fildes);
long sys_pipe2(int __user *fildes, int flags);
long sys_mkdir(const char __user *pathname, umode_t mode);
long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode);
long sys_rmdir(const char __user *pathname);
long sys_unlink(const char __user *pathname);
long sys_unlinkat(int dfd, const char __user *pathname, int flag);
long sys_symlink(const char __user *oldname, const char __user *newname);
long sys_symlinkat(const char __user *oldname, int newdfd, const char __user *newname);
long sys_readlink(const char __user *path, char __user *buf, int bufsiz);
long sys_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz);
long sys_rename(const char __user *oldname, const char __user *newname);
long sys_renameat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname);
long sys_renameat2(int olddfd, const char __user *oldname, int newdfd, const char __user *newname,
		   unsigned int flags);
long sys_access(const char __user *filename, int mode);
long sys_faccessat(int dfd, const char __user *filename, int mode);
long sys_chdir(const char __user *filename);
long sys_umask(int mask);
long sys_getcwd(char __user *buf, unsigned long size);
long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count);

long sys_brk(unsigned long brk);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	      unsigned long fd, unsigned long off);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);

long sys_getpid(void);
long sys_fork(void);
long sys_vfork(void);
long sys_clone(unsigned long clone_flags, unsigned long newsp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls);
long sys_wait4(int upid, int __user *stat_addr, int options, void __user *ru);
long sys_gettid(void);
long sys_getppid(void);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_uname(struct new_utsname __user *name);
long sys_set_tid_address(int __user *tidptr);
long sys_exit(int error_code);
long sys_exit_group(int error_code);
long sys_sched_yield(void);
long sys_getrandom(char __user *buf, size_t count, unsigned int flags);
long sys_clock_gettime(int which_clock, struct timespec64 __user *tp);
long sys_gettimeofday(void __user *tv, void __user *tz);
long sys_nanosleep(const struct timespec64 __user *rqtp, struct timespec64 __user *rmtp);
long sys_clock_nanosleep(int which_clock, int flags, const struct timespec64 __user *rqtp,
			 struct timespec64 __user *rmtp);
long sys_rt_sigaction(int sig, const void __user *act, void __user *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const void __user *set, void __user *oset, size_t sigsetsize);
long sys_arch_prctl(int option, unsigned long arg2);
long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp);

/* exec: program loading (fs/exec.c) and the calls the vDSO falls back on (kernel/time). */
long sys_execveat(int fd, const char __user *filename, const char __user *const __user *argv,
		  const char __user *const __user *envp, int flags);
long sys_personality(unsigned int personality);
long sys_time(long __user *tloc);
long sys_clock_getres(int which_clock, struct timespec64 __user *tp);
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *unused);

#endif /* _KERNEL_SYSCALLS_H */
