// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials, reference-counted and immutable once in use (see include/kernel/cred.h).
 * They live here beside the permission checks that read them; Linux keeps them in
 * kernel/cred.c.
 *
 * Locking: task_cred_lock covers the cred pointer of a task for readers on other tasks
 * (get_task_cred) against its owner replacing it (commit_creds). The owner reads its own
 * without the lock: only it changes it.
 */
#include <kernel/cred.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>

/* Early kernel code, and tasks made before credentials existed, act as root. */
static struct cred root_cred = { .usage = ATOMIC_INIT(1) };
static DEFINE_SPINLOCK(task_cred_lock);

const struct cred *current_cred(void)
{
	return current->cred ? current->cred : &root_cred;
}

void put_cred(const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (!c)
		return;
	/* Static creds (root's, init's) hold a reference of their own and never reach 0. */
	if (atomic_dec_and_test(&c->usage))
		kfree(c);
}

struct cred *prepare_creds(void)
{
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *current_cred();
	atomic_set(&new->usage, 1);
	return new;
}

int commit_creds(struct cred *new)
{
	const struct cred *old;
	unsigned long flags;

	BUG_ON(atomic_read(&new->usage) < 1);
	spin_lock_irqsave(&task_cred_lock, flags);
	old = current->cred;
	current->cred = new;
	spin_unlock_irqrestore(&task_cred_lock, flags);
	put_cred(old);
	return 0;
}

void abort_creds(struct cred *new)
{
	put_cred(new);
}

const struct cred *get_task_cred(struct task_struct *p)
{
	const struct cred *cred;
	unsigned long flags;

	spin_lock_irqsave(&task_cred_lock, flags);
	cred = get_cred(p->cred ? p->cred : &root_cred);
	spin_unlock_irqrestore(&task_cred_lock, flags);
	return cred;
}

void copy_creds(struct task_struct *p)
{
	p->cred = get_cred(current->cred);
}

void exit_creds(struct task_struct *p)
{
	const struct cred *cred;
	unsigned long flags;

	spin_lock_irqsave(&task_cred_lock, flags);
	cred = p->cred;
	p->cred = NULL;
	spin_unlock_irqrestore(&task_cred_lock, flags);
	put_cred(cred);
}
