// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for kernel/lib/rbtree.c and include/kernel/rbtree.h. Trees are checked with
 * rb_validate() after every change, their in-order walks against the keys that should be there,
 * and random workloads against a plain array model. rb_validate() itself is checked against
 * trees broken by hand.
 */
#include "ktest_host.h"
#include "host_rename.h"

#include <kernel/rbtree.h>

#define NKEYS 4096

struct item {
	int key;
	int seq; /* insertion order, to check that equal keys stay stable */
	struct rb_node node;
};

static struct item items[NKEYS];

/* xorshift64: a fixed-seed generator, so every run sees the same sequence. */
static unsigned long long rng_state;

static void rng_seed(unsigned long long seed)
{
	rng_state = seed;
}

static unsigned long long rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static unsigned int rng_below(unsigned int n)
{
	return rng_next() % n;
}

static int key_of(const struct rb_node *node)
{
	return rb_entry(node, struct item, node)->key;
}

static void init_items(int n)
{
	for (int i = 0; i < n; i++) {
		items[i].key = i;
		items[i].seq = 0;
		RB_CLEAR_NODE(&items[i].node);
	}
}

/* Insert the way Linux callers do: walk down to the empty slot, link there, rebalance. */
static bool insert_key(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (it->key < key_of(parent))
			link = &parent->rb_left;
		else if (it->key > key_of(parent))
			link = &parent->rb_right;
		else
			return false;
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color(&it->node, root);
	return true;
}

static bool item_less(const struct rb_node *a, const struct rb_node *b)
{
	return key_of(a) < key_of(b);
}

static int item_cmp(const void *key, const struct rb_node *node)
{
	int k = *(const int *)key;

	return k < key_of(node) ? -1 : k > key_of(node);
}

static struct item *find_key(const struct rb_root *root, int key)
{
	return rb_entry_safe(rb_find(&key, root, item_cmp), struct item, node);
}

static int tree_height(const struct rb_node *node)
{
	int l, r;

	if (!node)
		return 0;
	l = tree_height(node->rb_left);
	r = tree_height(node->rb_right);
	return 1 + (l > r ? l : r);
}

/* The largest height a valid red-black tree of @n nodes can have: 2 * log2(n + 1). */
static int max_height(int n)
{
	int log = 0;

	while ((2L << log) <= n + 1L)
		log++;
	return 2 * log;
}

/*
 * Walk forwards with rb_next() and backwards with rb_prev(), checking that the keys are in
 * non-decreasing order and both walks agree; store up to @max keys in @out. Returns the count.
 */
static int walk(struct ktest *test, const struct rb_root *root, int *out, int max)
{
	struct rb_node *node, *last = NULL;
	int n = 0, back = 0;

	for (node = rb_first(root); node; node = rb_next(node)) {
		if (last)
			EXPECT_LE(key_of(last), key_of(node));
		if (n < max)
			out[n] = key_of(node);
		last = node;
		if (++n > NKEYS)
			break; /* a broken tree could make the walk endless */
	}
	EXPECT_PTR_EQ(last, rb_last(root));
	for (node = rb_last(root); node; node = rb_prev(node)) {
		back++;
		if (back > n)
			break;
		if (back <= max && n - back < max)
			EXPECT_EQ(key_of(node), out[n - back]);
	}
	EXPECT_EQ(back, n);
	return n;
}

/* Validate @root and check that it holds exactly the keys marked in @present[0..@range). */
static void check_tree(struct ktest *test, const struct rb_root *root, const bool *present,
		       int range)
{
	static int got[NKEYS];
	int n, i, j = 0, want = 0;

	EXPECT_GE(rb_validate(root), 0);
	n = walk(test, root, got, NKEYS);
	for (i = 0; i < range; i++) {
		if (!present[i])
			continue;
		want++;
		if (j < n && got[j] == i)
			j++;
	}
	EXPECT_EQ(n, want);
	EXPECT_EQ(j, want);
	EXPECT_LE(tree_height(root->rb_node), max_height(n));
}

KTEST(empty_tree)
{
	struct rb_root root = RB_ROOT;
	struct rb_node lone;
	int key = 1;

	EXPECT_TRUE(RB_EMPTY_ROOT(&root));
	EXPECT_NULL(root.rb_node);
	EXPECT_NULL(rb_first(&root));
	EXPECT_NULL(rb_last(&root));
	EXPECT_NULL(rb_find(&key, &root, item_cmp));
	EXPECT_EQ(rb_validate(&root), 0);

	/* A cleared node is recognisably on no tree, and has no neighbours. */
	RB_CLEAR_NODE(&lone);
	EXPECT_TRUE(RB_EMPTY_NODE(&lone));
	EXPECT_NULL(rb_next(&lone));
	EXPECT_NULL(rb_prev(&lone));
	EXPECT_NULL(rb_entry_safe((struct rb_node *)NULL, struct item, node));
}

KTEST(single_insert_and_erase)
{
	struct rb_root root = RB_ROOT;
	struct item *it = &items[0];

	init_items(1);
	it->key = 42;
	EXPECT_TRUE(insert_key(&root, it));
	EXPECT_FALSE(RB_EMPTY_ROOT(&root));
	EXPECT_FALSE(RB_EMPTY_NODE(&it->node));
	EXPECT_PTR_EQ(root.rb_node, &it->node);
	EXPECT_NULL(rb_parent(&it->node));
	EXPECT_EQ(rb_validate(&root), 1); /* a lone root is black */
	EXPECT_PTR_EQ(rb_first(&root), &it->node);
	EXPECT_PTR_EQ(rb_last(&root), &it->node);
	EXPECT_NULL(rb_next(&it->node));
	EXPECT_NULL(rb_prev(&it->node));
	EXPECT_PTR_EQ(find_key(&root, 42), it);
	EXPECT_FALSE(insert_key(&root, it)); /* the key is already there */

	rb_erase(&it->node, &root);
	EXPECT_TRUE(RB_EMPTY_ROOT(&root));
	EXPECT_EQ(rb_validate(&root), 0);
	EXPECT_NULL(find_key(&root, 42));

	/* Insert again after erasing: the node must be reusable. */
	EXPECT_TRUE(insert_key(&root, it));
	EXPECT_EQ(rb_validate(&root), 1);
	rb_erase(&it->node, &root);
	RB_CLEAR_NODE(&it->node);
	EXPECT_TRUE(RB_EMPTY_NODE(&it->node));
	EXPECT_TRUE(RB_EMPTY_ROOT(&root));
}

/* Insert items[order[0..n)] one by one, checking the whole tree after each insertion. */
static void insert_in_order(struct ktest *test, struct rb_root *root, const int *order, int n)
{
	static bool present[NKEYS];

	for (int i = 0; i < (int)KTEST_ARRAY_SIZE(present); i++)
		present[i] = false;
	for (int i = 0; i < n; i++) {
		struct item *it = &items[order[i]];

		EXPECT_NULL(find_key(root, it->key));
		EXPECT_TRUE(insert_key(root, it));
		present[it->key] = true;
		check_tree(test, root, present, NKEYS);
		EXPECT_PTR_EQ(find_key(root, it->key), it);
		if (test->failed)
			return; /* one clear failure beats thousands */
	}
}

/* Erase items[order[0..n)] one by one from a full tree, checking after each erasure. */
static void erase_in_order(struct ktest *test, struct rb_root *root, const int *order, int n)
{
	static bool present[NKEYS];

	for (int i = 0; i < NKEYS; i++)
		present[i] = i < n;
	for (int i = 0; i < n; i++) {
		struct item *it = &items[order[i]];

		EXPECT_PTR_EQ(find_key(root, it->key), it);
		rb_erase(&it->node, root);
		present[it->key] = false;
		check_tree(test, root, present, NKEYS);
		EXPECT_NULL(find_key(root, it->key));
		if (test->failed)
			return;
	}
	EXPECT_TRUE(RB_EMPTY_ROOT(root));
}

static int order[NKEYS];

static void shuffle(int *a, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = rng_below(i + 1), t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
}

KTEST(ascending_insert_and_erase)
{
	struct rb_root root = RB_ROOT;

	init_items(NKEYS);
	for (int i = 0; i < NKEYS; i++)
		order[i] = i;
	insert_in_order(test, &root, order, NKEYS);
	ASSERT_TRUE(!test->failed);
	/* 4096 keys inserted in order give a black height of at least log2(4097) / 2. */
	EXPECT_GE(rb_validate(&root), 6);
	erase_in_order(test, &root, order, NKEYS);
}

KTEST(descending_insert_and_erase)
{
	struct rb_root root = RB_ROOT;

	init_items(NKEYS);
	for (int i = 0; i < NKEYS; i++)
		order[i] = NKEYS - 1 - i;
	insert_in_order(test, &root, order, NKEYS);
	ASSERT_TRUE(!test->failed);
	erase_in_order(test, &root, order, NKEYS);
}

KTEST(random_insert_and_erase)
{
	struct rb_root root = RB_ROOT;

	rng_seed(0x9e3779b97f4a7c15ULL);
	init_items(NKEYS);
	for (int i = 0; i < NKEYS; i++)
		order[i] = i;
	shuffle(order, NKEYS);
	insert_in_order(test, &root, order, NKEYS);
	ASSERT_TRUE(!test->failed);
	shuffle(order, NKEYS);
	erase_in_order(test, &root, order, NKEYS);
}

/*
 * Random inserts and erasures over a small key range, so the tree keeps growing and shrinking
 * through every rebalancing case, checked against a model of which keys are present.
 */
KTEST(random_interleaved_against_model)
{
	enum {
		RANGE = 600,
		STEPS = 30000
	};
	static bool present[RANGE];
	struct rb_root root = RB_ROOT;
	int inserts = 0, erases = 0, size = 0, max_size = 0;

	rng_seed(0x2545f4914f6cdd1dULL);
	init_items(RANGE);
	for (int i = 0; i < (int)KTEST_ARRAY_SIZE(present); i++)
		present[i] = false;
	for (int step = 0; step < STEPS; step++) {
		int key = rng_below(RANGE);
		/* Drift between mostly inserting and mostly erasing, every 5000 steps. */
		bool grow = (step / 5000) % 2 == 0;
		bool insert = rng_below(100) < (grow ? 70u : 30u);

		if (present[key] && !insert) {
			EXPECT_PTR_EQ(find_key(&root, key), &items[key]);
			rb_erase(&items[key].node, &root);
			present[key] = false;
			erases++;
			size--;
		} else if (!present[key] && insert) {
			EXPECT_NULL(find_key(&root, key));
			if (step % 2)
				rb_add(&items[key].node, &root, item_less);
			else
				EXPECT_TRUE(insert_key(&root, &items[key]));
			present[key] = true;
			inserts++;
			size++;
		} else {
			/* No change: a lookup must agree with the model. */
			EXPECT_EQ(find_key(&root, key) != NULL, present[key]);
			continue;
		}
		if (size > max_size)
			max_size = size;
		check_tree(test, &root, present, RANGE);
		if (test->failed)
			return;
	}
	/* Make sure the workload really did something. */
	EXPECT_GT(inserts, 3000);
	EXPECT_GT(erases, 3000);
	EXPECT_GT(max_size, RANGE / 2);
}

KTEST(next_prev_walk_both_ways)
{
	enum {
		N = 1000
	};
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	int expect;

	rng_seed(12345);
	init_items(N);
	for (int i = 0; i < N; i++) {
		items[i].key = 3 * i; /* gaps, so the keys are not the indices */
		order[i] = i;
	}
	shuffle(order, N);
	for (int i = 0; i < N; i++)
		EXPECT_TRUE(insert_key(&root, &items[order[i]]));
	ASSERT_TRUE(rb_validate(&root) > 0);

	/* Bounded walks: a broken rb_next() or rb_prev() must not run off the array. */
	expect = 0;
	for (node = rb_first(&root); node && expect < N; node = rb_next(node)) {
		EXPECT_PTR_EQ(node, &items[expect].node);
		expect++;
	}
	EXPECT_EQ(expect, N);
	EXPECT_NULL(node);
	for (node = rb_last(&root); node && expect > 0; node = rb_prev(node)) {
		expect--;
		EXPECT_PTR_EQ(node, &items[expect].node);
	}
	EXPECT_EQ(expect, 0);
	EXPECT_NULL(node);

	/* From the middle, each step lands on the neighbour, and next/prev undo each other. */
	for (int i = 1; i < N - 1; i++) {
		EXPECT_PTR_EQ(rb_next(&items[i].node), &items[i + 1].node);
		EXPECT_PTR_EQ(rb_prev(&items[i].node), &items[i - 1].node);
		EXPECT_PTR_EQ(rb_prev(rb_next(&items[i].node)), &items[i].node);
	}
	EXPECT_NULL(rb_prev(&items[0].node));
	EXPECT_NULL(rb_next(&items[N - 1].node));
}

KTEST(first_and_last)
{
	struct rb_root root = RB_ROOT;
	int lo = 1000, hi = 1000;

	rng_seed(777);
	init_items(500);
	for (int i = 0; i < 500; i++) {
		int key;

		do
			key = rng_below(100000);
		while (find_key(&root, key));
		items[i].key = key;
		EXPECT_TRUE(insert_key(&root, &items[i]));
		if (i == 0 || key < lo)
			lo = key;
		if (i == 0 || key > hi)
			hi = key;
		EXPECT_EQ(key_of(rb_first(&root)), lo);
		EXPECT_EQ(key_of(rb_last(&root)), hi);
		EXPECT_NULL(rb_prev(rb_first(&root)));
		EXPECT_NULL(rb_next(rb_last(&root)));
	}
	ASSERT_TRUE(rb_validate(&root) > 0);
	/* Erasing the ends moves them inwards. */
	for (int i = 0; i < 100; i++) {
		struct rb_node *first = rb_first(&root), *last = rb_last(&root);
		struct rb_node *second = rb_next(first), *penult = rb_prev(last);

		rb_erase(first, &root);
		rb_erase(last, &root);
		EXPECT_GE(rb_validate(&root), 0);
		EXPECT_PTR_EQ(rb_first(&root), second);
		EXPECT_PTR_EQ(rb_last(&root), penult);
		if (test->failed)
			return;
	}
}

KTEST(replace_node)
{
	enum {
		N = 64
	};
	static struct item spare[N];
	struct rb_root root = RB_ROOT;
	int height, got[N];

	init_items(N);
	for (int i = 0; i < N; i++)
		EXPECT_TRUE(insert_key(&root, &items[i]));
	height = rb_validate(&root);
	ASSERT_TRUE(height > 0);

	/* Replace every node, the root included, by a copy with the same key. */
	for (int i = 0; i < N; i++) {
		struct rb_node *victim = &items[i].node;
		struct rb_node *prev = rb_prev(victim), *next = rb_next(victim);
		bool was_root = root.rb_node == victim;

		spare[i].key = i;
		rb_replace_node(victim, &spare[i].node, &root);
		EXPECT_EQ(rb_validate(&root), height); /* the shape and colours are unchanged */
		EXPECT_PTR_EQ(find_key(&root, i), &spare[i]);
		EXPECT_PTR_EQ(rb_prev(&spare[i].node), prev);
		EXPECT_PTR_EQ(rb_next(&spare[i].node), next);
		if (was_root)
			EXPECT_PTR_EQ(root.rb_node, &spare[i].node);
		if (test->failed)
			return; /* the tree is broken: walking it further could crash */
	}
	EXPECT_EQ(walk(test, &root, got, N), N);
	for (int i = 0; i < N; i++)
		EXPECT_PTR_EQ(find_key(&root, i), &spare[i]);
	/* The replacements are full members: erase them all. */
	for (int i = 0; i < N; i++) {
		rb_erase(&spare[i].node, &root);
		EXPECT_GE(rb_validate(&root), 0);
	}
	EXPECT_TRUE(RB_EMPTY_ROOT(&root));
}

KTEST(find_hits_and_misses)
{
	enum {
		N = 2000
	};
	struct rb_root root = RB_ROOT;

	init_items(N);
	/* Even keys only, inserted with rb_add(). */
	for (int i = 0; i < N; i++) {
		items[i].key = 2 * i;
		rb_add(&items[i].node, &root, item_less);
	}
	ASSERT_TRUE(rb_validate(&root) > 0);
	for (int k = -3; k < 2 * N + 3; k++) {
		struct item *it = find_key(&root, k);

		if (k >= 0 && k < 2 * N && k % 2 == 0) {
			EXPECT_PTR_EQ(it, &items[k / 2]);
		} else {
			EXPECT_NULL(it);
		}
	}
	/* Misses after erasing, hits on the rest. */
	for (int i = 0; i < N; i += 3) {
		rb_erase(&items[i].node, &root);
		ASSERT_TRUE(rb_validate(&root) >= 0);
	}
	for (int i = 0; i < N; i++)
		EXPECT_PTR_EQ(find_key(&root, 2 * i), i % 3 ? &items[i] : NULL);
}

/* Erasures at chosen places: the root, nodes with two children, leaves, lone-child parents. */
KTEST(erase_root_inner_and_leaves)
{
	enum {
		N = 255
	};
	static bool present[N];
	struct rb_root root = RB_ROOT;
	int erased = 0;

	init_items(N);
	for (int i = 0; i < N; i++) {
		EXPECT_TRUE(insert_key(&root, &items[i]));
		present[i] = true;
	}
	ASSERT_TRUE(rb_validate(&root) > 0);

	/* The root, repeatedly: with many nodes it always has two children. */
	for (int i = 0; i < 20; i++) {
		struct rb_node *old = root.rb_node;
		int key = key_of(old);

		EXPECT_NOT_NULL(old->rb_left);
		EXPECT_NOT_NULL(old->rb_right);
		rb_erase(old, &root);
		present[key] = false;
		erased++;
		check_tree(test, &root, present, N);
		EXPECT_PTR_NE(root.rb_node, old);
	}

	/* Any node with two children below the root, then leaves, then everything left. */
	for (int pass = 0; pass < 3; pass++) {
		for (int i = 0; i < N; i++) {
			struct rb_node *node = &items[i].node;
			bool two = node->rb_left && node->rb_right;
			bool leaf = !node->rb_left && !node->rb_right;

			if (!present[i] || (pass == 0 && !two) || (pass == 1 && !leaf))
				continue;
			rb_erase(node, &root);
			present[i] = false;
			erased++;
			check_tree(test, &root, present, N);
			if (test->failed)
				return;
		}
	}
	EXPECT_EQ(erased, N);
	EXPECT_TRUE(RB_EMPTY_ROOT(&root));
}

/* Duplicates: rb_add() puts an equal key after the ones already there. */
KTEST(duplicates_with_rb_add_are_stable)
{
	enum {
		N = 3000,
		KEYS = 17
	};
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	int n = 0, last_key = -1, last_seq = -1;

	rng_seed(99);
	init_items(N);
	for (int i = 0; i < N; i++) {
		items[i].key = rng_below(KEYS);
		items[i].seq = i;
		rb_add(&items[i].node, &root, item_less);
		if (i % 100 == 0)
			ASSERT_TRUE(rb_validate(&root) >= 0);
	}
	ASSERT_TRUE(rb_validate(&root) > 0);
	for (node = rb_first(&root); node; node = rb_next(node)) {
		struct item *it = rb_entry(node, struct item, node);

		if (it->key == last_key)
			EXPECT_GT(it->seq, last_seq);
		else
			EXPECT_GT(it->key, last_key);
		last_key = it->key;
		last_seq = it->seq;
		n++;
	}
	EXPECT_EQ(n, N);

	/* rb_find() finds some node of an equal run; every key is present. */
	for (int k = 0; k < KEYS; k++) {
		struct item *it = find_key(&root, k);

		ASSERT_NOT_NULL(it);
		EXPECT_EQ(it->key, k);
	}

	/* Erasing among duplicates keeps the rest of each run in order. */
	for (int i = 0; i < N; i += 2) {
		rb_erase(&items[i].node, &root);
		ASSERT_TRUE(rb_validate(&root) >= 0);
	}
	last_key = -1;
	n = 0;
	for (node = rb_first(&root); node; node = rb_next(node)) {
		struct item *it = rb_entry(node, struct item, node);

		EXPECT_EQ(it->seq % 2, 1);
		if (it->key == last_key)
			EXPECT_GT(it->seq, last_seq);
		last_key = it->key;
		last_seq = it->seq;
		n++;
	}
	EXPECT_EQ(n, N / 2);
}

/* Build trees by hand, to check that rb_validate() notices each kind of damage. */
static void set_node(struct rb_node *node, struct rb_node *parent, bool black, struct rb_node *left,
		     struct rb_node *right)
{
	node->__rb_parent_color = (unsigned long)parent | black;
	node->rb_left = left;
	node->rb_right = right;
}

KTEST(validate_detects_broken_trees)
{
	struct rb_node *a = &items[0].node, *b = &items[1].node, *c = &items[2].node;
	struct rb_node *d = &items[3].node, *e = &items[4].node;
	struct rb_root root = { .rb_node = b };

	init_items(5);
	/*
	 * A valid tree first, black height 2:   b (black)
	 *                                      /         \
	 *                               a (black)     d (black)
	 *                                             /
	 *                                        c (red)
	 */
	set_node(b, NULL, true, a, d);
	set_node(a, b, true, NULL, NULL);
	set_node(d, b, true, c, NULL);
	set_node(c, d, false, NULL, NULL);
	EXPECT_EQ(rb_validate(&root), 2);

	/* Unequal black heights: a turned red leaves its side one black short. */
	set_node(a, b, false, NULL, NULL);
	EXPECT_EQ(rb_validate(&root), -1);

	/* Two reds in a row: d turned red too, over c; the black heights are equal again. */
	set_node(d, b, false, c, NULL);
	EXPECT_EQ(rb_validate(&root), -1);
	set_node(d, b, true, c, NULL);
	set_node(a, b, true, NULL, NULL);
	EXPECT_EQ(rb_validate(&root), 2);

	/* A red root. */
	set_node(b, NULL, false, a, d);
	EXPECT_EQ(rb_validate(&root), -1);
	set_node(b, NULL, true, a, d);

	/* A root with a parent. */
	set_node(b, e, true, a, d);
	EXPECT_EQ(rb_validate(&root), -1);
	set_node(b, NULL, true, a, d);

	/* A child whose parent pointer leads elsewhere. */
	set_node(c, b, false, NULL, NULL);
	EXPECT_EQ(rb_validate(&root), -1);
	set_node(c, d, false, NULL, NULL);

	/* A node linked as both children of its parent. */
	set_node(d, b, true, c, c);
	EXPECT_EQ(rb_validate(&root), -1);
	set_node(d, b, true, c, NULL);

	/* A link back up to the root (b under c): must be caught, not walked in circles. */
	set_node(c, d, false, b, NULL);
	EXPECT_EQ(rb_validate(&root), -1);
	set_node(c, d, false, NULL, NULL);

	/* A red node with a single black child: unequal black heights below it. */
	set_node(e, c, true, NULL, NULL);
	set_node(c, d, false, NULL, e);
	EXPECT_EQ(rb_validate(&root), -1);
	set_node(c, d, false, NULL, NULL);

	/* Repaired, it is valid again and walks in key order. */
	EXPECT_EQ(rb_validate(&root), 2);
	EXPECT_EQ(walk(test, &root, NULL, 0), 4);
}

/* RB_ROOT also works as a static initialiser, and rb_entry() gets back to the object. */
static struct rb_root static_root = RB_ROOT;

KTEST(static_root_and_entry)
{
	struct item it = { .key = 7 };

	EXPECT_TRUE(RB_EMPTY_ROOT(&static_root));
	rb_add(&it.node, &static_root, item_less);
	EXPECT_PTR_EQ(rb_entry(rb_first(&static_root), struct item, node), &it);
	EXPECT_PTR_EQ(rb_entry_safe(rb_last(&static_root), struct item, node), &it);
	EXPECT_EQ(rb_validate(&static_root), 1);
	rb_erase(&it.node, &static_root);
	EXPECT_TRUE(RB_EMPTY_ROOT(&static_root));
}

static const struct ktest_case cases[] = {
	KTEST_CASE(empty_tree),
	KTEST_CASE(single_insert_and_erase),
	KTEST_CASE(ascending_insert_and_erase),
	KTEST_CASE(descending_insert_and_erase),
	KTEST_CASE(random_insert_and_erase),
	KTEST_CASE(random_interleaved_against_model),
	KTEST_CASE(next_prev_walk_both_ways),
	KTEST_CASE(first_and_last),
	KTEST_CASE(replace_node),
	KTEST_CASE(find_hits_and_misses),
	KTEST_CASE(erase_root_inner_and_leaves),
	KTEST_CASE(duplicates_with_rb_add_are_stable),
	KTEST_CASE(validate_detects_broken_trees),
	KTEST_CASE(static_root_and_entry),
};

KTEST_SUITE(rbtree, cases);
