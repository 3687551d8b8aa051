/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_BITMAP_H
#define _KERNEL_BITMAP_H

#include <kernel/types.h>
#include <kernel/compiler.h>

/*
 * Bitmaps are arrays of unsigned long; bit n lives in word n / BITS_PER_LONG at position
 * n % BITS_PER_LONG. Everything here is non-atomic: the caller must own the bitmap or hold
 * the lock protecting it.
 *
 * The bitmap_*() functions keep the bits past @nbits in the last word clear, and the searches
 * never report a bit at or past @size, so a bitmap can be searched with any size up to its own.
 */

#define BITS_PER_LONG (__SIZEOF_LONG__ * 8)
#define BITS_TO_LONGS(nr) DIV_ROUND_UP(nr, BITS_PER_LONG)
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))

#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

static inline void __set_bit(unsigned long nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static inline void __clear_bit(unsigned long nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static inline bool test_bit(unsigned long nr, const unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] & BIT_MASK(nr)) != 0;
}

/* Set bit @nr and return its old value. */
static inline bool __test_and_set_bit(unsigned long nr, unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__set_bit(nr, addr);
	return old;
}

/* Clear bit @nr and return its old value. */
static inline bool __test_and_clear_bit(unsigned long nr, unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__clear_bit(nr, addr);
	return old;
}

/*
 * Searches over bits [0, @size): the index of the first set (or clear) bit at or after
 * @offset, or @size when there is none.
 */
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset);

/* Clear or set bits [0, @nbits); bitmap_fill() leaves the rest of the last word clear. */
void bitmap_zero(unsigned long *map, unsigned long nbits);
void bitmap_fill(unsigned long *map, unsigned long nbits);

/* Set or clear the @nbits bits starting at bit @start. */
void bitmap_set(unsigned long *map, unsigned long start, unsigned long nbits);
void bitmap_clear(unsigned long *map, unsigned long start, unsigned long nbits);

/* The number of set bits among bits [0, @nbits). */
unsigned long bitmap_weight(const unsigned long *map, unsigned long nbits);

/* Run the loop body with @bit set to each set (clear) bit below @size, in increasing order. */
#define for_each_set_bit(bit, addr, size)                            \
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

#define for_each_clear_bit(bit, addr, size)                               \
	for ((bit) = find_first_zero_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

#endif /* _KERNEL_BITMAP_H */
