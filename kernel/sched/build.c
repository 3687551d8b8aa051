// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler is split by job into files (fair.c: the policy, core.c: switching) but built
 * as one translation unit, as Linux builds its policies (kernel/sched/build_policy.c): the
 * switch path calls the policy a dozen times per switch, and one unit lets the compiler
 * inline those small calls instead of paying a call for each.
 */
#include "fair.c"
#include "core.c"
