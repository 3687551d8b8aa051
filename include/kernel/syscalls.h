/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SYSCALLS_H
#define _KERNEL_SYSCALLS_H

#include <asm/uaccess.h>
#include <kernel/fs.h>
#include <kernel/sched/signal.h>
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
long sys_arch_prctl(int option, unsigned long arg2);
long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp);

/* Signals (kernel/signal.c, arch/x86_64/kernel/signal.c, fs/signalfd.c, kernel/fork.c). */
struct k_sigaction;
struct kernel_siginfo;
struct sigaltstack;
struct k_itimerval;
long sys_rt_sigaction(int sig, const struct k_sigaction __user *act,
		      struct k_sigaction __user *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const sigset_t __user *nset, sigset_t __user *oset,
			size_t sigsetsize);
long sys_rt_sigreturn(void);
long sys_rt_sigpending(sigset_t __user *uset, size_t sigsetsize);
long sys_rt_sigtimedwait(const sigset_t __user *uthese, struct kernel_siginfo __user *uinfo,
			 const struct timespec64 __user *uts, size_t sigsetsize);
long sys_rt_sigqueueinfo(int pid, int sig, struct kernel_siginfo __user *uinfo);
long sys_rt_tgsigqueueinfo(int tgid, int pid, int sig, struct kernel_siginfo __user *uinfo);
long sys_rt_sigsuspend(const sigset_t __user *unewset, size_t sigsetsize);
long sys_sigaltstack(const struct sigaltstack __user *uss, struct sigaltstack __user *uoss);
long sys_pause(void);
long sys_alarm(unsigned int seconds);
long sys_getitimer(int which, struct k_itimerval __user *value);
long sys_setitimer(int which, const struct k_itimerval __user *value,
		   struct k_itimerval __user *ovalue);
long sys_kill(int pid, int sig);
long sys_tkill(int pid, int sig);
long sys_tgkill(int tgid, int pid, int sig);
long sys_restart_syscall(void);
long sys_signalfd4(int ufd, const sigset_t __user *user_mask, size_t sizemask, int flags);
long sys_signalfd(int ufd, const sigset_t __user *user_mask, size_t sizemask);
long sys_waitid(int which, int upid, struct kernel_siginfo __user *infop, int options,
		void __user *ru);
/* Threads, futexes, process groups and sessions, credentials, prctl (the threads work). */
struct clone_args;
struct robust_list_head;
long sys_clone3(struct clone_args __user *uargs, size_t size);
long sys_futex(u32 __user *uaddr, int op, u32 val, const struct timespec64 __user *utime,
	       u32 __user *uaddr2, u32 val3);
long sys_set_robust_list(struct robust_list_head __user *head, size_t len);
long sys_get_robust_list(int pid, struct robust_list_head __user *__user *head_ptr,
			 size_t __user *len_ptr);
struct kernel_siginfo;
long sys_waitid(int which, int upid, struct kernel_siginfo __user *infop, int options,
		void __user *ru);
long sys_setpgid(int pid, int pgid);
long sys_getpgid(int pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getsid(int pid);
long sys_setuid(u32 uid);
long sys_setgid(u32 gid);
long sys_setreuid(u32 ruid, u32 euid);
long sys_setregid(u32 rgid, u32 egid);
long sys_setresuid(u32 ruid, u32 euid, u32 suid);
long sys_setresgid(u32 rgid, u32 egid, u32 sgid);
long sys_getresuid(u32 __user *ruid, u32 __user *euid, u32 __user *suid);
long sys_getresgid(u32 __user *rgid, u32 __user *egid, u32 __user *sgid);
long sys_setfsuid(u32 uid);
long sys_setfsgid(u32 gid);
long sys_getgroups(int size, u32 __user *list);
long sys_setgroups(int size, const u32 __user *list);
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
	       unsigned long arg5);
/* Files and directories (fs/: select.c, open.c, namei_syscalls.c, statfs.c, sync.c, locks.c,
 * namespace.c, read_write.c, stat.c, eventfd.c, timerfd.c). */
struct pollfd;
struct linux_statfs;
struct statx;
struct open_how;
struct __kernel_old_timeval;
struct old_timeval;
struct utimbuf;
struct itimerspec64;
long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_msecs);
long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds, struct timespec64 __user *tsp,
	       const void __user *sigmask, size_t sigsetsize);
long sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
		unsigned long __user *exp, struct __kernel_old_timeval __user *tvp);
long sys_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
		  unsigned long __user *exp, struct timespec64 __user *tsp, void __user *sig);
long sys_chmod(const char __user *filename, umode_t mode);
long sys_fchmod(unsigned int fd, umode_t mode);
long sys_fchmodat(int dfd, const char __user *filename, umode_t mode);
long sys_chown(const char __user *filename, uid_t user, gid_t group);
long sys_fchown(unsigned int fd, uid_t user, gid_t group);
long sys_lchown(const char __user *filename, uid_t user, gid_t group);
long sys_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag);
long sys_truncate(const char __user *path, long length);
long sys_ftruncate(unsigned int fd, unsigned long length);
long sys_fallocate(int fd, int mode, loff_t offset, loff_t len);
long sys_fchdir(unsigned int fd);
long sys_chroot(const char __user *filename);
long sys_creat(const char __user *pathname, umode_t mode);
long sys_faccessat2(int dfd, const char __user *filename, int mode, int flags);
long sys_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags);
long sys_openat2(int dfd, const char __user *filename, struct open_how __user *how, size_t size);
long sys_link(const char __user *oldname, const char __user *newname);
long sys_linkat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname,
		int flags);
long sys_mknod(const char __user *filename, umode_t mode, unsigned int dev);
long sys_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev);
long sys_utimensat(int dfd, const char __user *filename, struct timespec64 __user *utimes,
		   int flags);
long sys_utimes(const char __user *filename, struct old_timeval __user *utimes);
long sys_utime(const char __user *filename, struct utimbuf __user *times);
long sys_statfs(const char __user *pathname, struct linux_statfs __user *buf);
long sys_fstatfs(unsigned int fd, struct linux_statfs __user *buf);
long sys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
	       struct statx __user *buffer);
long sys_sync(void);
long sys_syncfs(int fd);
long sys_fsync(unsigned int fd);
long sys_fdatasync(unsigned int fd);
long sys_mount(char __user *dev_name, char __user *dir_name, char __user *type, unsigned long flags,
	       void __user *data);
long sys_umount2(char __user *name, int flags);
long sys_flock(unsigned int fd, unsigned int cmd);
long sys_preadv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		unsigned long pos_l, unsigned long pos_h);
long sys_pwritev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h);
long sys_preadv2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h, int flags);
long sys_pwritev2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		  unsigned long pos_l, unsigned long pos_h, int flags);
long sys_sendfile64(int out_fd, int in_fd, loff_t __user *offset, size_t count);
long sys_copy_file_range(int fd_in, loff_t __user *off_in, int fd_out, loff_t __user *off_out,
			 size_t len, unsigned int flags);
long sys_eventfd(unsigned int count);
long sys_eventfd2(unsigned int count, int flags);
long sys_timerfd_create(int clockid, int flags);
long sys_timerfd_settime(int ufd, int flags, const struct itimerspec64 __user *utmr,
			 struct itimerspec64 __user *otmr);
long sys_timerfd_gettime(int ufd, struct itimerspec64 __user *otmr);
/* Memory (mm/mmap_syscalls.c), resources (kernel/resource.c) and the system (kernel/sys.c). */
struct rlimit;
struct rusage;
struct tms;
struct sysinfo;
struct sched_param;
long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr);
long sys_madvise(unsigned long start, size_t len, int advice);
long sys_msync(unsigned long start, size_t len, int flags);
long sys_mincore(unsigned long start, size_t len, unsigned char __user *vec);
long sys_mlock(unsigned long start, size_t len);
long sys_mlock2(unsigned long start, size_t len, int flags);
long sys_munlock(unsigned long start, size_t len);
long sys_mlockall(int flags);
long sys_munlockall(void);
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit __user *new_rlim,
		   struct rlimit __user *old_rlim);
long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim);
long sys_getrusage(int who, struct rusage __user *ru);
long sys_times(struct tms __user *tbuf);
long sys_sysinfo(struct sysinfo __user *info);
long sys_sethostname(const char __user *name, int len);
long sys_setdomainname(const char __user *name, int len);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg);

long sys_sched_getaffinity(int pid, unsigned int len, unsigned long __user *user_mask_ptr);
long sys_sched_setaffinity(int pid, unsigned int len, unsigned long __user *user_mask_ptr);
long sys_sched_getscheduler(int pid);
long sys_sched_getparam(int pid, struct sched_param __user *param);
long sys_sched_setscheduler(int pid, int policy, struct sched_param __user *param);
long sys_sched_setparam(int pid, struct sched_param __user *param);
long sys_sched_get_priority_max(int policy);
long sys_sched_get_priority_min(int policy);
/* Tools' kernel bits: the log (kernel/printk), priorities (kernel/sched/priority.c). */
long sys_syslog(int type, char __user *buf, int len);
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int niceval);

/* exec: program loading (fs/exec.c) and the calls the vDSO falls back on (kernel/time). */
long sys_execveat(int fd, const char __user *filename, const char __user *const __user *argv,
		  const char __user *const __user *envp, int flags);
long sys_personality(unsigned int personality);
long sys_time(long __user *tloc);
long sys_clock_getres(int which_clock, struct timespec64 __user *tp);

long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *unused);

/* Mica's own L4-style IPC (kernel/ipc.c, include/uapi/ipc.h): the words travel in pt_regs. */
long sys_ipc_endpoint(unsigned int flags);
long sys_ipc_connect(int server_fd, u64 badge, unsigned int flags);
long sys_ipc_call(int fd);
long sys_ipc_reply_recv(int fd);
long sys_ipc_send(int fd);
long sys_ipc_recv(int fd);
long sys_ipc_echo(void __user *buf, size_t len);

#endif /* _KERNEL_SYSCALLS_H */
