// SPDX-License-Identifier: GPL-2.0
/* The one RTC the wall clock starts from: a driver registers, the time core reads it. */
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/rtc.h>

static const struct rtc_device_ops *rtc_ops;

int rtc_register(const struct rtc_device_ops *ops)
{
	if (!ops || !ops->read_time)
		return -EINVAL;
	if (READ_ONCE(rtc_ops))
		return -EBUSY;
	WRITE_ONCE(rtc_ops, ops);
	return 0;
}

int rtc_read_time(struct rtc_time *tm)
{
	const struct rtc_device_ops *ops = READ_ONCE(rtc_ops);

	return ops ? ops->read_time(tm) : -ENODEV;
}

const char *rtc_name(void)
{
	const struct rtc_device_ops *ops = READ_ONCE(rtc_ops);

	return ops ? ops->name : "rtc";
}
