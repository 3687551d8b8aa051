/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_LIST_H
#define _KERNEL_LIST_H

#include <kernel/types.h>
#include <kernel/compiler.h>

/*
 * Intrusive lists: embed a struct list_head in the object and get back to the object with
 * list_entry() (container_of()). A list is circular with a head node that is not an entry, so
 * an empty list is a head pointing at itself, and no operation needs a NULL check.
 *
 * Nothing here locks: the caller serialises access to a list.
 */

/*
 * list_del() leaves these in the removed node, so a use after removal faults on a
 * non-canonical address instead of quietly corrupting a list.
 */
#define LIST_POISON1 ((void *)0xdead000000000100UL)
#define LIST_POISON2 ((void *)0xdead000000000122UL)

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name)     \
	{                        \
		&(name), &(name) \
	}
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	list->prev = list;
}

/* Link @entry between the two consecutive nodes @prev and @next. */
static inline void __list_add(struct list_head *entry, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = entry;
	entry->next = next;
	entry->prev = prev;
	WRITE_ONCE(prev->next, entry);
}

/* Insert @entry right after @head: at the front of the list (stack order). */
static inline void list_add(struct list_head *entry, struct list_head *head)
{
	__list_add(entry, head, head->next);
}

/* Insert @entry right before @head: at the back of the list (queue order). */
static inline void list_add_tail(struct list_head *entry, struct list_head *head)
{
	__list_add(entry, head->prev, head);
}

/* Unlink whatever lies between @prev and @next. */
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}

static inline void __list_del_entry(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
}

/*
 * Remove @entry from its list. @entry is poisoned: it must not be used as a list node again
 * until it is re-initialised or added to a list.
 */
static inline void list_del(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->next = LIST_POISON1;
	entry->prev = LIST_POISON2;
}

/* Remove @entry from its list and make it an empty list of its own. */
static inline void list_del_init(struct list_head *entry)
{
	__list_del_entry(entry);
	INIT_LIST_HEAD(entry);
}

/* Move @entry from its list to the front of @head. */
static inline void list_move(struct list_head *entry, struct list_head *head)
{
	__list_del_entry(entry);
	list_add(entry, head);
}

/* Move @entry from its list to the back of @head. */
static inline void list_move_tail(struct list_head *entry, struct list_head *head)
{
	__list_del_entry(entry);
	list_add_tail(entry, head);
}

static inline bool list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

static inline bool list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && head->next == head->prev;
}

static inline bool list_is_first(const struct list_head *entry, const struct list_head *head)
{
	return entry->prev == head;
}

static inline bool list_is_last(const struct list_head *entry, const struct list_head *head)
{
	return entry->next == head;
}

/* Insert all entries of @list between @prev and @next; @list itself is left stale. */
static inline void __list_splice(const struct list_head *list, struct list_head *prev,
				 struct list_head *next)
{
	struct list_head *first = list->next;
	struct list_head *last = list->prev;

	first->prev = prev;
	prev->next = first;
	last->next = next;
	next->prev = last;
}

/* Move all entries of @list to the front of @head, leaving @list empty. */
static inline void list_splice_init(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head, head->next);
		INIT_LIST_HEAD(list);
	}
}

/* Move all entries of @list to the back of @head, leaving @list empty. */
static inline void list_splice_tail_init(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head->prev, head);
		INIT_LIST_HEAD(list);
	}
}

/* The object of type @type that embeds the list_head @ptr as its field @member. */
#define list_entry(ptr, type, member) container_of(ptr, type, member)

/* First and last entries; the list must not be empty. */
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)
#define list_last_entry(head, type, member) list_entry((head)->prev, type, member)

/* First entry, or NULL when the list is empty. */
#define list_first_entry_or_null(head, type, member)                          \
	({                                                                    \
		struct list_head *__head = (head);                            \
		struct list_head *__first = READ_ONCE(__head->next);          \
		__first != __head ? list_entry(__first, type, member) : NULL; \
	})

#define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member) list_entry((pos)->member.prev, __typeof__(*(pos)), member)

/* True when the entry @pos is really the head @head, i.e. the iteration is over. */
#define list_entry_is_head(pos, head, member) (&(pos)->member == (head))

/* Iterate over the list_head nodes; the current node must not be removed. */
#define list_for_each(pos, head) for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)

/* Iterate over the nodes; @n keeps the next one so the current node may be removed. */
#define list_for_each_safe(pos, n, head)                               \
	for ((pos) = (head)->next, (n) = (pos)->next; (pos) != (head); \
	     (pos) = (n), (n) = (pos)->next)

/* Iterate over the entries, @pos being a pointer to the entry type. */
#define list_for_each_entry(pos, head, member)                           \
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member); \
	     !list_entry_is_head(pos, head, member); (pos) = list_next_entry(pos, member))

/* Iterate over the entries after @pos (not @pos itself), to the end. */
#define list_for_each_entry_continue(pos, head, member)                                    \
	for ((pos) = list_next_entry(pos, member); !list_entry_is_head(pos, head, member); \
	     (pos) = list_next_entry(pos, member))

/* Iterate over the entries backwards, from the last one. */
#define list_for_each_entry_reverse(pos, head, member)                  \
	for ((pos) = list_last_entry(head, __typeof__(*(pos)), member); \
	     !list_entry_is_head(pos, head, member); (pos) = list_prev_entry(pos, member))

/* Iterate over the entries; @n keeps the next entry so @pos may be removed (or freed). */
#define list_for_each_entry_safe(pos, n, head, member)                   \
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member), \
	    (n) = list_next_entry(pos, member);                          \
	     !list_entry_is_head(pos, head, member);                     \
	     (pos) = (n), (n) = list_next_entry(n, member))

/*
 * Hash-table lists: the head is a single pointer, halving the size of a bucket array. Lists are
 * NULL-terminated; pprev points at whatever points at the node, so it can unlink itself
 * without knowing the head.
 */
struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#define HLIST_HEAD_INIT       \
	{                     \
		.first = NULL \
	}
#define HLIST_HEAD(name) struct hlist_head name = HLIST_HEAD_INIT
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)

static inline void INIT_HLIST_NODE(struct hlist_node *node)
{
	node->next = NULL;
	node->pprev = NULL;
}

/* True when @node is on no list (never added, or removed with hlist_del_init()). */
static inline bool hlist_unhashed(const struct hlist_node *node)
{
	return !node->pprev;
}

static inline bool hlist_empty(const struct hlist_head *head)
{
	return !READ_ONCE(head->first);
}

static inline void __hlist_del(struct hlist_node *node)
{
	struct hlist_node *next = node->next;
	struct hlist_node **pprev = node->pprev;

	WRITE_ONCE(*pprev, next);
	if (next)
		next->pprev = pprev;
}

/* Remove @node, poisoning it like list_del(). */
static inline void hlist_del(struct hlist_node *node)
{
	__hlist_del(node);
	node->next = LIST_POISON1;
	node->pprev = LIST_POISON2;
}

/* Remove @node if it is on a list, leaving it unhashed; safe to call twice. */
static inline void hlist_del_init(struct hlist_node *node)
{
	if (!hlist_unhashed(node)) {
		__hlist_del(node);
		INIT_HLIST_NODE(node);
	}
}

static inline void hlist_add_head(struct hlist_node *node, struct hlist_head *head)
{
	struct hlist_node *first = head->first;

	node->next = first;
	if (first)
		first->pprev = &node->next;
	WRITE_ONCE(head->first, node);
	node->pprev = &head->first;
}

#define hlist_entry(ptr, type, member) container_of(ptr, type, member)

/* The entry of the possibly-NULL node @ptr, or NULL. */
#define hlist_entry_safe(ptr, type, member)                        \
	({                                                         \
		__typeof__(ptr) __node = (ptr);                    \
		__node ? hlist_entry(__node, type, member) : NULL; \
	})

/* Iterate over the entries, @pos being a pointer to the entry type. */
#define hlist_for_each_entry(pos, head, member)                                          \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); (pos); \
	     (pos) = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))

/* Iterate over the entries; @n, a struct hlist_node *, keeps the next node so @pos may go. */
#define hlist_for_each_entry_safe(pos, n, head, member)                           \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); \
	     (pos) && ((n) = (pos)->member.next, 1);                              \
	     (pos) = hlist_entry_safe(n, __typeof__(*(pos)), member))

#endif /* _KERNEL_LIST_H */
