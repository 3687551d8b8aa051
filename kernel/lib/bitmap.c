// SPDX-License-Identifier: GPL-2.0
/*
 * Bitmap searches and range operations. Non-atomic; see include/kernel/bitmap.h.
 */
#include <kernel/bitmap.h>

/* Mask of the bits at and above position @start of a word. */
#define FIRST_WORD_MASK(start) (~0UL << ((start) % BITS_PER_LONG))
/* Mask of the bits below position @nbits of the last word (all of them when it is full). */
#define LAST_WORD_MASK(nbits) (~0UL >> (-(nbits) % BITS_PER_LONG))

/*
 * The common search: the first bit at or after @offset that is set in addr[] ^ @invert, where
 * @invert is 0 to look for set bits and ~0UL to look for clear ones.
 */
static unsigned long find_bit(const unsigned long *addr, unsigned long size, unsigned long offset,
			      unsigned long invert)
{
	unsigned long word, idx;

	if (offset >= size)
		return size;

	idx = BIT_WORD(offset);
	word = (addr[idx] ^ invert) & FIRST_WORD_MASK(offset);
	while (!word) {
		idx++;
		if (idx * BITS_PER_LONG >= size)
			return size;
		word = addr[idx] ^ invert;
	}
	offset = idx * BITS_PER_LONG + __builtin_ctzl(word);
	return offset < size ? offset : size;
}

unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return find_bit(addr, size, 0, 0);
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return find_bit(addr, size, offset, 0);
}

unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return find_bit(addr, size, 0, ~0UL);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset)
{
	return find_bit(addr, size, offset, ~0UL);
}

void bitmap_zero(unsigned long *map, unsigned long nbits)
{
	unsigned long i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		map[i] = 0;
}

void bitmap_fill(unsigned long *map, unsigned long nbits)
{
	unsigned long words = BITS_TO_LONGS(nbits);
	unsigned long i;

	for (i = 0; i < words; i++)
		map[i] = ~0UL;
	if (words)
		map[words - 1] = LAST_WORD_MASK(nbits);
}

void bitmap_set(unsigned long *map, unsigned long start, unsigned long nbits)
{
	unsigned long *p = map + BIT_WORD(start);
	unsigned long end = start + nbits;
	unsigned long mask = FIRST_WORD_MASK(start);
	unsigned long room = BITS_PER_LONG - start % BITS_PER_LONG;

	if (!nbits)
		return;
	/* Whole words, from the partial first one on, while the range covers them. */
	while (nbits >= room) {
		*p++ |= mask;
		nbits -= room;
		room = BITS_PER_LONG;
		mask = ~0UL;
	}
	if (nbits)
		*p |= mask & LAST_WORD_MASK(end);
}

void bitmap_clear(unsigned long *map, unsigned long start, unsigned long nbits)
{
	unsigned long *p = map + BIT_WORD(start);
	unsigned long end = start + nbits;
	unsigned long mask = FIRST_WORD_MASK(start);
	unsigned long room = BITS_PER_LONG - start % BITS_PER_LONG;

	if (!nbits)
		return;
	while (nbits >= room) {
		*p++ &= ~mask;
		nbits -= room;
		room = BITS_PER_LONG;
		mask = ~0UL;
	}
	if (nbits)
		*p &= ~(mask & LAST_WORD_MASK(end));
}

/*
 * Population count without __builtin_popcountl(), which becomes a libgcc call when the kernel
 * is built without -mpopcnt: add bits in pairs, nibbles, bytes, then sum the bytes.
 */
static unsigned int word_weight(unsigned long w)
{
	w = w - ((w >> 1) & 0x5555555555555555UL);
	w = (w & 0x3333333333333333UL) + ((w >> 2) & 0x3333333333333333UL);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fUL;
	return (w * 0x0101010101010101UL) >> 56;
}

unsigned long bitmap_weight(const unsigned long *map, unsigned long nbits)
{
	unsigned long full = nbits / BITS_PER_LONG;
	unsigned long count = 0;
	unsigned long i;

	for (i = 0; i < full; i++)
		count += word_weight(map[i]);
	if (nbits % BITS_PER_LONG)
		count += word_weight(map[full] & LAST_WORD_MASK(nbits));
	return count;
}
