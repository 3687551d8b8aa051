#ifndef _PTHREAD_H
#define _PTHREAD_H
#include <bits/types.h>
#include <time.h>

typedef struct __tcb *pthread_t;
typedef struct {
	size_t stacksize;
	int detach;
} pthread_attr_t;
typedef struct {
	volatile int lock; /* 0 free, 1 held, 2 held with waiters */
	int type;
	int owner;
	int count;
} pthread_mutex_t;
typedef struct {
	int type;
} pthread_mutexattr_t;
typedef struct {
	volatile unsigned seq;
	int clock;
} pthread_cond_t;
typedef struct {
	int clock;
} pthread_condattr_t;
typedef volatile int pthread_once_t;
typedef unsigned pthread_key_t;
typedef struct {
	pthread_mutex_t m;
	pthread_cond_t c;
	int readers, writer, waiting_writers;
} pthread_rwlock_t;
typedef struct {
	int unused;
} pthread_rwlockattr_t;

#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1
#define PTHREAD_MUTEX_INITIALIZER \
	{                         \
		0, 0, 0, 0        \
	}
#define PTHREAD_COND_INITIALIZER \
	{                        \
		0, 0             \
	}
#define PTHREAD_ONCE_INIT 0
#define PTHREAD_RWLOCK_INITIALIZER                                           \
	{                                                                    \
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0 \
	}
#define PTHREAD_KEYS_MAX 128

int pthread_create(pthread_t *restrict t, const pthread_attr_t *restrict attr,
		   void *(*start)(void *), void *restrict arg);
int pthread_join(pthread_t t, void **result);
int pthread_detach(pthread_t t);
__noreturn void pthread_exit(void *result);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_getcpuclockid(pthread_t t, clockid_t *clk);
int pthread_attr_init(pthread_attr_t *a);
int pthread_attr_destroy(pthread_attr_t *a);
int pthread_attr_setstacksize(pthread_attr_t *a, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *restrict a, size_t *restrict size);
int pthread_attr_setdetachstate(pthread_attr_t *a, int state);
int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state);
int pthread_mutex_init(pthread_mutex_t *restrict m, const pthread_mutexattr_t *restrict a);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutexattr_init(pthread_mutexattr_t *a);
int pthread_mutexattr_destroy(pthread_mutexattr_t *a);
int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type);
int pthread_cond_init(pthread_cond_t *restrict c, const pthread_condattr_t *restrict a);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m);
int pthread_cond_timedwait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m,
			   const struct timespec *restrict abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);
int pthread_once(pthread_once_t *once, void (*fn)(void));
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);
int pthread_rwlock_init(pthread_rwlock_t *restrict l, const pthread_rwlockattr_t *restrict a);
int pthread_rwlock_destroy(pthread_rwlock_t *l);
int pthread_rwlock_rdlock(pthread_rwlock_t *l);
int pthread_rwlock_wrlock(pthread_rwlock_t *l);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *l);
int pthread_rwlock_trywrlock(pthread_rwlock_t *l);
int pthread_rwlock_unlock(pthread_rwlock_t *l);
#endif
