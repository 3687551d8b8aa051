/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_VDSO_H
#define _ASM_VDSO_H

/*
 * The vDSO (arch/x86_64/entry/vdso, docs/process.md): a small ELF shared object mapped into
 * every process after a read-only data page, the vvar page, which holds what it needs to
 * read the clocks without entering the kernel. This header is shared by the kernel, which
 * writes the page, and the vDSO, which reads it.
 */
#include <kernel/types.h>

/*
 * The clocks as the kernel keeps them (arch/x86_64/kernel/tsc.c, kernel/time/clock.c):
 *   monotonic ns = base_ns + ((tsc - cycle_last) * mult) >> 32   (tsc < cycle_last: cycle_last)
 *   real         = monotonic + (wall_sec, wall_nsec)
 * so the vDSO, doing the same arithmetic on the same values, gives the syscall's answers.
 *
 * The writers (vdso_update_clock, vdso_update_wall) are serialised by vdso_lock; readers
 * retry while seq is odd or has moved (a seqcount: even means stable).
 */
struct vdso_data {
	u32 seq;
	u32 getcpu_mode; /* VDSO_GETCPU_*: how this machine tells the vDSO its CPU */
	u64 cycle_last;
	u64 base_ns;
	u64 mult;
	s64 wall_sec;
	s64 wall_nsec;
};

#define VDSO_GETCPU_LSL 0 /* LSL on the per-CPU GDT segment (every x86-64 CPU) */
#define VDSO_GETCPU_RDPID 1 /* RDPID reads TSC_AUX directly */

/* Linux's encoding of TSC_AUX and of the per-CPU segment limit: node << 12 | cpu. */
#define VDSO_CPUNODE_BITS 12
#define VDSO_CPUNODE_MASK 0xfff

#ifdef __KERNEL__
struct mm_struct;

/* Boot: copies the vDSO image into pages of its own and moves the data into the vvar page. */
void vdso_init(void);
/* Each CPU at bring-up: TSC_AUX and the per-CPU GDT segment that getcpu reads. */
void setup_getcpu(int cpu);
/* The timekeeping writers publish their new values here (under their own locks). */
void vdso_update_clock(u64 cycle_last, u64 base_ns, u64 mult);
void vdso_update_wall(s64 sec, s64 nsec);
/*
 * Maps the vvar page and the vDSO into mm (not yet anybody's), below mm->mmap_base; the
 * vDSO's address (AT_SYSINFO_EHDR), or -errno.
 */
long map_vdso(struct mm_struct *mm);
/* The size of the vDSO image, for tests. */
size_t vdso_image_size(void);
#endif

#endif /* _ASM_VDSO_H */
