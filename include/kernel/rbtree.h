/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_RBTREE_H
#define _KERNEL_RBTREE_H

#include <kernel/types.h>
#include <kernel/compiler.h>

/*
 * Intrusive red-black trees, with the same interface shape as Linux's: embed a struct rb_node
 * in the object and get back to the object with rb_entry() (container_of()). The tree knows
 * nothing about keys. To insert, the caller walks down from the root comparing its own keys,
 * links the new node at the empty slot it reached with rb_link_node(), then rebalances with
 * rb_insert_color(); rb_add() and rb_find() below do the walk for the common cases, given a
 * comparison function.
 *
 * A red-black tree keeps these rules, which bound its height by 2 * log2(n + 1):
 *   - every node is red or black, and the root is black;
 *   - a red node has no red child;
 *   - every path from a node down to an empty (NULL) slot passes the same number of black
 *     nodes: the black height.
 *
 * Insertion and erasure are O(log n) and touch only the nodes on one path (plus at most three
 * rotations), so pointers to the objects stay valid. Nothing here allocates or locks: the
 * caller owns the nodes and serialises access to a tree.
 */

/*
 * The parent pointer and the colour share one word: nodes are at least 8-byte aligned (the
 * struct holds pointers), so bit 0 of the parent's address is always 0 and holds the colour,
 * 0 for red and 1 for black. Do not embed a struct rb_node in a __packed structure.
 */
struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
};

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT                 \
	(struct rb_root)        \
	{                       \
		.rb_node = NULL \
	}

/* The object of type @type that embeds the rb_node @ptr as its field @member. */
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

/* The entry of the possibly-NULL node @ptr, or NULL. */
#define rb_entry_safe(ptr, type, member)                            \
	({                                                          \
		__typeof__(ptr) __rb_ptr = (ptr);                   \
		__rb_ptr ? rb_entry(__rb_ptr, type, member) : NULL; \
	})

#define RB_EMPTY_ROOT(root) (READ_ONCE((root)->rb_node) == NULL)

/*
 * A node that is on no tree can be marked so by pointing its parent at itself, which no node
 * in a tree does. RB_EMPTY_NODE() is true only for a node cleared with RB_CLEAR_NODE(): after
 * rb_erase() the node keeps stale links until it is cleared.
 */
#define RB_EMPTY_NODE(node) ((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent_color = (unsigned long)(node))

/* The parent of @node, NULL for the root. */
static inline struct rb_node *rb_parent(const struct rb_node *node)
{
	return (struct rb_node *)(node->__rb_parent_color & ~1UL);
}

/*
 * Link @node, which is not in any tree, into the slot @link of @parent: @link is
 * &parent->rb_left or &parent->rb_right, which must be empty, or &root->rb_node with @parent
 * NULL for an empty tree. The node starts red with no children; call rb_insert_color() next to
 * restore the red-black rules.
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = NULL;
	node->rb_right = NULL;
	*link = node;
}

/* Rebalance @root after rb_link_node() put @node into it. */
void rb_insert_color(struct rb_node *node, struct rb_root *root);

/* Remove @node from @root and rebalance. @node's own fields are left stale. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/*
 * Put @new in the place of @victim, which leaves the tree, without rebalancing: @new must sort
 * where @victim did. @victim's fields are left stale.
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root);

/*
 * In-order traversal: the smallest and largest nodes (NULL for an empty tree), and the node
 * after or before @node (NULL at either end, or when @node is RB_EMPTY_NODE()). Each step is
 * O(log n) at worst and O(1) amortised over a whole walk.
 */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

/*
 * Check every red-black rule over the whole tree, and that each child's parent pointer leads
 * back to its parent. Returns the black height (0 for an empty tree, counting the nodes only,
 * not the empty slots), or -1 if the tree is broken. The order of the keys cannot be checked
 * here: the tree does not know them. O(n) time, O(1) space; for tests and debug checks.
 */
int rb_validate(const struct rb_root *root);

/*
 * Insert @node into @root, where @less(a, b) says that a sorts before b. A node equal to
 * nodes already in the tree goes after them all, so equal keys keep their insertion order.
 */
static __always_inline void rb_add(struct rb_node *node, struct rb_root *root,
				   bool (*less)(const struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &root->rb_node;
	struct rb_node *parent = NULL;

	while (*link) {
		parent = *link;
		if (less(node, parent))
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, root);
}

/*
 * Find a node matching @key in @root, where @cmp(key, node) is negative, zero or positive when
 * @key sorts before, equal to or after @node. Returns NULL when there is none; among equal
 * nodes it returns whichever the search meets first, not necessarily the first in order.
 */
static __always_inline struct rb_node *rb_find(const void *key, const struct rb_root *root,
					       int (*cmp)(const void *key,
							  const struct rb_node *node))
{
	struct rb_node *node = root->rb_node;

	while (node) {
		int c = cmp(key, node);

		if (c < 0)
			node = node->rb_left;
		else if (c > 0)
			node = node->rb_right;
		else
			return node;
	}
	return NULL;
}

#endif /* _KERNEL_RBTREE_H */
