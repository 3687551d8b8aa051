// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for include/uapi/errno.h and the error-pointer helpers of include/kernel/errno.h.
 */
#include "ktest_host.h"
#include "errno_names.h"
#include "errno_table.h"
#include "host_rename.h"

#include <kernel/errno.h>

#define ERRNO_ENTRY(name) { #name, name },
static const struct errno_entry errno_ours[] = { ERRNO_NAMES(ERRNO_ENTRY) };

/* Same names, same values as the host's Linux headers. */
KTEST(errno_values_match_linux_abi)
{
	size_t i;

	ASSERT_EQ(KTEST_ARRAY_SIZE(errno_ours), errno_host_count);
	for (i = 0; i < errno_host_count; i++) {
		EXPECT_STREQ(errno_ours[i].name, errno_host_table[i].name);
		EXPECT_EQ(errno_ours[i].value, errno_host_table[i].value);
	}
}

/* Every number from EPERM to EHWPOISON has a name, except the two Linux leaves unused. */
KTEST(errno_values_complete)
{
	int v;
	size_t i;

	for (v = 1; v <= EHWPOISON; v++) {
		bool found = false;

		for (i = 0; i < KTEST_ARRAY_SIZE(errno_ours); i++)
			found |= errno_ours[i].value == v;
		if (v == 41 || v == 58)
			EXPECT_FALSE(found);
		else
			EXPECT_TRUE(found);
	}
	EXPECT_EQ(EHWPOISON, 133);
	EXPECT_EQ(EWOULDBLOCK, EAGAIN);
	EXPECT_EQ(EDEADLOCK, EDEADLK);
	EXPECT_EQ(ENOTSUP, EOPNOTSUPP);
}

KTEST(err_ptr_round_trip)
{
	void *p = ERR_PTR(-ENOMEM);

	EXPECT_TRUE(IS_ERR(p));
	EXPECT_TRUE(IS_ERR_OR_NULL(p));
	EXPECT_EQ(PTR_ERR(p), -ENOMEM);
	EXPECT_EQ(PTR_ERR_OR_ZERO(p), -ENOMEM);
	EXPECT_EQ(PTR_ERR(ERR_CAST(p)), -ENOMEM);
	EXPECT_EQ((unsigned long)ERR_PTR(-1), ~0UL);
}

/* The error range is exactly the top MAX_ERRNO (4095) values. */
KTEST(err_ptr_range_bounds)
{
	int x;

	EXPECT_TRUE(IS_ERR(ERR_PTR(-MAX_ERRNO)));
	EXPECT_FALSE(IS_ERR(ERR_PTR(-MAX_ERRNO - 1)));
	EXPECT_TRUE(IS_ERR_VALUE(-1L));
	EXPECT_TRUE(IS_ERR_VALUE((unsigned long)-4095));
	EXPECT_FALSE(IS_ERR_VALUE((unsigned long)-4096));
	EXPECT_FALSE(IS_ERR_VALUE(0));
	EXPECT_FALSE(IS_ERR(NULL));
	EXPECT_TRUE(IS_ERR_OR_NULL(NULL));
	EXPECT_FALSE(IS_ERR(&x));
	EXPECT_FALSE(IS_ERR_OR_NULL(&x));
	EXPECT_EQ(PTR_ERR_OR_ZERO(&x), 0);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(errno_values_match_linux_abi),
	KTEST_CASE(errno_values_complete),
	KTEST_CASE(err_ptr_round_trip),
	KTEST_CASE(err_ptr_range_bounds),
};

KTEST_SUITE(errno, cases);
