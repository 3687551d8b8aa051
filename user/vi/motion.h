/* SPDX-License-Identifier: GPL-2.0 */
/* vi's motions (motion.c), for normal.c. */
#ifndef VI_MOTION_H
#define VI_MOTION_H

#include "vi.h"

struct motion {
	struct pos to;
	int linewise; /* j, k, G...: whole lines for an operator */
	int inclusive; /* e, f, $...: the character at the end is in the range */
	int keep_want; /* a vertical motion: the wanted column stays */
};

/* op: the operator (d c y) the motion is for, or 0 */
int motion(int key, int count, int has_count, int op, struct motion *m);

#endif
