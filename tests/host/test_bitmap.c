// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for kernel/lib/bitmap.c and the inline bit operations of include/kernel/bitmap.h.
 * Searches are checked against a naive bit-by-bit reference, around the 64-bit word boundaries.
 */
#include "ktest_host.h"
#include "host_rename.h"

#include <kernel/bitmap.h>

#define NBITS 200 /* four words, the last one partial */

static bool ref_test(const unsigned long *map, unsigned long nr)
{
	return (map[nr / 64] >> (nr % 64)) & 1;
}

static unsigned long ref_find(const unsigned long *map, unsigned long size, unsigned long offset,
			      bool set)
{
	for (unsigned long i = offset; i < size; i++) {
		if (ref_test(map, i) == set)
			return i;
	}
	return size;
}

/* A small deterministic generator, so failures reproduce. */
static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned long rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

KTEST(word_layout_constants)
{
	DECLARE_BITMAP(map63, 63);
	DECLARE_BITMAP(map64, 64);
	DECLARE_BITMAP(map65, 65);

	EXPECT_EQ(BITS_PER_LONG, 64);
	EXPECT_EQ(BITS_TO_LONGS(0), 0);
	EXPECT_EQ(BITS_TO_LONGS(1), 1);
	EXPECT_EQ(BITS_TO_LONGS(64), 1);
	EXPECT_EQ(BITS_TO_LONGS(65), 2);
	EXPECT_EQ(sizeof(map63), 8);
	EXPECT_EQ(sizeof(map64), 8);
	EXPECT_EQ(sizeof(map65), 16);
}

KTEST(set_clear_test_at_word_boundaries)
{
	static const unsigned long bits[] = { 0, 1, 62, 63, 64, 65, 127, 128, 199 };
	DECLARE_BITMAP(map, NBITS) = { 0 };

	for (size_t i = 0; i < KTEST_ARRAY_SIZE(bits); i++) {
		__set_bit(bits[i], map);
		EXPECT_TRUE(test_bit(bits[i], map));
	}
	EXPECT_EQ(map[0], (1UL << 0) | (1UL << 1) | (1UL << 62) | (1UL << 63));
	EXPECT_EQ(map[1], (1UL << 0) | (1UL << 1) | (1UL << 63));
	EXPECT_EQ(map[2], 1UL);
	EXPECT_EQ(map[3], 1UL << (199 - 192));
	EXPECT_FALSE(test_bit(2, map));
	EXPECT_FALSE(test_bit(66, map));

	__clear_bit(63, map);
	__clear_bit(64, map);
	EXPECT_FALSE(test_bit(63, map));
	EXPECT_FALSE(test_bit(64, map));
	EXPECT_TRUE(test_bit(62, map));
	EXPECT_TRUE(test_bit(65, map));
}

KTEST(test_and_modify_return_old_value)
{
	DECLARE_BITMAP(map, 128) = { 0 };

	EXPECT_FALSE(__test_and_set_bit(64, map));
	EXPECT_TRUE(__test_and_set_bit(64, map));
	EXPECT_TRUE(test_bit(64, map));
	EXPECT_TRUE(__test_and_clear_bit(64, map));
	EXPECT_FALSE(__test_and_clear_bit(64, map));
	EXPECT_FALSE(test_bit(64, map));
	EXPECT_EQ(map[0] | map[1], 0);
}

KTEST(search_empty_and_full)
{
	static const unsigned long sizes[] = { 0, 1, 63, 64, 65, 128, NBITS };
	DECLARE_BITMAP(zero, NBITS) = { 0 };
	DECLARE_BITMAP(ones, NBITS);

	bitmap_fill(ones, NBITS);
	for (size_t i = 0; i < KTEST_ARRAY_SIZE(sizes); i++) {
		unsigned long size = sizes[i];

		EXPECT_EQ(find_first_bit(zero, size), size);
		EXPECT_EQ(find_first_zero_bit(ones, size), size);
		EXPECT_EQ(find_first_zero_bit(zero, size), 0 < size ? 0 : size);
		EXPECT_EQ(find_first_bit(ones, size), 0 < size ? 0 : size);
		EXPECT_EQ(find_next_bit(zero, size, size / 2), size);
		/* An offset at or past the end finds nothing. */
		EXPECT_EQ(find_next_bit(ones, size, size), size);
		EXPECT_EQ(find_next_zero_bit(zero, size, size + 5), size);
	}
}

/* A set bit at or past @size must never be reported, even inside the same word. */
KTEST(search_stops_at_size)
{
	DECLARE_BITMAP(map, 192) = { 0 };

	__set_bit(64, map);
	EXPECT_EQ(find_first_bit(map, 64), 64);
	EXPECT_EQ(find_first_bit(map, 65), 64);
	EXPECT_EQ(find_first_bit(map, 63), 63);
	__clear_bit(64, map);
	__set_bit(70, map);
	EXPECT_EQ(find_first_bit(map, 70), 70);
	EXPECT_EQ(find_first_bit(map, 71), 70);
	EXPECT_EQ(find_next_bit(map, 71, 70), 70);
	EXPECT_EQ(find_next_bit(map, 192, 71), 192);

	bitmap_fill(map, 192);
	__clear_bit(65, map);
	EXPECT_EQ(find_first_zero_bit(map, 65), 65);
	EXPECT_EQ(find_first_zero_bit(map, 66), 65);
	EXPECT_EQ(find_next_zero_bit(map, 192, 66), 192);
}

KTEST(search_matches_reference)
{
	DECLARE_BITMAP(map, NBITS);

	for (int round = 0; round < 64; round++) {
		for (size_t w = 0; w < BITS_TO_LONGS(NBITS); w++) {
			/* Mix sparse, dense and empty words. */
			unsigned long r = rng_next();

			map[w] = round % 4 == 0	  ? r & rng_next() & rng_next()
				 : round % 4 == 1 ? r | rng_next() | rng_next()
				 : round % 4 == 2 ? (r & 1 ? r : 0)
						  : r;
		}
		for (unsigned long size = 0; size <= NBITS; size += (size < 130 ? 1 : 7)) {
			EXPECT_EQ(find_first_bit(map, size), ref_find(map, size, 0, true));
			EXPECT_EQ(find_first_zero_bit(map, size), ref_find(map, size, 0, false));
			for (unsigned long off = 0; off <= size + 1; off += 3) {
				EXPECT_EQ(find_next_bit(map, size, off),
					  ref_find(map, size, off, true));
				EXPECT_EQ(find_next_zero_bit(map, size, off),
					  ref_find(map, size, off, false));
			}
		}
	}
}

KTEST(zero_and_fill_keep_tail_clear)
{
	unsigned long map[4];

	for (unsigned long nbits = 0; nbits <= 256; nbits++) {
		unsigned long words = BITS_TO_LONGS(nbits);

		for (int i = 0; i < 4; i++)
			map[i] = 0x5a5a5a5a5a5a5a5aUL;
		bitmap_fill(map, nbits);
		for (unsigned long i = 0; i < words * 64; i++)
			EXPECT_EQ(ref_test(map, i), i < nbits);
		for (unsigned long i = words; i < 4; i++)
			EXPECT_EQ(map[i], 0x5a5a5a5a5a5a5a5aUL); /* untouched */
		EXPECT_EQ(bitmap_weight(map, nbits), nbits);

		bitmap_zero(map, nbits);
		for (unsigned long i = 0; i < words; i++)
			EXPECT_EQ(map[i], 0);
		for (unsigned long i = words; i < 4; i++)
			EXPECT_EQ(map[i], 0x5a5a5a5a5a5a5a5aUL);
	}
}

/* Every range [start, start + nbits) in a 3-word bitmap, against bit-by-bit set/clear. */
KTEST(set_clear_ranges_match_reference)
{
	unsigned long map[3], want[3];

	for (unsigned long start = 0; start <= 192; start++) {
		for (unsigned long nbits = 0; start + nbits <= 192; nbits++) {
			map[0] = want[0] = 0;
			map[1] = want[1] = 0;
			map[2] = want[2] = 0;
			bitmap_set(map, start, nbits);
			for (unsigned long i = start; i < start + nbits; i++)
				__set_bit(i, want);
			EXPECT_MEMEQ(map, want, sizeof(map));

			map[0] = want[0] = ~0UL;
			map[1] = want[1] = ~0UL;
			map[2] = want[2] = ~0UL;
			bitmap_clear(map, start, nbits);
			for (unsigned long i = start; i < start + nbits; i++)
				__clear_bit(i, want);
			EXPECT_MEMEQ(map, want, sizeof(map));
		}
	}
}

KTEST(weight_ignores_bits_past_nbits)
{
	unsigned long map[3] = { ~0UL, ~0UL, ~0UL };

	EXPECT_EQ(bitmap_weight(map, 0), 0);
	EXPECT_EQ(bitmap_weight(map, 1), 1);
	EXPECT_EQ(bitmap_weight(map, 63), 63);
	EXPECT_EQ(bitmap_weight(map, 64), 64);
	EXPECT_EQ(bitmap_weight(map, 65), 65);
	EXPECT_EQ(bitmap_weight(map, 192), 192);

	map[0] = 0x8000000000000001UL;
	map[1] = 0xf0f0f0f0f0f0f0f0UL;
	map[2] = 0x1;
	EXPECT_EQ(bitmap_weight(map, 63), 1);
	EXPECT_EQ(bitmap_weight(map, 64), 2);
	EXPECT_EQ(bitmap_weight(map, 128), 2 + 32);
	EXPECT_EQ(bitmap_weight(map, 129), 2 + 32 + 1);
}

KTEST(for_each_set_and_clear_bit)
{
	static const unsigned long set[] = { 0, 5, 63, 64, 100, 129 };
	DECLARE_BITMAP(map, 130) = { 0 };
	unsigned long bit, n = 0, clear = 0, empty_size = 0;

	for (size_t i = 0; i < KTEST_ARRAY_SIZE(set); i++)
		__set_bit(set[i], map);

	for_each_set_bit(bit, map, 130) {
		ASSERT_TRUE(n < KTEST_ARRAY_SIZE(set));
		EXPECT_EQ(bit, set[n]);
		n++;
	}
	EXPECT_EQ(n, KTEST_ARRAY_SIZE(set));

	for_each_clear_bit(bit, map, 130) {
		EXPECT_FALSE(test_bit(bit, map));
		clear++;
	}
	EXPECT_EQ(clear, 130 - KTEST_ARRAY_SIZE(set));

	/* A size below a set bit hides it. */
	n = 0;
	for_each_set_bit(bit, map, 64)
		n++;
	EXPECT_EQ(n, 3);
	n = 0;
	for_each_set_bit(bit, map, empty_size)
		n++;
	EXPECT_EQ(n, 0);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(word_layout_constants),
	KTEST_CASE(set_clear_test_at_word_boundaries),
	KTEST_CASE(test_and_modify_return_old_value),
	KTEST_CASE(search_empty_and_full),
	KTEST_CASE(search_stops_at_size),
	KTEST_CASE(search_matches_reference),
	KTEST_CASE(zero_and_fill_keep_tail_clear),
	KTEST_CASE(set_clear_ranges_match_reference),
	KTEST_CASE(weight_ignores_bits_past_nbits),
	KTEST_CASE(for_each_set_and_clear_bit),
};

KTEST_SUITE(bitmap, cases);
