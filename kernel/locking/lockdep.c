// SPDX-License-Identifier: GPL-2.0
/*
 * A simplified lockdep (see include/kernel/lockdep.h and docs/locking.md).
 *
 * Classes and dependency edges live in fixed tables that only grow. Each table has a hash
 * for lookups, which run without a lock: an entry is filled in before it is linked into its
 * hash chain with a release store, and is never changed or removed after. Adding an entry,
 * and every walk of the graph, happens under graph_lock, a bare ticket lock that lockdep
 * itself does not watch. Every entry point runs with interrupts off and marks the running
 * task (lockdep_recursion), so the locks that lockdep's own reports take (printk's) are not
 * looked at, and an interrupt cannot change the held-lock stack under its feet.
 *
 * The common case, a lock nested the way it was nested before, costs a look in the task's
 * held-lock stack (for recursion) and one lockless hash lookup per edge; only a pair of
 * classes never seen together before takes graph_lock and searches the graph.
 */
#include <asm/irqflags.h>
#include <asm/sections.h>
#include <kernel/atomic.h>
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

#define MAX_CLASSES 512
#define CLASS_HASH_BITS 8
#define MAX_EDGES 1024
#define EDGE_HASH_BITS 9
#define REPORT_CHAIN 6 /* edges of the opposite order shown in a report */

/* Table indices are stored plus one, so that 0 (the zeroed tables) means "none". */
struct lock_class {
	const void *key;
	const char *name;
	int hash_next;
	int first_out; /* the first edge leading out of this class, under graph_lock */
	unsigned short idx;
};

struct lock_edge {
	unsigned short from, to;
	bool inverted; /* reported as an inversion: remembered, but not part of the graph */
	int hash_next;
	int next_out; /* the next edge out of the same class, under graph_lock */
	unsigned long from_ip, to_ip; /* where from was taken, and where to then was */
};

static struct lock_class classes[MAX_CLASSES];
static int class_hash[1 << CLASS_HASH_BITS];
static int nr_classes;
static struct lock_edge edges[MAX_EDGES];
static int edge_hash[1 << EDGE_HASH_BITS];
static int nr_edges;
static spinlock_t graph_lock; /* arch_spin_* only */

/* The breadth-first search's state, under graph_lock. */
static unsigned short bfs_queue[MAX_CLASSES];
static int bfs_parent[MAX_CLASSES]; /* the edge a class was reached by */
static u64 bfs_seen[MAX_CLASSES / 64];
static int bfs_path[MAX_CLASSES];

static bool lockdep_ready; /* current is valid: set once, after sched_init */
static bool lockdep_enabled; /* checking: ready, and no table has overflowed */
static bool warned_depth;

static atomic_long_t nr_reports, nr_inversions, nr_recursions, nr_unclassed, nr_unheld;

static unsigned int hash_bits(unsigned long v, int bits)
{
	return (unsigned int)((v * 0x9e3779b97f4a7c15UL) >> (64 - bits));
}

/* ---- classes ------------------------------------------------------------------------ */

static struct lock_class *lookup_class(const void *key)
{
	int i = __atomic_load_n(&class_hash[hash_bits((unsigned long)key, CLASS_HASH_BITS)],
				__ATOMIC_ACQUIRE);

	while (i) {
		struct lock_class *c = &classes[i - 1];

		if (c->key == key)
			return c;
		i = c->hash_next;
	}
	return NULL;
}

/* Stops all checking for good; with graph_lock held. Returns what to print after it. */
static const char *table_full(const char *what)
{
	if (!lockdep_enabled)
		return NULL;
	WRITE_ONCE(lockdep_enabled, false);
	return what;
}

static void report_table_full(const char *what, int size)
{
	pr_err("lockdep: the %s table is full (%d entries); lock checks are off from here on\n",
	       what, size);
}

static bool is_static_object(const void *p)
{
	unsigned long a = (unsigned long)p;

	return a >= (unsigned long)_sdata && a < (unsigned long)_end;
}

/* The lock's class, registered on first use; NULL for a lock that has none. */
static struct lock_class *map_class(struct lockdep_map *map)
{
	struct lock_class *c = __atomic_load_n(&map->class, __ATOMIC_ACQUIRE);
	const char *full = NULL;
	const void *key;

	if (likely(c))
		return c;
	key = map->key;
	if (!key && is_static_object(map))
		key = map;
	if (!key) {
		atomic_long_inc(&nr_unclassed);
		return NULL;
	}
	c = lookup_class(key);
	if (!c) {
		arch_spin_lock(&graph_lock);
		c = lookup_class(key);
		if (!c && nr_classes == MAX_CLASSES) {
			full = table_full("lock class");
		} else if (!c) {
			unsigned int h = hash_bits((unsigned long)key, CLASS_HASH_BITS);

			c = &classes[nr_classes];
			c->key = key;
			c->name = map->name ? map->name : "<unnamed>";
			c->idx = nr_classes;
			c->hash_next = class_hash[h];
			__atomic_store_n(&nr_classes, nr_classes + 1, __ATOMIC_RELEASE);
			__atomic_store_n(&class_hash[h], c->idx + 1, __ATOMIC_RELEASE);
		}
		arch_spin_unlock(&graph_lock);
	}
	if (full)
		report_table_full(full, MAX_CLASSES);
	if (c)
		__atomic_store_n(&map->class, c, __ATOMIC_RELEASE);
	return c;
}

/* ---- the dependency graph ----------------------------------------------------------- */

static unsigned int edge_hash_of(int from, int to)
{
	return hash_bits(((unsigned long)from << 16 | to) + 1, EDGE_HASH_BITS);
}

static bool edge_known(int from, int to)
{
	int i = __atomic_load_n(&edge_hash[edge_hash_of(from, to)], __ATOMIC_ACQUIRE);

	while (i) {
		struct lock_edge *e = &edges[i - 1];

		if (e->from == from && e->to == to)
			return true;
		i = e->hash_next;
	}
	return false;
}

/*
 * Is there a path from class 'from' to class 'to'? Breadth first, so the path found is a
 * shortest one; its edges go to bfs_path[0..len-1] in order. Returns len, 0 for none.
 */
static int find_path(int from, int to)
{
	int head = 0, tail = 0;

	memset(bfs_seen, 0, sizeof(bfs_seen));
	bfs_queue[tail++] = from;
	bfs_seen[from / 64] |= 1ULL << (from % 64);
	while (head < tail) {
		int c = bfs_queue[head++];

		for (int i = classes[c].first_out; i; i = edges[i - 1].next_out) {
			int n = edges[i - 1].to, len = 0;

			if (bfs_seen[n / 64] & (1ULL << (n % 64)))
				continue;
			bfs_seen[n / 64] |= 1ULL << (n % 64);
			bfs_parent[n] = i - 1;
			if (n != to) {
				bfs_queue[tail++] = n;
				continue;
			}
			/* Walk back to the start, then turn the path around. */
			for (int k = n; k != from; k = edges[bfs_parent[k]].from)
				bfs_path[len++] = bfs_parent[k];
			for (int a = 0, b = len - 1; a < b; a++, b--) {
				int t = bfs_path[a];

				bfs_path[a] = bfs_path[b];
				bfs_path[b] = t;
			}
			return len;
		}
	}
	return 0;
}

/* With graph_lock held, and room in the table. */
static void add_edge(int from, int to, unsigned long from_ip, unsigned long to_ip, bool inverted)
{
	int idx = nr_edges;
	struct lock_edge *e = &edges[idx];
	unsigned int h = edge_hash_of(from, to);

	e->from = from;
	e->to = to;
	e->from_ip = from_ip;
	e->to_ip = to_ip;
	e->inverted = inverted;
	if (!inverted) {
		e->next_out = classes[from].first_out;
		classes[from].first_out = idx + 1;
	}
	e->hash_next = edge_hash[h];
	__atomic_store_n(&nr_edges, idx + 1, __ATOMIC_RELEASE);
	__atomic_store_n(&edge_hash[h], idx + 1, __ATOMIC_RELEASE);
}

struct inversion {
	const char *held, *taken; /* the new order: held -> taken */
	unsigned long held_ip, taken_ip;
	int len; /* of the opposite path, taken ->* held */
	struct {
		const char *from, *to;
		unsigned long from_ip, to_ip;
	} chain[REPORT_CHAIN];
};

static void report_inversion(struct task_struct *curr, const struct inversion *inv)
{
	int shown = min(inv->len, REPORT_CHAIN);

	pr_err("BUG: possible lock-order inversion: %s -> %s while %s -> %s was seen (at %pS)\n",
	       inv->held, inv->taken, inv->taken, inv->held, (void *)inv->chain[0].to_ip);
	pr_err("  %s (pid %d) takes %s at %pS\n", curr->comm, curr->pid, inv->taken,
	       (void *)inv->taken_ip);
	pr_err("  while holding %s, taken at %pS\n", inv->held, (void *)inv->held_ip);
	pr_err("  the opposite order, seen before (%d step%s):\n", inv->len,
	       inv->len == 1 ? "" : "s");
	for (int i = 0; i < shown; i++)
		pr_err("    %s (taken at %pS) -> %s (taken at %pS)\n", inv->chain[i].from,
		       (void *)inv->chain[i].from_ip, inv->chain[i].to,
		       (void *)inv->chain[i].to_ip);
	if (shown < inv->len)
		pr_err("    ...\n");
	dump_stack();
}

/*
 * Records prev -> next, unless the graph already leads from next back to prev: then the
 * new order is reported, and remembered (as an edge left out of the graph) so that it is
 * neither reported again nor taken into later searches.
 */
static void add_dependency(struct task_struct *curr, const struct held_lock *prev,
			   struct lock_class *next, unsigned long ip)
{
	int from = prev->class_idx, to = next->idx, len = 0;
	const char *full = NULL;
	struct inversion inv;

	if (edge_known(from, to))
		return;
	arch_spin_lock(&graph_lock);
	if (edge_known(from, to))
		goto out_unlock;
	if (nr_edges == MAX_EDGES) {
		full = table_full("dependency");
		goto out_unlock;
	}
	len = find_path(to, from);
	if (len) {
		inv.held = classes[from].name;
		inv.taken = next->name;
		inv.held_ip = prev->ip;
		inv.taken_ip = ip;
		inv.len = len;
		for (int i = 0; i < len && i < REPORT_CHAIN; i++) {
			struct lock_edge *e = &edges[bfs_path[i]];

			inv.chain[i].from = classes[e->from].name;
			inv.chain[i].to = classes[e->to].name;
			inv.chain[i].from_ip = e->from_ip;
			inv.chain[i].to_ip = e->to_ip;
		}
	}
	add_edge(from, to, prev->ip, ip, len > 0);
out_unlock:
	arch_spin_unlock(&graph_lock);
	if (full)
		report_table_full(full, MAX_EDGES);
	if (len) {
		atomic_long_inc(&nr_reports);
		atomic_long_inc(&nr_inversions);
		report_inversion(curr, &inv);
	}
}

/*
 * Edges into the new lock come from the lock taken last and, when that one was a trylock
 * (which waited for nothing), from the ones before it down to one that was waited for.
 * Nesting two locks of one class adds nothing: it is not checked.
 */
static void check_order(struct task_struct *curr, struct lock_class *class, unsigned long ip)
{
	for (int i = curr->lockdep_depth - 1; i >= 0 && lockdep_enabled; i--) {
		struct held_lock *prev = &curr->held_locks[i];

		if (prev->class_idx != class->idx)
			add_dependency(curr, prev, class, ip);
		if (!(prev->flags & LOCKDEP_TRY))
			break;
	}
}

/* ---- the held-lock stack ------------------------------------------------------------ */

static struct held_lock *find_held(struct task_struct *curr, const struct lockdep_map *map)
{
	for (int i = curr->lockdep_depth - 1; i >= 0; i--)
		if (curr->held_locks[i].map == map)
			return &curr->held_locks[i];
	return NULL;
}

static void report_recursion(struct task_struct *curr, struct lockdep_map *map,
			     const struct held_lock *hl, unsigned long ip)
{
	atomic_long_inc(&nr_reports);
	atomic_long_inc(&nr_recursions);
	pr_err("BUG: recursive locking: %s (pid %d) takes %s at %pS, which it holds since %pS\n",
	       curr->comm, curr->pid, map->name ? map->name : "<unnamed>", (void *)ip,
	       (void *)hl->ip);
	dump_stack();
}

/* Is lockdep to look at the running task now? Interrupts are off. */
static struct task_struct *lockdep_enter(void)
{
	struct task_struct *curr = current;

	if (!curr || curr->lockdep_recursion)
		return NULL;
	curr->lockdep_recursion++;
	return curr;
}

static void lockdep_leave(struct task_struct *curr)
{
	curr->lockdep_recursion--;
}

void lock_acquire(struct lockdep_map *map, unsigned int flags, unsigned long ip)
{
	struct task_struct *curr;
	struct lock_class *class;
	unsigned long irqflags;
	struct held_lock *hl;

	if (!READ_ONCE(lockdep_enabled) || oops_in_progress)
		return;
	local_irq_save(irqflags);
	curr = lockdep_enter();
	if (!curr)
		goto out;
	class = map_class(map);
	if (!class)
		goto out_leave;
	if (!(flags & LOCKDEP_TRY)) {
		hl = find_held(curr, map);
		if (hl) {
			report_recursion(curr, map, hl, ip);
			goto out_leave;
		}
		check_order(curr, class, ip);
	}
	if (curr->lockdep_depth == LOCKDEP_MAX_HELD) {
		if (!warned_depth) {
			warned_depth = true;
			pr_warn("lockdep: %s holds more than %d locks; the ones past that are not "
				"checked\n",
				curr->comm, LOCKDEP_MAX_HELD);
		}
		goto out_leave;
	}
	hl = &curr->held_locks[curr->lockdep_depth++];
	hl->map = map;
	hl->ip = ip;
	hl->class_idx = class->idx;
	hl->flags = flags;
out_leave:
	lockdep_leave(curr);
out:
	local_irq_restore(irqflags);
}

void lock_try_check(struct lockdep_map *map, unsigned long ip)
{
	struct task_struct *curr;
	unsigned long irqflags;
	struct held_lock *hl;

	if (!READ_ONCE(lockdep_enabled) || oops_in_progress)
		return;
	local_irq_save(irqflags);
	curr = lockdep_enter();
	if (curr) {
		hl = find_held(curr, map);
		if (hl)
			report_recursion(curr, map, hl, ip);
		lockdep_leave(curr);
	}
	local_irq_restore(irqflags);
}

void lock_release(struct lockdep_map *map, unsigned long ip)
{
	struct task_struct *curr;
	unsigned long irqflags;

	/* A lock without a class was never pushed. */
	if (!READ_ONCE(lockdep_enabled) || !READ_ONCE(map->class))
		return;
	local_irq_save(irqflags);
	curr = lockdep_enter();
	if (curr) {
		int i = curr->lockdep_depth - 1;

		while (i >= 0 && curr->held_locks[i].map != map)
			i--;
		if (i >= 0) {
			/* Out of order is fine: close the gap. */
			for (; i < curr->lockdep_depth - 1; i++)
				curr->held_locks[i] = curr->held_locks[i + 1];
			curr->lockdep_depth--;
		} else {
			atomic_long_inc(&nr_unheld);
		}
		lockdep_leave(curr);
	}
	local_irq_restore(irqflags);
}

bool lock_is_held(const struct lockdep_map *map)
{
	unsigned long irqflags;
	bool held;

	if (!READ_ONCE(lockdep_enabled) || !current)
		return true;
	local_irq_save(irqflags);
	held = find_held(current, map) != NULL;
	local_irq_restore(irqflags);
	return held;
}

int lockdep_depth(void)
{
	return lockdep_ready && current ? READ_ONCE(current->lockdep_depth) : 0;
}

void lockdep_off(void)
{
	if (READ_ONCE(lockdep_ready) && current)
		current->lockdep_recursion++;
}

void lockdep_on(void)
{
	if (READ_ONCE(lockdep_ready) && current)
		current->lockdep_recursion--;
}

void lockdep_task_exit(void)
{
	struct task_struct *curr;
	unsigned long irqflags;

	if (!READ_ONCE(lockdep_enabled))
		return;
	local_irq_save(irqflags);
	curr = lockdep_enter();
	if (curr && curr->lockdep_depth) {
		atomic_long_inc(&nr_reports);
		pr_err("BUG: %s (pid %d) exits holding %d lock%s:\n", curr->comm, curr->pid,
		       curr->lockdep_depth, curr->lockdep_depth == 1 ? "" : "s");
		for (int i = 0; i < curr->lockdep_depth; i++) {
			struct held_lock *hl = &curr->held_locks[i];

			pr_err("  %s, taken at %pS\n", classes[hl->class_idx].name, (void *)hl->ip);
		}
		dump_stack();
		curr->lockdep_depth = 0;
	}
	if (curr)
		lockdep_leave(curr);
	local_irq_restore(irqflags);
}

unsigned long lockdep_reports(void)
{
	return atomic_long_read(&nr_reports);
}

void lockdep_get_stats(struct lockdep_stats *st)
{
	st->classes = __atomic_load_n(&nr_classes, __ATOMIC_ACQUIRE);
	st->edges = __atomic_load_n(&nr_edges, __ATOMIC_ACQUIRE);
	st->max_edges = MAX_EDGES;
	st->reports = atomic_long_read(&nr_reports);
	st->inversions = atomic_long_read(&nr_inversions);
	st->recursions = atomic_long_read(&nr_recursions);
	st->unclassed = atomic_long_read(&nr_unclassed);
	st->unheld_releases = atomic_long_read(&nr_unheld);
	st->enabled = READ_ONCE(lockdep_enabled);
}

void lockdep_init(void)
{
	WRITE_ONCE(lockdep_ready, true);
	WRITE_ONCE(lockdep_enabled, true);
	pr_info("lockdep: lock dependency checks on (%d classes, %d dependencies at most)\n",
		MAX_CLASSES, MAX_EDGES);
}
