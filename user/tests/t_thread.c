/*
 * Threads as the kernel gives them: raw clone and clone3 flags, futex operations (timeouts,
 * requeue, bitsets, wake-op, bad pointers), robust lists, CLONE_CHILD_CLEARTID, threads on
 * two CPUs, a munmap shootdown under a reading thread, execve from a thread that is not the
 * leader, exit_group from a thread, exit of the leader alone, and vfork.
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NR_clone 56
#define NR_exit 60
#define NR_gettid 186
#define NR_futex 202
#define NR_exit_group 231
#define NR_set_robust_list 273
#define NR_clone3 435

#ifndef CLONE_VM
#define CLONE_VM 0x100
#endif
#ifndef CLONE_FS
#define CLONE_FS 0x200
#endif
#ifndef CLONE_FILES
#define CLONE_FILES 0x400
#endif
#ifndef CLONE_SIGHAND
#define CLONE_SIGHAND 0x800
#endif
#ifndef CLONE_THREAD
#define CLONE_THREAD 0x10000
#endif
#ifndef CLONE_SYSVSEM
#define CLONE_SYSVSEM 0x40000
#endif
#ifndef CLONE_PARENT_SETTID
#define CLONE_PARENT_SETTID 0x100000
#endif
#ifndef CLONE_CHILD_CLEARTID
#define CLONE_CHILD_CLEARTID 0x200000
#endif

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_WAITERS 0x80000000U
#define FUTEX_OWNER_DIED 0x40000000U

static long futex(volatile void *uaddr, int op, unsigned val, const void *t, volatile void *u2,
		  unsigned val3)
{
	return syscall(NR_futex, uaddr, op, val, t, u2, val3);
}

/* raw_clone(flags, stack, ptid, ctid, fn, arg): the child runs fn(arg) on stack, then exit(2). */
long raw_clone(unsigned long flags, void *stack, int *ptid, int *ctid, int (*fn)(void *),
	       void *arg);
__asm__(".text\n"
	".globl raw_clone\n"
	"raw_clone:\n"
	"	and $-16, %rsi\n"
	"	sub $16, %rsi\n"
	"	mov %r8, (%rsi)\n" /* fn and arg on the child's stack */
	"	mov %r9, 8(%rsi)\n"
	"	mov %rcx, %r10\n"
	"	xor %r8d, %r8d\n"
	"	mov $56, %eax\n"
	"	syscall\n"
	"	test %rax, %rax\n"
	"	jnz 1f\n"
	"	xor %ebp, %ebp\n"
	"	pop %rax\n"
	"	pop %rdi\n"
	"	call *%rax\n"
	"	mov %eax, %edi\n"
	"	mov $60, %eax\n"
	"	syscall\n"
	"	hlt\n"
	"1:	ret\n");

static volatile int raw_word, raw_tid_seen;

static int raw_child(void *arg)
{
	(void)arg;
	/* Only system calls here: this thread shares the caller's TLS (no CLONE_SETTLS). */
	raw_tid_seen = (int)syscall(NR_gettid);
	raw_word = (int)getpid();
	return 0;
}

static void test_raw_clone(void)
{
	static char stack[65536] __attribute__((aligned(16)));
	static volatile int ctid, ptid;
	unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			      CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	long tid;
	int waits = 0;

	ok(raw_clone(CLONE_THREAD | CLONE_VM, stack + sizeof(stack), 0, 0, raw_child, 0) == -EINVAL,
	   "clone: CLONE_THREAD without CLONE_SIGHAND is EINVAL");
	ok(raw_clone(CLONE_SIGHAND, stack + sizeof(stack), 0, 0, raw_child, 0) == -EINVAL,
	   "clone: CLONE_SIGHAND without CLONE_VM is EINVAL");
	ctid = -1;
	tid = raw_clone(flags, stack + sizeof(stack), (int *)&ptid, (int *)&ctid, raw_child, 0);
	/* CLONE_CHILD_CLEARTID: the kernel zeroes ctid and wakes it (a shared futex) at exit. */
	while (tid > 0 && ctid != 0 && waits++ < 1000) {
		int v = ctid;

		if (v)
			futex(&ctid, FUTEX_WAIT, v, 0, 0, 0);
	}
	ok(tid > 0 && ptid == tid && ctid == 0,
	   "a raw CLONE_THREAD: PARENT_SETTID stored, CHILD_CLEARTID cleared and woken");
	ok(raw_word == getpid() && raw_tid_seen == tid && tid != getpid(),
	   "the thread shares memory, has the process's pid and its own tid");
}

struct clone_args_v2 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
		set_tid_size, cgroup;
};

static void test_clone3_checks(void)
{
	unsigned char big[128];
	struct clone_args_v2 a;

	memset(&a, 0, sizeof(a));
	ok(syscall(NR_clone3, &a, 32) == -1 && errno == EINVAL,
	   "clone3: a size below 64 is EINVAL");
	ok(syscall(NR_clone3, &a, 8192) == -1 && errno == E2BIG,
	   "clone3: a size above a page is E2BIG");
	memset(big, 0, sizeof(big));
	big[120] = 1; /* a field this kernel does not know, set */
	ok(syscall(NR_clone3, big, sizeof(big)) == -1 && errno == E2BIG,
	   "clone3: unknown trailing bytes that are not zero are E2BIG");
	a.flags = 1ULL << 40;
	ok(syscall(NR_clone3, &a, sizeof(a)) == -1 && errno == EINVAL,
	   "clone3: an unknown flag is EINVAL");
	a.flags = CLONE_THREAD | CLONE_VM;
	ok(syscall(NR_clone3, &a, sizeof(a)) == -1 && errno == EINVAL,
	   "clone3: CLONE_THREAD without CLONE_SIGHAND is EINVAL");
}

static void test_futex_basics(void)
{
	static int word = 5;
	struct timespec rel = { 0, 50 * 1000 * 1000 }, abs;
	long r;

	r = futex(&word, FUTEX_WAIT | FUTEX_PRIVATE, 6, 0, 0, 0);
	ok(r == -1 && errno == EAGAIN, "FUTEX_WAIT on a changed value is EAGAIN");
	r = futex(&word, FUTEX_WAIT | FUTEX_PRIVATE, 5, &rel, 0, 0);
	ok(r == -1 && errno == ETIMEDOUT, "FUTEX_WAIT with a relative timeout is ETIMEDOUT");
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_nsec += 30 * 1000 * 1000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	r = futex(&word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE, 5, &abs, 0, ~0U);
	ok(r == -1 && errno == ETIMEDOUT, "FUTEX_WAIT_BITSET with an absolute monotonic timeout");
	clock_gettime(CLOCK_REALTIME, &abs);
	abs.tv_sec -= 1; /* in the past: at once */
	r = futex(&word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE | FUTEX_CLOCK_REALTIME, 5, &abs, 0, ~0U);
	ok(r == -1 && errno == ETIMEDOUT, "FUTEX_CLOCK_REALTIME with a time already past");
	ok(futex(0, FUTEX_WAIT, 0, 0, 0, 0) == -1 && errno == EFAULT,
	   "FUTEX_WAIT on NULL is EFAULT");
	ok(futex((char *)&word + 1, FUTEX_WAKE, 1, 0, 0, 0) == -1 && errno == EINVAL,
	   "a misaligned futex is EINVAL");
	ok(futex(&word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE, 5, 0, 0, 0) == -1 && errno == EINVAL,
	   "a zero bitset is EINVAL");
	rel.tv_nsec = 1000000000;
	ok(futex(&word, FUTEX_WAIT | FUTEX_PRIVATE, 5, &rel, 0, 0) == -1 && errno == EINVAL,
	   "a timeout with tv_nsec out of range is EINVAL");
	ok(futex(&word, FUTEX_WAKE | FUTEX_PRIVATE, 1, 0, 0, 0) == 0,
	   "FUTEX_WAKE with no waiters: 0");
	ok(futex(&word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, 0, 0, 0) == -1 && errno == ENOSYS,
	   "FUTEX_CLOCK_REALTIME with FUTEX_WAKE is ENOSYS");
}

static volatile int fa, fb, waiters_done;

static void *waiter_a(void *arg)
{
	unsigned bits = (unsigned)(uintptr_t)arg;

	while (fa == 0)
		futex(&fa, FUTEX_WAIT_BITSET | FUTEX_PRIVATE, 0, 0, 0, bits ? bits : ~0U);
	__atomic_fetch_add(&waiters_done, 1, __ATOMIC_SEQ_CST);
	return 0;
}

/* Tries op until it reports want (the waiters are queued by then), at most ~2 s. */
static long until(long want, long (*op)(void))
{
	long r = -1;

	for (int i = 0; i < 2000; i++) {
		r = op();
		if (r == want)
			return r;
		usleep(1000);
	}
	return r;
}

static long requeue_all(void)
{
	return futex(&fa, FUTEX_CMP_REQUEUE | FUTEX_PRIVATE, 0, (void *)(uintptr_t)INT_MAX, &fb, 0);
}

static long wake_bit1(void)
{
	return futex(&fa, FUTEX_WAKE_BITSET | FUTEX_PRIVATE, 1, 0, 0, 0x1);
}

static void test_futex_requeue_bitset(void)
{
	pthread_t t[3];
	long r;

	fa = fb = waiters_done = 0;
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], 0, waiter_a, 0);
	ok(futex(&fa, FUTEX_CMP_REQUEUE | FUTEX_PRIVATE, 0, (void *)1, &fb, 7) == -1 &&
		   errno == EAGAIN,
	   "FUTEX_CMP_REQUEUE with a stale value is EAGAIN");
	/* each call moves those queued by then: all three, summed, once they have all come */
	r = 0;
	for (int i = 0; i < 2000 && r < 3; i++) {
		long n = requeue_all();

		if (n < 0)
			break;
		r += n;
		if (r < 3)
			usleep(1000);
	}
	ok(r == 3, "FUTEX_CMP_REQUEUE moves three waiters to another word (%ld)", r);
	fa = 1;
	r = futex(&fb, FUTEX_WAKE | FUTEX_PRIVATE, INT_MAX, 0, 0, 0);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	ok(r == 3 && waiters_done == 3, "waking the second word wakes them all (%ld)", r);

	fa = 0;
	pthread_create(&t[0], 0, waiter_a, (void *)(uintptr_t)0x1);
	r = until(1, wake_bit1);
	ok(r == 1, "FUTEX_WAKE_BITSET wakes a waiter whose bitset matches");
	fa = 1;
	futex(&fa, FUTEX_WAKE | FUTEX_PRIVATE, 1, 0, 0, 0);
	pthread_join(t[0], 0);

	fa = 0;
	pthread_create(&t[0], 0, waiter_a, (void *)(uintptr_t)0x1);
	usleep(20000);
	r = futex(&fa, FUTEX_WAKE_BITSET | FUTEX_PRIVATE, 1, 0, 0, 0x2);
	ok(r == 0, "FUTEX_WAKE_BITSET leaves a waiter whose bitset does not match");
	fa = 1;
	until(1, wake_bit1);
	pthread_join(t[0], 0);

	fb = 0;
	/* op SET 1 on fb, wake fa's waiters; fb's if its old value was 0 (cmp EQ 0) */
	r = futex(&fa, FUTEX_WAKE_OP | FUTEX_PRIVATE, 1, (void *)1, &fb,
		  (0u << 28) | (0u << 24) | (1u << 12) | 0u);
	ok(r == 0 && fb == 1, "FUTEX_WAKE_OP sets the second word atomically (%ld, %d)", r, fb);
	r = futex(&fa, FUTEX_WAKE_OP | FUTEX_PRIVATE, 1, (void *)1, &fb,
		  (1u << 28) | (0u << 24) | (2u << 12) | 1u);
	ok(r == 0 && fb == 3, "FUTEX_WAKE_OP adds (%d)", fb);
	ok(futex(&fa, FUTEX_WAKE_OP | FUTEX_PRIVATE, 1, (void *)1, (void *)16, 0) == -1 &&
		   errno == EFAULT,
	   "FUTEX_WAKE_OP on a bad second word is EFAULT");
}

struct robust_list {
	struct robust_list *next;
};
struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list *list_op_pending;
};
static struct {
	struct robust_list link;
	volatile unsigned lock;
} robust_mutex;
static volatile int robust_owner_ready;

static int robust_owner(void *arg)
{
	static struct robust_list_head head;
	(void)arg;
	head.list.next = &robust_mutex.link;
	robust_mutex.link.next = &head.list;
	head.futex_offset =
		offsetof(__typeof__(robust_mutex), lock) - offsetof(__typeof__(robust_mutex), link);
	head.list_op_pending = 0;
	robust_mutex.lock = (unsigned)syscall(NR_gettid) | FUTEX_WAITERS;
	syscall(NR_set_robust_list, &head, sizeof(head));
	robust_owner_ready = 1;
	/* ends holding the lock: a thread that died with it */
	syscall(NR_exit, 0);
	return 0;
}

static void *robust_waiter(void *arg)
{
	unsigned v;

	(void)arg;
	while (!((v = robust_mutex.lock) & FUTEX_OWNER_DIED))
		futex(&robust_mutex.lock, FUTEX_WAIT, v, 0, 0, 0);
	return 0;
}

static void test_robust(void)
{
	pthread_t w;
	long r;
	static char stack[65536] __attribute__((aligned(16)));
	static volatile int ctid;
	unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			      CLONE_SYSVSEM | CLONE_CHILD_CLEARTID;

	(void)robust_owner;
	ok(syscall(NR_set_robust_list, 0, 8) == -1 && errno == EINVAL,
	   "set_robust_list with a wrong length is EINVAL");
	robust_mutex.lock = 0;
	ctid = 1;
	/* a raw thread, so that no libc's own exit code runs after it */
	r = raw_clone(flags, stack + sizeof(stack), 0, (int *)&ctid, robust_owner, 0);
	while (r > 0 && ctid)
		futex(&ctid, FUTEX_WAIT, 1, 0, 0, 0);
	pthread_create(&w, 0, robust_waiter, 0);
	pthread_join(w, 0);
	ok(r > 0 && robust_mutex.lock == (FUTEX_WAITERS | FUTEX_OWNER_DIED),
	   "a thread dying with a robust lock: FUTEX_OWNER_DIED set, waiters kept (%#x)",
	   robust_mutex.lock);
}

static volatile long counter;
static volatile int go;

static void *count_thread(void *arg)
{
	(void)arg;
	while (!go)
		;
	for (int i = 0; i < 2000000; i++)
		__atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED);
	return 0;
}

static void test_two_cpus(void)
{
	pthread_t t[2];

	counter = 0;
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, count_thread, 0);
	go = 1;
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	ok(counter == 4000000, "two threads count with atomics (%ld)", counter);
}

/* munmap/mmap under a reader on the other CPU: a stale TLB entry would show the old page. */
static volatile unsigned gen, ack, stale;
static volatile unsigned *shoot_page;

static void *shoot_reader(void *arg)
{
	(void)arg;
	for (unsigned seen = 0;;) {
		unsigned g;

		while ((g = gen) == seen)
			sched_yield(); /* on one CPU, the writer must get to run */
		if (g == ~0U)
			return 0;
		if (*shoot_page != g)
			stale++;
		seen = g;
		ack = g;
	}
}

static void test_shootdown(void)
{
	pthread_t t;
	void *addr = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int n = 3000;

	shoot_page = addr;
	gen = ack = stale = 0;
	pthread_create(&t, 0, shoot_reader, 0);
	for (unsigned i = 1; i <= (unsigned)n; i++) {
		/* a new page at the same address, each time: the old one must leave every TLB */
		void *p = mmap(addr, 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		if (p != addr)
			break;
		*shoot_page = i;
		gen = i;
		while (ack != i)
			sched_yield();
	}
	gen = ~0U;
	pthread_join(t, 0);
	ok(ack == (unsigned)n && stale == 0,
	   "%d remaps under a reading thread: no stale translation (%u stale)", n, stale);
	munmap(addr, 4096);
}

static char *self_path;
static volatile int leader_pid;

static void *exec_thread(void *arg)
{
	char pidbuf[16];
	char *argv[] = { self_path, "--exec-child", pidbuf, 0 };

	(void)arg;
	snprintf(pidbuf, sizeof(pidbuf), "%d", leader_pid);
	execv(self_path, argv);
	_exit(99);
}

static void *group_exit_thread(void *arg)
{
	(void)arg;
	syscall(NR_exit_group, 7);
	return 0;
}

static volatile int spinner_running;

static void *spinner(void *arg)
{
	(void)arg;
	spinner_running = 1;
	for (;;)
		; /* never enters the kernel: only an interrupt can end it */
	return 0;
}

static volatile int last_thread_ppid;
static void *late_exit_thread(void *arg)
{
	(void)arg;
	usleep(100000);
	last_thread_ppid = (int)getppid();
	_exit(last_thread_ppid == (int)(intptr_t)arg ? 5 : 6);
}

static int child_status(pid_t pid)
{
	int st = -1;

	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

static void test_process_model(void)
{
	pthread_t t;
	pid_t pid;
	int st;
	static volatile int shared;

	pid = fork();
	if (pid == 0) {
		leader_pid = getpid();
		pthread_create(&t, 0, exec_thread, 0);
		for (;;)
			pause();
	}
	st = child_status(pid);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 42,
	   "execve from a thread: the others end, the program keeps the process's pid (%#x)", st);

	pid = fork();
	if (pid == 0) {
		pthread_create(&t, 0, group_exit_thread, 0);
		for (;;)
			pause();
	}
	st = child_status(pid);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 7, "exit_group from a thread ends the process (%#x)",
	   st);

	pid = fork();
	if (pid == 0) {
		pthread_create(&t, 0, spinner, 0);
		while (!spinner_running)
			;
		syscall(NR_exit_group, 8);
	}
	st = child_status(pid);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 8,
	   "exit_group ends a thread that spins in user mode (%#x)", st);

	pid = fork();
	if (pid == 0) {
		pthread_create(&t, 0, late_exit_thread, (void *)(intptr_t)getppid());
		syscall(NR_exit, 0); /* the leader alone */
		_exit(9);
	}
	usleep(20000);
	ok(waitpid(pid, &st, WNOHANG) == 0,
	   "a leader that exited alone is not reaped while a thread runs");
	st = child_status(pid);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 5,
	   "the last thread's exit ends the process; its getppid is the parent's pid (%#x)", st);

	{
		/* CLONE_FILES without a thread: the child's exec must not close our descriptor */
		int fd = open("/", O_RDONLY | O_CLOEXEC);
		char pidbuf[16];
		char *argv[] = { self_path, "--exec-child", pidbuf, 0 };

		pid = (pid_t)syscall(NR_clone, CLONE_FILES | SIGCHLD, 0, 0, 0, 0);
		if (pid == 0) {
			snprintf(pidbuf, sizeof(pidbuf), "%d", (int)getpid());
			execv(self_path, argv);
			_exit(99);
		}
		st = child_status(pid);
		ok(WIFEXITED(st) && WEXITSTATUS(st) == 42 && fcntl(fd, F_GETFD) == FD_CLOEXEC,
		   "exec by a process sharing our descriptor table leaves our close-on-exec ones");
		close(fd);
	}

	shared = 0;
	pid = vfork();
	if (pid == 0) {
		shared = getpid();
		_exit(3);
	}
	ok(pid > 0 && shared == pid, "vfork: the child runs first in the parent's memory");
	st = child_status(pid);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 3, "vfork: the child's status");
}

/*
 * A read blocked in one thread keeps its file when another thread closes the descriptor:
 * the call holds a reference of its own (a table shared by threads is never read without
 * one), so the data written afterwards still reaches it.
 */
static int closing_pipe[2];
static volatile int reader_tid;
static long reader_got;
static char reader_buf[8];

static void *blocked_reader(void *arg)
{
	reader_tid = (int)syscall(NR_gettid);
	reader_got = read(closing_pipe[0], reader_buf, sizeof(reader_buf));
	return NULL;
}

/* Waits (up to 10 s) until the thread sleeps, as its /proc/self/task/TID/stat says. */
static int wait_until_sleeping(int tid)
{
	char path[64], buf[256], *p;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	for (int i = 0; i < 10000; i++) {
		int fd = open(path, O_RDONLY);
		long n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

		if (fd >= 0)
			close(fd);
		if (n > 0) {
			buf[n] = 0;
			p = strrchr(buf, ')');
			if (p && p[1] == ' ' && p[2] == 'S')
				return 1;
		}
		usleep(1000);
	}
	return 0;
}

static void test_close_under_blocked_read(void)
{
	pthread_t t;

	if (pipe(closing_pipe)) {
		ok(0, "pipe for the close-under-read case");
		return;
	}
	pthread_create(&t, NULL, blocked_reader, NULL);
	while (!reader_tid)
		sched_yield();
	ok(wait_until_sleeping(reader_tid), "the reader sleeps in its read");
	close(closing_pipe[0]);
	ok(write(closing_pipe[1], "after", 5) == 5 || errno == EPIPE, "write after the close");
	pthread_join(t, NULL);
	close(closing_pipe[1]);
	ok(reader_got == 5 && !memcmp(reader_buf, "after", 5),
	   "a read blocked when another thread closes its descriptor still gets the data");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--exec-child"))
		return getpid() == atoi(argv[2]) ? 42 : 43;
	self_path = argv[0];
	tap_plan(42);
	test_raw_clone();
	test_clone3_checks();
	test_futex_basics();
	test_futex_requeue_bitset();
	test_robust();
	test_two_cpus();
	test_shootdown();
	test_process_model();
	test_close_under_blocked_read();
	return tap_done();
}
