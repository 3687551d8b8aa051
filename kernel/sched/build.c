// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler is split by job into files (fair.c: the policy, core.c: switching) but built
 * as one translation unit, as Linux builds its policies (kernel/sched/build_policy.c): the
 * switch path calls the policy a dozen times per switch, and one unit lets the compiler
 * inline those small calls instead of paying a call for each.
 */
#include "sched.h"

/* Accounting and the load average (cputime.c, loadavg.c), called under rq->lock. */
static void account_process_tick(struct rq *rq, struct task_struct *donor,
				 struct task_struct *curr);
static void account_switch_out(struct rq *rq, struct task_struct *prev);
static void loadavg_sleep_uninterruptible(struct rq *rq, struct task_struct *p);
static void loadavg_wake(struct rq *rq, struct task_struct *p);

#include "fair.c"
#include "core.c"
#include "cputime.c"
#include "loadavg.c"
