// SPDX-License-Identifier: GPL-2.0
/*
 * The dentry cache: every name the VFS has looked up, positive (it names an inode) or
 * negative (it names nothing, so the next lookup of it need not ask the file system), in a
 * hash by (parent, name) and a tree by parent. A dentry pins its inode and its parent; one
 * nobody references stays cached on an LRU list until shrink_dcache_all frees it.
 *
 * Locking: dcache_lock covers the hash, the tree links, reference counts, the LRU and
 * d_inode changes. It is a leaf lock: nothing is called with it held that takes another
 * (iput and freeing happen after dropping it).
 */
#include <kernel/fs.h>
#include <kernel/panic.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define D_HASH_BITS 10
#define D_HASH_SIZE (1u << D_HASH_BITS)

static struct hlist_head dentry_hashtable[D_HASH_SIZE];
static DEFINE_SPINLOCK(dcache_lock);
static LIST_HEAD(dentry_lru);
static unsigned long nr_dentry;
static struct kmem_cache *dentry_cache;

/* FNV-1a: cheap, and good enough for names. */
void qstr_hash(struct qstr *q)
{
	u32 h = DNAME_HASH_INIT;

	for (u32 i = 0; i < q->len; i++)
		h = dname_hash_byte(h, (u8)q->name[i]);
	q->hash = h;
}

/* Names are short: compared inline, a byte at a time, after the hash has matched. */
static __always_inline bool dname_equal(const char *a, const char *b, u32 len, u32 alen)
{
	if (alen != len)
		return false;
	for (u32 i = 0; i < len; i++) {
		if (a[i] != b[i])
			return false;
	}
	return true;
}

static struct hlist_head *d_hash_bucket(const struct dentry *parent, u32 hash)
{
	return &dentry_hashtable[(hash ^ ((unsigned long)parent >> 6)) & (D_HASH_SIZE - 1)];
}

unsigned long nr_dentries(void)
{
	return READ_ONCE(nr_dentry);
}

static int d_set_name(struct dentry *dentry, const struct qstr *name)
{
	char *dname = dentry->d_iname;

	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname)
			return -ENOMEM;
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	return 0;
}

static void d_free_name(struct dentry *dentry)
{
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	unsigned long flags;

	if (!dentry)
		return NULL;
	if (d_set_name(dentry, name)) {
		kmem_cache_free(dentry_cache, dentry);
		return NULL;
	}
	atomic_set(&dentry->d_count, 1);
	dentry->d_flags = DCACHE_UNHASHED;
	INIT_HLIST_NODE(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	INIT_LIST_HEAD(&dentry->d_lru);
	INIT_LIST_HEAD(&dentry->d_child);
	spin_lock_irqsave(&dcache_lock, flags);
	if (parent) {
		atomic_inc(&parent->d_count);
		dentry->d_parent = parent;
		dentry->d_sb = parent->d_sb;
		list_add(&dentry->d_child, &parent->d_subdirs);
	} else {
		dentry->d_parent = dentry;
	}
	nr_dentry++;
	spin_unlock_irqrestore(&dcache_lock, flags);
	return dentry;
}

struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = { .name = "/", .len = 1 };
	struct dentry *root;

	if (!root_inode)
		return NULL;
	root = d_alloc(NULL, &slash);
	if (!root) {
		iput(root_inode);
		return NULL;
	}
	root->d_sb = root_inode->i_sb;
	root->d_inode = root_inode;
	return root;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	dentry->d_inode = inode;
	spin_unlock_irqrestore(&dcache_lock, flags);
}

/* The double-underscore helpers are called with dcache_lock held. */
static void __d_rehash(struct dentry *dentry)
{
	lockdep_assert_held(&dcache_lock);
	hlist_add_head(&dentry->d_hash, d_hash_bucket(dentry->d_parent, dentry->d_name.hash));
	dentry->d_flags &= ~DCACHE_UNHASHED;
}

static void __d_drop(struct dentry *dentry)
{
	lockdep_assert_held(&dcache_lock);
	if (!(dentry->d_flags & DCACHE_UNHASHED)) {
		hlist_del_init(&dentry->d_hash);
		dentry->d_flags |= DCACHE_UNHASHED;
	}
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	dentry->d_inode = inode;
	__d_rehash(dentry);
	spin_unlock_irqrestore(&dcache_lock, flags);
}

void d_drop(struct dentry *dentry)
{
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	__d_drop(dentry);
	spin_unlock_irqrestore(&dcache_lock, flags);
}

/* A new reference to a dentry that may have none (found in the hash or a list). */
static struct dentry *__dget(struct dentry *dentry)
{
	lockdep_assert_held(&dcache_lock);
	atomic_inc(&dentry->d_count);
	if (dentry->d_flags & DCACHE_ON_LRU) {
		list_del_init(&dentry->d_lru);
		dentry->d_flags &= ~DCACHE_ON_LRU;
	}
	return dentry;
}

/*
 * Another reference, for a caller that holds one: the count is at least 1, so the dentry is
 * on no LRU and the lock is not needed (a path walk takes and drops two per component).
 */
struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		BUG_ON(atomic_read(&dentry->d_count) <= 0);
		atomic_inc(&dentry->d_count);
	}
	return dentry;
}

/* Drops a reference that is not the last one, without the lock; false if it is the last. */
static bool dput_not_last(struct dentry *dentry)
{
	int c = atomic_read(&dentry->d_count);

	while (c > 1) {
		int old = atomic_cmpxchg(&dentry->d_count, c, c - 1);

		if (old == c)
			return true;
		c = old;
	}
	return false;
}

struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	hlist_for_each_entry(dentry, d_hash_bucket(parent, name->hash), d_hash) {
		if (dentry->d_parent != parent || dentry->d_name.hash != name->hash ||
		    !dname_equal(dentry->d_name.name, name->name, name->len, dentry->d_name.len))
			continue;
		found = __dget(dentry);
		break;
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
	return found;
}

/*
 * Takes an unreferenced dentry out of the tree (dcache_lock held); returns its parent, whose
 * reference the caller must drop, or NULL for a root. The caller frees it (d_free).
 */
static struct dentry *__d_unlink(struct dentry *dentry)
{
	struct dentry *parent = dentry->d_parent;

	lockdep_assert_held(&dcache_lock);
	__d_drop(dentry);
	if (dentry->d_flags & DCACHE_ON_LRU) {
		list_del_init(&dentry->d_lru);
		dentry->d_flags &= ~DCACHE_ON_LRU;
	}
	list_del_init(&dentry->d_child);
	nr_dentry--;
	return parent == dentry ? NULL : parent;
}

static void d_free(struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	d_free_name(dentry);
	kmem_cache_free(dentry_cache, dentry);
	if (inode)
		iput(inode);
}

void dput(struct dentry *dentry)
{
	unsigned long flags;

	while (dentry) {
		struct dentry *parent;

		if (dput_not_last(dentry))
			return;
		spin_lock_irqsave(&dcache_lock, flags);
		BUG_ON(atomic_read(&dentry->d_count) <= 0);
		if (atomic_dec_return(&dentry->d_count) > 0) {
			spin_unlock_irqrestore(&dcache_lock, flags);
			return;
		}
		if (!(dentry->d_flags & DCACHE_UNHASHED)) {
			/* Still a valid name: keep it cached for the next lookup. */
			list_add_tail(&dentry->d_lru, &dentry_lru);
			dentry->d_flags |= DCACHE_ON_LRU;
			spin_unlock_irqrestore(&dcache_lock, flags);
			return;
		}
		parent = __d_unlink(dentry);
		spin_unlock_irqrestore(&dcache_lock, flags);
		d_free(dentry);
		dentry = parent;
	}
}

/*
 * The name was deleted. If the caller holds the only reference, the dentry becomes negative
 * at once (its inode is released); otherwise it is unhashed, and the inode goes with the
 * last reference, as an unlinked but open file must stay usable.
 */
void d_delete(struct dentry *dentry)
{
	struct inode *inode = NULL;
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	if (atomic_read(&dentry->d_count) == 1) {
		inode = dentry->d_inode;
		dentry->d_inode = NULL;
	} else {
		__d_drop(dentry);
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
	if (inode)
		iput(inode);
}

struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *parent;
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	parent = __dget(dentry->d_parent);
	spin_unlock_irqrestore(&dcache_lock, flags);
	return parent;
}

bool is_subdir(struct dentry *dentry, struct dentry *ancestor)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&dcache_lock, flags);
	while (dentry != ancestor && dentry->d_parent != dentry)
		dentry = dentry->d_parent;
	ret = dentry == ancestor;
	spin_unlock_irqrestore(&dcache_lock, flags);
	return ret;
}

/*
 * rename: dentry takes target's name and parent; target (which the caller has dropped the
 * inode of, or which is negative) leaves the hash.
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = NULL;
	unsigned long flags;
	struct qstr name = target->d_name;
	char inline_copy[DNAME_INLINE_LEN];
	char *long_copy = NULL;

	/* Copy target's name first: it may be freed with target meanwhile. */
	if (name.len >= DNAME_INLINE_LEN) {
		long_copy = kmalloc(name.len + 1, GFP_KERNEL);
		if (!long_copy)
			return; /* the rename happened on disk; the cache will just miss */
		memcpy(long_copy, name.name, name.len + 1);
		name.name = long_copy;
	} else {
		memcpy(inline_copy, name.name, name.len + 1);
		name.name = inline_copy;
	}

	spin_lock_irqsave(&dcache_lock, flags);
	__d_drop(dentry);
	__d_drop(target);
	d_free_name(dentry);
	if (long_copy) {
		dentry->d_name.name = long_copy;
		long_copy = NULL;
	} else {
		memcpy(dentry->d_iname, inline_copy, name.len + 1);
		dentry->d_name.name = dentry->d_iname;
	}
	dentry->d_name.len = name.len;
	dentry->d_name.hash = name.hash;
	if (dentry->d_parent != target->d_parent) {
		old_parent = dentry->d_parent;
		list_del(&dentry->d_child);
		dentry->d_parent = __dget(target->d_parent);
		list_add(&dentry->d_child, &dentry->d_parent->d_subdirs);
	}
	__d_rehash(dentry);
	spin_unlock_irqrestore(&dcache_lock, flags);
	if (old_parent)
		dput(old_parent);
}

unsigned long shrink_dcache_all(void)
{
	unsigned long freed = 0, flags;
	bool progress = true;

	while (progress) {
		struct dentry *dentry, *parent;

		progress = false;
		spin_lock_irqsave(&dcache_lock, flags);
		dentry = list_first_entry_or_null(&dentry_lru, struct dentry, d_lru);
		if (dentry) {
			parent = __d_unlink(dentry);
			spin_unlock_irqrestore(&dcache_lock, flags);
			d_free(dentry);
			dput(parent); /* may put the parent on the LRU in turn */
			freed++;
			progress = true;
			continue;
		}
		spin_unlock_irqrestore(&dcache_lock, flags);
	}
	return freed;
}

void dcache_init(void);
void dcache_init(void)
{
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0, SLAB_PANIC, NULL);
	for (unsigned int i = 0; i < D_HASH_SIZE; i++)
		INIT_HLIST_HEAD(&dentry_hashtable[i]);
}

/* Does dentry have a child that names something (is the directory non-empty)? */
bool d_has_positive_children(struct dentry *dentry)
{
	struct dentry *child;
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&dcache_lock, flags);
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (child->d_inode && !(child->d_flags & DCACHE_UNHASHED)) {
			found = true;
			break;
		}
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
	return found;
}

/* File systems that keep their tree in the dcache (tmpfs) pin each entry they create. */
void d_pin(struct dentry *dentry)
{
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	__dget(dentry);
	dentry->d_flags |= DCACHE_PINNED;
	spin_unlock_irqrestore(&dcache_lock, flags);
}

void d_unpin(struct dentry *dentry)
{
	unsigned long flags;
	bool was;

	spin_lock_irqsave(&dcache_lock, flags);
	was = dentry->d_flags & DCACHE_PINNED;
	dentry->d_flags &= ~DCACHE_PINNED;
	spin_unlock_irqrestore(&dcache_lock, flags);
	if (was)
		dput(dentry);
}

static struct dentry *find_pinned(struct dentry *dentry)
{
	struct dentry *child, *found;

	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		found = find_pinned(child);
		if (found)
			return found;
		if (child->d_flags & DCACHE_PINNED)
			return child;
	}
	return NULL;
}

/* Unpins every entry below root (unmounting a tmpfs), deepest first. */
void d_genocide(struct dentry *root)
{
	for (;;) {
		struct dentry *victim;
		unsigned long flags;

		spin_lock_irqsave(&dcache_lock, flags);
		victim = find_pinned(root);
		if (victim)
			victim->d_flags &= ~DCACHE_PINNED;
		spin_unlock_irqrestore(&dcache_lock, flags);
		if (!victim)
			return;
		dput(victim);
	}
}

/*
 * readdir for directories whose entries are all in the dcache (tmpfs): ".", "..", then the
 * children that name something; ctx->pos counts entries. Each open directory has a cursor,
 * a dentry with no name in the hash and no inode (so every other walker of d_subdirs passes
 * over it, as they pass over negative entries), kept in d_subdirs just after the last entry
 * returned, as Linux's dcache_readdir keeps one: reading n entries costs O(n), where counting
 * from the start each time cost O(n^2) (getdents64 of 100 entries: 72,846 instructions).
 * The cursor's d_fsdata holds the ctx->pos it stands at; it is guarded by the file's
 * f_pos_lock (getdents64 holds it), its place in the list by dcache_lock.
 */
static bool d_is_listed(const struct dentry *child)
{
	return child->d_inode && !(child->d_flags & DCACHE_UNHASHED);
}

static loff_t cursor_pos(const struct dentry *cursor)
{
	return (loff_t)(unsigned long)cursor->d_fsdata;
}

static void set_cursor_pos(struct dentry *cursor, loff_t pos)
{
	cursor->d_fsdata = (void *)(unsigned long)pos;
}

int dcache_dir_open(struct inode *inode, struct file *file)
{
	static const struct qstr no_name = { .name = "", .len = 0 };
	struct dentry *cursor = d_alloc(file->f_path.dentry, &no_name);

	(void)inode;
	if (!cursor)
		return -ENOMEM;
	set_cursor_pos(cursor, 2); /* d_alloc put it first among the children */
	file->private_data = cursor;
	return 0;
}

int dcache_dir_close(struct inode *inode, struct file *file)
{
	struct dentry *cursor = file->private_data, *parent;
	unsigned long flags;

	(void)inode;
	spin_lock_irqsave(&dcache_lock, flags);
	parent = __d_unlink(cursor);
	spin_unlock_irqrestore(&dcache_lock, flags);
	d_free(cursor);
	dput(parent);
	return 0;
}

/* After an lseek: the cursor goes just before the child whose position is pos. */
static void cursor_seek(struct dentry *dir, struct dentry *cursor, loff_t pos)
{
	struct list_head *after = &dir->d_subdirs;
	struct dentry *child;
	unsigned long flags;
	loff_t n = 2;

	spin_lock_irqsave(&dcache_lock, flags);
	list_del(&cursor->d_child);
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		if (n >= pos)
			break;
		if (d_is_listed(child)) {
			after = &child->d_child;
			n++;
		}
	}
	list_add(&cursor->d_child, after);
	spin_unlock_irqrestore(&dcache_lock, flags);
	set_cursor_pos(cursor, pos);
}

/*
 * The next child after the cursor, its name copied out and the cursor moved past it; false
 * at the end. The actor then runs without dcache_lock (a leaf lock).
 */
static bool cursor_next(struct dentry *dir, struct dentry *cursor, struct dentry **childp,
			char *name, int *len, u64 *ino, unsigned int *type)
{
	struct dentry *child = cursor;
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&dcache_lock, flags);
	list_for_each_entry_continue(child, &dir->d_subdirs, d_child)
	{
		if (!d_is_listed(child))
			continue;
		*len = child->d_name.len;
		memcpy(name, child->d_name.name, *len);
		*ino = child->d_inode->i_ino;
		*type = (child->d_inode->i_mode >> 12) & 15;
		list_move(&cursor->d_child, &child->d_child);
		*childp = child;
		found = true;
		break;
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
	return found;
}

/*
 * The actor refused child (the buffer is full): the cursor steps back before it, so that the
 * next read returns it. Only the pointer is compared: if child went away meanwhile, the
 * cursor's neighbour is another entry and it stays where it is.
 */
static void cursor_unread(struct dentry *cursor, struct dentry *child)
{
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	if (cursor->d_child.prev == &child->d_child)
		list_move_tail(&cursor->d_child, &child->d_child);
	spin_unlock_irqrestore(&dcache_lock, flags);
}

int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *cursor = file->private_data, *child;
	char name[NAME_MAX + 1];
	unsigned int type;
	int len;
	u64 ino;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, dir->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 1, dir->d_parent->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	if (cursor_pos(cursor) != ctx->pos)
		cursor_seek(dir, cursor, ctx->pos);
	while (cursor_next(dir, cursor, &child, name, &len, &ino, &type)) {
		if (!ctx->actor(ctx, name, len, ctx->pos, ino, type)) {
			cursor_unread(cursor, child);
			return 0;
		}
		ctx->pos++;
		set_cursor_pos(cursor, ctx->pos);
	}
	return 0;
}

int d_name_copy(struct dentry *dentry, char *buf, size_t size)
{
	unsigned long flags;
	int len;

	spin_lock_irqsave(&dcache_lock, flags);
	len = dentry->d_name.len;
	if ((size_t)len < size) {
		memcpy(buf, dentry->d_name.name, len);
		buf[len] = '\0';
	} else {
		len = -ENAMETOOLONG;
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
	return len;
}
