/*
 * posix_spawn and posix_spawnp: a child that shares our memory (clone with CLONE_VM |
 * CLONE_VFORK) and runs on a small stack of its own in our frame, so that nothing of our
 * address space is copied; we sleep until it has exec'd or died. What goes wrong before the
 * exec, or the exec itself, comes back as the return value through a close-on-exec pipe: the
 * child writes its errno and exits 127, we read it, reap the child and return it. A pipe that
 * only closes means the exec happened.
 *
 * The child runs on our memory with our thread pointer: it makes raw system calls only (a
 * wrapper would set errno, which is ours), and it starts with every signal blocked, so that
 * none of our handlers can run in it before they are reset to SIG_DFL.
 */
#include "libc.h"
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

hidden long __clone_thread(unsigned long flags, void *stack, volatile int *ptid, volatile int *ctid,
			   void *tls, int (*fn)(void *), void *arg);

#define CLONE_VM 0x00000100
#define CLONE_VFORK 0x00004000

enum {
	ACT_OPEN,
	ACT_CLOSE,
	ACT_DUP2
};

struct __spawn_action {
	int kind, fd, newfd, oflag;
	mode_t mode;
	char *path; /* ACT_OPEN: our own copy */
};

/* ---- file actions ---- */

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
	fa->__used = fa->__cap = 0;
	fa->__actions = NULL;
	return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
	for (int i = 0; i < fa->__used; i++)
		free(fa->__actions[i].path);
	free(fa->__actions);
	return posix_spawn_file_actions_init(fa);
}

static struct __spawn_action *add_action(posix_spawn_file_actions_t *fa, int kind, int fd)
{
	struct __spawn_action *a;

	if (fa->__used == fa->__cap) {
		int cap = fa->__cap ? 2 * fa->__cap : 4;

		a = realloc(fa->__actions, (size_t)cap * sizeof(*a));
		if (!a)
			return NULL;
		fa->__actions = a;
		fa->__cap = cap;
	}
	a = &fa->__actions[fa->__used++];
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	a->fd = fd;
	return a;
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *restrict fa, int fd,
				     const char *restrict path, int oflag, mode_t mode)
{
	struct __spawn_action *a;
	char *copy;

	if (fd < 0)
		return EBADF;
	copy = strdup(path);
	if (!copy)
		return ENOMEM;
	a = add_action(fa, ACT_OPEN, fd);
	if (!a) {
		free(copy);
		return ENOMEM;
	}
	a->path = copy;
	a->oflag = oflag;
	a->mode = mode;
	return 0;
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd)
{
	if (fd < 0)
		return EBADF;
	return add_action(fa, ACT_CLOSE, fd) ? 0 : ENOMEM;
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd)
{
	struct __spawn_action *a;

	if (fd < 0 || newfd < 0)
		return EBADF;
	a = add_action(fa, ACT_DUP2, fd);
	if (!a)
		return ENOMEM;
	a->newfd = newfd;
	return 0;
}

/* ---- attributes ---- */

#define ALL_FLAGS                                                                        \
	(POSIX_SPAWN_RESETIDS | POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |          \
	 POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSCHEDULER | \
	 POSIX_SPAWN_USEVFORK | POSIX_SPAWN_SETSID)

int posix_spawnattr_init(posix_spawnattr_t *attr)
{
	memset(attr, 0, sizeof(*attr));
	return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *attr)
{
	return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
	if ((unsigned short)flags & ~ALL_FLAGS)
		return EINVAL;
	attr->__flags = (unsigned short)flags;
	return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *restrict attr, short *restrict flags)
{
	*flags = (short)attr->__flags;
	return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgroup)
{
	attr->__pgroup = pgroup;
	return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *restrict attr, pid_t *restrict pgroup)
{
	*pgroup = attr->__pgroup;
	return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *restrict attr, const sigset_t *restrict mask)
{
	attr->__sigmask = *mask;
	return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *restrict attr, sigset_t *restrict mask)
{
	*mask = attr->__sigmask;
	return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *restrict attr, const sigset_t *restrict set)
{
	attr->__sigdefault = *set;
	return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *restrict attr, sigset_t *restrict set)
{
	*set = attr->__sigdefault;
	return 0;
}

int posix_spawnattr_setschedpolicy(posix_spawnattr_t *attr, int policy)
{
	attr->__policy = policy;
	return 0;
}

int posix_spawnattr_getschedpolicy(const posix_spawnattr_t *restrict attr, int *restrict policy)
{
	*policy = attr->__policy;
	return 0;
}

int posix_spawnattr_setschedparam(posix_spawnattr_t *restrict attr,
				  const struct sched_param *restrict param)
{
	attr->__param = *param;
	return 0;
}

int posix_spawnattr_getschedparam(const posix_spawnattr_t *restrict attr,
				  struct sched_param *restrict param)
{
	*param = attr->__param;
	return 0;
}

/* ---- the spawn ---- */

/* The kernel's struct sigaction on x86-64 (as signal.c's). */
struct k_sigaction {
	void *handler;
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

struct spawn_args {
	const char *path, *search; /* search: PATH for posix_spawnp of a bare name, else NULL */
	char *const *argv, *const *envp;
	const posix_spawn_file_actions_t *fa;
	const posix_spawnattr_t *attr;
	unsigned long oldmask; /* ours, before everything was blocked */
	int pipe_w;
};

static int exec_search(const struct spawn_args *a)
{
	size_t fl = strlen(a->path);
	int err = ENOENT, seen_eacces = 0;
	char buf[PATH_MAX];

	for (const char *p = a->search;; p++) {
		const char *e = strchrnul(p, ':');
		size_t dl = (size_t)(e - p);

		if (dl + fl + 2 <= sizeof(buf)) {
			memcpy(buf, p, dl);
			if (dl)
				buf[dl++] = '/';
			memcpy(buf + dl, a->path, fl + 1);
			err = (int)-__sys(SYS_execve, buf, a->argv, a->envp);
			if (err == EACCES)
				seen_eacces = 1;
			else if (err != ENOENT && err != ENOTDIR)
				return err;
		}
		p = e;
		if (!*p)
			break;
	}
	return seen_eacces ? EACCES : err;
}

/* The highest descriptor a file action names: the pipe must sit above them all. */
static int max_action_fd(const posix_spawn_file_actions_t *fa)
{
	int max = -1;

	for (int i = 0; fa && i < fa->__used; i++) {
		const struct __spawn_action *op = &fa->__actions[i];

		if (op->fd > max)
			max = op->fd;
		if (op->kind == ACT_DUP2 && op->newfd > max)
			max = op->newfd;
	}
	return max;
}

static int do_actions(const posix_spawn_file_actions_t *fa)
{
	for (int i = 0; fa && i < fa->__used; i++) {
		const struct __spawn_action *op = &fa->__actions[i];
		long r = 0;

		switch (op->kind) {
		case ACT_OPEN:
			r = __sys(SYS_open, op->path, op->oflag, op->mode);
			if (r >= 0 && r != op->fd) {
				long fd = r;

				r = __sys(SYS_dup2, fd, op->fd);
				__sys(SYS_close, fd);
			}
			break;
		case ACT_CLOSE:
			/* POSIX lets closing a descriptor that is not open succeed, as Linux's do */
			r = __sys(SYS_close, op->fd);
			if (r == -EBADF)
				r = 0;
			break;
		case ACT_DUP2:
			if (op->fd ==
			    op->newfd) { /* the same descriptor: keep it across the exec */
				r = __sys(SYS_fcntl, op->fd, F_GETFD);
				if (r >= 0)
					r = __sys(SYS_fcntl, op->fd, F_SETFD, r & ~FD_CLOEXEC);
			} else {
				r = __sys(SYS_dup2, op->fd, op->newfd);
			}
			break;
		}
		if (r < 0)
			return (int)-r;
	}
	return 0;
}

static int spawn_child(void *arg)
{
	const struct spawn_args *a = arg;
	const posix_spawnattr_t *attr = a->attr;
	int flags = attr ? attr->__flags : 0, fd = a->pipe_w, max = max_action_fd(a->fa), err;
	unsigned long mask = a->oldmask;
	long r;

	/* Our handlers are meaningless here: caught signals go back to SIG_DFL (ignored ones
	 * stay ignored, as exec keeps them), and so do the attribute's SETSIGDEF signals. */
	for (int sig = 1; sig < _NSIG; sig++) {
		struct k_sigaction ka, dfl = { 0, 0, 0, 0 };
		int def = (flags & POSIX_SPAWN_SETSIGDEF) &&
			  sigismember(&attr->__sigdefault, sig) == 1;

		if (sig == SIGKILL || sig == SIGSTOP)
			continue;
		if (!def) {
			if (__sys(SYS_rt_sigaction, sig, 0, &ka, 8) < 0 ||
			    ka.handler == (void *)SIG_DFL || ka.handler == (void *)SIG_IGN)
				continue;
		}
		__sys(SYS_rt_sigaction, sig, &dfl, 0, 8);
	}

	if (fd <= max) { /* a file action would overwrite it */
		r = __sys(SYS_fcntl, fd, F_DUPFD_CLOEXEC, max + 1);
		if (r < 0) {
			err = (int)-r;
			goto fail;
		}
		fd = (int)r;
	}
	r = 0;
	if (flags & POSIX_SPAWN_SETSID)
		r = __sys(SYS_setsid);
	if (r >= 0 && (flags & POSIX_SPAWN_SETPGROUP))
		r = __sys(SYS_setpgid, 0, attr->__pgroup);
	if (r >= 0 && (flags & POSIX_SPAWN_SETSCHEDULER))
		r = __sys(SYS_sched_setscheduler, 0, attr->__policy, &attr->__param);
	else if (r >= 0 && (flags & POSIX_SPAWN_SETSCHEDPARAM))
		r = __sys(SYS_sched_setparam, 0, &attr->__param);
	/* the effective IDs become the real ones: gid first, while we may still change it */
	if (r >= 0 && (flags & POSIX_SPAWN_RESETIDS)) {
		r = __sys(SYS_setgid, __sys(SYS_getgid));
		if (r >= 0)
			r = __sys(SYS_setuid, __sys(SYS_getuid));
	}
	if (r < 0) {
		err = (int)-r;
		goto fail;
	}
	err = do_actions(a->fa);
	if (err)
		goto fail;
	if (flags & POSIX_SPAWN_SETSIGMASK)
		mask = attr->__sigmask.__bits[0];
	__sys(SYS_rt_sigprocmask, SIG_SETMASK, &mask, 0, 8);
	if (a->search)
		err = exec_search(a);
	else
		err = (int)-__sys(SYS_execve, a->path, a->argv, a->envp);
fail:
	__sys(SYS_write, fd, &err, sizeof(err));
	__sys(SYS_exit_group, 127);
	return 127;
}

static int do_spawn(pid_t *restrict pid, const char *path, const char *search,
		    const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *restrict attr,
		    char *const argv[], char *const envp[])
{
	/* the child's stack: a PATH_MAX buffer for posix_spawnp and a few small frames */
	char stack[PATH_MAX + 4096] __attribute__((aligned(16)));
	struct spawn_args a = { path, search, argv, envp, fa, attr, 0, -1 };
	unsigned long all = ~0UL;
	int p[2], err = 0;
	long r;

	r = __sys(SYS_pipe2, p, O_CLOEXEC);
	if (r < 0)
		return (int)-r;
	a.pipe_w = p[1];
	__sys(SYS_rt_sigprocmask, SIG_BLOCK, &all, &a.oldmask, 8);
	r = __clone_thread(CLONE_VM | CLONE_VFORK | SIGCHLD, stack + sizeof(stack), 0, 0, 0,
			   spawn_child, &a);
	__sys(SYS_close, p[1]);
	if (r < 0) {
		err = (int)-r;
	} else if (__sys(SYS_read, p[0], &err, sizeof(err)) != sizeof(err)) {
		err = 0; /* closed by the exec: the child runs the program */
		if (pid)
			*pid = (pid_t)r;
	} else {
		__sys(SYS_wait4, r, 0, 0, 0); /* it has exited 127 */
	}
	__sys(SYS_close, p[0]);
	__sys(SYS_rt_sigprocmask, SIG_SETMASK, &a.oldmask, 0, 8);
	return err;
}

int posix_spawn(pid_t *restrict pid, const char *restrict path,
		const posix_spawn_file_actions_t *file_actions,
		const posix_spawnattr_t *restrict attr, char *const argv[restrict],
		char *const envp[restrict])
{
	return do_spawn(pid, path, NULL, file_actions, attr, argv, envp);
}

int posix_spawnp(pid_t *restrict pid, const char *restrict file,
		 const posix_spawn_file_actions_t *file_actions,
		 const posix_spawnattr_t *restrict attr, char *const argv[restrict],
		 char *const envp[restrict])
{
	const char *search = NULL;

	if (!*file)
		return ENOENT;
	if (!strchr(file, '/')) {
		search = getenv("PATH");
		if (!search)
			search = "/usr/local/bin:/bin:/usr/bin";
	}
	return do_spawn(pid, file, search, file_actions, attr, argv, envp);
}
