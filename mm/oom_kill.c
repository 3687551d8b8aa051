// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-memory killer. When a page for user memory cannot be had (a fault, or
 * MAP_POPULATE), the kernel does not give up the machine: it picks the process whose address
 * space holds the most resident pages, never init and never a kernel thread, sends it
 * SIGKILL, and logs it in Linux's words. The fault that ran out is then retried (memory comes
 * back as the victim exits) or, if the caller was the victim, its task dies.
 *
 * User pages are allocated with GFP_HIGHUSER, which stops at the reserve the kernel keeps
 * (min_free_pages): the victim's exit, the page tables and slabs it frees on the way, and
 * every other kernel allocation still find memory while user memory has run out.
 *
 * One kill at a time (oom_lock): while a victim has SIGKILL pending and still holds its
 * memory, no second process is killed; the faulting task waits for it and tries again.
 */
#include <kernel/cred.h>
#include <kernel/mm.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/timer.h>

#include "internal.h"

static DEFINE_MUTEX(oom_lock);
static atomic_long_t oom_kills;

unsigned long oom_kill_count(void)
{
	return atomic_long_read(&oom_kills);
}

/*
 * p's address space, if it is a user process the killer may choose. p->mm is read without
 * a lock: p is referenced, but its mm may be going away under us (exit), so the caller only
 * reads counters from it, and a stale count can only make the choice a poorer one.
 */
static struct mm_struct *oom_candidate_mm(struct task_struct *p)
{
	if (p->is_idle || p->tgid == 1 || p->state == TASK_DEAD || p->exit_state)
		return NULL;
	return READ_ONCE(p->mm);
}

/*
 * The process with the largest RSS, referenced; or NULL. *dying says that a victim of an
 * earlier kill still holds memory: the caller waits for it instead.
 */
static struct task_struct *select_bad_process(bool *dying)
{
	struct task_struct *chosen = NULL;
	unsigned long chosen_rss = 0;
	int pid = 0;

	*dying = false;
	while ((pid = next_task_pid(pid)) > 0) {
		struct task_struct *p = find_get_task_by_pid(pid);
		struct mm_struct *mm;
		unsigned long rss;

		if (!p)
			continue;
		mm = oom_candidate_mm(p);
		if (!mm) {
			put_task_struct(p);
			continue;
		}
		if (p->sighand && fatal_signal_pending(p)) {
			*dying = true;
			put_task_struct(p);
			break;
		}
		rss = get_mm_rss(mm);
		if (!chosen || rss > chosen_rss) {
			if (chosen)
				put_task_struct(chosen);
			chosen = p;
			chosen_rss = rss;
			continue;
		}
		put_task_struct(p);
	}
	if (*dying && chosen) {
		put_task_struct(chosen);
		chosen = NULL;
	}
	return chosen;
}

static bool memory_back(void)
{
	return nr_free_pages() > min_free_pages + 1;
}

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

static void oom_kill_process(struct task_struct *victim)
{
	struct mm_struct *mm = READ_ONCE(victim->mm);
	const struct cred *cred = get_task_cred(victim);

	atomic_long_inc(&oom_kills);
	/* Linux's line, which tools grep for (pgtables are not counted per mm here). */
	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, "
	       "file-rss:%lukB, shmem-rss:%lukB, UID:%u oom_score_adj:0\n",
	       victim->tgid, victim->comm, mm ? K(mm->total_vm) : 0,
	       mm ? K(get_mm_counter(mm, MM_ANONPAGES)) : 0,
	       mm ? K(get_mm_counter(mm, MM_FILEPAGES)) : 0,
	       mm ? K(get_mm_counter(mm, MM_SHMEMPAGES)) : 0, cred->uid);
	put_cred(cred);
	send_sig(SIGKILL, victim, 1);
}

bool out_of_memory(void)
{
	struct task_struct *victim;
	bool dying;

	mutex_lock(&oom_lock);
	/* Someone else's kill may have freed enough meanwhile: Linux's last try, in short. */
	if (memory_back()) {
		mutex_unlock(&oom_lock);
		return true;
	}
	victim = select_bad_process(&dying);
	if (victim) {
		pr_warn("%s invoked oom-killer: order=0, oom_score_adj=0\n", current->comm);
		oom_kill_process(victim);
		put_task_struct(victim);
	}
	mutex_unlock(&oom_lock);
	return victim || dying;
}

/*
 * How long a task out of memory waits for victims to let go before it gives up (and, at a
 * fault, takes the kill itself): a victim that cannot die (that would be a bug) must not hang
 * every allocating task forever.
 */
#define OOM_WAIT_NS (10 * 1000 * 1000ULL)
#define OOM_MAX_WAITS 200

bool oom_wait_for_memory(int *waits)
{
	if (fatal_signal_pending(current) || *waits >= OOM_MAX_WAITS)
		return false;
	if (!out_of_memory() || fatal_signal_pending(current))
		return false;
	if (memory_back())
		return true;
	/* A victim is on its way out: give it the CPU and the time to free its memory. */
	(*waits)++;
	set_current_state(TASK_INTERRUPTIBLE);
	schedule_timeout_once(OOM_WAIT_NS);
	__set_current_state(TASK_RUNNING);
	return true;
}

void pagefault_out_of_memory(void)
{
	int waits = 0;

	while (oom_wait_for_memory(&waits))
		if (memory_back())
			return; /* retry the fault */
	if (!fatal_signal_pending(current))
		pr_err("Out of memory: %s[%d] found nothing to free; killed\n", current->comm,
		       current->pid);
	/*
	 * The victim is the faulting task: it dies here rather than on the way out, which is
	 * the same end (SIGKILL cannot be caught) without a retry that could not succeed.
	 */
	force_fatal_sig(SIGKILL);
}
