/*
 * Robustness: system calls with bad arguments, each expecting the errno Linux gives.
 *
 * Every row of the table is one call by Linux's raw x86-64 number (implemented by Mica or
 * not yet: the numbers are Linux's, not the libc's) with NULL, kernel-half, non-canonical,
 * unmapped, read-only, misaligned or out-of-range arguments. make test runs this program on
 * the host's Linux too, so a wrong expectation fails there: the host's answers are the
 * expectations, and in the VM the same binary must agree. Rows with an argument BADIN or
 * BADOUT run once per bad pointer kind (five for memory the call reads, six for memory it
 * writes).
 *
 * Safe on the host: every row fails before it could change anything (a bad flag, a bad
 * pointer or a bad fd checked first), nothing blocks (zero timeouts, non-blocking pipes),
 * nothing is allocated for real, and no signal goes to another process. Rows whose answer
 * depends on privilege (EPERM first for a non-root user) run only as root, as in the VM.
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Linux's x86-64 numbers (arch/x86/entry/syscalls/syscall_64.tbl). */
enum {
	NR_read = 0, NR_write = 1, NR_open = 2, NR_close = 3, NR_stat = 4, NR_fstat = 5,
	NR_lstat = 6, NR_poll = 7, NR_lseek = 8, NR_mmap = 9, NR_mprotect = 10, NR_munmap = 11,
	NR_rt_sigaction = 13, NR_rt_sigprocmask = 14, NR_ioctl = 16, NR_pread64 = 17,
	NR_pwrite64 = 18, NR_readv = 19, NR_writev = 20, NR_access = 21, NR_pipe = 22,
	NR_select = 23, NR_mremap = 25, NR_msync = 26, NR_mincore = 27, NR_madvise = 28,
	NR_dup = 32, NR_dup2 = 33, NR_nanosleep = 35, NR_getitimer = 36, NR_setitimer = 38,
	NR_sendfile = 40, NR_clone = 56, NR_execve = 59, NR_wait4 = 61, NR_kill = 62,
	NR_uname = 63, NR_fcntl = 72, NR_flock = 73, NR_fsync = 74, NR_fdatasync = 75,
	NR_truncate = 76, NR_ftruncate = 77, NR_getcwd = 79, NR_chdir = 80, NR_fchdir = 81,
	NR_rename = 82, NR_mkdir = 83, NR_rmdir = 84, NR_creat = 85, NR_link = 86,
	NR_unlink = 87, NR_symlink = 88, NR_readlink = 89, NR_chmod = 90, NR_fchmod = 91,
	NR_chown = 92, NR_fchown = 93, NR_lchown = 94, NR_gettimeofday = 96,
	NR_getrlimit = 97, NR_getrusage = 98, NR_sysinfo = 99, NR_times = 100,
	NR_setuid = 105, NR_setgid = 106, NR_setpgid = 109, NR_getgroups = 115,
	NR_setgroups = 116, NR_getresuid = 118, NR_getresgid = 120, NR_getpgid = 121,
	NR_getsid = 124, NR_rt_sigpending = 127, NR_rt_sigtimedwait = 128,
	NR_rt_sigsuspend = 130, NR_sigaltstack = 131, NR_mknod = 133, NR_statfs = 137,
	NR_fstatfs = 138, NR_prctl = 157, NR_arch_prctl = 158, NR_setrlimit = 160,
	NR_chroot = 161, NR_mount = 165, NR_umount2 = 166, NR_reboot = 169,
	NR_sethostname = 170, NR_tkill = 200, NR_time = 201, NR_futex = 202,
	NR_sched_setaffinity = 203, NR_sched_getaffinity = 204, NR_getdents64 = 217,
	NR_clock_gettime = 228, NR_clock_getres = 229, NR_clock_nanosleep = 230,
	NR_tgkill = 234, NR_waitid = 247, NR_openat = 257, NR_mkdirat = 258,
	NR_mknodat = 259, NR_fchownat = 260, NR_newfstatat = 262, NR_unlinkat = 263,
	NR_renameat = 264, NR_linkat = 265, NR_symlinkat = 266, NR_readlinkat = 267,
	NR_fchmodat = 268, NR_faccessat = 269, NR_pselect6 = 270, NR_ppoll = 271,
	NR_set_robust_list = 273, NR_get_robust_list = 274, NR_utimensat = 280,
	NR_timerfd_create = 283, NR_fallocate = 285, NR_timerfd_settime = 286,
	NR_timerfd_gettime = 287, NR_signalfd4 = 289, NR_eventfd2 = 290, NR_dup3 = 292,
	NR_pipe2 = 293, NR_preadv = 295, NR_pwritev = 296, NR_prlimit64 = 302,
	NR_syncfs = 306, NR_getcpu = 309, NR_renameat2 = 316, NR_getrandom = 318,
	NR_execveat = 322, NR_copy_file_range = 326, NR_statx = 332, NR_clone3 = 435,
	NR_close_range = 436, NR_openat2 = 437, NR_faccessat2 = 439,
};

/*
 * Arguments that only exist at run time are markers, resolved before each call: values
 * with 0x7e57 in the top bits, which no row uses for anything else.
 */
#define MK(n) ((long)(0x7e57000000000000ULL | (n)))
enum {
	BADIN = 1,  /* every bad pointer kind for memory the call reads */
	BADOUT,     /* ... and for memory it writes: a read-only page too */
	UNM,        /* a page just unmapped */
	BUF,        /* 64 KiB of zeroed, writable, page-aligned memory */
	BUF1,       /* BUF + 1: misaligned */
	ROPG,       /* a read-only page of zeroes */
	ROPG1,      /* ROPG + 1: misaligned */
	FILEP,      /* path of a 4 KiB regular file, mode 0644 */
	LINKP,      /* path of a symbolic link to it */
	BADEXE,     /* path of a 0755 file that is no executable */
	LONGP,      /* a path of 5000 characters */
	FD_R,       /* the file, read-only */
	FD_RW,      /* the file, read-write */
	FD_PR,      /* an empty pipe's read end, non-blocking */
	FD_PW,      /* its write end, non-blocking */
	FD_DIR,     /* "/", read-only */
	MYPID,      /* getpid() */
	TS0,        /* struct timespec { 0, 0 } */
	TSBAD,      /* { 0, 1000000000 }: nanoseconds out of range */
	TSNEG,      /* { -1, 0 } */
	IOVBAD,     /* one struct iovec { NULL, 16 } */
	IOV,        /* one struct iovec { BUF, 16 } */
	SIGACT,     /* struct sigaction with SIG_DFL */
	SIGSET,     /* an empty sigset_t */
	SS_FLAGS,   /* stack_t with unknown flags */
	SS_SMALL,   /* stack_t of 256 bytes, below MINSIGSTKSZ */
	RLIM_BAD,   /* struct rlimit with cur > max */
	ITV_BAD,    /* struct itimerval with 2000000 microseconds */
	HOW_BAD,    /* struct open_how with unknown flags */
	ARGV,       /* { "x", NULL } */
	ARGV_BAD,   /* { kernel address, NULL } */
	ENVP,       /* { NULL } */
	PFD,        /* one struct pollfd of FD_PR */
	TIMES_BAD,  /* two struct timespec, the first with nsec out of range */
	CLARGS,     /* a struct clone_args of zeroes */
};

#define KH1 ((long)0xffff800000000000UL)
#define KH2 ((long)0xffffffff81000000UL)
#define NONCANON ((long)0x0000800000000000UL)
#define AT_FDCWD_L (-100L)

enum {
	F_ROOT = 1,   /* the answer is EPERM for a user without privilege: run as root only */
	F_NONULL = 2, /* NULL is a legitimate value of the bad pointer argument: not tried */
};

struct row {
	const char *desc; /* printed with "%s" as the bad pointer's name */
	int nr;
	long a[6];
	int err; /* the errno Linux gives; 0: the call succeeds */
	int flags;
};

#define R(err, nr, desc, ...) { desc, NR_##nr, { __VA_ARGS__ }, err, 0 }
#define ROOT(err, nr, desc, ...) { desc, NR_##nr, { __VA_ARGS__ }, err, F_ROOT }
#define NN(err, nr, desc, ...) { desc, NR_##nr, { __VA_ARGS__ }, err, F_NONULL }

/* The values of the uapi headers, spelled out so that both libcs agree. */
#define O_RDONLY_ 0
#define O_WRONLY_ 1
#define O_RDWR_ 2
#define O_CREAT_ 0100
#define O_EXCL_ 0200
#define O_DIRECTORY_ 0200000
#define MAP_SHARED_ 1
#define MAP_PRIVATE_ 2
#define MAP_FIXED_ 0x10
#define MAP_ANON_ 0x20
#define PROT_R 1
#define PROT_W 2
#define CLOCK_MONO 1
#define TCGETS_ 0x5401
#define FIONREAD_ 0x541b
#define FIONBIO_ 0x5421
#define F_GETFD_ 1
#define F_DUPFD_ 0
#define F_GETLK_ 5
#define F_SETLK_ 6
#define FUTEX_WAIT_ 128 /* FUTEX_WAIT | FUTEX_PRIVATE_FLAG */
#define ARCH_SET_FS_ 0x1002
#define ARCH_GET_FS_ 0x1003
#define ARCH_GET_GS_ 0x1004
#define PR_SET_NAME_ 15
#define PR_GET_NAME_ 16
#define PR_SET_PDEATHSIG_ 1
#define WNOHANG_ 1
#define WEXITED_ 4
#define RLIMIT_NOFILE_ 7
#define AT_EMPTY_PATH_ 0x1000

static const struct row rows[] = {
	/* read, write, and their vector and positioned forms */
	R(EFAULT, read, "read(file, %s, 16)", MK(FD_R), MK(BADOUT), 16),
	R(EFAULT, read, "read(file, buf, (size_t)-1)", MK(FD_R), MK(BUF), -1),
	R(EBADF, read, "read(-1, buf, 16)", -1, MK(BUF), 16),
	R(EBADF, read, "read(1000, buf, 16)", 1000, MK(BUF), 16),
	R(EAGAIN, read, "read(empty non-blocking pipe, NULL, 16)", MK(FD_PR), 0, 16),
	R(EISDIR, read, "read(directory, buf, 16)", MK(FD_DIR), MK(BUF), 16),
	R(EBADF, read, "read(pipe write end, buf, 16)", MK(FD_PW), MK(BUF), 16),
	R(EFAULT, write, "write(pipe, %s, 16)", MK(FD_PW), MK(BADIN), 16),
	R(EBADF, write, "write(read-only file, buf, 1)", MK(FD_R), MK(BUF), 1),
	R(EBADF, write, "write(directory, buf, 1)", MK(FD_DIR), MK(BUF), 1),
	R(EBADF, write, "write(-1, buf, 1)", -1, MK(BUF), 1),
	R(EBADF, write, "write(pipe read end, buf, 1)", MK(FD_PR), MK(BUF), 1),
	R(EFAULT, pread64, "pread64(file, %s, 16, 0)", MK(FD_R), MK(BADOUT), 16, 0),
	R(EINVAL, pread64, "pread64(file, buf, 16, -1)", MK(FD_R), MK(BUF), 16, -1),
	R(ESPIPE, pread64, "pread64(pipe, buf, 16, 0)", MK(FD_PR), MK(BUF), 16, 0),
	R(EBADF, pread64, "pread64(1000, buf, 16, 0)", 1000, MK(BUF), 16, 0),
	R(EFAULT, pwrite64, "pwrite64(rw file, %s, 16, 0)", MK(FD_RW), MK(BADIN), 16, 0),
	R(EINVAL, pwrite64, "pwrite64(rw file, buf, 1, -1)", MK(FD_RW), MK(BUF), 1, -1),
	R(EBADF, pwrite64, "pwrite64(read-only file, buf, 1, 0)", MK(FD_R), MK(BUF), 1, 0),
	R(ESPIPE, pwrite64, "pwrite64(pipe, buf, 1, 0)", MK(FD_PW), MK(BUF), 1, 0),
	R(EFAULT, readv, "readv(file, %s, 1)", MK(FD_R), MK(BADIN), 1),
	R(EFAULT, readv, "readv(file, {NULL, 16}, 1)", MK(FD_R), MK(IOVBAD), 1),
	R(EINVAL, readv, "readv(file, iov, -1)", MK(FD_R), MK(IOV), -1),
	R(EINVAL, readv, "readv(file, iov, 1025)", MK(FD_R), MK(IOV), 1025),
	R(EBADF, readv, "readv(1000, iov, 1)", 1000, MK(IOV), 1),
	R(EFAULT, writev, "writev(pipe, %s, 1)", MK(FD_PW), MK(BADIN), 1),
	R(EFAULT, writev, "writev(pipe, {NULL, 16}, 1)", MK(FD_PW), MK(IOVBAD), 1),
	R(EINVAL, writev, "writev(pipe, iov, -1)", MK(FD_PW), MK(IOV), -1),
	R(EINVAL, writev, "writev(pipe, iov, 1025)", MK(FD_PW), MK(IOV), 1025),
	R(EBADF, writev, "writev(read-only file, iov, 1)", MK(FD_R), MK(IOV), 1),
	R(EFAULT, preadv, "preadv(file, {NULL, 16}, 1, 0)", MK(FD_R), MK(IOVBAD), 1, 0, 0),
	R(EINVAL, preadv, "preadv(file, iov, 1, -1)", MK(FD_R), MK(IOV), 1, -1, 0),
	R(ESPIPE, preadv, "preadv(pipe, iov, 1, 0)", MK(FD_PR), MK(IOV), 1, 0, 0),
	R(EFAULT, pwritev, "pwritev(rw file, {NULL, 16}, 1, 0)", MK(FD_RW), MK(IOVBAD), 1, 0, 0),
	R(EBADF, pwritev, "pwritev(read-only file, iov, 1, 0)", MK(FD_R), MK(IOV), 1, 0, 0),
	R(ESPIPE, lseek, "lseek(pipe, 0, SEEK_SET)", MK(FD_PR), 0, 0),
	R(EINVAL, lseek, "lseek(file, 0, whence 7)", MK(FD_R), 0, 7),
	R(EINVAL, lseek, "lseek(file, -1, SEEK_SET)", MK(FD_R), -1, 0),
	R(EBADF, lseek, "lseek(1000, 0, SEEK_SET)", 1000, 0, 0),
	NN(EFAULT, sendfile, "sendfile(pipe, file, %s offset, 1)", MK(FD_PW), MK(FD_R), MK(BADIN), 1),
	R(EBADF, sendfile, "sendfile(1000, file, NULL, 1)", 1000, MK(FD_R), 0, 1),
	R(EBADF, sendfile, "sendfile(pipe, 1000, NULL, 1)", MK(FD_PW), 1000, 0, 1),
	R(EINVAL, copy_file_range, "copy_file_range(file, NULL, rw file, NULL, 1, flags 1)",
	  MK(FD_R), 0, MK(FD_RW), 0, 1, 1),
	R(EBADF, copy_file_range, "copy_file_range(1000, NULL, rw file, NULL, 1, 0)", 1000, 0,
	  MK(FD_RW), 0, 1, 0),

	/* opening and closing */
	R(EFAULT, open, "open(%s, O_RDONLY)", MK(BADIN), O_RDONLY_),
	R(ENOENT, open, "open(\"\", O_RDONLY)", (long)"", O_RDONLY_),
	R(ENOENT, open, "open(\"/nonexistent/x\", O_RDONLY)", (long)"/nonexistent/x", O_RDONLY_),
	R(ENAMETOOLONG, open, "open(5000-character path, O_RDONLY)", MK(LONGP), O_RDONLY_),
	R(ENOTDIR, open, "open(file, O_DIRECTORY)", MK(FILEP), O_RDONLY_ | O_DIRECTORY_),
	R(ENOTDIR, open, "open(file/x, O_RDONLY)", (long)"t_robust.file/x", O_RDONLY_),
	R(EISDIR, open, "open(\"/\", O_WRONLY)", (long)"/", O_WRONLY_),
	R(EEXIST, open, "open(file, O_CREAT|O_EXCL)", MK(FILEP), O_RDWR_ | O_CREAT_ | O_EXCL_,
	  0644),
	R(EFAULT, openat, "openat(AT_FDCWD, %s, O_RDONLY)", AT_FDCWD_L, MK(BADIN), O_RDONLY_),
	R(EBADF, openat, "openat(1000, \"x\", O_RDONLY)", 1000, (long)"x", O_RDONLY_),
	R(ENOTDIR, openat, "openat(file fd, \"x\", O_RDONLY)", MK(FD_R), (long)"x", O_RDONLY_),
	R(EFAULT, openat2, "openat2(AT_FDCWD, \"/\", %s, 24)", AT_FDCWD_L, (long)"/", MK(BADIN),
	  24),
	R(EINVAL, openat2, "openat2(AT_FDCWD, \"/\", how, 8)", AT_FDCWD_L, (long)"/", MK(BUF), 8),
	R(EINVAL, openat2, "openat2(AT_FDCWD, \"/\", unknown flags, 24)", AT_FDCWD_L, (long)"/",
	  MK(HOW_BAD), 24),
	R(EFAULT, creat, "creat(%s, 0644)", MK(BADIN), 0644),
	R(EISDIR, creat, "creat(\"/\", 0644)", (long)"/", 0644),
	R(EBADF, close, "close(-1)", -1),
	R(EBADF, close, "close(1000)", 1000),
	R(EBADF, close, "close(INT_MAX)", 0x7fffffff),
	R(EINVAL, close_range, "close_range(10, 5, 0)", 10, 5, 0),
	R(EINVAL, close_range, "close_range(1000, 1001, unknown flags)", 1000, 1001, 0x80),
	R(EBADF, dup, "dup(1000)", 1000),
	R(EBADF, dup, "dup(-1)", -1),
	R(EBADF, dup2, "dup2(1000, 5)", 1000, 5),
	R(EBADF, dup2, "dup2(file, -1)", MK(FD_R), -1),
	R(EBADF, dup2, "dup2(file, INT_MAX)", MK(FD_R), 0x7fffffff),
	R(EINVAL, dup3, "dup3(file, file, 0)", MK(FD_R), MK(FD_R), 0),
	R(EINVAL, dup3, "dup3(file, 100, unknown flags)", MK(FD_R), 100, 0x1234),
	R(EBADF, dup3, "dup3(1000, 100, 0)", 1000, 100, 0),
	R(EFAULT, pipe, "pipe(%s)", MK(BADOUT)),
	R(EFAULT, pipe2, "pipe2(%s, 0)", MK(BADOUT), 0),
	R(EINVAL, pipe2, "pipe2(buf, unknown flags)", MK(BUF), 0xffff),
	R(EBADF, fcntl, "fcntl(1000, F_GETFD)", 1000, F_GETFD_),
	R(EINVAL, fcntl, "fcntl(file, command 9999)", MK(FD_R), 9999),
	R(EINVAL, fcntl, "fcntl(file, F_DUPFD, -1)", MK(FD_R), F_DUPFD_, -1),
	R(EFAULT, fcntl, "fcntl(file, F_GETLK, %s)", MK(FD_R), F_GETLK_, MK(BADIN)),
	R(EFAULT, fcntl, "fcntl(file, F_SETLK, %s)", MK(FD_R), F_SETLK_, MK(BADIN)),
	R(EBADF, flock, "flock(1000, LOCK_EX)", 1000, 2),
	R(EINVAL, flock, "flock(file, operation 0x99)", MK(FD_R), 0x99),
	R(EBADF, ioctl, "ioctl(1000, TCGETS, buf)", 1000, TCGETS_, MK(BUF)),
	R(ENOTTY, ioctl, "ioctl(file, TCGETS, buf)", MK(FD_R), TCGETS_, MK(BUF)),
	R(ENOTTY, ioctl, "ioctl(pipe, TCGETS, buf)", MK(FD_PR), TCGETS_, MK(BUF)),
	R(EFAULT, ioctl, "ioctl(pipe, FIONREAD, %s)", MK(FD_PR), FIONREAD_, MK(BADOUT)),
	R(EFAULT, ioctl, "ioctl(pipe, FIONBIO, %s)", MK(FD_PR), FIONBIO_, MK(BADIN)),
	R(EBADF, fsync, "fsync(1000)", 1000),
	R(EINVAL, fsync, "fsync(pipe)", MK(FD_PR)),
	R(EBADF, fdatasync, "fdatasync(1000)", 1000),
	R(EBADF, syncfs, "syncfs(1000)", 1000),
	R(EINVAL, ftruncate, "ftruncate(read-only file, 0)", MK(FD_R), 0),
	R(EINVAL, ftruncate, "ftruncate(rw file, -1)", MK(FD_RW), -1),
	R(EBADF, ftruncate, "ftruncate(1000, 0)", 1000, 0),
	R(EINVAL, ftruncate, "ftruncate(pipe, 0)", MK(FD_PW), 0),
	R(EBADF, fallocate, "fallocate(read-only file, 0, 0, 10)", MK(FD_R), 0, 0, 10),
	R(EINVAL, fallocate, "fallocate(rw file, 0, -1, 10)", MK(FD_RW), 0, -1, 10),
	R(EINVAL, fallocate, "fallocate(rw file, 0, 0, 0)", MK(FD_RW), 0, 0, 0),
	R(ESPIPE, fallocate, "fallocate(pipe, 0, 0, 10)", MK(FD_PW), 0, 0, 10),
	R(EFAULT, getdents64, "getdents64(\"/\", %s, 4096)", MK(FD_DIR), MK(BADOUT), 4096),
	R(EINVAL, getdents64, "getdents64(\"/\", buf, 0)", MK(FD_DIR), MK(BUF), 0),
	R(ENOTDIR, getdents64, "getdents64(file, buf, 4096)", MK(FD_R), MK(BUF), 4096),
	R(EBADF, getdents64, "getdents64(1000, buf, 4096)", 1000, MK(BUF), 4096),

	/* paths: names, metadata */
	R(EFAULT, stat, "stat(%s, buf)", MK(BADIN), MK(BUF)),
	R(EFAULT, stat, "stat(\"/\", %s)", (long)"/", MK(BADOUT)),
	R(ENOENT, stat, "stat(\"\", buf)", (long)"", MK(BUF)),
	R(ENAMETOOLONG, stat, "stat(5000-character path, buf)", MK(LONGP), MK(BUF)),
	R(EFAULT, lstat, "lstat(%s, buf)", MK(BADIN), MK(BUF)),
	R(EFAULT, lstat, "lstat(link, %s)", MK(LINKP), MK(BADOUT)),
	R(EFAULT, fstat, "fstat(file, %s)", MK(FD_R), MK(BADOUT)),
	R(EBADF, fstat, "fstat(1000, buf)", 1000, MK(BUF)),
	R(EBADF, fstat, "fstat(-1, buf)", -1, MK(BUF)),
	R(EFAULT, newfstatat, "newfstatat(AT_FDCWD, %s, buf, 0)", AT_FDCWD_L, MK(BADIN), MK(BUF),
	  0),
	R(EINVAL, newfstatat, "newfstatat(AT_FDCWD, \"/\", buf, unknown flags)", AT_FDCWD_L,
	  (long)"/", MK(BUF), 0x40000),
	R(EBADF, newfstatat, "newfstatat(1000, \"x\", buf, 0)", 1000, (long)"x", MK(BUF), 0),
	R(EFAULT, statx, "statx(AT_FDCWD, %s, 0, STATX_BASIC_STATS, buf)", AT_FDCWD_L,
	  MK(BADIN), 0, 0x7ff, MK(BUF)),
	R(EFAULT, statx, "statx(AT_FDCWD, \"/\", 0, STATX_BASIC_STATS, %s)", AT_FDCWD_L,
	  (long)"/", 0, 0x7ff, MK(BADOUT)),
	R(EINVAL, statx, "statx(AT_FDCWD, \"/\", unknown flags, mask, buf)", AT_FDCWD_L,
	  (long)"/", 0x10000000, 0x7ff, MK(BUF)),
	R(EINVAL, statx, "statx(AT_FDCWD, \"/\", 0, STATX__RESERVED, buf)", AT_FDCWD_L,
	  (long)"/", 0, 0x80000000L, MK(BUF)),
	R(EFAULT, statfs, "statfs(%s, buf)", MK(BADIN), MK(BUF)),
	R(EFAULT, statfs, "statfs(\"/\", %s)", (long)"/", MK(BADOUT)),
	R(EFAULT, fstatfs, "fstatfs(file, %s)", MK(FD_R), MK(BADOUT)),
	R(EBADF, fstatfs, "fstatfs(1000, buf)", 1000, MK(BUF)),
	R(EFAULT, access, "access(%s, F_OK)", MK(BADIN), 0),
	R(EINVAL, access, "access(\"/\", mode 0x100)", (long)"/", 0x100),
	R(ENOENT, access, "access(\"/nonexistent/x\", F_OK)", (long)"/nonexistent/x", 0),
	R(EFAULT, faccessat, "faccessat(AT_FDCWD, %s, F_OK)", AT_FDCWD_L, MK(BADIN), 0),
	R(EBADF, faccessat, "faccessat(1000, \"x\", F_OK)", 1000, (long)"x", 0),
	R(ENOTDIR, faccessat, "faccessat(file fd, \"x\", F_OK)", MK(FD_R), (long)"x", 0),
	R(EINVAL, faccessat2, "faccessat2(AT_FDCWD, \"/\", F_OK, unknown flags)", AT_FDCWD_L,
	  (long)"/", 0, 0x1),
	R(EFAULT, faccessat2, "faccessat2(AT_FDCWD, %s, F_OK, 0)", AT_FDCWD_L, MK(BADIN), 0, 0),
	R(EFAULT, readlink, "readlink(%s, buf, 16)", MK(BADIN), MK(BUF), 16),
	R(EFAULT, readlink, "readlink(link, %s, 16)", MK(LINKP), MK(BADOUT), 16),
	R(EINVAL, readlink, "readlink(\"/\", buf, 16)", (long)"/", MK(BUF), 16),
	R(EINVAL, readlink, "readlink(link, buf, 0)", MK(LINKP), MK(BUF), 0),
	R(EINVAL, readlink, "readlink(link, buf, -1)", MK(LINKP), MK(BUF), -1),
	R(EBADF, readlinkat, "readlinkat(1000, \"x\", buf, 16)", 1000, (long)"x", MK(BUF), 16),
	R(EFAULT, readlinkat, "readlinkat(AT_FDCWD, %s, buf, 16)", AT_FDCWD_L, MK(BADIN),
	  MK(BUF), 16),
	R(EFAULT, getcwd, "getcwd(%s, 4096)", MK(BADOUT), 4096),
	R(ERANGE, getcwd, "getcwd(buf, 1)", MK(BUF), 1),
	R(ERANGE, getcwd, "getcwd(buf, 0)", MK(BUF), 0),
	R(EFAULT, chdir, "chdir(%s)", MK(BADIN)),
	R(ENOTDIR, chdir, "chdir(file)", MK(FILEP)),
	R(ENOENT, chdir, "chdir(\"\")", (long)""),
	R(EBADF, fchdir, "fchdir(1000)", 1000),
	R(ENOTDIR, fchdir, "fchdir(file)", MK(FD_R)),
	R(EFAULT, chroot, "chroot(%s)", MK(BADIN)),
	R(ENOENT, chroot, "chroot(\"/nonexistent/x\")", (long)"/nonexistent/x"),
	R(EFAULT, mkdir, "mkdir(%s, 0755)", MK(BADIN), 0755),
	R(EEXIST, mkdir, "mkdir(\"/\", 0755)", (long)"/", 0755),
	R(ENOENT, mkdir, "mkdir(\"/nonexistent/x\", 0755)", (long)"/nonexistent/x", 0755),
	R(EFAULT, mkdirat, "mkdirat(AT_FDCWD, %s, 0755)", AT_FDCWD_L, MK(BADIN), 0755),
	R(EBADF, mkdirat, "mkdirat(1000, \"x\", 0755)", 1000, (long)"x", 0755),
	R(EFAULT, rmdir, "rmdir(%s)", MK(BADIN)),
	R(ENOTDIR, rmdir, "rmdir(file)", MK(FILEP)),
	R(EFAULT, unlink, "unlink(%s)", MK(BADIN)),
	R(EISDIR, unlink, "unlink(\"/\")", (long)"/"),
	R(ENOENT, unlink, "unlink(\"/nonexistent/x\")", (long)"/nonexistent/x"),
	R(EFAULT, unlinkat, "unlinkat(AT_FDCWD, %s, 0)", AT_FDCWD_L, MK(BADIN), 0),
	R(EINVAL, unlinkat, "unlinkat(AT_FDCWD, file, unknown flags)", AT_FDCWD_L, MK(FILEP),
	  0x1234),
	R(EBADF, unlinkat, "unlinkat(1000, \"x\", 0)", 1000, (long)"x", 0),
	R(EFAULT, rename, "rename(%s, \"x\")", MK(BADIN), (long)"t_robust.x"),
	R(EFAULT, rename, "rename(file, %s)", MK(FILEP), MK(BADIN)),
	R(ENOENT, rename, "rename(\"/nonexistent/x\", \"x\")", (long)"/nonexistent/x",
	  (long)"t_robust.x"),
	R(EFAULT, renameat, "renameat(AT_FDCWD, %s, AT_FDCWD, \"x\")", AT_FDCWD_L, MK(BADIN),
	  AT_FDCWD_L, (long)"t_robust.x"),
	R(EINVAL, renameat2, "renameat2(file, \"x\", unknown flags)", AT_FDCWD_L, MK(FILEP),
	  AT_FDCWD_L, (long)"t_robust.x", 0x100),
	R(EINVAL, renameat2, "renameat2(file, \"x\", RENAME_EXCHANGE|RENAME_NOREPLACE)",
	  AT_FDCWD_L, MK(FILEP), AT_FDCWD_L, (long)"t_robust.x", 3),
	R(EFAULT, link, "link(%s, \"x\")", MK(BADIN), (long)"t_robust.x"),
	R(EFAULT, link, "link(file, %s)", MK(FILEP), MK(BADIN)),
	R(EINVAL, linkat, "linkat(file, \"x\", unknown flags)", AT_FDCWD_L, MK(FILEP),
	  AT_FDCWD_L, (long)"t_robust.x", 0x1),
	R(EFAULT, symlink, "symlink(%s, \"x\")", MK(BADIN), (long)"t_robust.x"),
	R(EFAULT, symlink, "symlink(\"t\", %s)", (long)"t", MK(BADIN)),
	R(EEXIST, symlink, "symlink(\"t\", file)", (long)"t", MK(FILEP)),
	R(EFAULT, symlinkat, "symlinkat(\"t\", AT_FDCWD, %s)", (long)"t", AT_FDCWD_L, MK(BADIN)),
	R(EBADF, symlinkat, "symlinkat(\"t\", 1000, \"x\")", (long)"t", 1000, (long)"x"),
	R(EFAULT, mknod, "mknod(%s, S_IFIFO|0644, 0)", MK(BADIN), 010644, 0),
	R(EEXIST, mknod, "mknod(file, S_IFIFO|0644, 0)", MK(FILEP), 010644, 0),
	R(EBADF, mknodat, "mknodat(1000, \"x\", S_IFIFO|0644, 0)", 1000, (long)"x", 010644, 0),
	R(EFAULT, chmod, "chmod(%s, 0644)", MK(BADIN), 0644),
	R(ENOENT, chmod, "chmod(\"/nonexistent/x\", 0644)", (long)"/nonexistent/x", 0644),
	R(EBADF, fchmod, "fchmod(1000, 0644)", 1000, 0644),
	R(EFAULT, fchmodat, "fchmodat(AT_FDCWD, %s, 0644)", AT_FDCWD_L, MK(BADIN), 0644),
	R(EFAULT, chown, "chown(%s, -1, -1)", MK(BADIN), -1, -1),
	R(EFAULT, lchown, "lchown(%s, -1, -1)", MK(BADIN), -1, -1),
	R(EBADF, fchown, "fchown(1000, -1, -1)", 1000, -1, -1),
	R(EINVAL, fchownat, "fchownat(AT_FDCWD, file, -1, -1, unknown flags)", AT_FDCWD_L,
	  MK(FILEP), -1, -1, 0x1),
	R(EFAULT, truncate, "truncate(%s, 0)", MK(BADIN), 0),
	R(EINVAL, truncate, "truncate(file, -1)", MK(FILEP), -1),
	R(EISDIR, truncate, "truncate(\"/\", 0)", (long)"/", 0),
	NN(EFAULT, utimensat, "utimensat(AT_FDCWD, file, %s, 0)", AT_FDCWD_L, MK(FILEP),
	  MK(BADIN), 0),
	R(EINVAL, utimensat, "utimensat(AT_FDCWD, file, nsec 1000000000, 0)", AT_FDCWD_L,
	  MK(FILEP), MK(TIMES_BAD), 0),
	R(EINVAL, utimensat, "utimensat(AT_FDCWD, file, NULL, unknown flags)", AT_FDCWD_L,
	  MK(FILEP), 0, 0x1234),
	R(EBADF, utimensat, "utimensat(1000, \"x\", NULL, 0)", 1000, (long)"x", 0, 0),
	R(EFAULT, umount2, "umount2(%s, 0)", MK(BADIN), 0),
	R(EINVAL, umount2, "umount2(\"/\", unknown flags)", (long)"/", 0x100),
	R(EFAULT, mount, "mount(NULL, %s, NULL, 0, NULL)", 0, MK(BADIN), 0, 0, 0),

	/* memory */
	R(EINVAL, mmap, "mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANON, -1, 0)", 0, 0, PROT_R,
	  MAP_PRIVATE_ | MAP_ANON_, -1, 0),
	R(EINVAL, mmap, "mmap(NULL, 4096, PROT_READ, MAP_ANON without a type, -1, 0)", 0, 4096,
	  PROT_R, MAP_ANON_, -1, 0),
	R(EINVAL, mmap, "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANON, -1, offset 1)", 0, 4096,
	  PROT_R, MAP_PRIVATE_ | MAP_ANON_, -1, 1),
	R(EINVAL, mmap, "mmap(buf + 1, 4096, PROT_READ, MAP_FIXED|MAP_PRIVATE|MAP_ANON, -1, 0)",
	  MK(BUF1), 4096, PROT_R, MAP_FIXED_ | MAP_PRIVATE_ | MAP_ANON_, -1, 0),
	R(ENOMEM, mmap, "mmap(NULL, 1 << 62, PROT_READ, MAP_PRIVATE|MAP_ANON, -1, 0)", 0,
	  1L << 62, PROT_R, MAP_PRIVATE_ | MAP_ANON_, -1, 0),
	R(ENOMEM, mmap, "mmap(0xffff800000000000, 4096, MAP_FIXED anonymous)", KH1, 4096, PROT_R,
	  MAP_FIXED_ | MAP_PRIVATE_ | MAP_ANON_, -1, 0),
	R(ENOMEM, mmap, "mmap(0x800000000000, 4096, MAP_FIXED anonymous)", NONCANON, 4096,
	  PROT_R, MAP_FIXED_ | MAP_PRIVATE_ | MAP_ANON_, -1, 0),
	R(EBADF, mmap, "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 1000, 0)", 0, 4096, PROT_R,
	  MAP_PRIVATE_, 1000, 0),
	R(EACCES, mmap, "mmap(NULL, 4096, PROT_WRITE, MAP_SHARED, read-only file, 0)", 0, 4096,
	  PROT_W, MAP_SHARED_, MK(FD_R), 0),
	R(ENODEV, mmap, "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, pipe, 0)", 0, 4096, PROT_R,
	  MAP_PRIVATE_, MK(FD_PR), 0),
	R(EINVAL, munmap, "munmap(buf + 1, 4096)", MK(BUF1), 4096),
	R(EINVAL, munmap, "munmap(buf, 0)", MK(BUF), 0),
	R(EINVAL, munmap, "munmap(0xffff800000000000, 4096)", KH1, 4096),
	R(EINVAL, munmap, "munmap(0x800000000000, 4096)", NONCANON, 4096),
	R(EINVAL, mprotect, "mprotect(buf + 1, 4096, PROT_READ)", MK(BUF1), 4096, PROT_R),
	R(EINVAL, mprotect, "mprotect(buf, 4096, prot 0xff)", MK(BUF), 4096, 0xff),
	R(ENOMEM, mprotect, "mprotect(unmapped page, 4096, PROT_READ)", MK(UNM), 4096, PROT_R),
	R(ENOMEM, mprotect, "mprotect(0xffff800000000000, 4096, PROT_READ)", KH1, 4096, PROT_R),
	R(EINVAL, madvise, "madvise(buf + 1, 4096, MADV_DONTNEED)", MK(BUF1), 4096, 4),
	R(EINVAL, madvise, "madvise(buf, 4096, advice 9999)", MK(BUF), 4096, 9999),
	R(ENOMEM, madvise, "madvise(unmapped page, 4096, MADV_DONTNEED)", MK(UNM), 4096, 4),
	R(EINVAL, mremap, "mremap(buf + 1, 4096, 8192, MREMAP_MAYMOVE)", MK(BUF1), 4096, 8192, 1),
	R(EINVAL, mremap, "mremap(buf, 4096, 8192, unknown flags)", MK(BUF), 4096, 8192, 0xf0),
	R(EFAULT, mremap, "mremap(unmapped page, 4096, 8192, MREMAP_MAYMOVE)", MK(UNM), 4096, 8192,
	  1),
	R(EINVAL, msync, "msync(buf + 1, 4096, MS_SYNC)", MK(BUF1), 4096, 4),
	R(EINVAL, msync, "msync(buf, 4096, MS_ASYNC|MS_SYNC)", MK(BUF), 4096, 5),
	R(ENOMEM, msync, "msync(unmapped page, 4096, MS_SYNC)", MK(UNM), 4096, 4),
	R(EINVAL, mincore, "mincore(buf + 1, 4096, vec)", MK(BUF1), 4096, MK(BUF)),
	R(EFAULT, mincore, "mincore(buf, 4096, %s)", MK(BUF), 4096, MK(BADOUT)),
	R(ENOMEM, mincore, "mincore(unmapped page, 4096, vec)", MK(UNM), 4096, MK(BUF)),

	/* time */
	R(EFAULT, nanosleep, "nanosleep(%s, NULL)", MK(BADIN), 0),
	R(EINVAL, nanosleep, "nanosleep(nsec 1000000000, NULL)", MK(TSBAD), 0),
	R(EINVAL, nanosleep, "nanosleep(sec -1, NULL)", MK(TSNEG), 0),
	R(EFAULT, clock_gettime, "clock_gettime(CLOCK_MONOTONIC, %s)", CLOCK_MONO, MK(BADOUT)),
	R(EINVAL, clock_gettime, "clock_gettime(999, buf)", 999, MK(BUF)),
	R(EINVAL, clock_gettime, "clock_gettime(16, buf)", 16, MK(BUF)),
	R(EINVAL, clock_getres, "clock_getres(999, buf)", 999, MK(BUF)),
	R(0, clock_getres, "clock_getres(CLOCK_MONOTONIC, NULL)", CLOCK_MONO, 0),
	R(EFAULT, clock_getres, "clock_getres(CLOCK_MONOTONIC, 0xffff800000000000)", CLOCK_MONO,
	  KH1),
	R(EFAULT, clock_nanosleep, "clock_nanosleep(CLOCK_MONOTONIC, 0, %s, NULL)", CLOCK_MONO, 0,
	  MK(BADIN), 0),
	R(EINVAL, clock_nanosleep, "clock_nanosleep(999, 0, {0, 0}, NULL)", 999, 0, MK(TS0), 0),
	R(EINVAL, clock_nanosleep, "clock_nanosleep(CLOCK_MONOTONIC, 0, nsec 1000000000, NULL)",
	  CLOCK_MONO, 0, MK(TSBAD), 0),
	R(EOPNOTSUPP, clock_nanosleep, "clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, {0, 0}, NULL)", 3,
	  0, MK(TS0), 0),
	NN(EFAULT, gettimeofday, "gettimeofday(%s, NULL)", MK(BADOUT), 0),
	R(0, gettimeofday, "gettimeofday(NULL, NULL)", 0, 0),
	NN(EFAULT, time, "time(%s)", MK(BADOUT)),
	R(EINVAL, getitimer, "getitimer(99, buf)", 99, MK(BUF)),
	R(EFAULT, getitimer, "getitimer(ITIMER_REAL, %s)", 0, MK(BADOUT)),
	R(EINVAL, setitimer, "setitimer(99, buf, NULL)", 99, MK(BUF), 0),
	NN(EFAULT, setitimer, "setitimer(ITIMER_REAL, %s, NULL)", 0, MK(BADIN), 0),
	R(EINVAL, setitimer, "setitimer(ITIMER_REAL, usec 2000000, NULL)", 0, MK(ITV_BAD), 0),
	R(EFAULT, getitimer, "getitimer(ITIMER_VIRTUAL, %s)", 1, MK(BADOUT)),
	R(EFAULT, getitimer, "getitimer(ITIMER_PROF, %s)", 2, MK(BADOUT)),
	NN(EFAULT, setitimer, "setitimer(ITIMER_PROF, %s, NULL)", 2, MK(BADIN), 0),
	R(EINVAL, setitimer, "setitimer(ITIMER_VIRTUAL, usec 2000000, NULL)", 1, MK(ITV_BAD), 0),
	R(EINVAL, timerfd_create, "timerfd_create(999, 0)", 999, 0),
	R(EINVAL, timerfd_create, "timerfd_create(CLOCK_MONOTONIC, unknown flags)", CLOCK_MONO,
	  0x1234),
	R(EBADF, timerfd_settime, "timerfd_settime(1000, 0, buf, NULL)", 1000, 0, MK(BUF), 0),
	R(EINVAL, timerfd_settime, "timerfd_settime(file, 0, buf, NULL)", MK(FD_R), 0, MK(BUF), 0),
	R(EINVAL, timerfd_gettime, "timerfd_gettime(file, buf)", MK(FD_R), MK(BUF)),
	R(EBADF, timerfd_gettime, "timerfd_gettime(1000, buf)", 1000, MK(BUF)),

	/* processes, identity, limits */
	R(EFAULT, uname, "uname(%s)", MK(BADOUT)),
	R(EFAULT, sysinfo, "sysinfo(%s)", MK(BADOUT)),
	NN(EFAULT, times, "times(%s)", MK(BADOUT)),
	R(EINVAL, getrusage, "getrusage(99, buf)", 99, MK(BUF)),
	R(EFAULT, getrusage, "getrusage(RUSAGE_SELF, %s)", 0, MK(BADOUT)),
	R(EINVAL, getrlimit, "getrlimit(99, buf)", 99, MK(BUF)),
	R(EFAULT, getrlimit, "getrlimit(RLIMIT_NOFILE, %s)", RLIMIT_NOFILE_, MK(BADOUT)),
	R(EINVAL, setrlimit, "setrlimit(99, buf)", 99, MK(BUF)),
	R(EFAULT, setrlimit, "setrlimit(RLIMIT_NOFILE, %s)", RLIMIT_NOFILE_, MK(BADIN)),
	R(EINVAL, setrlimit, "setrlimit(RLIMIT_NOFILE, cur > max)", RLIMIT_NOFILE_, MK(RLIM_BAD)),
	R(EINVAL, prlimit64, "prlimit64(0, 99, NULL, buf)", 0, 99, 0, MK(BUF)),
	R(ESRCH, prlimit64, "prlimit64(no such pid, RLIMIT_NOFILE, NULL, buf)", 0x7fffffff,
	  RLIMIT_NOFILE_, 0, MK(BUF)),
	NN(EFAULT, prlimit64, "prlimit64(0, RLIMIT_NOFILE, NULL, %s)", 0, RLIMIT_NOFILE_, 0,
	  MK(BADOUT)),
	R(EINVAL, prlimit64, "prlimit64(0, RLIMIT_NOFILE, cur > max, NULL)", 0, RLIMIT_NOFILE_,
	  MK(RLIM_BAD), 0),
	R(0, prlimit64, "prlimit64(0, RLIMIT_NOFILE, NULL, NULL)", 0, RLIMIT_NOFILE_, 0, 0),
	R(EFAULT, getresuid, "getresuid(%s, buf, buf)", MK(BADOUT), MK(BUF), MK(BUF)),
	R(EFAULT, getresgid, "getresgid(buf, buf, %s)", MK(BUF), MK(BUF), MK(BADOUT)),
	R(EINVAL, getgroups, "getgroups(-1, buf)", -1, MK(BUF)),
	R(EINVAL, setuid, "setuid(-1)", -1),
	R(EINVAL, setgid, "setgid(-1)", -1),
	R(EINVAL, setpgid, "setpgid(-1, 0)", -1, 0),
	R(EINVAL, setpgid, "setpgid(0, -1)", 0, -1),
	R(ESRCH, setpgid, "setpgid(no such pid, 0)", 0x7fffffff, 0),
	R(ESRCH, getpgid, "getpgid(no such pid)", 0x7fffffff),
	R(ESRCH, getsid, "getsid(no such pid)", 0x7fffffff),
	R(ECHILD, wait4, "wait4(-1, NULL, WNOHANG, NULL) without children", -1, 0, WNOHANG_, 0),
	R(ECHILD, wait4, "wait4(-1, 0xffff800000000000, WNOHANG, NULL) without children", -1, KH1,
	  WNOHANG_, 0),
	R(EINVAL, wait4, "wait4(-1, NULL, unknown options, NULL)", -1, 0, 0x10000, 0),
	R(ECHILD, wait4, "wait4(no such pid, NULL, 0, NULL)", 0x7fffffff, 0, 0, 0),
	R(EINVAL, waitid, "waitid(99, 0, buf, WEXITED, NULL)", 99, 0, MK(BUF), WEXITED_, 0),
	R(EINVAL, waitid, "waitid(P_ALL, 0, buf, 0, NULL)", 0, 0, MK(BUF), 0, 0),
	R(EINVAL, clone, "clone(CLONE_SIGHAND without CLONE_VM)", 0x800, 0, 0, 0, 0),
	R(EINVAL, clone, "clone(CLONE_THREAD without CLONE_SIGHAND)", 0x10000 | 0x100, 0, 0, 0, 0),
	R(EFAULT, clone3, "clone3(%s, 88)", MK(BADIN), 88),
	R(EINVAL, clone3, "clone3(args, 8)", MK(CLARGS), 8),
	R(EFAULT, execve, "execve(%s, argv, envp)", MK(BADIN), MK(ARGV), MK(ENVP)),
	R(ENOENT, execve, "execve(\"/nonexistent/x\", argv, envp)", (long)"/nonexistent/x",
	  MK(ARGV), MK(ENVP)),
	R(EACCES, execve, "execve(\"/\", argv, envp)", (long)"/", MK(ARGV), MK(ENVP)),
	R(EACCES, execve, "execve(a 0644 file, argv, envp)", MK(FILEP), MK(ARGV), MK(ENVP)),
	R(ENOEXEC, execve, "execve(a 0755 file that is no program, argv, envp)", MK(BADEXE),
	  MK(ARGV), MK(ENVP)),
	NN(EFAULT, execve, "execve(0755 non-program, %s, envp)", MK(BADEXE), MK(BADIN), MK(ENVP)),
	R(EFAULT, execve, "execve(0755 non-program, {0xffff800000000000}, envp)", MK(BADEXE), MK(ARGV_BAD),
	  MK(ENVP)),
	R(EBADF, execveat, "execveat(1000, \"x\", argv, envp, 0)", 1000, (long)"x", MK(ARGV),
	  MK(ENVP), 0),
	R(EINVAL, execveat, "execveat(AT_FDCWD, file, argv, envp, unknown flags)", AT_FDCWD_L,
	  MK(FILEP), MK(ARGV), MK(ENVP), 0x1),
	NN(EFAULT, getcpu, "getcpu(%s, NULL, NULL)", MK(BADOUT), 0, 0),
	R(EINVAL, arch_prctl, "arch_prctl(0x9999, 0)", 0x9999, 0),
	R(EFAULT, arch_prctl, "arch_prctl(ARCH_GET_FS, %s)", ARCH_GET_FS_, MK(BADOUT)),
	R(EFAULT, arch_prctl, "arch_prctl(ARCH_GET_GS, %s)", ARCH_GET_GS_, MK(BADOUT)),
	R(EPERM, arch_prctl, "arch_prctl(ARCH_SET_FS, 0xffff800000000000)", ARCH_SET_FS_, KH1),
	R(EPERM, arch_prctl, "arch_prctl(ARCH_SET_FS, 0x800000000000)", ARCH_SET_FS_, NONCANON),
	R(EINVAL, prctl, "prctl(9999, 0, 0, 0, 0)", 9999, 0, 0, 0, 0),
	R(EFAULT, prctl, "prctl(PR_SET_NAME, %s)", PR_SET_NAME_, MK(BADIN), 0, 0, 0),
	R(EFAULT, prctl, "prctl(PR_GET_NAME, %s)", PR_GET_NAME_, MK(BADOUT), 0, 0, 0),
	R(EINVAL, prctl, "prctl(PR_SET_PDEATHSIG, 99)", PR_SET_PDEATHSIG_, 99, 0, 0, 0),
	R(EINVAL, sched_getaffinity, "sched_getaffinity(0, 0, buf)", 0, 0, MK(BUF)),
	R(EINVAL, sched_getaffinity, "sched_getaffinity(0, 7, buf)", 0, 7, MK(BUF)),
	R(EFAULT, sched_getaffinity, "sched_getaffinity(0, 128, %s)", 0, 128, MK(BADOUT)),
	R(ESRCH, sched_getaffinity, "sched_getaffinity(no such pid, 128, buf)", 0x7fffffff, 128,
	  MK(BUF)),
	R(EFAULT, sched_setaffinity, "sched_setaffinity(0, 128, %s)", 0, 128, MK(BADIN)),
	R(EINVAL, sched_setaffinity, "sched_setaffinity(0, 128, empty mask)", 0, 128, MK(ROPG)),
	R(ESRCH, sched_setaffinity, "sched_setaffinity(no such pid, 128, mask)", 0x7fffffff, 128,
	  MK(ROPG)),
	R(EFAULT, getrandom, "getrandom(%s, 16, 0)", MK(BADOUT), 16, 0),
	R(EINVAL, getrandom, "getrandom(buf, 16, unknown flags)", MK(BUF), 16, 0xff),
	R(EINVAL, eventfd2, "eventfd2(0, unknown flags)", 0, 0xffff),
	ROOT(EFAULT, sethostname, "sethostname(%s, 5)", MK(BADIN), 5),
	ROOT(EINVAL, sethostname, "sethostname(buf, 65)", MK(BUF), 65),
	ROOT(EFAULT, setgroups, "setgroups(1, %s)", 1, MK(BADIN)),
	ROOT(EINVAL, setgroups, "setgroups(-1, buf)", -1, MK(BUF)),
	ROOT(EINVAL, reboot, "reboot(bad magic, 0, 0, NULL)", 0x12345678, 0, 0, 0),

	/* signals */
	R(EINVAL, kill, "kill(self, 65)", MK(MYPID), 65),
	R(EINVAL, kill, "kill(self, -1)", MK(MYPID), -1),
	R(ESRCH, kill, "kill(no such pid, 0)", 0x7fffffff, 0),
	R(0, kill, "kill(self, 0)", MK(MYPID), 0),
	R(EINVAL, tkill, "tkill(0, 0)", 0, 0),
	R(EINVAL, tkill, "tkill(-1, 0)", -1, 0),
	R(ESRCH, tkill, "tkill(no such thread, 0)", 0x7fffffff, 0),
	R(EINVAL, tgkill, "tgkill(-1, self, 0)", -1, MK(MYPID), 0),
	R(EINVAL, tgkill, "tgkill(self, self, 65)", MK(MYPID), MK(MYPID), 65),
	R(ESRCH, tgkill, "tgkill(self, no such thread, 0)", MK(MYPID), 0x7fffffff, 0),
	R(EINVAL, rt_sigaction, "rt_sigaction(0, act, NULL, 8)", 0, MK(SIGACT), 0, 8),
	R(EINVAL, rt_sigaction, "rt_sigaction(65, act, NULL, 8)", 65, MK(SIGACT), 0, 8),
	R(EINVAL, rt_sigaction, "rt_sigaction(SIGKILL, act, NULL, 8)", 9, MK(SIGACT), 0, 8),
	R(EINVAL, rt_sigaction, "rt_sigaction(SIGSTOP, act, NULL, 8)", 19, MK(SIGACT), 0, 8),
	R(EINVAL, rt_sigaction, "rt_sigaction(SIGUSR1, act, NULL, 7)", 10, MK(SIGACT), 0, 7),
	NN(EFAULT, rt_sigaction, "rt_sigaction(SIGUSR1, %s, NULL, 8)", 10, MK(BADIN), 0, 8),
	NN(EFAULT, rt_sigaction, "rt_sigaction(SIGUSR1, NULL, %s, 8)", 10, 0, MK(BADOUT), 8),
	R(EINVAL, rt_sigprocmask, "rt_sigprocmask(how 99, set, NULL, 8)", 99, MK(SIGSET), 0, 8),
	R(EINVAL, rt_sigprocmask, "rt_sigprocmask(SIG_BLOCK, NULL, NULL, 4)", 0, 0, 0, 4),
	NN(EFAULT, rt_sigprocmask, "rt_sigprocmask(SIG_BLOCK, %s, NULL, 8)", 0, MK(BADIN), 0, 8),
	NN(EFAULT, rt_sigprocmask, "rt_sigprocmask(SIG_BLOCK, NULL, %s, 8)", 0, 0, MK(BADOUT), 8),
	R(EFAULT, rt_sigpending, "rt_sigpending(%s, 8)", MK(BADOUT), 8),
	R(EINVAL, rt_sigpending, "rt_sigpending(buf, 16)", MK(BUF), 16),
	R(EINVAL, rt_sigsuspend, "rt_sigsuspend(set, 4)", MK(SIGSET), 4),
	R(EFAULT, rt_sigsuspend, "rt_sigsuspend(%s, 8)", MK(BADIN), 8),
	R(EAGAIN, rt_sigtimedwait, "rt_sigtimedwait(empty set, NULL, {0, 0}, 8)", MK(SIGSET), 0,
	  MK(TS0), 8),
	R(EINVAL, rt_sigtimedwait, "rt_sigtimedwait(set, NULL, nsec 1000000000, 8)", MK(SIGSET), 0,
	  MK(TSBAD), 8),
	R(EINVAL, rt_sigtimedwait, "rt_sigtimedwait(set, NULL, {0, 0}, 4)", MK(SIGSET), 0, MK(TS0),
	  4),
	R(EFAULT, rt_sigtimedwait, "rt_sigtimedwait(%s, NULL, {0, 0}, 8)", MK(BADIN), 0, MK(TS0), 8),
	NN(EFAULT, sigaltstack, "sigaltstack(%s, NULL)", MK(BADIN), 0),
	NN(EFAULT, sigaltstack, "sigaltstack(NULL, %s)", 0, MK(BADOUT)),
	R(EINVAL, sigaltstack, "sigaltstack(unknown flags, NULL)", MK(SS_FLAGS), 0),
	R(ENOMEM, sigaltstack, "sigaltstack(256 bytes, NULL)", MK(SS_SMALL), 0),
	R(EFAULT, signalfd4, "signalfd4(-1, %s, 8, 0)", -1, MK(BADIN), 8, 0),
	R(EINVAL, signalfd4, "signalfd4(-1, set, 4, 0)", -1, MK(SIGSET), 4, 0),
	R(EINVAL, signalfd4, "signalfd4(-1, set, 8, unknown flags)", -1, MK(SIGSET), 8, 0xffff),
	R(EBADF, signalfd4, "signalfd4(1000, set, 8, 0)", 1000, MK(SIGSET), 8, 0),

	/* futex and robust lists */
	R(EINVAL, futex, "futex(word + 1, FUTEX_WAIT, 0, {0, 0})", MK(ROPG1), FUTEX_WAIT_, 0,
	  MK(TS0)),
	R(EFAULT, futex, "futex(%s, FUTEX_WAIT, 0, {0, 0})", MK(BADIN), FUTEX_WAIT_, 0, MK(TS0)),
	R(EAGAIN, futex, "futex(word 0, FUTEX_WAIT, 1, NULL)", MK(ROPG), FUTEX_WAIT_, 1, 0),
	R(ETIMEDOUT, futex, "futex(word 0, FUTEX_WAIT, 0, {0, 0})", MK(ROPG), FUTEX_WAIT_, 0,
	  MK(TS0)),
	R(EINVAL, futex, "futex(word 0, FUTEX_WAIT, 0, nsec 1000000000)", MK(ROPG), FUTEX_WAIT_, 0,
	  MK(TSBAD)),
	R(ENOSYS, futex, "futex(word 0, op 99, 0, NULL)", MK(ROPG), 99 | 128, 0, 0),
	R(EINVAL, futex, "futex(word 0, FUTEX_WAIT_BITSET, 0, {0, 0}, NULL, bitset 0)", MK(ROPG), 9 | 128,
	  0, MK(TS0), 0, 0),
	R(EINVAL, set_robust_list, "set_robust_list(buf, 23)", MK(BUF), 23),
	R(EFAULT, get_robust_list, "get_robust_list(0, NULL, len)", 0, 0, MK(BUF)),
	R(ESRCH, get_robust_list, "get_robust_list(no such thread, head, len)", 0x7fffffff, MK(BUF),
	  MK(BUF)),

	/* polling */
	R(EFAULT, poll, "poll(%s, 1, 0)", MK(BADIN), 1, 0),
	R(EINVAL, poll, "poll(buf, 0x7fffffff, 0)", MK(BUF), 0x7fffffff, 0),
	R(0, poll, "poll(NULL, 0, 0)", 0, 0, 0),
	R(0, poll, "poll(empty pipe, 1, 0)", MK(PFD), 1, 0),
	R(EFAULT, ppoll, "ppoll(%s, 1, {0, 0}, NULL, 8)", MK(BADIN), 1, MK(TS0), 0, 8),
	R(EINVAL, ppoll, "ppoll(pfd, 1, nsec 1000000000, NULL, 8)", MK(PFD), 1, MK(TSBAD), 0, 8),
	R(EINVAL, ppoll, "ppoll(pfd, 1, {0, 0}, set, 4)", MK(PFD), 1, MK(TS0), MK(SIGSET), 4),
	R(EINVAL, select, "select(-1, NULL, NULL, NULL, {0, 0})", -1, 0, 0, 0, MK(TS0)),
	NN(EFAULT, select, "select(1, %s, NULL, NULL, {0, 0})", 1, MK(BADIN), 0, 0, MK(TS0)),
	R(EINVAL, select, "select(1, NULL, NULL, NULL, sec -1)", 1, 0, 0, 0, MK(TSNEG)),
	R(EINVAL, pselect6, "pselect6(-1, NULL, NULL, NULL, {0, 0}, NULL)", -1, 0, 0, 0, MK(TS0),
	  0),
	NN(EFAULT, pselect6, "pselect6(1, %s, NULL, NULL, {0, 0}, NULL)", 1, MK(BADIN), 0, 0,
	  MK(TS0), 0),
};

/* ---- the bad pointers ---------------------------------------------------------------- */

struct bad {
	const char *name;
	long addr; /* 0 with UNM or ROPG: resolved at run time */
	int marker;
};

static const struct bad bads[] = {
	{ "NULL", 0, 0 },
	{ "0xffff800000000000", KH1, 0 },
	{ "0xffffffff81000000", KH2, 0 },
	{ "0x800000000000", NONCANON, 0 },
	{ "unmapped page", 0, UNM },
	{ "read-only page", 0, ROPG }, /* for memory the call writes only: the last */
};

/* ---- the run-time values ------------------------------------------------------------- */

struct kts {
	long sec, nsec;
};
struct kiov {
	void *base;
	unsigned long len;
};
struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask;
};
struct kstack {
	void *sp;
	int flags;
	unsigned long size;
};
struct kpollfd {
	int fd;
	short events, revents;
};

static char *buf, *ropg, *unm, *longp;
static int fds[5]; /* FD_R, FD_RW, FD_PR, FD_PW, FD_DIR */
static struct kts ts0, tsbad = { 0, 1000000000 }, tsneg = { -1, 0 }, times_bad[2];
static long itvbad[4] = { 0, 0, 0, 2000000 };
static struct kiov iovbad = { 0, 16 }, iov;
static struct ksigaction sigact;
static unsigned long sigset;
static struct kstack ss_flags = { 0, 0x1234, 65536 }, ss_small = { 0, 0, 256 };
static unsigned long rlim_bad[2] = { 100, 10 };
static unsigned long how_bad[3] = { 0, 0, 0 };
static char *argv_ok[2] = { "x", 0 }, *argv_bad[2], *envp[1];
static struct kpollfd pfd;
static unsigned long clargs[11];

static const char FILE_NAME[] = "t_robust.file", LINK_NAME[] = "t_robust.link",
		  BADEXE_NAME[] = "t_robust.badexe";

static long resolve(long v)
{
	if (((unsigned long)v >> 48) != 0x7e57)
		return v;
	switch (v & 0xffff) {
	case UNM: return (long)unm;
	case BUF: return (long)buf;
	case BUF1: return (long)buf + 1;
	case ROPG: return (long)ropg;
	case ROPG1: return (long)ropg + 1;
	case FD_R: return fds[0];
	case FD_RW: return fds[1];
	case FD_PR: return fds[2];
	case FD_PW: return fds[3];
	case FD_DIR: return fds[4];
	case FILEP: return (long)FILE_NAME;
	case LINKP: return (long)LINK_NAME;
	case BADEXE: return (long)BADEXE_NAME;
	case LONGP: return (long)longp;
	case MYPID: return getpid();
	case TS0: return (long)&ts0;
	case TSBAD: return (long)&tsbad;
	case TSNEG: return (long)&tsneg;
	case IOVBAD: return (long)&iovbad;
	case IOV: return (long)&iov;
	case SIGACT: return (long)&sigact;
	case SIGSET: return (long)&sigset;
	case SS_FLAGS: return (long)&ss_flags;
	case SS_SMALL: return (long)&ss_small;
	case RLIM_BAD: return (long)rlim_bad;
	case ITV_BAD: return (long)itvbad;
	case HOW_BAD: return (long)how_bad;
	case ARGV: return (long)argv_ok;
	case ARGV_BAD: return (long)argv_bad;
	case ENVP: return (long)envp;
	case PFD: return (long)&pfd;
	case TIMES_BAD: return (long)times_bad;
	case CLARGS: return (long)clargs;
	}
	return v;
}

static const struct {
	int err;
	const char *name;
} errnames[] = {
	{ 0, "success" }, { EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { ESRCH, "ESRCH" },
	{ EINTR, "EINTR" }, { ENOEXEC, "ENOEXEC" }, { EBADF, "EBADF" }, { ECHILD, "ECHILD" },
	{ EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EACCES, "EACCES" }, { EFAULT, "EFAULT" },
	{ EBUSY, "EBUSY" }, { EEXIST, "EEXIST" }, { ENODEV, "ENODEV" }, { ENOTDIR, "ENOTDIR" },
	{ EISDIR, "EISDIR" }, { EINVAL, "EINVAL" }, { ENOTTY, "ENOTTY" }, { ESPIPE, "ESPIPE" },
	{ ERANGE, "ERANGE" }, { ENAMETOOLONG, "ENAMETOOLONG" }, { ENOSYS, "ENOSYS" },
	{ ETIMEDOUT, "ETIMEDOUT" }, { EOPNOTSUPP, "EOPNOTSUPP" }, { EROFS, "EROFS" },
	{ EXDEV, "EXDEV" }, { ENOTEMPTY, "ENOTEMPTY" }, { EMFILE, "EMFILE" },
};

static const char *errname(int e)
{
	static char other[16];

	for (size_t i = 0; i < sizeof(errnames) / sizeof(errnames[0]); i++)
		if (errnames[i].err == e)
			return errnames[i].name;
	snprintf(other, sizeof(other), "errno %d", e);
	return other;
}

static int setup(void)
{
	static char content[4096];
	int p[2], fd;

	buf = mmap(0, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ropg = mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unm = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	longp = malloc(5001);
	if (buf == MAP_FAILED || ropg == MAP_FAILED || unm == MAP_FAILED || !longp ||
	    munmap(unm, 4096))
		return -1;
	memset(longp, 'a', 5000);
	longp[5000] = 0;

	unlink(FILE_NAME);
	unlink(LINK_NAME);
	unlink(BADEXE_NAME);
	memset(content, 'x', sizeof(content));
	fd = open(FILE_NAME, O_RDWR | O_CREAT | O_EXCL, 0644);
	if (fd < 0 || write(fd, content, sizeof(content)) != (ssize_t)sizeof(content))
		return -2;
	close(fd);
	if (symlink(FILE_NAME, LINK_NAME))
		return -3;
	fd = open(BADEXE_NAME, O_RDWR | O_CREAT | O_EXCL, 0755);
	if (fd < 0 || write(fd, "\177ELF-not-really", 16) != 16)
		return -4;
	close(fd);

	fds[0] = open(FILE_NAME, O_RDONLY);
	fds[1] = open(FILE_NAME, O_RDWR);
	if (pipe(p))
		return -5;
	fds[2] = p[0];
	fds[3] = p[1];
	fds[4] = open("/", O_RDONLY | O_DIRECTORY);
	if (fds[0] < 0 || fds[1] < 0 || fds[4] < 0)
		return -6;
	if (fcntl(p[0], F_SETFL, O_NONBLOCK) || fcntl(p[1], F_SETFL, O_NONBLOCK))
		return -7;

	iov.base = buf;
	iov.len = 16;
	times_bad[0].nsec = 1000000000;
	how_bad[0] = 1UL << 40;
	argv_bad[0] = (char *)KH1;
	pfd.fd = p[0];
	pfd.events = 1; /* POLLIN */
	return 0;
}

static void cleanup(void)
{
	unlink(FILE_NAME);
	unlink(LINK_NAME);
	unlink(BADEXE_NAME);
	unlink("t_robust.x");
}

static void run_row(const struct row *r, int bad)
{
	char name[256];
	long a[6], ret;
	int err;

	for (int i = 0; i < 6; i++) {
		long v = r->a[i];

		if (v == MK(BADIN) || v == MK(BADOUT))
			v = bads[bad].marker ? resolve(MK(bads[bad].marker)) : bads[bad].addr;
		else
			v = resolve(v);
		a[i] = v;
	}
	snprintf(name, sizeof(name), r->desc, bad >= 0 ? bads[bad].name : "");
	/* Each row from the start of the file and the directory: no row sees where an earlier
	 * one (wrongly succeeding) left them. */
	lseek(fds[0], 0, SEEK_SET);
	lseek(fds[1], 0, SEEK_SET);
	lseek(fds[4], 0, SEEK_SET);
	/* And BUF zeroed again: a row that reads it as input (a timespec, a sigset) must not
	 * see what an earlier row's read left, which differs between machines. */
	memset(buf, 0, 64 * 1024);
	errno = 0;
	ret = syscall(r->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	err = ret < 0 ? errno : 0;
	if (!ok(r->err ? ret == -1 && err == r->err : ret >= 0, "%s -> %s", name, errname(r->err)))
		printf("# returned %ld, errno %s\n", ret, ret < 0 ? errname(err) : "-");
}

/* How many bad pointer kinds a row runs with (0: it has no bad pointer argument). */
static int row_kinds(const struct row *r)
{
	for (int j = 0; j < 6; j++) {
		if (r->a[j] == MK(BADIN))
			return 5;
		if (r->a[j] == MK(BADOUT))
			return 6;
	}
	return 0;
}

int main(void)
{
	size_t n = sizeof(rows) / sizeof(rows[0]);
	int total = 0, root = geteuid() == 0, err;

	for (size_t i = 0; i < n; i++) {
		int kinds = row_kinds(&rows[i]);

		total += kinds ? kinds - !!(rows[i].flags & F_NONULL) : 1;
	}
	tap_plan(total);
	err = setup();
	if (err) {
		printf("Bail out! setup failed (%d), errno %d\n", err, errno);
		cleanup();
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		int kinds = row_kinds(r);
		int first = kinds ? !!(r->flags & F_NONULL) : -1;

		for (int b = first; b < kinds || b == -1; b++) {
			if ((r->flags & F_ROOT) && !root) {
				char name[256];

				snprintf(name, sizeof(name), r->desc, b >= 0 ? bads[b].name : "");
				ok(1, "%s -> %s (not run: needs root)", name, errname(r->err));
			} else {
				run_row(r, b);
			}
			if (b == -1)
				break;
		}
	}
	cleanup();
	return tap_done();
}
