/*
 * Threads on clone(2) and futex(2). A thread's one mapping holds its stack, then its TLS block
 * and TCB (the TCB is the pthread_t). The kernel clears the TCB's ctid and wakes it when the
 * thread ends (CLONE_CHILD_CLEARTID): that is what join waits for before unmapping.
 */
#include "libc.h"
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define CLONE_VM 0x100
#define CLONE_FS 0x200
#define CLONE_FILES 0x400
#define CLONE_SIGHAND 0x800
#define CLONE_THREAD 0x10000
#define CLONE_SYSVSEM 0x40000
#define CLONE_SETTLS 0x80000
#define CLONE_PARENT_SETTID 0x100000
#define CLONE_CHILD_CLEARTID 0x200000

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_PRIVATE 128
#define FUTEX_CLOCK_REALTIME 256

#define DEFAULT_STACK (2UL << 20)
#define GUARD 4096UL

hidden long __clone_thread(unsigned long flags, void *stack, volatile int *ptid, volatile int *ctid,
			   void *tls, int (*fn)(void *), void *arg);

static int futex_wait(volatile void *addr, int val, const struct timespec *abs, int realtime)
{
	if (!abs)
		return (int)__sys(SYS_futex, addr, FUTEX_WAIT | FUTEX_PRIVATE, val, 0);
	return (int)__sys(SYS_futex, addr,
			  FUTEX_WAIT_BITSET | FUTEX_PRIVATE | (realtime ? FUTEX_CLOCK_REALTIME : 0),
			  val, abs, 0, -1);
}

static void futex_wake(volatile void *addr, int n)
{
	__sys(SYS_futex, addr, FUTEX_WAKE | FUTEX_PRIVATE, n);
}

pthread_t pthread_self(void)
{
	return __tcb();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

static int thread_start(void *p)
{
	struct __tcb *t = p;
	t->tid = (int)__sys(SYS_gettid);
	pthread_exit(t->start(t->arg));
}

/* TSD: the destructors of the keys in use. */
static void (*key_dtor[PTHREAD_KEYS_MAX])(void *);
static unsigned char key_used[PTHREAD_KEYS_MAX];
static volatile int key_lock;

static void run_tsd_destructors(struct __tcb *t)
{
	if (!t->tsd)
		return;
	for (int round = 0; round < 4; round++) {
		int again = 0;
		for (int k = 0; k < PTHREAD_KEYS_MAX; k++) {
			void *v = t->tsd[k];
			if (v && key_used[k] && key_dtor[k]) {
				t->tsd[k] = 0;
				key_dtor[k](v);
				again = 1;
			}
		}
		if (!again)
			break;
	}
	free(t->tsd);
	t->tsd = 0;
}

__noreturn void pthread_exit(void *result)
{
	struct __tcb *t = __tcb();
	t->result = result;
	run_tsd_destructors(t);
	if (!t->map) {
		/* the main thread: end it alone; the process lives on with the others */
		for (;;)
			__sys(SYS_exit, 0);
	}
	int old = __sync_val_compare_and_swap(&t->state, THREAD_JOINABLE, THREAD_EXITING);
	if (old == THREAD_DETACHED) {
		/* nobody will join: unmap our own stack and exit without touching it again. The
		 * kernel is told first not to clear the tid word, which goes away with the stack. */
		void *map = t->map;
		size_t size = t->map_size;
		__sys(SYS_set_tid_address, 0);
		__asm__ volatile("mov %0, %%rdi\n\t"
				 "mov %1, %%rsi\n\t"
				 "mov $11, %%eax\n\t" /* munmap */
				 "syscall\n\t"
				 "xor %%edi, %%edi\n\t"
				 "mov $60, %%eax\n\t" /* exit */
				 "syscall\n\t"
				 "hlt"
				 :
				 : "r"(map), "r"(size)
				 : "rdi", "rsi", "rax", "rcx", "r11", "memory");
	}
	for (;;)
		__sys(SYS_exit, 0);
}

int pthread_create(pthread_t *restrict out, const pthread_attr_t *restrict attr,
		   void *(*start)(void *), void *restrict arg)
{
	size_t stack = attr && attr->stacksize ? attr->stacksize : DEFAULT_STACK;
	stack = (stack + 4095) & ~4095UL;
	size_t tls = (__tls_size() + 4095) & ~4095UL;
	size_t size = GUARD + stack + tls;
	long r = __sys(SYS_mmap, 0, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if ((unsigned long)r > -4096UL)
		return EAGAIN;
	char *map = (char *)r;
	__sys(SYS_mprotect, map, GUARD, PROT_NONE);
	struct __tcb *t = __tls_place(map + GUARD + stack);
	t->canary = __tcb()->canary;
	t->start = start;
	t->arg = arg;
	t->map = map;
	t->map_size = size;
	t->state = attr && attr->detach ? THREAD_DETACHED : THREAD_JOINABLE;
	unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			      CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
			      CLONE_CHILD_CLEARTID;
	r = __clone_thread(flags, map + GUARD + stack, &t->ctid, &t->ctid, t, thread_start, t);
	if (r < 0) {
		__sys(SYS_munmap, map, size);
		return (int)-r;
	}
	*out = t;
	return 0;
}

int pthread_join(pthread_t t, void **result)
{
	if (t == __tcb())
		return EDEADLK;
	if (t->state == THREAD_DETACHED)
		return EINVAL;
	int tid;
	/* not FUTEX_PRIVATE: the kernel's wake-up at thread exit is a shared one */
	while ((tid = t->ctid))
		__sys(SYS_futex, &t->ctid, FUTEX_WAIT, tid, 0);
	if (result)
		*result = t->result;
	__sys(SYS_munmap, t->map, t->map_size);
	return 0;
}

int pthread_detach(pthread_t t)
{
	int old = __sync_val_compare_and_swap(&t->state, THREAD_JOINABLE, THREAD_DETACHED);
	if (old == THREAD_EXITING)
		return pthread_join(t, 0); /* already on its way out: reap it */
	return old == THREAD_DETACHED ? EINVAL : 0;
}

int pthread_attr_init(pthread_attr_t *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
	(void)a;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (size < 16384)
		return EINVAL;
	a->stacksize = size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *restrict a, size_t *restrict size)
{
	*size = a->stacksize ? a->stacksize : DEFAULT_STACK;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	a->detach = state;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	*state = a->detach;
	return 0;
}

/* Mutexes: the futex word of __lock, plus an owner and a count for the recursive and
 * error-checking kinds. */
int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	a->type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
	if (type < 0 || type > 2)
		return EINVAL;
	a->type = type;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *restrict m, const pthread_mutexattr_t *restrict a)
{
	memset((void *)m, 0, sizeof(*m));
	m->type = a ? a->type : 0;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->lock ? EBUSY : 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	int me = __tcb()->tid;
	if (m->type != PTHREAD_MUTEX_NORMAL && m->owner == me && m->lock) {
		if (m->type == PTHREAD_MUTEX_ERRORCHECK)
			return EDEADLK;
		m->count++;
		return 0;
	}
	__lock(&m->lock);
	m->owner = me;
	m->count = 1;
	return 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	int me = __tcb()->tid;
	if (m->type == PTHREAD_MUTEX_RECURSIVE && m->owner == me && m->lock) {
		m->count++;
		return 0;
	}
	if (__sync_val_compare_and_swap(&m->lock, 0, 1))
		return EBUSY;
	m->owner = me;
	m->count = 1;
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->type != PTHREAD_MUTEX_NORMAL) {
		if (!m->lock || m->owner != __tcb()->tid)
			return EPERM;
		if (--m->count)
			return 0;
	}
	m->owner = 0;
	__unlock(&m->lock);
	return 0;
}

/* Condition variables: a sequence number that every signal bumps; a waiter sleeps on the
 * value it saw. Spurious wake-ups are allowed by POSIX and callers loop. */
int pthread_cond_init(pthread_cond_t *restrict c, const pthread_condattr_t *restrict a)
{
	c->seq = 0;
	c->clock = a ? a->clock : CLOCK_REALTIME;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

int pthread_cond_timedwait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m,
			   const struct timespec *restrict abstime)
{
	unsigned seq = c->seq;
	int count = m->count;
	m->count = 1; /* a recursive mutex is released entirely while waiting */
	pthread_mutex_unlock(m);
	int r = futex_wait(&c->seq, (int)seq, abstime, c->clock == CLOCK_REALTIME);
	pthread_mutex_lock(m);
	m->count = count;
	if (r == -ETIMEDOUT)
		return ETIMEDOUT;
	return 0;
}

int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m)
{
	return pthread_cond_timedwait(c, m, 0);
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_SEQ_CST);
	futex_wake(&c->seq, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_SEQ_CST);
	futex_wake(&c->seq, INT_MAX);
	return 0;
}

/* once: 0 not run, 1 running, 2 done. */
int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	if (*once == 2)
		return 0;
	if (__sync_val_compare_and_swap(once, 0, 1) == 0) {
		fn();
		__atomic_store_n(once, 2, __ATOMIC_RELEASE);
		futex_wake(once, INT_MAX);
		return 0;
	}
	while (*once == 1)
		futex_wait(once, 1, 0, 0);
	return 0;
}

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	__lock(&key_lock);
	for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (!key_used[k]) {
			key_used[k] = 1;
			key_dtor[k] = destructor;
			*key = k;
			__unlock(&key_lock);
			return 0;
		}
	}
	__unlock(&key_lock);
	return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
	if (key >= PTHREAD_KEYS_MAX || !key_used[key])
		return EINVAL;
	key_used[key] = 0;
	key_dtor[key] = 0;
	return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
	struct __tcb *t = __tcb();
	return key < PTHREAD_KEYS_MAX && t->tsd ? t->tsd[key] : 0;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	struct __tcb *t = __tcb();
	if (key >= PTHREAD_KEYS_MAX || !key_used[key])
		return EINVAL;
	if (!t->tsd) {
		t->tsd = calloc(PTHREAD_KEYS_MAX, sizeof(void *));
		if (!t->tsd)
			return ENOMEM;
	}
	t->tsd[key] = (void *)value;
	return 0;
}

/* Read-write locks: a mutex and a condition variable; writers waiting hold new readers off. */
int pthread_rwlock_init(pthread_rwlock_t *restrict l, const pthread_rwlockattr_t *restrict a)
{
	(void)a;
	memset((void *)l, 0, sizeof(*l));
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
	return l->readers || l->writer ? EBUSY : 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
	pthread_mutex_lock(&l->m);
	while (l->writer || l->waiting_writers)
		pthread_cond_wait(&l->c, &l->m);
	l->readers++;
	pthread_mutex_unlock(&l->m);
	return 0;
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
	int r = 0;
	pthread_mutex_lock(&l->m);
	if (l->writer || l->waiting_writers)
		r = EBUSY;
	else
		l->readers++;
	pthread_mutex_unlock(&l->m);
	return r;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
	pthread_mutex_lock(&l->m);
	l->waiting_writers++;
	while (l->writer || l->readers)
		pthread_cond_wait(&l->c, &l->m);
	l->waiting_writers--;
	l->writer = 1;
	pthread_mutex_unlock(&l->m);
	return 0;
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
	int r = 0;
	pthread_mutex_lock(&l->m);
	if (l->writer || l->readers)
		r = EBUSY;
	else
		l->writer = 1;
	pthread_mutex_unlock(&l->m);
	return r;
}

int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
	pthread_mutex_lock(&l->m);
	if (l->writer)
		l->writer = 0;
	else if (l->readers)
		l->readers--;
	pthread_cond_broadcast(&l->c);
	pthread_mutex_unlock(&l->m);
	return 0;
}
