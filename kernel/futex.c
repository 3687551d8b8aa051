// SPDX-License-Identifier: GPL-2.0
/*
 * Fast user-space mutexes, Linux's futex(2): a thread sleeps on a 32-bit word of user
 * memory only while the word still holds the value it expects, and another wakes it.
 *
 * Waiters are queued in a hash of buckets by key:
 *  - FUTEX_PRIVATE_FLAG: (mm, address), nothing looked up;
 *  - shared, in a MAP_SHARED mapping (anonymous or a file's): the physical address of the
 *    page and the offset in it, so that processes mapping the page at different addresses
 *    meet. Pages of a shared mapping never move while mapped here (no swap, no migration),
 *    so the physical address names the page for as long as anyone can wait on it;
 *  - shared, in a private mapping: (mm, address) with a "shared" mark, as Linux's keys
 *    differ there too: a private waiter is not woken by a shared wake, nor the reverse.
 *
 * No lost wake-up: a waiter reads the word and queues itself under the bucket's lock; a
 * waker changes the word first (in user space), then takes the same lock to wake. Either
 * the waiter saw the new value (EAGAIN) or it was queued before the waker looked.
 *
 * Locking: hb->lock guards the bucket's chain and, for each futex_q on it, q->list, q->key
 * and q->hb (requeue changes them holding both buckets' locks). A waker removes a waiter and
 * wakes it under the lock; the waiter always takes the lock before it leaves (unqueue_me),
 * so neither the waiter's futex_q (on its stack) nor its task can go while a waker uses them.
 */
#include <asm/pgtable.h>
#include <asm/uaccess.h>
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/list.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>

#include "futex.h"

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_FD 2
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_CMD_MASK (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY 0xffffffffU

#define FUTEX_WAITERS 0x80000000U
#define FUTEX_OWNER_DIED 0x40000000U
#define FUTEX_TID_MASK 0x3fffffffU

#define FUTEX_HASH_BITS 8
#define FUTEX_HASH_SIZE (1U << FUTEX_HASH_BITS)

struct futex_key {
	unsigned long word; /* the mm, or the page's physical address */
	unsigned long off; /* the address, or the offset in the page; bit 0: a shared key */
};

struct futex_hash_bucket {
	spinlock_t lock;
	struct list_head chain;
};

struct futex_q {
	struct list_head list; /* in hb->chain; empty once woken */
	struct task_struct *task;
	struct futex_key key;
	u32 bitset;
	struct futex_hash_bucket *hb;
};

static struct futex_hash_bucket futex_queues[FUTEX_HASH_SIZE];
static bool futex_hash_ready;

static void futex_hash_init(void)
{
	static DEFINE_SPINLOCK(init_lock);
	unsigned long flags;

	spin_lock_irqsave(&init_lock, flags);
	if (!futex_hash_ready) {
		for (unsigned int i = 0; i < FUTEX_HASH_SIZE; i++) {
			spin_lock_init(&futex_queues[i].lock);
			INIT_LIST_HEAD(&futex_queues[i].chain);
		}
		__atomic_store_n(&futex_hash_ready, true, __ATOMIC_RELEASE);
	}
	spin_unlock_irqrestore(&init_lock, flags);
}

static struct futex_hash_bucket *hash_futex(const struct futex_key *key)
{
	u64 h = (key->word ^ (key->off * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL;

	if (unlikely(!__atomic_load_n(&futex_hash_ready, __ATOMIC_ACQUIRE)))
		futex_hash_init();
	return &futex_queues[h >> (64 - FUTEX_HASH_BITS)];
}

static bool match_key(const struct futex_key *a, const struct futex_key *b)
{
	return a->word == b->word && a->off == b->off;
}

/* The key of uaddr; -EINVAL if misaligned, -EFAULT if not mapped (shared) or not user. */
static int get_futex_key(u32 __user *uaddr, bool shared, struct futex_key *key)
{
	unsigned long addr = (unsigned long)uaddr;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int tries = 0;

	if (addr & 3)
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)) || !mm)
		return -EFAULT;
	if (!shared) {
		key->word = (unsigned long)mm;
		key->off = addr;
		return 0;
	}
again:
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	if (!(vma->vm_flags & VM_SHARED)) {
		mmap_read_unlock(mm);
		key->word = (unsigned long)mm;
		key->off = addr | 1;
		return 0;
	}
	{
		pte_t *ptep = pte_walk(mm->pgd, addr & PAGE_MASK, false);
		pte_t pte = ptep ? ptep_get(ptep) : (pte_t){ 0 };

		mmap_read_unlock(mm);
		if (!(pte.pte & _PAGE_PRESENT)) {
			u32 __maybe_unused v;

			/* Not faulted in yet: touch it (as the program would) and look again. */
			if (tries++ > 2 || get_user(v, uaddr))
				return -EFAULT;
			goto again;
		}
		key->word = pte_phys(pte);
		key->off = (addr & ~PAGE_MASK) | 1;
	}
	return 0;
}

/* Reads *uaddr with the bucket lock held: no fault is resolved here (-EFAULT instead). */
static int get_futex_value_locked(u32 *val, u32 __user *uaddr)
{
	int ret;

	pagefault_disable();
	ret = get_user(*val, uaddr);
	pagefault_enable();
	return ret;
}

/* Takes q off its bucket if it is still queued: 1 if it was (not woken), 0 if woken. */
static int unqueue_me(struct futex_q *q)
{
	struct futex_hash_bucket *hb;
	int ret = 0;

	for (;;) {
		hb = READ_ONCE(q->hb);
		spin_lock(&hb->lock);
		if (hb == q->hb)
			break;
		spin_unlock(&hb->lock); /* requeued meanwhile: follow it */
	}
	if (!list_empty(&q->list)) {
		list_del_init(&q->list);
		ret = 1;
	}
	spin_unlock(&hb->lock);
	return ret;
}

/* Called with hb->lock held: q leaves the chain and its task wakes. */
static void wake_futex(struct futex_q *q)
{
	lockdep_assert_held(&q->hb->lock);
	list_del_init(&q->list);
	wake_up_process(q->task);
}

struct futex_sleeper {
	struct timer_list timer;
	struct task_struct *task;
};

static void futex_timeout(struct timer_list *t)
{
	struct futex_sleeper *s = container_of(t, struct futex_sleeper, timer);

	wake_up_process(s->task);
}

static long futex_wait(u32 __user *uaddr, bool shared, u32 val, u64 deadline, u32 bitset);

/* restart_syscall's continuation of a timed wait, on the same absolute deadline. */
static long futex_wait_restart(struct restart_block *rb)
{
	return futex_wait(rb->futex.uaddr, rb->futex.shared, rb->futex.val, rb->expires,
			  rb->futex.bitset);
}

/*
 * Sleeps while *uaddr == val, until woken by a matching wake (bitset), until deadline (ns on
 * the monotonic clock, 0: none), or until a signal. 0, -EAGAIN, -ETIMEDOUT, -EFAULT, or, cut
 * by a signal, as Linux's: -ERESTARTSYS untimed (restarted after an SA_RESTART handler),
 * -ERESTART_RESTARTBLOCK timed (EINTR after any handler; without one, restart_syscall waits
 * on to the same deadline), for FUTEX_WAIT and FUTEX_WAIT_BITSET alike.
 */
static long futex_wait(u32 __user *uaddr, bool shared, u32 val, u64 deadline, u32 bitset)
{
	struct restart_block *rb = &current->restart_block;
	struct futex_sleeper sleeper = { .task = current };
	struct futex_q q = { .task = current, .bitset = bitset };
	struct futex_hash_bucket *hb;
	bool timed_out = false;
	u32 uval;
	int ret;

	if (!bitset)
		return -EINVAL;
retry:
	ret = get_futex_key(uaddr, shared, &q.key);
	if (ret)
		return ret;
	hb = hash_futex(&q.key);
	spin_lock(&hb->lock);
	ret = get_futex_value_locked(&uval, uaddr);
	if (ret) {
		spin_unlock(&hb->lock);
		if (get_user(uval, uaddr))
			return -EFAULT;
		goto retry;
	}
	if (uval != val) {
		spin_unlock(&hb->lock);
		return -EAGAIN;
	}
	q.hb = hb;
	list_add_tail(&q.list, &hb->chain);
	set_current_state(TASK_INTERRUPTIBLE);
	spin_unlock(&hb->lock);

	if (deadline) {
		timer_setup(&sleeper.timer, futex_timeout);
		timer_add(&sleeper.timer, deadline);
	}
	for (;;) {
		if (list_empty(&q.list))
			break;
		if (deadline && ktime_get_ns() >= deadline) {
			timed_out = true;
			break;
		}
		if (signal_pending(current))
			break;
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	if (deadline)
		timer_del_sync(&sleeper.timer);
	if (!unqueue_me(&q))
		return 0; /* woken: that wins over a timeout or signal that came with it */
	if (timed_out)
		return -ETIMEDOUT;
	if (!deadline)
		return -ERESTARTSYS;
	rb->fn = futex_wait_restart;
	rb->expires = deadline;
	rb->futex.uaddr = uaddr;
	rb->futex.val = val;
	rb->futex.bitset = bitset;
	rb->futex.shared = shared;
	return -ERESTART_RESTARTBLOCK;
}

/* Wakes up to nr waiters on key whose bitset meets bitset; the number woken. */
static int futex_wake_key(const struct futex_key *key, int nr, u32 bitset)
{
	struct futex_hash_bucket *hb = hash_futex(key);
	struct futex_q *q, *n;
	int woken = 0;

	if (nr <= 0)
		return 0;
	spin_lock(&hb->lock);
	list_for_each_entry_safe(q, n, &hb->chain, list) {
		if (!match_key(&q->key, key) || !(q->bitset & bitset))
			continue;
		wake_futex(q);
		if (++woken >= nr)
			break;
	}
	spin_unlock(&hb->lock);
	return woken;
}

static long futex_wake(u32 __user *uaddr, bool shared, int nr, u32 bitset)
{
	struct futex_key key;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, shared, &key);
	if (ret)
		return ret;
	return futex_wake_key(&key, nr, bitset);
}

int futex_wake_shared(u32 __user *uaddr, int nr)
{
	long ret = futex_wake(uaddr, true, nr, FUTEX_BITSET_MATCH_ANY);

	return ret < 0 ? (int)ret : 0;
}

/* Both buckets locked, in address order (once if they are the same). */
static void double_lock_hb(struct futex_hash_bucket *a, struct futex_hash_bucket *b)
{
	if (a > b) {
		struct futex_hash_bucket *t = a;

		a = b;
		b = t;
	}
	spin_lock(&a->lock);
	if (a != b)
		spin_lock_nested(&b->lock, SINGLE_DEPTH_NESTING);
}

static void double_unlock_hb(struct futex_hash_bucket *a, struct futex_hash_bucket *b)
{
	spin_unlock(&a->lock);
	if (a != b)
		spin_unlock(&b->lock);
}

/*
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE (cmpval: *uaddr1 must still hold it): wakes nr_wake
 * waiters of uaddr1 and moves up to nr_requeue more to uaddr2. Woken plus moved.
 */
static long futex_requeue(u32 __user *uaddr1, bool shared, u32 __user *uaddr2, int nr_wake,
			  int nr_requeue, const u32 *cmpval)
{
	struct futex_key key1, key2;
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_q *q, *n;
	int woken = 0, moved = 0;
	long ret;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
retry:
	ret = get_futex_key(uaddr1, shared, &key1);
	if (ret)
		return ret;
	ret = get_futex_key(uaddr2, shared, &key2);
	if (ret)
		return ret;
	hb1 = hash_futex(&key1);
	hb2 = hash_futex(&key2);
	double_lock_hb(hb1, hb2);
	if (cmpval) {
		u32 cur;

		if (get_futex_value_locked(&cur, uaddr1)) {
			double_unlock_hb(hb1, hb2);
			if (get_user(cur, uaddr1))
				return -EFAULT;
			goto retry;
		}
		if (cur != *cmpval) {
			double_unlock_hb(hb1, hb2);
			return -EAGAIN;
		}
	}
	list_for_each_entry_safe(q, n, &hb1->chain, list) {
		if (!match_key(&q->key, &key1))
			continue;
		if (woken < nr_wake) {
			wake_futex(q);
			woken++;
			continue;
		}
		if (moved >= nr_requeue)
			break;
		q->key = key2;
		if (hb1 != hb2) {
			list_del(&q->list);
			list_add_tail(&q->list, &hb2->chain);
			WRITE_ONCE(q->hb, hb2);
		}
		moved++;
	}
	double_unlock_hb(hb1, hb2);
	return woken + moved;
}

#define FUTEX_OP_SET 0
#define FUTEX_OP_ADD 1
#define FUTEX_OP_OR 2
#define FUTEX_OP_ANDN 3
#define FUTEX_OP_XOR 4
#define FUTEX_OP_OPARG_SHIFT 8
#define FUTEX_OP_CMP_EQ 0
#define FUTEX_OP_CMP_NE 1
#define FUTEX_OP_CMP_LT 2
#define FUTEX_OP_CMP_LE 3
#define FUTEX_OP_CMP_GT 4
#define FUTEX_OP_CMP_GE 5

static int sign_extend12(u32 v)
{
	return (int)(v << 20) >> 20;
}

/*
 * FUTEX_WAKE_OP: *uaddr2 is changed atomically by the encoded op, then up to nr_wake
 * waiters of uaddr1 wake, and up to nr_wake2 of uaddr2 if the old value of *uaddr2 passes
 * the encoded comparison. Linux changes the word with both buckets locked; here it is
 * changed just before they are taken, which wakes exactly the same waiters: a waiter that
 * queued before sees the old value and is found under the lock, one that comes after sees
 * the new value and does not sleep.
 */
static long futex_wake_op(u32 __user *uaddr1, bool shared, u32 __user *uaddr2, int nr_wake,
			  int nr_wake2, u32 encoded_op)
{
	unsigned int op = (encoded_op >> 28) & 7, cmp = (encoded_op >> 24) & 15;
	int oparg = sign_extend12(encoded_op >> 12), cmparg = sign_extend12(encoded_op);
	struct futex_key key1, key2;
	u32 oldval, newval, cur;
	bool cond;
	long ret;

	if (encoded_op & (FUTEX_OP_OPARG_SHIFT << 28)) {
		if (oparg < 0 || oparg > 31)
			oparg &= 31; /* as Linux, which also warns once */
		oparg = 1 << oparg;
	}
	if (op > FUTEX_OP_XOR || cmp > FUTEX_OP_CMP_GE)
		return -ENOSYS;
	ret = get_futex_key(uaddr1, shared, &key1);
	if (ret)
		return ret;
	ret = get_futex_key(uaddr2, shared, &key2);
	if (ret)
		return ret;
	if (get_user(cur, uaddr2))
		return -EFAULT;
	for (;;) {
		switch (op) {
		case FUTEX_OP_SET:
			newval = oparg;
			break;
		case FUTEX_OP_ADD:
			newval = cur + oparg;
			break;
		case FUTEX_OP_OR:
			newval = cur | oparg;
			break;
		case FUTEX_OP_ANDN:
			newval = cur & ~oparg;
			break;
		default:
			newval = cur ^ oparg;
			break;
		}
		if (futex_atomic_cmpxchg_user(&oldval, uaddr2, cur, newval))
			return -EFAULT;
		if (oldval == cur)
			break;
		cur = oldval;
	}
	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		cond = (int)oldval == cmparg;
		break;
	case FUTEX_OP_CMP_NE:
		cond = (int)oldval != cmparg;
		break;
	case FUTEX_OP_CMP_LT:
		cond = (int)oldval < cmparg;
		break;
	case FUTEX_OP_CMP_LE:
		cond = (int)oldval <= cmparg;
		break;
	case FUTEX_OP_CMP_GT:
		cond = (int)oldval > cmparg;
		break;
	default:
		cond = (int)oldval >= cmparg;
		break;
	}
	ret = futex_wake_key(&key1, nr_wake, FUTEX_BITSET_MATCH_ANY);
	if (cond)
		ret += futex_wake_key(&key2, nr_wake2, FUTEX_BITSET_MATCH_ANY);
	return ret;
}

/* A timespec from user space as a deadline on the monotonic clock (ns); -errno. */
static long futex_deadline(const struct timespec64 __user *utime, bool absolute, bool realtime,
			   u64 *deadline)
{
	struct timespec64 ts, now_real;
	s64 ns, now;

	if (copy_from_user(&ts, utime, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return -EINVAL;
	ns = timespec64_to_ns(&ts);
	now = ktime_get_ns();
	if (!absolute) {
		*deadline = now + ns;
	} else if (realtime) {
		/* The realtime clock's offset now: a clock change during the wait is not seen. */
		ktime_get_real_ts64(&now_real);
		ns -= timespec64_to_ns(&now_real) - now;
		*deadline = ns > 0 ? ns : 1;
	} else {
		*deadline = ns > 0 ? ns : 1;
	}
	if (!*deadline)
		*deadline = 1;
	return 0;
}

long sys_futex(u32 __user *uaddr, int op, u32 val, const struct timespec64 __user *utime,
	       u32 __user *uaddr2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool shared = !(op & FUTEX_PRIVATE_FLAG);
	bool realtime = op & FUTEX_CLOCK_REALTIME;
	u64 deadline = 0;
	long ret;

	if (realtime && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		__attribute__((__fallthrough__));
	case FUTEX_WAIT_BITSET:
		if (utime) {
			ret = futex_deadline(utime, cmd == FUTEX_WAIT_BITSET, realtime, &deadline);
			if (ret)
				return ret;
		}
		return futex_wait(uaddr, shared, val, deadline, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		__attribute__((__fallthrough__));
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, shared, (int)val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, shared, uaddr2, (int)val, (int)(unsigned long)utime,
				     NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, shared, uaddr2, (int)val, (int)(unsigned long)utime,
				     &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, shared, uaddr2, (int)val, (int)(unsigned long)utime,
				     val3);
	default:
		return -ENOSYS;
	}
}

/* ---- robust futexes ------------------------------------------------------------------- */

/* Linux's struct robust_list_head: the list, the lock word's offset, the op in progress. */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list __user *list_op_pending;
};

#define ROBUST_LIST_LIMIT 2048

long sys_set_robust_list(struct robust_list_head __user *head, size_t len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

long sys_get_robust_list(int pid, struct robust_list_head __user *__user *head_ptr,
			 size_t __user *len_ptr)
{
	struct robust_list_head __user *head;
	struct task_struct *p = current;

	if (pid) {
		const struct cred *mine = current_cred(), *theirs;
		bool allowed;

		p = find_get_task_by_pid(pid);
		if (!p)
			return -ESRCH;
		/* Linux asks for ptrace read access: the same user, or root. */
		theirs = get_task_cred(p);
		allowed =
			mine->euid == 0 || (mine->uid == theirs->uid && mine->uid == theirs->euid &&
					    mine->uid == theirs->suid);
		put_cred(theirs);
		head = p->robust_list;
		put_task_struct(p);
		if (!allowed)
			return -EPERM;
	} else {
		head = p->robust_list;
	}
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}

/*
 * The dead owner's lock word: if tsk holds it, it is marked FUTEX_OWNER_DIED (waiters bit
 * kept) and one waiter woken, who will find the mark. pending: the entry of an operation
 * in progress, which may be unowned yet with waiters (wake one all the same).
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *tsk, bool pending)
{
	u32 uval, nval, mval;

	if ((unsigned long)uaddr & 3)
		return -1;
retry:
	if (get_user(uval, uaddr))
		return -1;
	if (pending && !(uval & FUTEX_TID_MASK)) {
		futex_wake_shared(uaddr, 1);
		return 0;
	}
	if ((uval & FUTEX_TID_MASK) != (u32)tsk->pid)
		return 0;
	mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (futex_atomic_cmpxchg_user(&nval, uaddr, uval, mval))
		return -1;
	if (nval != uval)
		goto retry;
	if (uval & FUTEX_WAITERS)
		futex_wake_shared(uaddr, 1);
	return 0;
}

/* An entry's pointer; bit 0 marks a PI futex (whose waiters we treat the same). */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *__user *head)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (void __user *)(uentry & ~1UL);
	return 0;
}

void exit_robust_list(struct task_struct *tsk)
{
	struct robust_list_head __user *head = tsk->robust_list;
	struct robust_list __user *entry, *next, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT;
	long futex_offset;

	if (!head)
		return;
	tsk->robust_list = NULL;
	if (fetch_robust_entry(&entry, &head->list.next))
		return;
	if (get_user(futex_offset, &head->futex_offset))
		return;
	if (fetch_robust_entry(&pending, &head->list_op_pending))
		return;
	while (entry != &head->list) {
		int rc = fetch_robust_entry(&next, &entry->next);

		if (entry != pending &&
		    handle_futex_death((u32 __user *)((char __user *)entry + futex_offset), tsk,
				       false))
			return;
		if (rc)
			return;
		entry = next;
		if (!--limit)
			break; /* a circular list must not hold the exit forever */
	}
	if (pending)
		handle_futex_death((u32 __user *)((char __user *)pending + futex_offset), tsk,
				   true);
}

#ifdef CONFIG_KTEST
/* For ktest=futex (tests/kernel/futex_test.c): the key and the bucket an address gets. */
int futex_test_key(u32 __user *uaddr, bool shared, unsigned long *word, unsigned long *off)
{
	struct futex_key key;
	int err = get_futex_key(uaddr, shared, &key);

	if (!err) {
		*word = key.word;
		*off = key.off;
	}
	return err;
}

long futex_test_bucket(u32 __user *uaddr, bool shared)
{
	struct futex_key key;
	int err = get_futex_key(uaddr, shared, &key);

	return err ? err : hash_futex(&key) - futex_queues;
}
#endif
