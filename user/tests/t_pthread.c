/* Threads: create/join, mutexes, condition variables, once, keys, rwlocks, per-thread TLS
 * and errno, malloc from many threads at once. */
#include "tap.h"
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#define NT 4
static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static __thread int tls_val = 100;

static void *adder(void *arg)
{
	for (int i = 0; i < 100000; i++) {
		pthread_mutex_lock(&mtx);
		counter++;
		pthread_mutex_unlock(&mtx);
	}
	tls_val += (int)(intptr_t)arg;
	return (void *)(intptr_t)tls_val;
}

static void *errno_thread(void *arg)
{
	(void)arg;
	errno = 0;
	close(-1);
	return (void *)(intptr_t)errno;
}

static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int queue[16], qn, done_producing;

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= 1000; i++) {
		pthread_mutex_lock(&mtx);
		while (qn == 16)
			pthread_cond_wait(&cond, &mtx);
		queue[qn++] = i;
		pthread_cond_broadcast(&cond);
		pthread_mutex_unlock(&mtx);
	}
	pthread_mutex_lock(&mtx);
	done_producing = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&mtx);
	return NULL;
}

static void *consumer(void *arg)
{
	long sum = 0;
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&mtx);
		while (!qn && !done_producing)
			pthread_cond_wait(&cond, &mtx);
		if (!qn && done_producing) {
			pthread_mutex_unlock(&mtx);
			break;
		}
		sum += queue[--qn];
		pthread_cond_broadcast(&cond);
		pthread_mutex_unlock(&mtx);
	}
	return (void *)sum;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_count;
static void once_fn(void)
{
	once_count++;
}

static void *once_thread(void *arg)
{
	(void)arg;
	pthread_once(&once, once_fn);
	return NULL;
}

static pthread_key_t key;
static int dtor_calls;
static void dtor(void *v)
{
	__atomic_fetch_add(&dtor_calls, 1, __ATOMIC_SEQ_CST);
	free(v);
}

static void *key_thread(void *arg)
{
	int *p = malloc(sizeof(int));
	*p = (int)(intptr_t)arg;
	pthread_setspecific(key, p);
	return (void *)(intptr_t)(*(int *)pthread_getspecific(key) == (int)(intptr_t)arg);
}

static void *malloc_thread(void *arg)
{
	unsigned seed = (unsigned)(intptr_t)arg;
	void *ptrs[64] = { 0 };
	for (int i = 0; i < 20000; i++) {
		int k = (int)(rand_r(&seed) % 64);
		free(ptrs[k]);
		size_t n = (size_t)(rand_r(&seed) % 2000) + 1;
		ptrs[k] = malloc(n);
		memset(ptrs[k], k, n);
		if (((unsigned char *)ptrs[k])[n - 1] != (unsigned char)k)
			return (void *)1;
	}
	for (int k = 0; k < 64; k++)
		free(ptrs[k]);
	return NULL;
}

static volatile int detached_ran;
static void *detached(void *arg)
{
	(void)arg;
	detached_ran = 1;
	return NULL;
}

static volatile int stop_churn;
static void *churn(void *arg)
{
	(void)arg;
	while (!stop_churn)
		free(malloc(64));
	return NULL;
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long rw_value;
static void *rw_writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 10000; i++) {
		pthread_rwlock_wrlock(&rw);
		rw_value++;
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[NT];
	void *res;
	tap_plan(15);
	int good = 1;
	for (int i = 0; i < NT; i++)
		if (pthread_create(&t[i], NULL, adder, (void *)(intptr_t)(i + 1)))
			good = 0;
	int tls_ok = 1;
	for (int i = 0; i < NT; i++) {
		pthread_join(t[i], &res);
		if ((intptr_t)res != 100 + i + 1)
			tls_ok = 0;
	}
	ok(good, "pthread_create x%d", NT);
	ok(counter == NT * 100000L, "a mutex keeps %d threads' increments exact (%ld)", NT,
	   counter);
	ok(tls_ok && tls_val == 100, "each thread has its own __thread variable");
	ok(pthread_self() == pthread_self() && !pthread_equal(pthread_self(), t[0]),
	   "pthread_self");

	errno = 1234;
	pthread_create(&t[0], NULL, errno_thread, NULL);
	pthread_join(t[0], &res);
	ok((intptr_t)res == EBADF && errno == 1234, "errno is per thread");

	pthread_create(&t[0], NULL, producer, NULL);
	pthread_create(&t[1], NULL, consumer, NULL);
	pthread_create(&t[2], NULL, consumer, NULL);
	void *s1, *s2;
	pthread_join(t[0], NULL);
	pthread_join(t[1], &s1);
	pthread_join(t[2], &s2);
	ok((long)s1 + (long)s2 == 500500, "condition variables: 1000 items through a queue of 16");

	for (int i = 0; i < NT; i++)
		pthread_create(&t[i], NULL, once_thread, NULL);
	for (int i = 0; i < NT; i++)
		pthread_join(t[i], NULL);
	ok(once_count == 1, "pthread_once runs its function once");

	ok(pthread_key_create(&key, dtor) == 0, "pthread_key_create");
	good = 1;
	for (int i = 0; i < NT; i++)
		pthread_create(&t[i], NULL, key_thread, (void *)(intptr_t)(i + 7));
	for (int i = 0; i < NT; i++) {
		pthread_join(t[i], &res);
		if (!res)
			good = 0;
	}
	ok(good && dtor_calls == NT, "keys hold a value per thread; destructors run at exit");

	good = 1;
	for (int i = 0; i < NT; i++)
		pthread_create(&t[i], NULL, malloc_thread, (void *)(intptr_t)(i + 1));
	for (int i = 0; i < NT; i++) {
		pthread_join(t[i], &res);
		if (res)
			good = 0;
	}
	ok(good, "malloc and free from %d threads at once", NT);

	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	ok(pthread_create(&t[0], &attr, detached, NULL) == 0, "a detached thread");
	for (int i = 0; i < 5000 && !detached_ran; i++)
		usleep(1000);
	ok(detached_ran, "the detached thread ran");

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, rw_writer, NULL);
	long seen_max = 0;
	for (int i = 0; i < 1000; i++) {
		pthread_rwlock_rdlock(&rw);
		if (rw_value > seen_max)
			seen_max = rw_value;
		pthread_rwlock_unlock(&rw);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	ok(rw_value == 20000, "rwlock writers exclude each other");

	/* fork while other threads hold the malloc lock now and then: the child must find it free */
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, churn, NULL);
	int children_ok = 1;
	for (int i = 0; i < 20; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			alarm(5);
			void *p = malloc(100);
			free(p);
			_exit(p ? 0 : 1);
		}
		int st;
		if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
			children_ok = 0;
	}
	stop_churn = 1;
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	ok(children_ok, "fork while threads allocate: the child's malloc works");

	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 20000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&mtx);
	int r = pthread_cond_timedwait(&cond, &mtx, &ts);
	pthread_mutex_unlock(&mtx);
	ok(r == ETIMEDOUT, "pthread_cond_timedwait times out");
	return tap_done();
}
