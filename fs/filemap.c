// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache: each inode's cached pages, by index, in a red-black tree of small nodes
 * (struct page stays small). A page in the cache holds one reference for the cache. The
 * generic read and write paths copy between pages and an iov_iter; a hole (no page) reads as
 * zeros, which is how sparse files work without storing their holes.
 *
 * Mapped into address spaces, a page-cache page is what a MAP_SHARED mapping of the file
 * maps, and what a MAP_PRIVATE one reads until its first write copies it (mm/memory.c).
 *
 * Locking: mapping->lock (irq-safe) covers the tree. Writers to a file hold its i_rwsem,
 * which also orders size changes against truncation.
 */
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/slab.h>
#include <kernel/string.h>

struct pcache_node {
	struct rb_node rb;
	unsigned long index;
	struct page *page;
};

static struct kmem_cache *pcache_node_cache;
static atomic_long_t pagecache_pages;

unsigned long nr_pagecache_pages(void)
{
	return atomic_long_read(&pagecache_pages);
}

void address_space_init(struct address_space *mapping, struct inode *host)
{
	mapping->host = host;
	mapping->pages = RB_ROOT;
	mapping->nrpages = 0;
	spin_lock_init(&mapping->lock);
	mapping->a_ops = NULL;
}

static struct pcache_node *pc_find(struct address_space *mapping, unsigned long index)
{
	struct rb_node *n = mapping->pages.rb_node;

	while (n) {
		struct pcache_node *pc = rb_entry(n, struct pcache_node, rb);

		if (index < pc->index)
			n = n->rb_left;
		else if (index > pc->index)
			n = n->rb_right;
		else
			return pc;
	}
	return NULL;
}

static bool pc_less(const struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct pcache_node, rb)->index <
	       rb_entry(b, struct pcache_node, rb)->index;
}

struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct pcache_node *pc;
	struct page *page = NULL;
	unsigned long flags;

	spin_lock_irqsave(&mapping->lock, flags);
	pc = pc_find(mapping, index);
	if (pc) {
		page = pc->page;
		get_page(page);
	}
	spin_unlock_irqrestore(&mapping->lock, flags);
	return page;
}

struct page *find_or_create_page(struct address_space *mapping, unsigned long index)
{
	struct pcache_node *pc, *other;
	struct page *page = find_get_page(mapping, index);
	unsigned long flags;

	if (page)
		return page;
	page = alloc_page(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
	pc = kmem_cache_alloc(pcache_node_cache, GFP_KERNEL);
	if (!page || !pc)
		goto out_free;
	page->mapping = mapping;
	page->index = index;
	if (mapping->a_ops && mapping->a_ops->readpage && mapping->a_ops->readpage(NULL, page))
		goto out_free;
	pc->index = index;
	pc->page = page;
	spin_lock_irqsave(&mapping->lock, flags);
	other = pc_find(mapping, index);
	if (other) { /* someone else was faster */
		get_page(other->page);
		spin_unlock_irqrestore(&mapping->lock, flags);
		kmem_cache_free(pcache_node_cache, pc);
		page->mapping = NULL;
		put_page(page);
		return other->page;
	}
	rb_add(&pc->rb, &mapping->pages, pc_less);
	mapping->nrpages++;
	get_page(page); /* the cache's reference */
	spin_unlock_irqrestore(&mapping->lock, flags);
	atomic_long_inc(&pagecache_pages);
	return page;

out_free:
	if (page) {
		page->mapping = NULL;
		put_page(page);
	}
	if (pc)
		kmem_cache_free(pcache_node_cache, pc);
	return NULL;
}

/* Drops every page from index first_index on. */
static void drop_pages_from(struct address_space *mapping, unsigned long first_index)
{
	for (;;) {
		struct rb_node *n;
		struct pcache_node *victim = NULL;
		unsigned long flags;

		spin_lock_irqsave(&mapping->lock, flags);
		for (n = rb_last(&mapping->pages); n; n = rb_prev(n)) {
			struct pcache_node *pc = rb_entry(n, struct pcache_node, rb);

			if (pc->index < first_index)
				break;
			victim = pc;
			break;
		}
		if (victim) {
			rb_erase(&victim->rb, &mapping->pages);
			mapping->nrpages--;
		}
		spin_unlock_irqrestore(&mapping->lock, flags);
		if (!victim)
			return;
		victim->page->mapping = NULL;
		test_clear_page_dirty(victim->page); /* nothing to write it back to now */
		put_page(victim->page);
		kmem_cache_free(pcache_node_cache, victim);
		atomic_long_dec(&pagecache_pages);
	}
}

void truncate_inode_pages(struct address_space *mapping, loff_t from)
{
	unsigned long first = (from + PAGE_SIZE - 1) >> PAGE_SHIFT;
	struct page *partial;

	drop_pages_from(mapping, first);
	/* Zero the tail of the page the new end falls in: growing again must read zeros. */
	if (from & (PAGE_SIZE - 1)) {
		partial = find_get_page(mapping, from >> PAGE_SHIFT);
		if (partial) {
			size_t off = from & (PAGE_SIZE - 1);

			memset((char *)page_address(partial) + off, 0, PAGE_SIZE - off);
			put_page(partial);
		}
	}
}

ssize_t generic_file_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	ssize_t done = 0;

	if (*pos < 0)
		return -EINVAL;
	while (to->count && *pos < inode->i_size) {
		size_t offset = *pos & (PAGE_SIZE - 1);
		size_t n = min(min((size_t)(PAGE_SIZE - offset), to->count),
			       (size_t)(inode->i_size - *pos));
		struct page *page = find_get_page(inode->i_mapping, *pos >> PAGE_SHIFT);
		size_t copied;

		if (page) {
			copied = copy_to_iter((char *)page_address(page) + offset, n, to);
			put_page(page);
		} else {
			copied = iov_iter_zero(n, to); /* a hole */
		}
		*pos += copied;
		done += copied;
		if (copied < n) {
			file_accessed(file);
			return done ? done : -EFAULT;
		}
	}
	/* Even a read of nothing, or at the end, is an access, as with Linux's tmpfs. */
	file_accessed(file);
	return done;
}

ssize_t generic_file_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	ssize_t done = 0, err = 0;

	inode_lock(inode);
	err = generic_write_checks(file, from, pos);
	if (err < 0)
		goto out_unlock;
	err = 0;
	while (from->count) {
		size_t offset = *pos & (PAGE_SIZE - 1);
		size_t n = min((size_t)(PAGE_SIZE - offset), from->count);
		struct page *page = find_or_create_page(inode->i_mapping, *pos >> PAGE_SHIFT);
		size_t copied;

		if (!page) {
			err = -ENOSPC;
			break;
		}
		copied = copy_from_iter((char *)page_address(page) + offset, n, from);
		put_page(page);
		*pos += copied;
		done += copied;
		if (*pos > inode->i_size)
			inode->i_size = *pos;
		if (copied < n) {
			err = -EFAULT;
			break;
		}
	}
	if (done)
		inode->i_mtime = inode->i_ctime = current_time(inode);
out_unlock:
	inode_unlock(inode);
	return done ? done : err;
}

/*
 * A page of a mapped file, with a reference for the mapping; past the end of the file there is
 * nothing to map (SIGBUS, as on Linux). Called with mmap_lock held for reading.
 */
static int filemap_fault(struct vm_area_struct *vma, unsigned long pgoff, struct page **pagep)
{
	struct inode *inode = vma->vm_file->f_inode;
	struct page *page;

	mmap_assert_locked(vma->vm_mm);
	if (pgoff >= DIV_ROUND_UP((unsigned long)READ_ONCE(inode->i_size), PAGE_SIZE))
		return VM_FAULT_SIGBUS;
	page = find_or_create_page(vma->vm_file->f_mapping, pgoff);
	if (!page)
		return VM_FAULT_OOM;
	*pagep = page;
	return 0;
}

static const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
};

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!file->f_mapping)
		return -ENODEV;
	/* Mapping is the access, as on Linux: the faults that read the pages stamp nothing. */
	file_accessed(file);
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}

void filemap_init(void);
void filemap_init(void)
{
	pcache_node_cache =
		kmem_cache_create("pcache_node", sizeof(struct pcache_node), 0, SLAB_PANIC, NULL);
}
