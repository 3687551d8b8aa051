// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for include/kernel/list.h: struct list_head and struct hlist_head.
 */
#include "ktest_host.h"
#include "host_rename.h"

#include <kernel/list.h>

struct item {
	int value;
	struct list_head node;
	struct hlist_node hnode;
};

static void init_items(struct item *items, int n)
{
	for (int i = 0; i < n; i++) {
		items[i].value = i;
		INIT_LIST_HEAD(&items[i].node);
		INIT_HLIST_NODE(&items[i].hnode);
	}
}

/* Check the links both ways round and collect the values in order; returns the count. */
static int collect(struct ktest *test, struct list_head *head, int *out, int max)
{
	struct list_head *pos;
	int n = 0;

	for (pos = head->next; pos != head; pos = pos->next) {
		EXPECT_PTR_EQ(pos->next->prev, pos);
		EXPECT_PTR_EQ(pos->prev->next, pos);
		if (n < max)
			out[n] = list_entry(pos, struct item, node)->value;
		n++;
		if (n > 1000)
			break; /* a broken list could be endless */
	}
	EXPECT_PTR_EQ(head->next->prev, head);
	EXPECT_PTR_EQ(head->prev->next, head);
	return n;
}

#define EXPECT_LIST(head, ...)                                    \
	do {                                                      \
		const int _want[] = { __VA_ARGS__ };              \
		int _got[64];                                     \
		int _n = collect(test, head, _got, 64);           \
		EXPECT_EQ(_n, (int)KTEST_ARRAY_SIZE(_want));      \
		if (_n == (int)KTEST_ARRAY_SIZE(_want))           \
			EXPECT_MEMEQ(_got, _want, sizeof(_want)); \
	} while (0)

KTEST(empty_list_init)
{
	LIST_HEAD(a);
	struct list_head b;

	INIT_LIST_HEAD(&b);
	EXPECT_TRUE(list_empty(&a));
	EXPECT_TRUE(list_empty(&b));
	EXPECT_FALSE(list_is_singular(&a));
	EXPECT_PTR_EQ(a.next, &a);
	EXPECT_PTR_EQ(a.prev, &a);
	EXPECT_NULL(list_first_entry_or_null(&a, struct item, node));
	EXPECT_EQ(collect(test, &a, NULL, 0), 0);
}

KTEST(add_is_stack_add_tail_is_queue)
{
	struct item it[4];
	LIST_HEAD(stack);
	LIST_HEAD(queue);

	init_items(it, 4);
	for (int i = 0; i < 4; i++)
		list_add(&it[i].node, &stack);
	EXPECT_LIST(&stack, 3, 2, 1, 0);

	init_items(it, 4);
	for (int i = 0; i < 4; i++)
		list_add_tail(&it[i].node, &queue);
	EXPECT_LIST(&queue, 0, 1, 2, 3);
	EXPECT_EQ(list_first_entry(&queue, struct item, node)->value, 0);
	EXPECT_EQ(list_last_entry(&queue, struct item, node)->value, 3);
	EXPECT_PTR_EQ(list_first_entry_or_null(&queue, struct item, node), &it[0]);
	EXPECT_TRUE(list_is_first(&it[0].node, &queue));
	EXPECT_TRUE(list_is_last(&it[3].node, &queue));
	EXPECT_FALSE(list_is_last(&it[2].node, &queue));
}

KTEST(del_unlinks_and_poisons)
{
	struct item it[3];
	LIST_HEAD(head);

	init_items(it, 3);
	for (int i = 0; i < 3; i++)
		list_add_tail(&it[i].node, &head);

	list_del(&it[1].node);
	EXPECT_LIST(&head, 0, 2);
	EXPECT_PTR_EQ(it[1].node.next, LIST_POISON1);
	EXPECT_PTR_EQ(it[1].node.prev, LIST_POISON2);

	list_del(&it[0].node);
	EXPECT_LIST(&head, 2);
	EXPECT_TRUE(list_is_singular(&head));
	list_del(&it[2].node);
	EXPECT_TRUE(list_empty(&head));
}

KTEST(del_init_leaves_empty_node)
{
	struct item it[2];
	LIST_HEAD(head);

	init_items(it, 2);
	list_add_tail(&it[0].node, &head);
	list_add_tail(&it[1].node, &head);
	list_del_init(&it[0].node);
	EXPECT_TRUE(list_empty(&it[0].node));
	EXPECT_LIST(&head, 1);
	/* A del_init'ed node can be deleted again harmlessly and re-added. */
	list_del_init(&it[0].node);
	list_add(&it[0].node, &head);
	EXPECT_LIST(&head, 0, 1);
}

KTEST(move_between_lists)
{
	struct item it[4];
	LIST_HEAD(a);
	LIST_HEAD(b);

	init_items(it, 4);
	for (int i = 0; i < 4; i++)
		list_add_tail(&it[i].node, &a);

	list_move(&it[2].node, &b);
	list_move_tail(&it[0].node, &b);
	EXPECT_LIST(&a, 1, 3);
	EXPECT_LIST(&b, 2, 0);
	/* Within one list: to the front and to the back. */
	list_move(&it[3].node, &a);
	EXPECT_LIST(&a, 3, 1);
	list_move_tail(&it[3].node, &a);
	EXPECT_LIST(&a, 1, 3);
}

KTEST(splice_init_front_and_back)
{
	struct item it[5];
	LIST_HEAD(a);
	LIST_HEAD(b);
	LIST_HEAD(empty);

	init_items(it, 5);
	list_add_tail(&it[0].node, &a);
	list_add_tail(&it[1].node, &a);
	list_add_tail(&it[2].node, &b);
	list_add_tail(&it[3].node, &b);
	list_add_tail(&it[4].node, &b);

	list_splice_init(&b, &a);
	EXPECT_LIST(&a, 2, 3, 4, 0, 1);
	EXPECT_TRUE(list_empty(&b));
	list_splice_init(&empty, &a);
	EXPECT_LIST(&a, 2, 3, 4, 0, 1);

	list_del(&it[0].node);
	list_add_tail(&it[0].node, &b);
	list_splice_tail_init(&b, &a);
	EXPECT_LIST(&a, 2, 3, 4, 1, 0);
	EXPECT_TRUE(list_empty(&b));
}

KTEST(for_each_entry_forward_and_reverse)
{
	struct item it[5], *pos;
	struct list_head *p;
	LIST_HEAD(head);
	int sum = 0, expect = 0, n = 0;

	init_items(it, 5);
	for (int i = 0; i < 5; i++)
		list_add_tail(&it[i].node, &head);

	list_for_each_entry(pos, &head, node) {
		EXPECT_EQ(pos->value, expect);
		expect++;
	}
	EXPECT_EQ(expect, 5);
	list_for_each_entry_reverse(pos, &head, node)
	{
		expect--;
		EXPECT_EQ(pos->value, expect);
	}
	EXPECT_EQ(expect, 0);
	/* _continue starts after its entry: from it[2], it sees 3 and 4. */
	pos = &it[2];
	expect = 3;
	list_for_each_entry_continue(pos, &head, node) EXPECT_EQ(pos->value, expect++);
	EXPECT_EQ(expect, 5);
	pos = &it[4]; /* from the last: nothing */
	list_for_each_entry_continue(pos, &head, node) expect++;
	EXPECT_EQ(expect, 5);
	expect = 0;
	list_for_each(p, &head) {
		sum += list_entry(p, struct item, node)->value;
		n++;
	}
	EXPECT_EQ(n, 5);
	EXPECT_EQ(sum, 0 + 1 + 2 + 3 + 4);

	/* Nothing runs over an empty list. */
	LIST_HEAD(none);
	list_for_each_entry(pos, &none, node)
		n++;
	EXPECT_EQ(n, 5);
}

KTEST(safe_iteration_allows_deletion)
{
	struct item it[6], *pos, *next;
	struct list_head *p, *q;
	LIST_HEAD(head);
	int visited = 0;

	init_items(it, 6);
	for (int i = 0; i < 6; i++)
		list_add_tail(&it[i].node, &head);

	/* Delete the odd ones while walking: every entry is still visited once. */
	list_for_each_entry_safe(pos, next, &head, node) {
		visited++;
		if (pos->value % 2)
			list_del(&pos->node);
	}
	EXPECT_EQ(visited, 6);
	EXPECT_LIST(&head, 0, 2, 4);

	/* Delete everything through the raw-node variant. */
	visited = 0;
	list_for_each_safe(p, q, &head) {
		visited++;
		list_del_init(p);
	}
	EXPECT_EQ(visited, 3);
	EXPECT_TRUE(list_empty(&head));
	EXPECT_TRUE(list_empty(&it[4].node));
}

/* hlist: collect values in order and check every pprev points at what points at the node. */
static int hcollect(struct ktest *test, struct hlist_head *head, int *out, int max)
{
	struct hlist_node **link = &head->first;
	int n = 0;

	while (*link) {
		EXPECT_PTR_EQ((*link)->pprev, link);
		if (n < max)
			out[n] = hlist_entry(*link, struct item, hnode)->value;
		n++;
		link = &(*link)->next;
		if (n > 1000)
			break;
	}
	return n;
}

#define EXPECT_HLIST(head, ...)                                   \
	do {                                                      \
		const int _want[] = { __VA_ARGS__ };              \
		int _got[64];                                     \
		int _n = hcollect(test, head, _got, 64);          \
		EXPECT_EQ(_n, (int)KTEST_ARRAY_SIZE(_want));      \
		if (_n == (int)KTEST_ARRAY_SIZE(_want))           \
			EXPECT_MEMEQ(_got, _want, sizeof(_want)); \
	} while (0)

KTEST(hlist_add_del_and_unhashed)
{
	struct item it[4];
	HLIST_HEAD(head);
	struct hlist_head other;

	INIT_HLIST_HEAD(&other);
	EXPECT_TRUE(hlist_empty(&head));
	EXPECT_TRUE(hlist_empty(&other));
	init_items(it, 4);
	EXPECT_TRUE(hlist_unhashed(&it[0].hnode));

	for (int i = 0; i < 4; i++)
		hlist_add_head(&it[i].hnode, &head);
	EXPECT_FALSE(hlist_empty(&head));
	EXPECT_FALSE(hlist_unhashed(&it[0].hnode));
	EXPECT_HLIST(&head, 3, 2, 1, 0);

	hlist_del(&it[2].hnode); /* middle */
	EXPECT_HLIST(&head, 3, 1, 0);
	EXPECT_PTR_EQ(it[2].hnode.next, LIST_POISON1);
	EXPECT_PTR_EQ((void *)it[2].hnode.pprev, LIST_POISON2);

	hlist_del_init(&it[3].hnode); /* first */
	EXPECT_TRUE(hlist_unhashed(&it[3].hnode));
	EXPECT_HLIST(&head, 1, 0);
	hlist_del_init(&it[3].hnode); /* twice is harmless */
	EXPECT_HLIST(&head, 1, 0);

	hlist_del(&it[0].hnode); /* last */
	EXPECT_HLIST(&head, 1);
	hlist_del_init(&it[1].hnode);
	EXPECT_TRUE(hlist_empty(&head));
}

KTEST(hlist_iteration_and_safe_deletion)
{
	struct item it[5], *pos;
	struct hlist_node *tmp;
	HLIST_HEAD(head);
	int expect = 4, visited = 0;

	init_items(it, 5);
	for (int i = 0; i < 5; i++)
		hlist_add_head(&it[i].hnode, &head);

	hlist_for_each_entry(pos, &head, hnode) {
		EXPECT_EQ(pos->value, expect);
		expect--;
	}
	EXPECT_EQ(expect, -1);

	hlist_for_each_entry_safe(pos, tmp, &head, hnode)
	{
		visited++;
		if (pos->value != 2)
			hlist_del_init(&pos->hnode);
	}
	EXPECT_EQ(visited, 5);
	EXPECT_HLIST(&head, 2);

	/* Nothing runs over an empty hlist. */
	hlist_del(&it[2].hnode);
	hlist_for_each_entry(pos, &head, hnode)
		visited++;
	EXPECT_EQ(visited, 5);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(empty_list_init),
	KTEST_CASE(add_is_stack_add_tail_is_queue),
	KTEST_CASE(del_unlinks_and_poisons),
	KTEST_CASE(del_init_leaves_empty_node),
	KTEST_CASE(move_between_lists),
	KTEST_CASE(splice_init_front_and_back),
	KTEST_CASE(for_each_entry_forward_and_reverse),
	KTEST_CASE(safe_iteration_allows_deletion),
	KTEST_CASE(hlist_add_del_and_unhashed),
	KTEST_CASE(hlist_iteration_and_safe_deletion),
};

KTEST_SUITE(list, cases);
