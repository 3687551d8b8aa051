/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_CONST_H
#define _KERNEL_CONST_H

/* Constants shared with the linker script, which knows no C integer suffixes. */
#ifdef __ASSEMBLY__
#define _AC(x, suffix) x
#else
#define __AC(x, suffix) (x##suffix)
#define _AC(x, suffix) __AC(x, suffix)
#endif
#define _UL(x) _AC(x, UL)

#endif /* _KERNEL_CONST_H */
