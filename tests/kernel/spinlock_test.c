// SPDX-License-Identifier: GPL-2.0
/* The ticket spinlock on one CPU: ownership, trylock, and the interrupt flag round trip. */
#include <kernel/ktest.h>
#include <kernel/spinlock.h>

static void test_lock_unlock(struct ktest *t)
{
	DEFINE_SPINLOCK(lock);

	KTEST_EXPECT_FALSE(t, spin_is_locked(&lock));
	spin_lock(&lock);
	KTEST_EXPECT_TRUE(t, spin_is_locked(&lock));
	KTEST_EXPECT_FALSE(t, spin_trylock(&lock));
	spin_unlock(&lock);
	KTEST_EXPECT_FALSE(t, spin_is_locked(&lock));
	KTEST_EXPECT_TRUE(t, spin_trylock(&lock));
	KTEST_EXPECT_TRUE(t, spin_is_locked(&lock));
	spin_unlock(&lock);
}

static void test_tickets_wrap(struct ktest *t)
{
	spinlock_t lock = { .owner = 0xfffe, .next = 0xfffe };

	for (int i = 0; i < 4; i++) {
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	KTEST_EXPECT_EQ(t, lock.owner, 2);
	KTEST_EXPECT_EQ(t, lock.next, 2);
}

static void test_irqsave_restores_flags(struct ktest *t)
{
	DEFINE_SPINLOCK(lock);
	unsigned long flags, outer;

	local_irq_save(outer);
	local_irq_enable();
	spin_lock_irqsave(&lock, flags);
	KTEST_EXPECT_TRUE(t, irqs_disabled());
	spin_unlock_irqrestore(&lock, flags);
	KTEST_EXPECT_FALSE(t, irqs_disabled());
	local_irq_disable();
	spin_lock_irqsave(&lock, flags);
	spin_unlock_irqrestore(&lock, flags);
	KTEST_EXPECT_TRUE(t, irqs_disabled());
	local_irq_restore(outer);
}

static struct ktest_case spinlock_cases[] = {
	KTEST_CASE(test_lock_unlock),
	KTEST_CASE(test_tickets_wrap),
	KTEST_CASE(test_irqsave_restores_flags),
	{},
};

static struct ktest_suite spinlock_suite = { .name = "spinlock", .cases = spinlock_cases };
ktest_register_suite(spinlock_suite);
