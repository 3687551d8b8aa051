// SPDX-License-Identifier: GPL-2.0
/*
 * Locks: mutexes, semaphores, rwlocks and rw_semaphores alone and under contention from
 * kernel threads, and lockdep's reports of inversions, recursion and sleeping in atomic
 * context (planted on purpose: the "BUG:" lines in this suite's log are expected).
 *
 * Threads alternate between CPU 0 and the last online CPU, so the contention is real once
 * there are two CPUs; on one CPU the same tests still pass, through preemption and sleeps.
 */
#include <asm/processor.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/lockdep.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/rwlock.h>
#include <kernel/rwsem.h>
#include <kernel/sched.h>
#include <kernel/semaphore.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/timer.h>

#define NS_PER_SEC 1000000000ULL
#define MAX_THREADS 8

/* ---- helpers ------------------------------------------------------------------------ */

struct threads {
	struct task_struct *task[MAX_THREADS];
	int n;
};

static void threads_begin(struct threads *ts)
{
	ts->n = 0;
}

/* Even-numbered threads go to CPU 0, odd ones to the last online CPU. */
static bool threads_start(struct threads *ts, int (*fn)(void *), void *data, const char *name)
{
	struct task_struct *p;

	if (ts->n == MAX_THREADS)
		return false;
	p = kthread_create(fn, data, name);
	if (!p)
		return false;
	kthread_bind(p, ts->n % 2 ? (int)num_online_cpus() - 1 : 0);
	ts->task[ts->n++] = p;
	wake_up_process(p);
	return true;
}

/* Waits for every thread to end (kthread_stop drops the creator's reference); returns the
 * sum of their results. */
static int threads_end(struct threads *ts)
{
	int sum = 0;

	for (int i = 0; i < ts->n; i++)
		sum += kthread_stop(ts->task[i]);
	ts->n = 0;
	return sum;
}

static void track_max(atomic_t *max, int v)
{
	int old = atomic_read(max);

	while (v > old) {
		int seen = atomic_cmpxchg(max, old, v);

		if (seen == old)
			break;
		old = seen;
	}
}

/* Is there a log record from seq on that contains needle? */
static bool log_has(u64 seq, const char *needle)
{
	struct log_record_info info;
	static char buf[512];

	while (log_buf_read(&seq, &info, buf, sizeof(buf)))
		if (strstr(buf, needle))
			return true;
	return false;
}

/* ---- mutex -------------------------------------------------------------------------- */

static DEFINE_MUTEX(basic_mutex);

struct basic_ctx {
	int trylock;
	bool owner_kept;
};

static int basic_other(void *data)
{
	struct basic_ctx *ctx = data;

	ctx->trylock = mutex_trylock(&basic_mutex);
	mutex_unlock(&basic_mutex); /* not ours: reported and ignored */
	ctx->owner_kept = mutex_is_locked(&basic_mutex) && mutex_owner(&basic_mutex) != current;
	return 0;
}

static void test_mutex_basics(struct ktest *t)
{
	struct basic_ctx ctx = { .trylock = -1 };
	unsigned long misuse;
	struct threads ts;

	KTEST_EXPECT_FALSE(t, mutex_is_locked(&basic_mutex));
	KTEST_ASSERT_EQ(t, mutex_trylock(&basic_mutex), 1);
	KTEST_EXPECT_PTR_EQ(t, mutex_owner(&basic_mutex), current);
	mutex_unlock(&basic_mutex);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&basic_mutex));

	mutex_lock(&basic_mutex);
	misuse = lock_misuse_reports();
	threads_begin(&ts);
	KTEST_ASSERT_TRUE(t, threads_start(&ts, basic_other, &ctx, "mutex_other"));
	threads_end(&ts);
	KTEST_EXPECT_EQ(t, ctx.trylock, 0);
	KTEST_EXPECT_EQ(t, lock_misuse_reports(), misuse + 1);
	KTEST_EXPECT_TRUE(t, ctx.owner_kept);
	KTEST_EXPECT_PTR_EQ(t, mutex_owner(&basic_mutex), current);
	mutex_unlock(&basic_mutex);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&basic_mutex));

	/* Unlocking a free mutex is reported too, and changes nothing. */
	mutex_unlock(&basic_mutex);
	KTEST_EXPECT_EQ(t, lock_misuse_reports(), misuse + 2);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&basic_mutex));
}

struct fifo_ctx {
	struct mutex m;
	int index[3];
	bool started[3];
	int order[3];
	atomic_t next;
};

static struct fifo_ctx *fifo_of(int *index)
{
	return container_of(index - *index, struct fifo_ctx, index[0]);
}

static int fifo_waiter(void *data)
{
	int *index = data;
	struct fifo_ctx *ctx = fifo_of(index);

	WRITE_ONCE(ctx->started[*index], true);
	mutex_lock(&ctx->m);
	ctx->order[atomic_inc_return(&ctx->next) - 1] = *index;
	mutex_unlock(&ctx->m);
	return 0;
}

/* Waiters get the mutex in the order they came: the unlock hands it to the first. */
static void test_mutex_handoff_is_fifo(struct ktest *t)
{
	static struct fifo_ctx ctx;
	struct threads ts;
	bool queued = true;

	memset(&ctx, 0, sizeof(ctx));
	mutex_init(&ctx.m);
	mutex_lock(&ctx.m);
	threads_begin(&ts);
	for (int i = 0; i < 3; i++) {
		u64 deadline = sched_clock() + 5 * NS_PER_SEC;
		struct task_struct *p;

		ctx.index[i] = i;
		if (!threads_start(&ts, fifo_waiter, &ctx.index[i], "mutex_fifo"))
			break;
		p = ts.task[ts.n - 1];
		/* Queued once it started and sleeps. */
		while (!(READ_ONCE(ctx.started[i]) &&
			 READ_ONCE(p->state) == TASK_UNINTERRUPTIBLE)) {
			if (sched_clock() > deadline) {
				queued = false;
				break;
			}
			msleep(1);
		}
	}
	KTEST_EXPECT_EQ(t, ts.n, 3);
	KTEST_EXPECT_TRUE(t, queued);
	mutex_unlock(&ctx.m);
	threads_end(&ts);
	KTEST_EXPECT_EQ(t, atomic_read(&ctx.next), 3);
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, ctx.order[i], i);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&ctx.m));
}

/* ---- mutual exclusion under contention ---------------------------------------------- */

#define COUNT_THREADS 4
#define COUNT_ITERS 10000

struct count_ctx {
	spinlock_t lock;
	struct mutex m;
	bool use_mutex;
	unsigned long counter;
	atomic_t inside;
	atomic_t overlaps;
};

static int count_worker(void *data)
{
	struct count_ctx *ctx = data;

	for (int i = 0; i < COUNT_ITERS; i++) {
		unsigned long v;

		if (ctx->use_mutex)
			mutex_lock(&ctx->m);
		else
			spin_lock(&ctx->lock);
		if (atomic_inc_return(&ctx->inside) != 1)
			atomic_inc(&ctx->overlaps);
		/* A read-modify-write with a gap: lost updates show if exclusion fails. */
		v = READ_ONCE(ctx->counter);
		cpu_relax();
		if (ctx->use_mutex && i % 50 == 0)
			yield(); /* let the others run into the held mutex and sleep */
		if (ctx->use_mutex && i % 2500 == 0)
			msleep(1);
		WRITE_ONCE(ctx->counter, v + 1);
		atomic_dec(&ctx->inside);
		if (ctx->use_mutex)
			mutex_unlock(&ctx->m);
		else
			spin_unlock(&ctx->lock);
	}
	return 0;
}

static void run_count(struct ktest *t, bool use_mutex)
{
	static struct count_ctx ctx;
	struct threads ts;
	u64 start = sched_clock();

	memset(&ctx, 0, sizeof(ctx));
	spin_lock_init(&ctx.lock);
	mutex_init(&ctx.m);
	ctx.use_mutex = use_mutex;
	threads_begin(&ts);
	for (int i = 0; i < COUNT_THREADS; i++)
		KTEST_EXPECT_TRUE(t, threads_start(&ts, count_worker, &ctx, "count_worker"));
	threads_end(&ts);
	KTEST_EXPECT_EQ(t, ctx.counter, COUNT_THREADS * COUNT_ITERS);
	KTEST_EXPECT_EQ(t, atomic_read(&ctx.overlaps), 0);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&ctx.m));
	KTEST_EXPECT_FALSE(t, spin_is_locked(&ctx.lock));
	ktest_log(t, "%d threads x %d increments under a %s on %u CPU(s): %llu ms", COUNT_THREADS,
		  COUNT_ITERS, use_mutex ? "mutex" : "spinlock", num_online_cpus(),
		  (unsigned long long)((sched_clock() - start) / 1000000));
}

static void test_spinlock_contention(struct ktest *t)
{
	run_count(t, false);
}

static void test_mutex_contention(struct ktest *t)
{
	run_count(t, true);
}

/* ---- semaphore ---------------------------------------------------------------------- */

#define SEM_THREADS 4
#define SEM_ITERS 100

struct sem_ctx {
	struct semaphore sem;
	atomic_t inside, max;
};

static int sem_worker(void *data)
{
	struct sem_ctx *ctx = data;

	for (int i = 0; i < SEM_ITERS; i++) {
		down(&ctx->sem);
		track_max(&ctx->max, atomic_inc_return(&ctx->inside));
		yield();
		atomic_dec(&ctx->inside);
		up(&ctx->sem);
	}
	return 0;
}

static void test_semaphore_admits_count(struct ktest *t)
{
	static struct sem_ctx ctx;
	struct threads ts;

	memset(&ctx, 0, sizeof(ctx));
	sema_init(&ctx.sem, 2);
	KTEST_EXPECT_EQ(t, down_trylock(&ctx.sem), 0);
	KTEST_EXPECT_EQ(t, down_trylock(&ctx.sem), 0);
	KTEST_EXPECT_EQ(t, down_trylock(&ctx.sem), 1);
	up(&ctx.sem);
	up(&ctx.sem);

	threads_begin(&ts);
	for (int i = 0; i < SEM_THREADS; i++)
		KTEST_EXPECT_TRUE(t, threads_start(&ts, sem_worker, &ctx, "sem_worker"));
	threads_end(&ts);
	/* Never more than two, and with yields inside, two at some point. */
	KTEST_EXPECT_EQ(t, atomic_read(&ctx.max), 2);
	KTEST_EXPECT_EQ(t, ctx.sem.count, 2);
	KTEST_EXPECT_TRUE(t, list_empty(&ctx.sem.wait_list));
}

/* ---- rwlock ------------------------------------------------------------------------- */

static DEFINE_RWLOCK(basic_rwlock);

static void test_rwlock_basics(struct ktest *t)
{
	unsigned long flags, outer;

	read_lock(&basic_rwlock);
	KTEST_EXPECT_TRUE(t, read_trylock(&basic_rwlock)); /* readers share */
	KTEST_EXPECT_FALSE(t, arch_write_trylock(&basic_rwlock));
	read_unlock(&basic_rwlock);
	KTEST_EXPECT_FALSE(t, arch_write_trylock(&basic_rwlock));
	read_unlock(&basic_rwlock);
	KTEST_EXPECT_EQ(t, basic_rwlock.cnts, 0);

	write_lock(&basic_rwlock);
	KTEST_EXPECT_FALSE(t, read_trylock(&basic_rwlock));
	KTEST_EXPECT_FALSE(t, arch_write_trylock(&basic_rwlock));
	write_unlock(&basic_rwlock);
	KTEST_EXPECT_TRUE(t, write_trylock(&basic_rwlock));
	write_unlock(&basic_rwlock);
	KTEST_EXPECT_EQ(t, basic_rwlock.cnts, 0);

	local_irq_save(outer);
	local_irq_enable();
	read_lock_irqsave(&basic_rwlock, flags);
	KTEST_EXPECT_TRUE(t, irqs_disabled());
	read_unlock_irqrestore(&basic_rwlock, flags);
	KTEST_EXPECT_FALSE(t, irqs_disabled());
	write_lock_irqsave(&basic_rwlock, flags);
	KTEST_EXPECT_TRUE(t, irqs_disabled());
	write_unlock_irqrestore(&basic_rwlock, flags);
	KTEST_EXPECT_FALSE(t, irqs_disabled());
	local_irq_restore(outer);
	KTEST_EXPECT_EQ(t, basic_rwlock.cnts, 0);
}

#define RW_WRITER_ROUNDS 20

struct rw_ctx {
	rwlock_t lock;
	struct rw_semaphore sem;
	atomic_t readers, writers, max_readers, violations;
	int want_together; /* readers that should meet inside at least once */
	bool stop;
	u64 deadline;
	int writer_rounds;
	u64 writer_done;
	unsigned long reads;
};

static int rwlock_reader(void *data)
{
	struct rw_ctx *ctx = data;
	bool met = ctx->want_together < 2;
	unsigned long reads = 0;

	while (!READ_ONCE(ctx->stop) && sched_clock() < ctx->deadline) {
		int r;

		read_lock(&ctx->lock);
		r = atomic_inc_return(&ctx->readers);
		track_max(&ctx->max_readers, r);
		if (atomic_read(&ctx->writers))
			atomic_inc(&ctx->violations);
		/* Once, with two CPUs: stay until the other reader is in too (bounded). */
		if (!met) {
			u64 until = sched_clock() + 2 * NS_PER_SEC;

			while (atomic_read(&ctx->readers) < ctx->want_together &&
			       sched_clock() < until)
				cpu_relax();
			met = true;
		}
		for (int i = 0; i < 100; i++)
			cpu_relax();
		atomic_dec(&ctx->readers);
		read_unlock(&ctx->lock);
		reads++;
	}
	__atomic_fetch_add(&ctx->reads, reads, __ATOMIC_RELAXED);
	return 0;
}

static int rwlock_writer(void *data)
{
	struct rw_ctx *ctx = data;

	msleep(5); /* let the readers get going */
	for (int i = 0; i < RW_WRITER_ROUNDS; i++) {
		write_lock(&ctx->lock);
		if (atomic_inc_return(&ctx->writers) != 1 || atomic_read(&ctx->readers))
			atomic_inc(&ctx->violations);
		for (int k = 0; k < 100; k++)
			cpu_relax();
		atomic_dec(&ctx->writers);
		write_unlock(&ctx->lock);
		ctx->writer_rounds++;
		msleep(1);
	}
	ctx->writer_done = sched_clock();
	WRITE_ONCE(ctx->stop, true);
	return 0;
}

static void test_rwlock_readers_share_writer_gets_in(struct ktest *t)
{
	static struct rw_ctx ctx;
	struct threads ts;

	memset(&ctx, 0, sizeof(ctx));
	rwlock_init(&ctx.lock);
	ctx.want_together = num_online_cpus() > 1 ? 2 : 1;
	ctx.deadline = sched_clock() + 10 * NS_PER_SEC;
	threads_begin(&ts);
	KTEST_EXPECT_TRUE(t, threads_start(&ts, rwlock_reader, &ctx, "rwlock_reader"));
	KTEST_EXPECT_TRUE(t, threads_start(&ts, rwlock_reader, &ctx, "rwlock_reader"));
	KTEST_EXPECT_TRUE(t, threads_start(&ts, rwlock_writer, &ctx, "rwlock_writer"));
	threads_end(&ts);
	KTEST_EXPECT_EQ(t, atomic_read(&ctx.violations), 0);
	KTEST_EXPECT_EQ(t, ctx.writer_rounds, RW_WRITER_ROUNDS);
	KTEST_EXPECT_NE(t, ctx.writer_done, 0);
	KTEST_EXPECT_LT(t, ctx.writer_done, ctx.deadline);
	KTEST_EXPECT_GE(t, atomic_read(&ctx.max_readers), ctx.want_together);
	KTEST_EXPECT_EQ(t, ctx.lock.cnts, 0);
	ktest_log(t, "%lu read sections, at most %d readers at once, on %u CPU(s)", ctx.reads,
		  atomic_read(&ctx.max_readers), num_online_cpus());
}

/* ---- rw_semaphore ------------------------------------------------------------------- */

static DECLARE_RWSEM(basic_rwsem);

static void test_rwsem_basics(struct ktest *t)
{
	unsigned long misuse = lock_misuse_reports();

	KTEST_EXPECT_EQ(t, down_read_trylock(&basic_rwsem), 1);
	KTEST_EXPECT_EQ(t, down_read_trylock(&basic_rwsem), 1);
	KTEST_EXPECT_EQ(t, basic_rwsem.count, 2);
	up_read(&basic_rwsem);
	up_read(&basic_rwsem);
	KTEST_EXPECT_FALSE(t, rwsem_is_locked(&basic_rwsem));

	down_write(&basic_rwsem);
	KTEST_EXPECT_EQ(t, down_read_trylock(&basic_rwsem), 0);
	KTEST_EXPECT_PTR_EQ(t, basic_rwsem.owner, current);
	up_write(&basic_rwsem);
	KTEST_EXPECT_EQ(t, down_write_trylock(&basic_rwsem), 1);
	up_write(&basic_rwsem);
	down_read(&basic_rwsem);
	up_read(&basic_rwsem);
	KTEST_EXPECT_EQ(t, lock_misuse_reports(), misuse);

	/* Releasing what is not held is reported and changes nothing. */
	up_read(&basic_rwsem);
	up_write(&basic_rwsem);
	KTEST_EXPECT_EQ(t, lock_misuse_reports(), misuse + 2);
	KTEST_EXPECT_EQ(t, basic_rwsem.count, 0);
}

#define RWSEM_WRITER_ROUNDS 5

static int rwsem_reader(void *data)
{
	struct rw_ctx *ctx = data;
	unsigned long reads = 0;

	while (!READ_ONCE(ctx->stop) && sched_clock() < ctx->deadline) {
		down_read(&ctx->sem);
		track_max(&ctx->max_readers, atomic_inc_return(&ctx->readers));
		if (atomic_read(&ctx->writers))
			atomic_inc(&ctx->violations);
		msleep(1); /* readers overlap, even on one CPU: there is never a gap */
		atomic_dec(&ctx->readers);
		up_read(&ctx->sem);
		reads++;
	}
	__atomic_fetch_add(&ctx->reads, reads, __ATOMIC_RELAXED);
	return 0;
}

static int rwsem_writer(void *data)
{
	struct rw_ctx *ctx = data;

	msleep(5);
	for (int i = 0; i < RWSEM_WRITER_ROUNDS; i++) {
		down_write(&ctx->sem);
		if (atomic_inc_return(&ctx->writers) != 1 || atomic_read(&ctx->readers))
			atomic_inc(&ctx->violations);
		msleep(1);
		atomic_dec(&ctx->writers);
		up_write(&ctx->sem);
		ctx->writer_rounds++;
		msleep(2);
	}
	ctx->writer_done = sched_clock();
	WRITE_ONCE(ctx->stop, true);
	return 0;
}

static void test_rwsem_readers_share_writer_gets_in(struct ktest *t)
{
	static struct rw_ctx ctx;
	struct threads ts;

	memset(&ctx, 0, sizeof(ctx));
	init_rwsem(&ctx.sem);
	ctx.deadline = sched_clock() + 10 * NS_PER_SEC;
	threads_begin(&ts);
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_TRUE(t, threads_start(&ts, rwsem_reader, &ctx, "rwsem_reader"));
	KTEST_EXPECT_TRUE(t, threads_start(&ts, rwsem_writer, &ctx, "rwsem_writer"));
	threads_end(&ts);
	KTEST_EXPECT_EQ(t, atomic_read(&ctx.violations), 0);
	KTEST_EXPECT_EQ(t, ctx.writer_rounds, RWSEM_WRITER_ROUNDS);
	KTEST_EXPECT_NE(t, ctx.writer_done, 0);
	KTEST_EXPECT_LT(t, ctx.writer_done, ctx.deadline);
	KTEST_EXPECT_GE(t, atomic_read(&ctx.max_readers), 2);
	KTEST_EXPECT_FALSE(t, rwsem_is_locked(&ctx.sem));
	ktest_log(t, "%lu read sections, at most %d readers at once", ctx.reads,
		  atomic_read(&ctx.max_readers));
}

/* ---- lockdep ------------------------------------------------------------------------ */

static DEFINE_MUTEX(lockdep_test_a);
static DEFINE_MUTEX(lockdep_test_b);
static DEFINE_SPINLOCK(lockdep_test_x);
static DEFINE_SPINLOCK(lockdep_test_y);
static DEFINE_SPINLOCK(lockdep_test_z);
static DECLARE_RWSEM(lockdep_test_sem);

static bool need_lockdep(struct ktest *t)
{
	if (IS_ENABLED(CONFIG_DEBUG_LOCKDEP))
		return true;
	ktest_skip(t, "CONFIG_DEBUG_LOCKDEP is off");
	return false;
}

static void test_lockdep_inversion_reported_once(struct ktest *t)
{
	u64 seq = log_buf_next_seq();
	unsigned long reports = lockdep_reports();

	if (!need_lockdep(t))
		return;
	mutex_lock(&lockdep_test_a);
	mutex_lock(&lockdep_test_b);
	mutex_unlock(&lockdep_test_b);
	mutex_unlock(&lockdep_test_a);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports);

	/* The other order: it cannot deadlock here, with one task, but it could. */
	mutex_lock(&lockdep_test_b);
	mutex_lock(&lockdep_test_a);
	mutex_unlock(&lockdep_test_a);
	mutex_unlock(&lockdep_test_b);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 1);
	KTEST_EXPECT_TRUE(t, log_has(seq, "BUG: possible lock-order inversion: lockdep_test_b -> "
					  "lockdep_test_a while lockdep_test_a -> lockdep_test_b "
					  "was seen"));

	/* Once per pair, in either order. */
	for (int i = 0; i < 2; i++) {
		mutex_lock(&lockdep_test_b);
		mutex_lock(&lockdep_test_a);
		mutex_unlock(&lockdep_test_a);
		mutex_unlock(&lockdep_test_b);
		mutex_lock(&lockdep_test_a);
		mutex_lock(&lockdep_test_b);
		mutex_unlock(&lockdep_test_b);
		mutex_unlock(&lockdep_test_a);
	}
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 1);
}

static void test_lockdep_held_stack(struct ktest *t)
{
	int depth = lockdep_depth();
	struct lockdep_stats before, after;

	if (!need_lockdep(t))
		return;
	lockdep_get_stats(&before);
	spin_lock(&lockdep_test_x);
	spin_lock(&lockdep_test_y);
	KTEST_EXPECT_EQ(t, lockdep_depth(), depth + 2);
	KTEST_EXPECT_TRUE(t, lockdep_is_held(&lockdep_test_x));
	KTEST_EXPECT_TRUE(t, lockdep_is_held(&lockdep_test_y));
	/* Out of order: fine for spinlocks, and recorded as such. */
	spin_unlock(&lockdep_test_x);
	KTEST_EXPECT_FALSE(t, lockdep_is_held(&lockdep_test_x));
	KTEST_EXPECT_TRUE(t, lockdep_is_held(&lockdep_test_y));
	KTEST_EXPECT_EQ(t, lockdep_depth(), depth + 1);
	spin_unlock(&lockdep_test_y);
	KTEST_EXPECT_EQ(t, lockdep_depth(), depth);
	lockdep_get_stats(&after);
	KTEST_EXPECT_EQ(t, after.unheld_releases, before.unheld_releases);
	KTEST_EXPECT_TRUE(t, after.enabled);
	ktest_log(t, "%lu lock classes, %lu of %lu dependencies, %lu reports so far", after.classes,
		  after.edges, after.max_edges, after.reports);
}

/* x -> y (above, or here), y -> z, then z -> x closes a cycle of three. */
static void test_lockdep_inversion_through_a_chain(struct ktest *t)
{
	u64 seq = log_buf_next_seq();
	unsigned long reports = lockdep_reports();

	if (!need_lockdep(t))
		return;
	spin_lock(&lockdep_test_x);
	spin_lock(&lockdep_test_y);
	spin_unlock(&lockdep_test_y);
	spin_unlock(&lockdep_test_x);
	spin_lock(&lockdep_test_y);
	spin_lock(&lockdep_test_z);
	spin_unlock(&lockdep_test_z);
	spin_unlock(&lockdep_test_y);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports);
	spin_lock(&lockdep_test_z);
	spin_lock(&lockdep_test_x);
	spin_unlock(&lockdep_test_x);
	spin_unlock(&lockdep_test_z);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 1);
	KTEST_EXPECT_TRUE(t, log_has(seq, "BUG: possible lock-order inversion: lockdep_test_z -> "
					  "lockdep_test_x while lockdep_test_x -> lockdep_test_z "
					  "was seen"));
	KTEST_EXPECT_TRUE(t, log_has(seq, "(2 steps)"));
}

/* Probed with trylocks, which report before they fail: a real lock would hang for good. */
static void test_lockdep_recursion_reported(struct ktest *t)
{
	u64 seq = log_buf_next_seq();
	unsigned long reports = lockdep_reports();

	if (!need_lockdep(t))
		return;
	spin_lock(&lockdep_test_x);
	KTEST_EXPECT_FALSE(t, spin_trylock(&lockdep_test_x));
	spin_unlock(&lockdep_test_x);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 1);
	KTEST_EXPECT_TRUE(t, log_has(seq, "BUG: recursive locking"));
	KTEST_EXPECT_TRUE(t, log_has(seq, "lockdep_test_x"));

	mutex_lock(&lockdep_test_a);
	KTEST_EXPECT_EQ(t, mutex_trylock(&lockdep_test_a), 0);
	mutex_unlock(&lockdep_test_a);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 2);

	down_read(&lockdep_test_sem);
	KTEST_EXPECT_EQ(t, down_write_trylock(&lockdep_test_sem), 0);
	up_read(&lockdep_test_sem);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 3);
	KTEST_EXPECT_EQ(t, lockdep_depth(), 0);
}

static int exit_holding(void *data)
{
	mutex_lock(data);
	return 0; /* and never unlock: lockdep reports it at exit */
}

static void test_lockdep_exit_with_lock_held(struct ktest *t)
{
	unsigned long reports = lockdep_reports();
	u64 seq = log_buf_next_seq();
	struct threads ts;
	struct mutex m;

	if (!need_lockdep(t))
		return;
	mutex_init(&m);
	threads_begin(&ts);
	KTEST_ASSERT_TRUE(t, threads_start(&ts, exit_holding, &m, "exit_holding"));
	threads_end(&ts);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 1);
	KTEST_EXPECT_TRUE(t, log_has(seq, "exits holding 1 lock"));
	KTEST_EXPECT_TRUE(t, mutex_is_locked(&m));
}

/* ---- lockdep: subclasses ------------------------------------------------------------ */

static struct mutex nest_m[2];

/* One init site: both mutexes are of one class, as two directories' inode locks are. */
static void nest_init(void)
{
	for (int i = 0; i < 2; i++)
		mutex_init(&nest_m[i]);
}

static void lock_pair(struct mutex *first, unsigned int sub1, struct mutex *second,
		      unsigned int sub2)
{
	mutex_lock_nested(first, sub1);
	mutex_lock_nested(second, sub2);
	mutex_unlock(second);
	mutex_unlock(first);
}

/*
 * Parent then child of one class, with subclasses 0 and 1 (I_MUTEX_PARENT/CHILD-style): no
 * report, whichever mutex plays which part. Subclass 1 then 0 is the opposite order and is
 * reported; so is nesting two of the class without subclasses, and a subclass out of range.
 */
static void test_lockdep_subclasses(struct ktest *t)
{
	unsigned long reports = lockdep_reports();
	u64 seq = log_buf_next_seq();
	struct lockdep_stats before, after;

	if (!need_lockdep(t))
		return;
	nest_init();
	lockdep_get_stats(&before);
	lock_pair(&nest_m[0], 0, &nest_m[1], SINGLE_DEPTH_NESTING);
	lock_pair(&nest_m[1], 0, &nest_m[0], SINGLE_DEPTH_NESTING);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports);

	lock_pair(&nest_m[0], SINGLE_DEPTH_NESTING, &nest_m[1], 0);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 1);
	KTEST_EXPECT_TRUE(t, log_has(seq, "BUG: possible lock-order inversion: &nest_m[i]/1 -> "
					  "&nest_m[i] while &nest_m[i] -> &nest_m[i]/1 was seen"));

	seq = log_buf_next_seq();
	lock_pair(&nest_m[0], 0, &nest_m[1], 0);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 2);
	KTEST_EXPECT_TRUE(t, log_has(seq, "BUG: possible recursive locking"));
	lock_pair(&nest_m[1], 0, &nest_m[0], 0); /* once per class */
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 2);

	mutex_lock_nested(&nest_m[0], MAX_LOCKDEP_SUBCLASSES);
	mutex_unlock(&nest_m[0]);
	lockdep_get_stats(&after);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 3);
	KTEST_EXPECT_EQ(t, after.bad_subclasses, before.bad_subclasses + 1);
	KTEST_EXPECT_EQ(t, lockdep_depth(), 0);
}

/* ---- lockdep: interrupts ------------------------------------------------------------ */

static DEFINE_SPINLOCK(irq_test_unsafe);
static DEFINE_SPINLOCK(irq_test_safe);
static DEFINE_SPINLOCK(irq_test_task_a);
static DEFINE_SPINLOCK(irq_test_handler_b);

struct irq_lock_ctx {
	struct timer_list timer;
	spinlock_t *lock;
	int fired;
	int depth; /* lockdep_depth() in the handler, its lock held */
	bool in_irq;
};

static void irq_lock_fn(struct timer_list *tl)
{
	struct irq_lock_ctx *c = container_of(tl, struct irq_lock_ctx, timer);

	spin_lock(c->lock);
	c->depth = lockdep_depth();
	c->in_irq = in_irq();
	spin_unlock(c->lock);
	WRITE_ONCE(c->fired, 1);
}

/* Takes lock in a timer handler on this CPU, now; with interrupts on, preemption off. */
static bool take_in_handler(struct irq_lock_ctx *c, spinlock_t *lock)
{
	u64 end = sched_clock() + 2 * NS_PER_SEC;

	c->lock = lock;
	c->fired = 0;
	timer_setup(&c->timer, irq_lock_fn);
	timer_add(&c->timer, sched_clock());
	while (!READ_ONCE(c->fired) && sched_clock() < end)
		cpu_relax();
	timer_del_sync(&c->timer);
	return c->fired;
}

static void test_lockdep_irq_unsafe_reported(struct ktest *t)
{
	unsigned long reports = lockdep_reports();
	u64 seq = log_buf_next_seq();
	struct irq_lock_ctx c;
	unsigned long flags;

	if (!need_lockdep(t))
		return;
	preempt_disable();
	KTEST_EXPECT_TRUE(t, take_in_handler(&c, &irq_test_unsafe));
	preempt_enable();
	KTEST_EXPECT_TRUE(t, c.in_irq);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports);
	/* The same lock with interrupts on: a handler on this CPU could spin on it for ever. */
	spin_lock(&irq_test_unsafe);
	spin_unlock(&irq_test_unsafe);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 1);
	KTEST_EXPECT_TRUE(t, log_has(seq, "BUG: irq-unsafe lock: irq_test_unsafe is taken in an "
					  "interrupt handler"));
	spin_lock(&irq_test_unsafe); /* once per class */
	spin_unlock(&irq_test_unsafe);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 1);

	/* Always with interrupts off outside the handler: fine. */
	spin_lock_irqsave(&irq_test_safe, flags);
	spin_unlock_irqrestore(&irq_test_safe, flags);
	preempt_disable();
	KTEST_EXPECT_TRUE(t, take_in_handler(&c, &irq_test_safe));
	preempt_enable();
	spin_lock_irq(&irq_test_safe);
	spin_unlock_irq(&irq_test_safe);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports + 1);
}

/*
 * A handler taking B while the task it interrupted holds A is no A -> B order: the task did
 * not take B. The handler's locks go on a stack of their own (it sees one lock held, its
 * own), so taking B then A later in a task reports nothing.
 */
static void test_lockdep_handler_locks_not_charged(struct ktest *t)
{
	unsigned long reports = lockdep_reports();
	struct irq_lock_ctx c;
	unsigned long flags;
	bool fired;

	if (!need_lockdep(t))
		return;
	spin_lock(&irq_test_task_a); /* preemption off: the timer fires on this CPU */
	fired = take_in_handler(&c, &irq_test_handler_b);
	spin_unlock(&irq_test_task_a);
	KTEST_ASSERT_TRUE(t, fired);
	KTEST_EXPECT_EQ(t, c.depth, 1);
	KTEST_EXPECT_EQ(t, lockdep_depth(), 0);

	spin_lock_irqsave(&irq_test_handler_b, flags);
	spin_lock(&irq_test_task_a);
	spin_unlock(&irq_test_task_a);
	spin_unlock_irqrestore(&irq_test_handler_b, flags);
	KTEST_EXPECT_EQ(t, lockdep_reports(), reports);
}

/* lockdep_assert_held names the lock and the place. */
static void test_lockdep_assert_held_reports(struct ktest *t)
{
	u64 seq = log_buf_next_seq();
	struct lockdep_stats before, after;

	if (!need_lockdep(t))
		return;
	lockdep_get_stats(&before);
	spin_lock(&lockdep_test_x);
	lockdep_assert_held(&lockdep_test_x);
	spin_unlock(&lockdep_test_x);
	lockdep_get_stats(&after);
	KTEST_EXPECT_EQ(t, after.assert_failures, before.assert_failures);
	lockdep_assert_held(&lockdep_test_x);
	lockdep_get_stats(&after);
	KTEST_EXPECT_EQ(t, after.assert_failures, before.assert_failures + 1);
	KTEST_EXPECT_TRUE(t, log_has(seq, "WARNING: lock lockdep_test_x is not held at "
					  "tests/kernel/locks_test.c:"));
}

static void test_might_sleep_in_atomic_reported(struct ktest *t)
{
	unsigned long reports = might_sleep_reports();
	u64 seq = log_buf_next_seq();

	might_sleep();
	KTEST_EXPECT_EQ(t, might_sleep_reports(), reports);
	/* Only the check: really sleeping here would be the bug itself. */
	spin_lock(&lockdep_test_x);
	might_sleep();
	spin_unlock(&lockdep_test_x);
	KTEST_EXPECT_EQ(t, might_sleep_reports(), reports + 1);
	KTEST_EXPECT_TRUE(t, log_has(seq, "BUG: sleeping function called from invalid context"));
}

/* ---- costs -------------------------------------------------------------------------- */

#define COST_ROUNDS 5
#define COST_ITERS 2000

static DEFINE_SPINLOCK(cost_spinlock);
static DEFINE_MUTEX(cost_mutex);
static DEFINE_RWLOCK(cost_rwlock);
static DECLARE_RWSEM(cost_rwsem);

enum cost_kind {
	COST_ARCH,
	COST_SPIN,
	COST_SPIN_NESTED,
	COST_MUTEX,
	COST_READ,
	COST_RWSEM
};

/* The fewest cycles per lock+unlock pair over a few rounds (interrupts count otherwise). */
static u64 cost_of(enum cost_kind kind)
{
	u64 best = ~0ULL;

	for (int r = 0; r < COST_ROUNDS; r++) {
		u64 start = rdtsc(), cycles;

		for (int i = 0; i < COST_ITERS; i++) {
			switch (kind) {
			case COST_ARCH:
				arch_spin_lock(&cost_spinlock);
				arch_spin_unlock(&cost_spinlock);
				break;
			case COST_SPIN:
				spin_lock(&cost_spinlock);
				spin_unlock(&cost_spinlock);
				break;
			case COST_SPIN_NESTED: /* one edge to look up */
				spin_lock(&lockdep_test_x);
				spin_lock(&cost_spinlock);
				spin_unlock(&cost_spinlock);
				spin_unlock(&lockdep_test_x);
				break;
			case COST_MUTEX:
				mutex_lock(&cost_mutex);
				mutex_unlock(&cost_mutex);
				break;
			case COST_READ:
				read_lock(&cost_rwlock);
				read_unlock(&cost_rwlock);
				break;
			case COST_RWSEM:
				down_read(&cost_rwsem);
				up_read(&cost_rwsem);
				break;
			}
		}
		cycles = (rdtsc() - start) / COST_ITERS;
		if (cycles < best)
			best = cycles;
	}
	return best;
}

static void test_lock_costs(struct ktest *t)
{
	ktest_log(t, "CONFIG_DEBUG_LOCKDEP=%s", IS_ENABLED(CONFIG_DEBUG_LOCKDEP) ? "y" : "n");
	ktest_figure(t, "arch_spin_lock_unlock", cost_of(COST_ARCH), "cycles");
	ktest_figure(t, "spin_lock_unlock", cost_of(COST_SPIN), "cycles");
	ktest_figure(t, "spin_lock_nested_pairs", cost_of(COST_SPIN_NESTED), "cycles");
	ktest_figure(t, "mutex_lock_unlock", cost_of(COST_MUTEX), "cycles");
	ktest_figure(t, "read_lock_unlock", cost_of(COST_READ), "cycles");
	ktest_figure(t, "down_up_read", cost_of(COST_RWSEM), "cycles");
}

static struct ktest_case locks_cases[] = {
	KTEST_CASE(test_mutex_basics),
	KTEST_CASE(test_mutex_handoff_is_fifo),
	KTEST_CASE(test_spinlock_contention),
	KTEST_CASE(test_mutex_contention),
	KTEST_CASE(test_semaphore_admits_count),
	KTEST_CASE(test_rwlock_basics),
	KTEST_CASE(test_rwlock_readers_share_writer_gets_in),
	KTEST_CASE(test_rwsem_basics),
	KTEST_CASE(test_rwsem_readers_share_writer_gets_in),
	KTEST_CASE(test_lockdep_inversion_reported_once),
	KTEST_CASE(test_lockdep_held_stack),
	KTEST_CASE(test_lockdep_inversion_through_a_chain),
	KTEST_CASE(test_lockdep_recursion_reported),
	KTEST_CASE(test_lockdep_exit_with_lock_held),
	KTEST_CASE(test_lockdep_subclasses),
	KTEST_CASE(test_lockdep_irq_unsafe_reported),
	KTEST_CASE(test_lockdep_handler_locks_not_charged),
	KTEST_CASE(test_lockdep_assert_held_reports),
	KTEST_CASE(test_might_sleep_in_atomic_reported),
	KTEST_FIGURES(test_lock_costs),
	{},
};

static struct ktest_suite locks_suite = { .name = "locks", .cases = locks_cases };
ktest_register_suite(locks_suite);
