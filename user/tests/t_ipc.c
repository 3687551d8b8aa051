/*
 * Mica's L4-style IPC (include/uapi/ipc.h, docs/ipc.md): call and reply with six words both
 * ways, badges and pids, ordering, many clients, send and receive with timeouts, EPIPE when
 * the server's end closes or the server dies, inheritance through fork and exec, IPC_CLOEXEC,
 * EINTR, bad descriptors and pointers, the shared buffer, calls across two CPUs, ipc_echo, and
 * two-CPU stresses that close the server end at a random point (no hang, no leak), one of
 * them with single-threaded callers (the fast path's waits) interrupted by signals.
 *
 * On Linux the calls do not exist (ENOSYS): every case is then reported as skipped. Each case
 * runs in a child process of its own, under a watchdog, so that a hang or a crash fails that
 * case alone.
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uapi/ipc.h>

#define MS 1000000L

static const char *self;

#define CHECK(cond)                                                                   \
	do {                                                                          \
		if (!(cond)) {                                                        \
			printf("# line %d: %s (errno %d)\n", __LINE__, #cond, errno); \
			fflush(stdout);                                               \
			return 0;                                                     \
		}                                                                     \
	} while (0)

static long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * MS };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static int wait_status(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* A forked server process on sfd: handler turns each request into its reply. */
typedef void (*handler_t)(struct ipc_msg *m);

static pid_t fork_server(int sfd, handler_t handler)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid)
		return pid;
	struct ipc_msg m = { 0 };
	long r = ipc_recv(sfd, &m, -1);

	while (r >= 0) {
		handler(&m);
		r = ipc_reply_recv(sfd, &m);
	}
	_exit(r == -EPIPE ? 0 : 3);
}

static void stop(pid_t pid)
{
	kill(pid, SIGKILL);
	wait_status(pid);
}

/* ---- the cases ---------------------------------------------------------------------- */

static void h_invert(struct ipc_msg *m)
{
	for (int i = 0; i < IPC_MSG_WORDS; i++)
		m->w[i] = ~m->w[i] + i;
}

static int t_round_trip(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 7, 0);
	struct ipc_msg m = { 0 };
	pid_t pid;

	CHECK(sfd >= 0 && cfd >= 0 && sfd != cfd);
	pid = fork_server(sfd, h_invert);
	for (int round = 0; round < 100; round++) {
		unsigned long long want[IPC_MSG_WORDS];

		for (int i = 0; i < IPC_MSG_WORDS; i++) {
			m.w[i] = 0x0123456789abcdefULL * (i + 1) + round;
			want[i] = ~m.w[i] + i;
		}
		CHECK(ipc_call(cfd, &m) == 0);
		for (int i = 0; i < IPC_MSG_WORDS; i++)
			CHECK(m.w[i] == want[i]);
	}
	stop(pid);
	return 1;
}

static void h_who(struct ipc_msg *m)
{
	m->w[0] = m->badge;
	m->w[1] = (unsigned long long)m->pid;
}

static int t_badge_pid(void)
{
	int sfd = ipc_endpoint(0), c1 = ipc_connect(sfd, 0xfeedface12345678ULL, 0),
	    c2 = ipc_connect(sfd, 0, 0);
	struct ipc_msg m = { 0 };
	pid_t pid, child;

	CHECK(sfd >= 0 && c1 >= 0 && c2 >= 0);
	pid = fork_server(sfd, h_who);
	CHECK(ipc_call(c1, &m) == 0);
	CHECK(m.w[0] == 0xfeedface12345678ULL && m.w[1] == (unsigned long long)getpid());
	CHECK(ipc_call(c2, &m) == 0);
	CHECK(m.w[0] == 0 && m.w[1] == (unsigned long long)getpid());
	fflush(stdout);
	child = fork();
	if (!child) {
		if (ipc_call(c1, &m) || m.w[0] != 0xfeedface12345678ULL ||
		    m.w[1] != (unsigned long long)getpid())
			_exit(1);
		_exit(0);
	}
	CHECK(wait_status(child) == 0);
	stop(pid);
	return 1;
}

static unsigned long long expect_seq;

static void h_order(struct ipc_msg *m)
{
	m->w[1] = m->w[0] == expect_seq ? 0 : 1;
	expect_seq = m->w[0] + 1;
}

static int t_order(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 1, 0);
	struct ipc_msg m = { 0 };
	pid_t pid;

	CHECK(sfd >= 0 && cfd >= 0);
	pid = fork_server(sfd, h_order);
	for (unsigned long long i = 0; i < 3000; i++) {
		m.w[0] = i;
		CHECK(ipc_call(cfd, &m) == 0);
		CHECK(m.w[0] == i && m.w[1] == 0);
	}
	stop(pid);
	return 1;
}

/* Many clients: per badge, the server counts the calls and returns the count. */
#define NCLIENTS 8
#define NCALLS 300
static unsigned long long counts[NCLIENTS + 1];

static void h_count(struct ipc_msg *m)
{
	if (m->badge < 1 || m->badge > NCLIENTS) {
		m->w[1] = ~0ULL;
		return;
	}
	if (m->w[0] == 0)
		m->w[1] = ++counts[m->badge];
	else
		m->w[1] = counts[m->badge]; /* a report */
}

static int calls_counted(int fd)
{
	struct ipc_msg m = { 0 };

	for (int i = 0; i < NCALLS; i++) {
		m.w[0] = 0;
		if (ipc_call(fd, &m) || m.w[1] != (unsigned long long)i + 1)
			return 0;
	}
	return 1;
}

static void *client_thread(void *arg)
{
	return (void *)(intptr_t)calls_counted((int)(intptr_t)arg);
}

static int t_many_clients(void)
{
	int sfd = ipc_endpoint(0), cfd[NCLIENTS + 1];
	pid_t server, kids[NCLIENTS / 2];
	pthread_t th[NCLIENTS / 2];
	struct ipc_msg m = { 0 };

	CHECK(sfd >= 0);
	for (int b = 1; b <= NCLIENTS; b++)
		CHECK((cfd[b] = ipc_connect(sfd, b, 0)) >= 0);
	server = fork_server(sfd, h_count);
	for (int i = 0; i < NCLIENTS / 2; i++) {
		fflush(stdout);
		kids[i] = fork();
		if (!kids[i])
			_exit(calls_counted(cfd[1 + i]) ? 0 : 1);
	}
	for (int i = 0; i < NCLIENTS / 2; i++)
		CHECK(pthread_create(&th[i], NULL, client_thread,
				     (void *)(intptr_t)cfd[1 + NCLIENTS / 2 + i]) == 0);
	for (int i = 0; i < NCLIENTS / 2; i++) {
		void *ret;

		CHECK(wait_status(kids[i]) == 0);
		CHECK(pthread_join(th[i], &ret) == 0 && ret == (void *)1);
	}
	for (int b = 1; b <= NCLIENTS; b++) {
		m.w[0] = 1;
		CHECK(ipc_call(cfd[b], &m) == 0 && m.w[1] == NCALLS);
	}
	stop(server);
	return 1;
}

static int t_send_recv_timeouts(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 42, 0);
	struct ipc_msg m = { 0 };
	long t0, r;
	pid_t pid;

	CHECK(sfd >= 0 && cfd >= 0);
	CHECK(ipc_recv(sfd, &m, 0) == -EAGAIN);
	CHECK(ipc_send(cfd, &m, 0) == -EAGAIN);
	t0 = now_ns();
	CHECK(ipc_recv(sfd, &m, 50 * MS) == -ETIMEDOUT);
	CHECK(now_ns() - t0 >= 50 * MS && now_ns() - t0 < 5000 * MS);
	t0 = now_ns();
	CHECK(ipc_send(cfd, &m, 30 * MS) == -ETIMEDOUT);
	CHECK(now_ns() - t0 >= 30 * MS && now_ns() - t0 < 5000 * MS);

	/* A receiver already waiting: the send is taken at once. */
	fflush(stdout);
	pid = fork();
	if (!pid) {
		r = ipc_recv(sfd, &m, -1);
		_exit(r == getppid() && m.badge == 42 && m.w[0] == 11 && m.w[5] == 66 ? 0 : 1);
	}
	sleep_ms(50);
	m.w[0] = 11;
	m.w[5] = 66;
	CHECK(ipc_send(cfd, &m, 2000 * MS) == 0);
	CHECK(wait_status(pid) == 0);

	/* A send queued first, taken by a receive that comes later (with a timeout). */
	fflush(stdout);
	pid = fork();
	if (!pid) {
		sleep_ms(50);
		r = ipc_recv(sfd, &m, 2000 * MS);
		_exit(r == getppid() && m.w[1] == 22 ? 0 : 1);
	}
	m.w[1] = 22;
	CHECK(ipc_send(cfd, &m, -1) == 0);
	CHECK(wait_status(pid) == 0);
	/* And one found by a receive that only tries. */
	fflush(stdout);
	pid = fork();
	if (!pid) {
		m.w[2] = 33;
		_exit(ipc_send(cfd, &m, -1) == 0 ? 0 : 1);
	}
	for (r = -EAGAIN; r == -EAGAIN; sleep_ms(5))
		r = ipc_recv(sfd, &m, 0);
	CHECK(r == pid && m.w[2] == 33);
	CHECK(wait_status(pid) == 0);
	return 1;
}

/* A caller of its own process, expecting err from its one call. */
static pid_t fork_caller(int cfd, long err, long delay_ms)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (!pid) {
		struct ipc_msg m = { 0 };

		sleep_ms(delay_ms);
		_exit(ipc_call(cfd, &m) == err ? 0 : 1);
	}
	return pid;
}

static int t_epipe_close(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 1, 0);
	struct ipc_msg m = { 0 };
	pid_t server, queued;

	CHECK(sfd >= 0 && cfd >= 0);
	fflush(stdout);
	server = fork();
	if (!server) {
		/* Take one call, let a second queue up, then close the end without replying. */
		if (ipc_recv(sfd, &m, -1) < 0)
			_exit(1);
		sleep_ms(150);
		close(sfd);
		sleep_ms(300);
		_exit(0);
	}
	close(sfd); /* the server holds the only server end */
	queued = fork_caller(cfd, -EPIPE, 50);
	CHECK(ipc_call(cfd, &m) == -EPIPE); /* taken, waiting for its reply */
	CHECK(wait_status(queued) == 0); /* queued, never taken */
	CHECK(ipc_call(cfd, &m) == -EPIPE); /* later */
	CHECK(ipc_send(cfd, &m, 0) == -EPIPE);
	CHECK(ipc_send(cfd, &m, -1) == -EPIPE);
	CHECK(wait_status(server) == 0);
	return 1;
}

static int t_epipe_death(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 1, 0);
	struct ipc_msg m = { 0 };
	pid_t server, queued;

	CHECK(sfd >= 0 && cfd >= 0);
	fflush(stdout);
	server = fork();
	if (!server) {
		if (ipc_recv(sfd, &m, -1) < 0)
			_exit(1);
		sleep_ms(150);
		_exit(0); /* owes a reply, and holds the only server end */
	}
	close(sfd);
	queued = fork_caller(cfd, -EPIPE, 50);
	CHECK(ipc_call(cfd, &m) == -EPIPE);
	CHECK(wait_status(queued) == 0);
	CHECK(ipc_call(cfd, &m) == -EPIPE);
	CHECK(wait_status(server) == 0);
	return 1;
}

/* The server end stays open (we hold it): only the server thread that owed us dies. */
static int t_epipe_thread_exit(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 1, 0);
	struct ipc_msg m = { 0 };
	pid_t server, later;

	CHECK(sfd >= 0 && cfd >= 0);
	fflush(stdout);
	server = fork();
	if (!server)
		_exit(ipc_recv(sfd, &m, -1) < 0);
	CHECK(ipc_call(cfd, &m) == -EPIPE);
	CHECK(wait_status(server) == 0);
	/* The endpoint still works; and a receive while a reply is owed abandons the caller. */
	later = fork_caller(cfd, -EPIPE, 0);
	CHECK(ipc_recv(sfd, &m, 2000 * MS) == later);
	CHECK(ipc_recv(sfd, &m, 0) == -EAGAIN);
	CHECK(wait_status(later) == 0);
	return 1;
}

/* Through fork: a child calls on the client end it inherited; the parent serves it. */
static int t_fork_inherit(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 5, 0);
	struct ipc_msg m = { 0 };
	pid_t child;

	CHECK(sfd >= 0 && cfd >= 0);
	fflush(stdout);
	child = fork();
	if (!child) {
		m.w[0] = 100;
		if (ipc_call(cfd, &m) || m.w[0] != 101)
			_exit(1);
		m.w[0] = 999; /* goodbye, as a send: the server's reply_recv takes it */
		_exit(ipc_send(cfd, &m, -1) ? 2 : 0);
	}
	CHECK(ipc_recv(sfd, &m, -1) == child && m.badge == 5 && m.w[0] == 100);
	m.w[0] = 101;
	CHECK(ipc_reply_recv(sfd, &m) == child && m.w[0] == 999);
	CHECK(wait_status(child) == 0);
	return 1;
}

/* Through exec: this program again, with the descriptors to use as arguments. */
static int exec_helper(const char *what, int fd)
{
	char fdbuf[16];
	pid_t pid;

	snprintf(fdbuf, sizeof(fdbuf), "%d", fd);
	fflush(stdout);
	pid = fork();
	if (!pid) {
		execl(self, self, what, fdbuf, (char *)NULL);
		_exit(127);
	}
	return wait_status(pid);
}

static int t_exec_cloexec(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 77, 0),
	    cfd2 = ipc_connect(sfd, 78, IPC_CLOEXEC), sfd2 = ipc_endpoint(IPC_CLOEXEC);
	pid_t server;

	CHECK(sfd >= 0 && cfd >= 0 && cfd2 >= 0 && sfd2 >= 0);
	CHECK(!(fcntl(cfd, F_GETFD) & FD_CLOEXEC));
	CHECK(fcntl(cfd2, F_GETFD) & FD_CLOEXEC);
	CHECK(fcntl(sfd2, F_GETFD) & FD_CLOEXEC);
	server = fork_server(sfd, h_who);
	CHECK(exec_helper("--exec-call", cfd) == 0);
	CHECK(exec_helper("--exec-closed", cfd2) == 0);
	CHECK(exec_helper("--exec-closed", sfd2) == 0);
	stop(server);
	return 1;
}

static int got_signal;

static void on_usr1(int sig)
{
	got_signal = sig;
}

static pid_t signal_me_later(long ms)
{
	pid_t parent = getpid(), pid;

	fflush(stdout);
	pid = fork();
	if (!pid) {
		sleep_ms(ms);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	return pid;
}

static int t_eintr(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 1, 0);
	struct sigaction sa = { 0 };
	struct ipc_msg m = { 0 };
	pid_t killer, server;

	CHECK(sfd >= 0 && cfd >= 0);
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART; /* no restart all the same: a call is not sent twice */
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	/* A call nobody receives. */
	killer = signal_me_later(50);
	CHECK(ipc_call(cfd, &m) == -EINTR && got_signal == SIGUSR1);
	CHECK(wait_status(killer) == 0);
	/* A receive nobody sends to. */
	got_signal = 0;
	killer = signal_me_later(50);
	CHECK(ipc_recv(sfd, &m, -1) == -EINTR && got_signal == SIGUSR1);
	CHECK(wait_status(killer) == 0);
	/* A call taken, its caller interrupted while it waits for the reply: the late reply is
	 * dropped, and the next call gets its own. */
	fflush(stdout);
	server = fork();
	if (!server) {
		long r = ipc_recv(sfd, &m, -1);

		sleep_ms(200);
		while (r >= 0) {
			m.w[0]++;
			r = ipc_reply_recv(sfd, &m);
		}
		_exit(1);
	}
	got_signal = 0;
	killer = signal_me_later(50);
	m.w[0] = 1;
	CHECK(ipc_call(cfd, &m) == -EINTR && got_signal == SIGUSR1);
	CHECK(wait_status(killer) == 0);
	m.w[0] = 10;
	CHECK(ipc_call(cfd, &m) == 0 && m.w[0] == 11);
	stop(server);
	return 1;
}

static int t_bad_args(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 1, 0), p[2];
	struct ipc_msg m = { 0 };
	char *ro;

	CHECK(sfd >= 0 && cfd >= 0 && pipe(p) == 0);
	CHECK(ipc_endpoint(1) == -EINVAL);
	CHECK(ipc_connect(sfd, 1, 0x4) == -EINVAL);
	CHECK(ipc_connect(-1, 1, 0) == -EBADF);
	CHECK(ipc_connect(200, 1, 0) == -EBADF);
	CHECK(ipc_connect(cfd, 1, 0) == -EBADF); /* a client end cannot connect */
	CHECK(ipc_connect(p[0], 1, 0) == -EINVAL);
	CHECK(ipc_call(-1, &m) == -EBADF);
	CHECK(ipc_call(250, &m) == -EBADF);
	CHECK(ipc_call(p[1], &m) == -EINVAL);
	CHECK(ipc_call(sfd, &m) == -EBADF); /* the wrong end */
	CHECK(ipc_send(sfd, &m, 0) == -EBADF);
	CHECK(ipc_recv(cfd, &m, 0) == -EBADF);
	CHECK(ipc_reply_recv(cfd, &m) == -EBADF);
	CHECK(ipc_recv(p[0], &m, 0) == -EINVAL);
	CHECK(ipc_recv(-5, &m, 0) == -EBADF);
	CHECK(ipc_echo(NULL, 64) == -EFAULT);
	CHECK(ipc_echo((void *)0xffff800000000000UL, 64) == -EFAULT);
	CHECK(ipc_echo((void *)0x800000000000UL, 64) == -EFAULT);
	ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(ro != MAP_FAILED);
	CHECK(ipc_echo(ro, 64) == -EFAULT); /* read in, but not written back */
	CHECK(ipc_echo(ro, IPC_ECHO_MAX + 1) == -EINVAL);
	close(sfd);
	CHECK(ipc_recv(sfd, &m, 0) == -EBADF); /* closed */
	return 1;
}

/* The shared buffer: the server inverts the bytes [w0, w0 + w1) it finds there. */
static unsigned char *server_buf;

static void h_invert_buf(struct ipc_msg *m)
{
	for (unsigned long long i = m->w[0]; i < m->w[0] + m->w[1] && i < IPC_BUF_SIZE; i++)
		server_buf[i] = ~server_buf[i];
	m->w[0] = server_buf[m->w[0]];
}

static int t_shared_buffer(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 1, 0);
	struct ipc_msg m = { 0 };
	unsigned char *p;
	pid_t server;

	CHECK(sfd >= 0 && cfd >= 0);
	CHECK(mmap(NULL, IPC_BUF_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, cfd, 0) == MAP_FAILED &&
	      errno == EINVAL);
	CHECK(mmap(NULL, IPC_BUF_SIZE + 4096, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0) ==
		      MAP_FAILED &&
	      errno == EINVAL);
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, cfd, IPC_BUF_SIZE) == MAP_FAILED &&
	      errno == EINVAL);
	server_buf = mmap(NULL, IPC_BUF_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, sfd, 0);
	CHECK(server_buf != MAP_FAILED);
	server = fork_server(sfd, h_invert_buf);
	CHECK(munmap(server_buf, IPC_BUF_SIZE) == 0);
	p = mmap(NULL, IPC_BUF_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0);
	CHECK(p != MAP_FAILED);
	for (int i = 0; i < IPC_BUF_SIZE; i++)
		p[i] = (unsigned char)(i * 7 + 3);
	m.w[0] = 0;
	m.w[1] = 4096;
	CHECK(ipc_call(cfd, &m) == 0 && m.w[0] == (unsigned char)~3);
	for (int i = 0; i < IPC_BUF_SIZE; i++)
		CHECK(p[i] == (unsigned char)(i < 4096 ? ~(i * 7 + 3) : i * 7 + 3));
	m.w[0] = 0;
	m.w[1] = IPC_BUF_SIZE;
	CHECK(ipc_call(cfd, &m) == 0);
	for (int i = 0; i < IPC_BUF_SIZE; i++)
		CHECK(p[i] == (unsigned char)(i < 4096 ? i * 7 + 3 : ~(i * 7 + 3)));
	/* A second mapping, at an offset, of the other end: the same pages. */
	unsigned char *q = mmap(NULL, 4096, PROT_READ, MAP_SHARED, sfd, IPC_BUF_SIZE - 4096);

	CHECK(q != MAP_FAILED && q[0] == p[IPC_BUF_SIZE - 4096]);
	stop(server);
	/* Mappings outlive the ends. */
	close(sfd);
	close(cfd);
	p[5] = 0x5a;
	CHECK(p[5] == 0x5a && q[100] == p[IPC_BUF_SIZE - 4096 + 100]);
	CHECK(munmap(p, IPC_BUF_SIZE) == 0 && munmap(q, 4096) == 0);
	return 1;
}

static int pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

static void h_cpu(struct ipc_msg *m)
{
	m->w[0] = m->w[0] * 2;
	m->w[1] = (unsigned long long)sched_getcpu();
}

static int t_cross_cpu(void)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, 1, 0);
	struct ipc_msg m = { 0 };
	pid_t server;

	CHECK(sfd >= 0 && cfd >= 0);
	CHECK(pin(1) == 0);
	fflush(stdout);
	server = fork();
	if (!server) {
		if (pin(0))
			_exit(2);
		struct ipc_msg s = { 0 };
		long r = ipc_recv(sfd, &s, -1);

		while (r >= 0) {
			h_cpu(&s);
			r = ipc_reply_recv(sfd, &s);
		}
		_exit(1);
	}
	for (unsigned long long i = 0; i < 2000; i++) {
		m.w[0] = i;
		CHECK(ipc_call(cfd, &m) == 0 && m.w[0] == 2 * i && m.w[1] == 0);
		CHECK(sched_getcpu() == 1);
	}
	stop(server);
	return 1;
}

static int t_echo(void)
{
	unsigned char buf[IPC_ECHO_MAX], copy[IPC_ECHO_MAX];

	for (int i = 0; i < IPC_ECHO_MAX; i++)
		buf[i] = copy[i] = (unsigned char)(i * 13);
	CHECK(ipc_echo(buf, 64) == 64);
	CHECK(ipc_echo(buf, IPC_ECHO_MAX) == IPC_ECHO_MAX);
	CHECK(ipc_echo(buf + 1, 1000) == 1000);
	CHECK(ipc_echo(buf, 0) == 0);
	CHECK(ipc_echo(NULL, 0) == 0);
	CHECK(memcmp(buf, copy, sizeof(buf)) == 0);
	CHECK(ipc_echo(buf, IPC_ECHO_MAX + 1) == -EINVAL);
	CHECK(ipc_echo(buf, -1UL) == -EINVAL);
	return 1;
}

/*
 * Stress: threads calling from both CPUs while the server ends at a random point, by dying
 * or by exiting while it owes a reply; every caller must come back with EPIPE.
 */
#define STRESS_ROUNDS 30
#define STRESS_THREADS 4

static int stress_cfd;

static void *stress_caller(void *arg)
{
	struct ipc_msg m = { 0 };
	long r;

	pin((int)(intptr_t)arg);
	do
		r = ipc_call(stress_cfd, &m);
	while (r == 0);
	return (void *)(intptr_t)(r == -EPIPE);
}

static unsigned long stress_limit, stress_served;

static void h_stress(struct ipc_msg *m)
{
	if (++stress_served == stress_limit)
		_exit(0); /* owing this reply */
}

static int stress_round(int round, int ncpus)
{
	int sfd = ipc_endpoint(0);
	pthread_t th[STRESS_THREADS];
	pid_t server;

	stress_cfd = ipc_connect(sfd, round, 0);
	CHECK(sfd >= 0 && stress_cfd >= 0);
	stress_limit = round % 2 ? 1 + (unsigned long)rand() % 2000 : 0;
	server = fork_server(sfd, h_stress);
	close(sfd);
	for (int i = 0; i < STRESS_THREADS; i++)
		CHECK(pthread_create(&th[i], NULL, stress_caller, (void *)(intptr_t)(i % ncpus)) ==
		      0);
	if (!stress_limit) {
		sleep_ms(rand() % 20);
		kill(server, SIGKILL);
	}
	for (int i = 0; i < STRESS_THREADS; i++) {
		void *ret;

		CHECK(pthread_join(th[i], &ret) == 0 && ret == (void *)1);
	}
	wait_status(server);
	close(stress_cfd);
	return 1;
}

static int t_stress(void)
{
	int ncpus = sysconf(_SC_NPROCESSORS_ONLN) >= 2 ? 2 : 1;

	srand(1234);
	for (int round = 0; round < STRESS_ROUNDS; round++)
		CHECK(stress_round(round, ncpus));
	return 1;
}

/*
 * The same with single-threaded processes, whose waits take the fast path that leaves their
 * kernel frames behind (docs/ipc.md): callers on both CPUs, signals falling on them while
 * they wait (EINTR, then they call again), and the server killed, or exiting while it owes a
 * reply, at a random point. Every reply must be the caller's own; every caller must end
 * with EPIPE.
 */
#define STRESS_PROCS 4

static void on_usr1_count(int sig)
{
	got_signal++;
}

/* Forked with on_usr1_count the SIGUSR1 handler already, so that no signal comes too early. */
static void stress_proc_caller(int cfd, int cpu)
{
	struct ipc_msg m = { 0 };
	unsigned long long seq = (unsigned long long)getpid() << 32;
	long r;

	if (pin(cpu))
		_exit(2);
	for (;;) {
		m.w[0] = ++seq;
		m.w[5] = ~seq;
		r = ipc_call(cfd, &m);
		if (r == -EINTR)
			continue;
		if (r)
			break;
		if (m.w[0] != seq + 1 || m.w[5] != ~seq)
			_exit(4); /* somebody else's reply */
	}
	_exit(r == -EPIPE ? 0 : 3);
}

static void stress_proc_server(int sfd, unsigned long limit)
{
	struct ipc_msg m = { 0 };
	unsigned long served = 0;
	long r;

	r = ipc_recv(sfd, &m, -1);
	for (;;) {
		if (r == -EINTR) {
			r = ipc_recv(sfd, &m, -1); /* the reply went; the receive was cut */
			continue;
		}
		if (r < 0)
			_exit(3);
		if (++served == limit)
			_exit(0); /* owing this reply */
		m.w[0]++;
		r = ipc_reply_recv(sfd, &m);
	}
}

static int stress_procs_round(int round, int ncpus)
{
	int sfd = ipc_endpoint(0), cfd = ipc_connect(sfd, round, 0), status;
	unsigned long limit = round % 2 ? 1 + (unsigned long)rand() % 2000 : 0;
	pid_t server, callers[STRESS_PROCS];

	CHECK(sfd >= 0 && cfd >= 0);
	fflush(stdout);
	server = fork();
	if (!server)
		stress_proc_server(sfd, limit);
	close(sfd);
	for (int i = 0; i < STRESS_PROCS; i++) {
		callers[i] = fork();
		if (!callers[i])
			stress_proc_caller(cfd, i % ncpus);
		CHECK(callers[i] > 0);
	}
	close(cfd);
	for (int i = 0; i < 20; i++) {
		kill(callers[rand() % STRESS_PROCS], SIGUSR1);
		if (i % 4 == 0)
			kill(server, SIGUSR1);
		sleep_ms(1);
	}
	if (!limit)
		kill(server, SIGKILL);
	for (int i = 0; i < STRESS_PROCS; i++) {
		CHECK(waitpid(callers[i], &status, 0) == callers[i]);
		if (status)
			printf("# round %d caller %d: status %#x\n", round, i, status);
		CHECK(status == 0);
	}
	wait_status(server);
	return 1;
}

static int t_stress_procs(void)
{
	int ncpus = sysconf(_SC_NPROCESSORS_ONLN) >= 2 ? 2 : 1;
	struct sigaction sa = { .sa_handler = on_usr1_count };

	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0); /* no SA_RESTART: a wait cut is EINTR */
	srand(4321);
	for (int round = 0; round < STRESS_ROUNDS; round++)
		CHECK(stress_procs_round(round, ncpus));
	return 1;
}

/* ---- the slab count, for the leak check --------------------------------------------- */

static long slab_objects(void)
{
	static char buf[65536];
	long n = 0, r, total = 0;
	int fd = open("/proc/slabinfo", O_RDONLY);
	char *line;

	if (fd < 0)
		return -1;
	while (n < (long)sizeof(buf) - 1 && (r = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = 0;
	for (line = strchr(buf, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		char name[64];
		long active;

		if (line[1] != '#' && sscanf(line + 1, "%63s %ld", name, &active) == 2)
			total += active;
	}
	return total;
}

static void settle(void)
{
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);

	sleep_ms(200);
	if (fd >= 0) {
		if (write(fd, "3\n", 2) != 2)
			printf("# drop_caches: %d\n", errno);
		close(fd);
	}
}

/* ---- the runner --------------------------------------------------------------------- */

static int run_in_child(int (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (!pid) {
		alarm(60); /* a hang fails this case, not the whole run */
		int ok = fn();

		fflush(stdout);
		_exit(ok ? 0 : 1);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		printf("# status %#x\n", status);
		return 0;
	}
	return 1;
}

static const struct {
	const char *name;
	int (*fn)(void);
} cases[] = {
	{ "call and reply carry six words both ways", t_round_trip },
	{ "the badge and the caller's pid reach the server", t_badge_pid },
	{ "3000 calls arrive in order", t_order },
	{ "many clients (processes and threads) on one server", t_many_clients },
	{ "ipc_send and ipc_recv: try only (EAGAIN), timeouts (ETIMEDOUT), rendezvous",
	  t_send_recv_timeouts },
	{ "the server end closed: EPIPE for a caller taken, one queued and later ones",
	  t_epipe_close },
	{ "the server dead: EPIPE for its callers and later ones", t_epipe_death },
	{ "the server thread that owes a reply exits: EPIPE", t_epipe_thread_exit },
	{ "endpoints are inherited through fork", t_fork_inherit },
	{ "endpoints pass through exec; IPC_CLOEXEC closes them", t_exec_cloexec },
	{ "a signal interrupts a call or a receive (EINTR); a late reply is dropped", t_eintr },
	{ "bad descriptors, wrong ends, bad flags and bad pointers", t_bad_args },
	{ "the shared buffer: 4 KiB and 64 KiB seen by both processes", t_shared_buffer },
	{ "ipc_echo copies in and out", t_echo },
};

static int exec_mode(const char *what, int fd)
{
	struct ipc_msg m = { 0 };

	if (!strcmp(what, "--exec-call"))
		return ipc_call(fd, &m) == 0 && m.w[0] == 77 &&
				       m.w[1] == (unsigned long long)getpid()
			       ? 0
			       : 1;
	if (!strcmp(what, "--exec-closed"))
		return fcntl(fd, F_GETFD) == -1 && errno == EBADF ? 0 : 1;
	return 2;
}

int main(int argc, char **argv)
{
	const int ncases = sizeof(cases) / sizeof(cases[0]);
	int fd, two_cpus = sysconf(_SC_NPROCESSORS_ONLN) >= 2;
	long before, after;

	self = argv[0];
	if (argc == 3)
		return exec_mode(argv[1], atoi(argv[2]));
	tap_plan(ncases + 4);
	fd = ipc_endpoint(0);
	if (fd == -ENOSYS) {
		for (int i = 0; i < ncases; i++)
			tap_skip(cases[i].name, "no IPC system calls here (ENOSYS): not Mica");
		tap_skip("calls across two CPUs", "no IPC system calls here (ENOSYS): not Mica");
		tap_skip("two-CPU stress, the server end closed at a random point: no hang",
			 "no IPC system calls here (ENOSYS): not Mica");
		tap_skip(
			"two-CPU stress of single-threaded callers with signals: every reply its own",
			"no IPC system calls here (ENOSYS): not Mica");
		tap_skip("the stress leaves no slab objects behind",
			 "no IPC system calls here (ENOSYS): not Mica");
		return tap_done();
	}
	close(fd);
	for (int i = 0; i < ncases; i++)
		ok(run_in_child(cases[i].fn), "%s", cases[i].name);
	if (two_cpus)
		ok(run_in_child(t_cross_cpu), "calls across two CPUs");
	else
		tap_skip("calls across two CPUs", "one CPU");
	settle();
	before = slab_objects();
	ok(run_in_child(t_stress),
	   "two-CPU stress, the server end closed at a random point: no hang");
	ok(run_in_child(t_stress_procs),
	   "two-CPU stress of single-threaded callers with signals: every reply its own");
	settle();
	after = slab_objects();
	if (after - before >= 64) {
		settle();
		after = slab_objects();
	}
	printf("# slab objects before %ld, after %ld\n", before, after);
	ok(before >= 0 && after - before < 64, "the stress leaves no slab objects behind");
	return tap_done();
}
