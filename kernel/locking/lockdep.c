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
 *
 * A lock taken with a nesting subclass (the *_nested calls) belongs to the class of its key
 * and subclass: each (key, subclass) pair is a class of its own in the graph. An interrupt
 * handler (in_irq(), from irq_enter) keeps its held locks on a per-CPU stack of its own, so
 * they give no edges from the locks of the task it interrupted. Each class also remembers
 * whether it was taken in a handler and whether with interrupts on outside one: both is the
 * classic interrupt deadlock, reported once per class.
 */
#include <asm/irqflags.h>
#include <asm/sections.h>
#include <kernel/atomic.h>
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define MAX_CLASSES 512
#define CLASS_HASH_BITS 8
#define MAX_EDGES 1024
#define EDGE_HASH_BITS 9
#define REPORT_CHAIN 6 /* edges of the opposite order shown in a report */
#define CLASS_NAME_LEN 48

/* Table indices are stored plus one, so that 0 (the zeroed tables) means "none". */
struct lock_class {
	const void *key;
	char name[CLASS_NAME_LEN]; /* the lock's name, with "/subclass" when there is one */
	int hash_next;
	int first_out; /* the first edge leading out of this class, under graph_lock */
	unsigned short idx;
	unsigned char subclass;
	/* Interrupt usage, set once each: where first taken in a handler, and with irqs on. */
	unsigned long hardirq_ip, irqs_on_ip;
	int irq_reported;
	int nest_reported;
};

/*
 * Where lockdep keeps the locks of what runs now: the task's own fields, or, in an
 * interrupt handler, this CPU's hardirq stack.
 */
struct held_ctx {
	struct held_lock *held;
	int *depth;
	int *recursion;
	const char *comm;
	int pid;
};

struct hardirq_held {
	struct held_lock held[LOCKDEP_MAX_HELD];
	int depth;
	int recursion;
};

static struct hardirq_held hardirq_held[NR_CPUS];

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
static atomic_long_t nr_irq_unsafe, nr_assert_failures, nr_bad_subclass;

static unsigned int hash_bits(unsigned long v, int bits)
{
	return (unsigned int)((v * 0x9e3779b97f4a7c15UL) >> (64 - bits));
}

/* ---- classes ------------------------------------------------------------------------ */

static unsigned int class_hash_of(const void *key, unsigned int subclass)
{
	return hash_bits((unsigned long)key + subclass, CLASS_HASH_BITS);
}

static struct lock_class *lookup_class(const void *key, unsigned int subclass)
{
	int i = __atomic_load_n(&class_hash[class_hash_of(key, subclass)], __ATOMIC_ACQUIRE);

	while (i) {
		struct lock_class *c = &classes[i - 1];

		if (c->key == key && c->subclass == subclass)
			return c;
		i = c->hash_next;
	}
	return NULL;
}

static void assert_graph_lock_held(void)
{
	WARN_ON(!spin_is_locked(&graph_lock));
}

/* Stops all checking for good; with graph_lock held. Returns what to print after it. */
static const char *table_full(const char *what)
{
	assert_graph_lock_held();
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

/* With graph_lock held, and room in the table. */
static struct lock_class *register_class(const void *key, unsigned int subclass, const char *name)
{
	unsigned int h = class_hash_of(key, subclass);
	struct lock_class *c = &classes[nr_classes];

	assert_graph_lock_held();
	c->key = key;
	c->subclass = subclass;
	if (subclass)
		scnprintf(c->name, sizeof(c->name), "%s/%u", name, subclass);
	else
		strscpy(c->name, name, sizeof(c->name));
	c->idx = nr_classes;
	c->hash_next = class_hash[h];
	__atomic_store_n(&nr_classes, nr_classes + 1, __ATOMIC_RELEASE);
	__atomic_store_n(&class_hash[h], c->idx + 1, __ATOMIC_RELEASE);
	return c;
}

/*
 * The class of the lock taken with subclass, registered on first use; NULL for a lock that
 * has none. Subclass 0, the common case, is cached in the map.
 */
static struct lock_class *map_class(struct lockdep_map *map, unsigned int subclass)
{
	struct lock_class *c = __atomic_load_n(&map->class, __ATOMIC_ACQUIRE);
	const char *full = NULL;
	const void *key;

	if (likely(c) && !subclass)
		return c;
	key = map->key;
	if (!key && is_static_object(map))
		key = map;
	if (!key) {
		atomic_long_inc(&nr_unclassed);
		return NULL;
	}
	c = lookup_class(key, subclass);
	if (!c) {
		arch_spin_lock(&graph_lock);
		c = lookup_class(key, subclass);
		if (!c && nr_classes == MAX_CLASSES)
			full = table_full("lock class");
		else if (!c)
			c = register_class(key, subclass, map->name ? map->name : "<unnamed>");
		arch_spin_unlock(&graph_lock);
	}
	if (full)
		report_table_full(full, MAX_CLASSES);
	if (c && !subclass)
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

	assert_graph_lock_held();
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

	assert_graph_lock_held();
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

static void report_inversion(const struct held_ctx *curr, const struct inversion *inv)
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
static void add_dependency(const struct held_ctx *curr, const struct held_lock *prev,
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
 * Two locks of one class (and subclass) nested: one task may take them in one order and
 * another in the other, and lockdep cannot tell. Nest them with distinct subclasses (the
 * *_nested calls) where the order is fixed (parent before child). Once per class.
 */
static void report_nesting(const struct held_ctx *curr, struct lock_class *class,
			   const struct held_lock *prev, unsigned long ip)
{
	if (__atomic_exchange_n(&class->nest_reported, 1, __ATOMIC_RELAXED))
		return;
	atomic_long_inc(&nr_reports);
	atomic_long_inc(&nr_recursions);
	pr_err("BUG: possible recursive locking: %s (pid %d) takes a second %s at %pS, holding "
	       "one since %pS (use a _nested call with a subclass if the order is fixed)\n",
	       curr->comm, curr->pid, class->name, (void *)ip, (void *)prev->ip);
	dump_stack();
}

/*
 * Edges into the new lock come from the lock taken last and, when that one was a trylock
 * (which waited for nothing), from the ones before it down to one that was waited for.
 * Nesting two locks of one class (same subclass) is reported as possible recursion.
 */
static void check_order(const struct held_ctx *curr, struct lock_class *class, unsigned long ip)
{
	for (int i = *curr->depth - 1; i >= 0 && lockdep_enabled; i--) {
		struct held_lock *prev = &curr->held[i];

		if (prev->class_idx != class->idx)
			add_dependency(curr, prev, class, ip);
		else
			report_nesting(curr, class, prev, ip);
		if (!(prev->flags & LOCKDEP_TRY))
			break;
	}
}

/*
 * A lock taken in an interrupt handler and, elsewhere, with interrupts on: the handler can
 * interrupt a holder on its own CPU and spin on the lock for ever. Once per class.
 */
static void check_irq_usage(const struct held_ctx *curr, struct lock_class *class, bool hardirq,
			    bool irqs_on, unsigned long ip)
{
	unsigned long *mine = hardirq ? &class->hardirq_ip : &class->irqs_on_ip;
	unsigned long other;

	if (!hardirq && !irqs_on)
		return;
	if (!READ_ONCE(*mine))
		WRITE_ONCE(*mine, ip);
	other = READ_ONCE(*(hardirq ? &class->irqs_on_ip : &class->hardirq_ip));
	if (!other || __atomic_exchange_n(&class->irq_reported, 1, __ATOMIC_RELAXED))
		return;
	atomic_long_inc(&nr_reports);
	atomic_long_inc(&nr_irq_unsafe);
	pr_err("BUG: irq-unsafe lock: %s is taken in an interrupt handler (at %pS) and with "
	       "interrupts on (at %pS)\n",
	       class->name, (void *)class->hardirq_ip, (void *)class->irqs_on_ip);
	pr_err("  now %s (pid %d) at %pS%s; take it with spin_lock_irqsave outside the "
	       "handler\n",
	       curr->comm, curr->pid, (void *)ip, hardirq ? ", in an interrupt handler" : "");
	dump_stack();
}

/* ---- the held-lock stack ------------------------------------------------------------ */

static struct held_lock *find_held(const struct held_ctx *curr, const struct lockdep_map *map)
{
	for (int i = *curr->depth - 1; i >= 0; i--)
		if (curr->held[i].map == map)
			return &curr->held[i];
	return NULL;
}

static void report_recursion(const struct held_ctx *curr, struct lockdep_map *map,
			     const struct held_lock *hl, unsigned long ip)
{
	atomic_long_inc(&nr_reports);
	atomic_long_inc(&nr_recursions);
	pr_err("BUG: recursive locking: %s (pid %d) takes %s at %pS, which it holds since %pS\n",
	       curr->comm, curr->pid, map->name ? map->name : "<unnamed>", (void *)ip,
	       (void *)hl->ip);
	dump_stack();
}

/* The held locks of what runs now; interrupts are off. False when there is nothing to do. */
static bool get_ctx(struct held_ctx *ctx)
{
	struct task_struct *curr = current;

	if (in_irq()) {
		struct hardirq_held *h = &hardirq_held[smp_processor_id()];

		*ctx = (struct held_ctx){ h->held, &h->depth, &h->recursion, "hardirq", -1 };
		return true;
	}
	if (!curr)
		return false;
	*ctx = (struct held_ctx){ curr->held_locks, &curr->lockdep_depth, &curr->lockdep_recursion,
				  curr->comm, curr->pid };
	return true;
}

/* Is lockdep to look at what runs now? Interrupts are off. */
static bool lockdep_enter(struct held_ctx *ctx)
{
	if (!get_ctx(ctx) || *ctx->recursion)
		return false;
	(*ctx->recursion)++;
	return true;
}

static void lockdep_leave(struct held_ctx *ctx)
{
	(*ctx->recursion)--;
}

static void report_bad_subclass(struct lockdep_map *map, unsigned int subclass, unsigned long ip)
{
	atomic_long_inc(&nr_reports);
	atomic_long_inc(&nr_bad_subclass);
	pr_err("BUG: lockdep: subclass %u of %s at %pS is out of range (at most %d); not "
	       "checked\n",
	       subclass, map->name ? map->name : "<unnamed>", (void *)ip,
	       MAX_LOCKDEP_SUBCLASSES - 1);
	dump_stack();
}

void lock_acquire(struct lockdep_map *map, unsigned int flags, unsigned long ip)
{
	unsigned int subclass = flags >> LOCKDEP_SUBCLASS_SHIFT;
	bool irqs_on = !irqs_disabled(), hardirq = in_irq();
	struct lock_class *class;
	unsigned long irqflags;
	struct held_ctx curr;
	struct held_lock *hl;

	if (!READ_ONCE(lockdep_enabled) || oops_in_progress)
		return;
	local_irq_save(irqflags);
	if (!lockdep_enter(&curr))
		goto out;
	if (subclass >= MAX_LOCKDEP_SUBCLASSES) {
		report_bad_subclass(map, subclass, ip);
		goto out_leave;
	}
	class = map_class(map, subclass);
	if (!class)
		goto out_leave;
	check_irq_usage(&curr, class, hardirq, irqs_on, ip);
	if (!(flags & LOCKDEP_TRY)) {
		hl = find_held(&curr, map);
		if (hl) {
			report_recursion(&curr, map, hl, ip);
			goto out_leave;
		}
		check_order(&curr, class, ip);
	}
	if (*curr.depth == LOCKDEP_MAX_HELD) {
		if (!warned_depth) {
			warned_depth = true;
			pr_warn("lockdep: %s holds more than %d locks; the ones past that are not "
				"checked\n",
				curr.comm, LOCKDEP_MAX_HELD);
		}
		goto out_leave;
	}
	hl = &curr.held[(*curr.depth)++];
	hl->map = map;
	hl->ip = ip;
	hl->class_idx = class->idx;
	hl->flags = flags;
out_leave:
	lockdep_leave(&curr);
out:
	local_irq_restore(irqflags);
}

void lock_try_check(struct lockdep_map *map, unsigned long ip)
{
	struct held_ctx curr;
	unsigned long irqflags;
	struct held_lock *hl;

	if (!READ_ONCE(lockdep_enabled) || oops_in_progress)
		return;
	local_irq_save(irqflags);
	if (lockdep_enter(&curr)) {
		hl = find_held(&curr, map);
		if (hl)
			report_recursion(&curr, map, hl, ip);
		lockdep_leave(&curr);
	}
	local_irq_restore(irqflags);
}

void lock_release(struct lockdep_map *map, unsigned long ip)
{
	struct held_ctx curr;
	unsigned long irqflags;

	/*
	 * map->class caches subclass 0 only: a lock taken with a subclass alone has none there
	 * and is still on the stack, so look for every lock.
	 */
	if (!READ_ONCE(lockdep_enabled))
		return;
	local_irq_save(irqflags);
	if (lockdep_enter(&curr)) {
		int i = *curr.depth - 1;

		while (i >= 0 && curr.held[i].map != map)
			i--;
		if (i >= 0) {
			/* Out of order is fine: close the gap. */
			for (; i < *curr.depth - 1; i++)
				curr.held[i] = curr.held[i + 1];
			(*curr.depth)--;
		} else if (map->key || is_static_object(map)) {
			atomic_long_inc(&nr_unheld); /* a lock without a class is never pushed */
		}
		lockdep_leave(&curr);
	}
	local_irq_restore(irqflags);
}

bool lock_is_held(const struct lockdep_map *map)
{
	unsigned long irqflags;
	struct held_ctx curr;
	bool held = true;

	if (!READ_ONCE(lockdep_enabled))
		return true;
	local_irq_save(irqflags);
	if (get_ctx(&curr))
		held = find_held(&curr, map) != NULL;
	local_irq_restore(irqflags);
	return held;
}

void lockdep_assert_failed(const struct lockdep_map *map, const char *file, int line,
			   const char *func)
{
	atomic_long_inc(&nr_reports);
	atomic_long_inc(&nr_assert_failures);
	pr_warn("WARNING: lock %s is not held at %s:%d %s()\n", map->name ? map->name : "<unnamed>",
		file, line, func);
	dump_stack();
}

int lockdep_depth(void)
{
	unsigned long irqflags;
	struct held_ctx curr;
	int depth = 0;

	if (!READ_ONCE(lockdep_ready))
		return 0;
	local_irq_save(irqflags);
	if (get_ctx(&curr))
		depth = READ_ONCE(*curr.depth);
	local_irq_restore(irqflags);
	return depth;
}

void lockdep_off(void)
{
	struct held_ctx curr;

	if (READ_ONCE(lockdep_ready) && get_ctx(&curr))
		(*curr.recursion)++;
}

void lockdep_on(void)
{
	struct held_ctx curr;

	if (READ_ONCE(lockdep_ready) && get_ctx(&curr))
		(*curr.recursion)--;
}

/* Reports the locks a task or a handler still holds where it must hold none, and drops them. */
static void report_held_at_end(struct held_ctx *curr, const char *what)
{
	int depth = *curr->depth;

	atomic_long_inc(&nr_reports);
	pr_err("BUG: %s (pid %d) %s holding %d lock%s:\n", curr->comm, curr->pid, what, depth,
	       depth == 1 ? "" : "s");
	for (int i = 0; i < depth; i++) {
		struct held_lock *hl = &curr->held[i];

		pr_err("  %s, taken at %pS\n", classes[hl->class_idx].name, (void *)hl->ip);
	}
	dump_stack();
	*curr->depth = 0;
}

void lockdep_task_exit(void)
{
	struct held_ctx curr;
	unsigned long irqflags;

	if (!READ_ONCE(lockdep_enabled))
		return;
	local_irq_save(irqflags);
	if (lockdep_enter(&curr)) {
		if (*curr.depth)
			report_held_at_end(&curr, "exits");
		lockdep_leave(&curr);
	}
	local_irq_restore(irqflags);
}

void lockdep_hardirq_exit(void)
{
	struct held_ctx curr;

	if (!READ_ONCE(lockdep_enabled) || !in_irq())
		return;
	if (lockdep_enter(&curr)) {
		if (*curr.depth)
			report_held_at_end(&curr, "returns from an interrupt");
		lockdep_leave(&curr);
	}
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
	st->irq_unsafe = atomic_long_read(&nr_irq_unsafe);
	st->assert_failures = atomic_long_read(&nr_assert_failures);
	st->bad_subclasses = atomic_long_read(&nr_bad_subclass);
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
