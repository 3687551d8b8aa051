#ifndef _UNISTD_H
#define _UNISTD_H
#include <bits/types.h>
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif
#define _SC_ARG_MAX 0
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_NGROUPS_MAX 3
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE 30
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_PHYS_PAGES 85
#define _SC_HOST_NAME_MAX 180
#define _PC_PATH_MAX 4
#define _PC_NAME_MAX 3

extern char **environ;
extern char *optarg;
extern int optind, opterr, optopt;

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
ssize_t pread(int fd, void *buf, size_t n, off_t off);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
int close(int fd);
off_t lseek(int fd, off_t off, int whence);
int dup(int fd);
int dup2(int fd, int fd2);
int dup3(int fd, int fd2, int flags);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
pid_t fork(void);
pid_t vfork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execvpe(const char *file, char *const argv[], char *const envp[]);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
__noreturn void _exit(int status);
pid_t getpid(void);
int nice(int inc);
pid_t getppid(void);
pid_t gettid(void);
pid_t getpgrp(void);
pid_t getpgid(pid_t pid);
int setpgid(pid_t pid, pid_t pgid);
pid_t setsid(void);
pid_t getsid(pid_t pid);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int getgroups(int n, gid_t list[]);
char *getcwd(char *buf, size_t size);
int chdir(const char *path);
int fchdir(int fd);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int rmdir(const char *path);
int link(const char *from, const char *to);
int linkat(int olddirfd, const char *from, int newdirfd, const char *to, int flags);
int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);
int syncfs(int fd);
ssize_t copy_file_range(int fd_in, off_t *off_in, int fd_out, off_t *off_out, size_t len,
			unsigned int flags);
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)
int close_range(unsigned int first, unsigned int last, int flags);
int symlink(const char *target, const char *path);
ssize_t readlink(const char *restrict path, char *restrict buf, size_t n);
ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t n);
int access(const char *path, int mode);
int faccessat(int dirfd, const char *path, int mode, int flags);
int chown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int truncate(const char *path, off_t len);
int ftruncate(int fd, off_t len);
int fsync(int fd);
int fdatasync(int fd);
void sync(void);
int isatty(int fd);
char *ttyname(int fd);
unsigned sleep(unsigned secs);
int usleep(useconds_t usecs);
unsigned alarm(unsigned secs);
int pause(void);
long sysconf(int name);
long pathconf(const char *path, int name);
int getpagesize(void);
int gethostname(char *name, size_t n);
int sethostname(const char *name, size_t n);
int setdomainname(const char *name, size_t n);
void *sbrk(intptr_t inc);
int brk(void *addr);
long syscall(long nr, ...);
int getopt(int argc, char *const argv[], const char *optstring);
int chroot(const char *path);
/* <crypt.h>'s, which POSIX (XSI) also declares here. */
char *crypt(const char *key, const char *setting);
#endif
