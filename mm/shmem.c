// SPDX-License-Identifier: GPL-2.0
/*
 * Shared anonymous memory: what MAP_SHARED|MAP_ANONYMOUS maps. Its pages cannot simply be
 * made on first touch in each address space, as private anonymous pages are, or a parent
 * and its forked child would each fault in a page of their own and never see each other's
 * writes. So the mapping gets an object of its own, as Linux gives it a shmem file: a page
 * cache (struct address_space, fs/filemap.c) with no file and no inode, whose pages are
 * made zeroed on first touch, and which every VMA mapping it shares (fork and splits take a
 * reference through vm_ops->open, unmapping drops it through vm_ops->close).
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/slab.h>

#include "internal.h"

struct shmem_object {
	atomic_t refs; /* one per VMA mapping it */
	struct address_space mapping; /* its pages, by offset in pages (mapping->lock) */
};

static struct shmem_object *shmem_of(const struct vm_area_struct *vma)
{
	return vma->vm_private_data;
}

/* Called with mmap_lock held for reading. */
static int shmem_fault(struct vm_area_struct *vma, unsigned long pgoff, struct page **pagep)
{
	struct page *page;

	mmap_assert_locked(vma->vm_mm);
	page = find_or_create_page(&shmem_of(vma)->mapping, pgoff);
	if (!page)
		return VM_FAULT_OOM;
	*pagep = page;
	return 0;
}

static void shmem_open(struct vm_area_struct *vma)
{
	atomic_inc(&shmem_of(vma)->refs);
}

/* The last VMA is gone, and with it (zapped before close) every mapping of the pages. */
static void shmem_close(struct vm_area_struct *vma)
{
	struct shmem_object *obj = shmem_of(vma);

	if (!atomic_dec_and_test(&obj->refs))
		return;
	truncate_inode_pages(&obj->mapping, 0);
	kfree(obj);
}

static const struct vm_operations_struct shmem_anon_vm_ops = {
	.fault = shmem_fault,
	.open = shmem_open,
	.close = shmem_close,
};

int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return -ENOMEM;
	atomic_set(&obj->refs, 1);
	address_space_init(&obj->mapping, NULL);
	vma->vm_private_data = obj;
	vma->vm_ops = &shmem_anon_vm_ops;
	vma->vm_pgoff = 0;
	return 0;
}

bool vma_is_anon_shmem(const struct vm_area_struct *vma)
{
	return vma->vm_ops == &shmem_anon_vm_ops;
}

struct address_space *vma_page_cache(const struct vm_area_struct *vma)
{
	if (vma->vm_file)
		return vma->vm_file->f_mapping;
	if (vma_is_anon_shmem(vma))
		return &shmem_of(vma)->mapping;
	return NULL;
}
