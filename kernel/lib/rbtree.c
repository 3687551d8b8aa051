// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black tree rebalancing, erasure and traversal; see include/kernel/rbtree.h for the rules
 * the tree keeps.
 *
 * The left and right cases of the rebalancing mirror each other, so they are written once with
 * a direction: RB_LEFT or RB_RIGHT, and !dir is the other one. An empty (NULL) slot counts as
 * black throughout.
 */
#include <kernel/rbtree.h>

#define RB_RED 0UL
#define RB_BLACK 1UL

enum {
	RB_LEFT = 0,
	RB_RIGHT = 1
};

static inline bool rb_is_black(const struct rb_node *node)
{
	return !node || (node->__rb_parent_color & 1);
}

static inline bool rb_is_red(const struct rb_node *node)
{
	return !rb_is_black(node);
}

static inline void rb_set_color(struct rb_node *node, unsigned long color)
{
	node->__rb_parent_color = (node->__rb_parent_color & ~1UL) | color;
}

/* Set @node's parent, keeping its colour. */
static inline void rb_set_parent(struct rb_node *node, struct rb_node *parent)
{
	node->__rb_parent_color = (unsigned long)parent | (node->__rb_parent_color & 1);
}

/* The slot holding @node's child on side @dir. */
static inline struct rb_node **rb_slot(struct rb_node *node, int dir)
{
	return dir == RB_LEFT ? &node->rb_left : &node->rb_right;
}

/*
 * Make whatever pointed at @old (@parent's child slot, or the root) point at @new instead. The
 * root is written once, for RB_EMPTY_ROOT() peeks without the lock.
 */
static inline void rb_change_child(struct rb_node *parent, struct rb_node *old, struct rb_node *new,
				   struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * Rotate @node down to side @dir: its child on the other side takes its place, and @node
 * becomes that child's @dir child, adopting the subtree that was there. In-order sequence and
 * colours are unchanged.
 *
 *	rotate(n, RB_LEFT):      n                 c
 *	                        / \               / \
 *	                       a   c     =>      n   e
 *	                          / \           / \
 *	                         d   e         a   d
 */
static void rb_rotate(struct rb_node *node, int dir, struct rb_root *root)
{
	struct rb_node *up = *rb_slot(node, !dir);
	struct rb_node *moved = *rb_slot(up, dir);

	*rb_slot(node, !dir) = moved;
	if (moved)
		rb_set_parent(moved, node);
	rb_set_parent(up, rb_parent(node));
	rb_change_child(rb_parent(node), node, up, root);
	*rb_slot(up, dir) = node;
	rb_set_parent(node, up);
}

/*
 * @node was just linked in red, so the only rule that can be broken is "no red child of a red
 * node", between @node and its parent. Each round either fixes that with at most two rotations
 * or recolours and moves the problem two levels up.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	for (;;) {
		struct rb_node *parent = rb_parent(node);
		struct rb_node *gparent, *uncle;
		int dir;

		if (!parent) {
			/* @node is the root: making it black adds one to every path. */
			rb_set_color(node, RB_BLACK);
			return;
		}
		if (rb_is_black(parent))
			return;

		/* A red parent is not the root, so the grandparent exists, and it is black. */
		gparent = rb_parent(parent);
		dir = parent == gparent->rb_left ? RB_LEFT : RB_RIGHT;
		uncle = *rb_slot(gparent, !dir);

		if (rb_is_red(uncle)) {
			/*
			 * Push the grandparent's black down to both its children: paths through
			 * it keep their black count, and the grandparent, now red, may clash
			 * with its own parent in turn.
			 */
			rb_set_color(parent, RB_BLACK);
			rb_set_color(uncle, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}

		if (node == *rb_slot(parent, !dir)) {
			/*
			 * @node is an inner grandchild: rotate it above its parent so the red
			 * pair lines up on the outside, and carry on with the roles swapped.
			 */
			rb_rotate(parent, dir, root);
			parent = node;
		}
		/*
		 * @parent (red) is on the outside with a black uncle: rotate it up above the
		 * grandparent and swap their colours. The top of this subtree stays black, and
		 * each path keeps its black count.
		 */
		rb_rotate(gparent, !dir, root);
		rb_set_color(parent, RB_BLACK);
		rb_set_color(gparent, RB_RED);
		return;
	}
}

/*
 * A black node was removed from the slot where @node (NULL, or a black node) now is, under
 * @parent: paths through @node have one black fewer than paths through its sibling. Each round
 * either fixes that with at most three rotations or moves the shortage one level up.
 */
static void rb_erase_fixup(struct rb_node *node, struct rb_node *parent, struct rb_root *root)
{
	while (parent) {
		/* With @node NULL this still works: its sibling cannot be empty. */
		int dir = node == parent->rb_left ? RB_LEFT : RB_RIGHT;
		struct rb_node *sibling = *rb_slot(parent, !dir);
		struct rb_node *near, *far;

		if (rb_is_red(sibling)) {
			/*
			 * Rotate the red sibling above the parent and swap their colours; black
			 * counts are unchanged, and @node's new sibling (the old sibling's inner
			 * child, not empty since the old sibling was red) is black.
			 */
			rb_rotate(parent, dir, root);
			rb_set_color(sibling, RB_BLACK);
			rb_set_color(parent, RB_RED);
			sibling = *rb_slot(parent, !dir);
		}

		near = *rb_slot(sibling, dir);
		far = *rb_slot(sibling, !dir);

		if (rb_is_black(near) && rb_is_black(far)) {
			/*
			 * Take one black off the sibling's side too, by making it red. A red
			 * parent turned black then restores both sides; a black parent passes
			 * the shortage on to its whole subtree.
			 */
			rb_set_color(sibling, RB_RED);
			if (rb_is_red(parent)) {
				rb_set_color(parent, RB_BLACK);
				return;
			}
			node = parent;
			parent = rb_parent(node);
			continue;
		}

		if (rb_is_black(far)) {
			/*
			 * Only the near nephew is red: rotate it above the sibling, so that it
			 * becomes @node's sibling with the old sibling as its far child. Swapping
			 * their colours would make that far child red, which is the case below;
			 * since the step below sets both their colours anyway, go straight on.
			 */
			rb_rotate(sibling, !dir, root);
			far = sibling;
			sibling = near;
		}

		/*
		 * The far nephew is red: rotate the sibling above the parent, give it the
		 * parent's colour, and make the parent and the far nephew black. @node's side
		 * gains a black (the parent) and the far side keeps its count.
		 */
		rb_rotate(parent, dir, root);
		rb_set_color(sibling, parent->__rb_parent_color & 1);
		rb_set_color(parent, RB_BLACK);
		rb_set_color(far, RB_BLACK);
		return;
	}
	/* The shortage reached the root, which is on every path: nothing is unbalanced. */
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *child, *parent;
	bool removed_black;

	if (node->rb_left && node->rb_right) {
		/*
		 * Two children: the in-order successor, the leftmost node of the right subtree,
		 * has no left child. It takes @node's place and colour, so the node that really
		 * leaves its slot is the successor, from its old place.
		 */
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;
		child = succ->rb_right;
		removed_black = rb_is_black(succ);

		if (succ == node->rb_right) {
			/* The successor moves up one level, keeping its right subtree. */
			parent = succ;
		} else {
			parent = rb_parent(succ);
			parent->rb_left = child;
			if (child)
				rb_set_parent(child, parent);
			succ->rb_right = node->rb_right;
			rb_set_parent(succ->rb_right, succ);
		}
		succ->rb_left = node->rb_left;
		rb_set_parent(succ->rb_left, succ);
		succ->__rb_parent_color = node->__rb_parent_color;
		rb_change_child(rb_parent(node), node, succ, root);
	} else {
		/* At most one child, which takes @node's slot. */
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = rb_parent(node);
		removed_black = rb_is_black(node);
		if (child)
			rb_set_parent(child, parent);
		rb_change_child(parent, node, child, root);
	}

	if (!removed_black)
		return;
	/*
	 * A black node left the slot now holding @child. A lone child under a black node is
	 * red (its sibling slot is empty), and turning it black makes up for the loss.
	 */
	if (child) {
		rb_set_color(child, RB_BLACK);
		return;
	}
	rb_erase_fixup(NULL, parent, root);
}

void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	*new = *victim;
	if (victim->rb_left)
		rb_set_parent(victim->rb_left, new);
	if (victim->rb_right)
		rb_set_parent(victim->rb_right, new);
	rb_change_child(parent, victim, new, root);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	if (!node)
		return NULL;
	while (node->rb_left)
		node = node->rb_left;
	return node;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	if (!node)
		return NULL;
	while (node->rb_right)
		node = node->rb_right;
	return node;
}

/*
 * The next node on side @dir in order: the nearest node of the subtree on that side if there is
 * one, else the first ancestor reached from its opposite side.
 */
static struct rb_node *rb_step(const struct rb_node *node, int dir)
{
	struct rb_node *next, *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;

	next = *rb_slot((struct rb_node *)node, dir);
	if (next) {
		while (*rb_slot(next, !dir))
			next = *rb_slot(next, !dir);
		return next;
	}
	while ((parent = rb_parent(node)) && node == *rb_slot(parent, dir))
		node = parent;
	return parent;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	return rb_step(node, RB_RIGHT);
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	return rb_step(node, RB_LEFT);
}

/*
 * Check @node's links to its children on entry to it: each child points back at @node, and the
 * two are different nodes. Together these make every reachable node's path from the root
 * unique, so the walk cannot loop or visit a node twice even in a corrupted tree.
 */
static bool rb_links_ok(const struct rb_node *node)
{
	if (node->rb_left && rb_parent(node->rb_left) != node)
		return false;
	if (node->rb_right && rb_parent(node->rb_right) != node)
		return false;
	return !node->rb_left || node->rb_left != node->rb_right;
}

int rb_validate(const struct rb_root *root)
{
	const struct rb_node *node = root->rb_node;
	const struct rb_node *prev = NULL;
	int height = -1; /* black nodes from the root to an empty slot; -1 until one is seen */
	int blacks = 0; /* black nodes from the root down to @node, inclusive once entered */

	if (!node)
		return 0;
	if (rb_parent(node) || rb_is_red(node))
		return -1;

	/*
	 * Walk the tree depth-first without a stack, using the parent pointers: @prev says
	 * whether we came into @node from above, from its left child or from its right child.
	 */
	while (node) {
		const struct rb_node *next;

		if (prev == rb_parent(node)) {
			/* Entering @node from above. */
			if (!rb_links_ok(node))
				return -1;
			if (rb_is_red(node) &&
			    (rb_is_red(node->rb_left) || rb_is_red(node->rb_right)))
				return -1;
			blacks += rb_is_black(node);
			/* Every empty slot must be at the same black depth. */
			if (!node->rb_left || !node->rb_right) {
				if (height < 0)
					height = blacks;
				else if (blacks != height)
					return -1;
			}
			if (node->rb_left)
				next = node->rb_left;
			else if (node->rb_right)
				next = node->rb_right;
			else
				next = NULL;
		} else if (prev && prev == node->rb_left) {
			/* Back from the left subtree. */
			next = node->rb_right;
		} else {
			/* Back from the right subtree. */
			next = NULL;
		}

		if (next) {
			prev = node;
			node = next;
		} else {
			/* Done with @node: leave it upwards. */
			blacks -= rb_is_black(node);
			prev = node;
			node = rb_parent(node);
		}
	}
	return height;
}
