// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format a message, keep it in the log buffer (for dmesg), and write it to every
 * enabled console if its level is below console_loglevel.
 *
 * The log buffer is a byte ring of variable-length records, each a header and its text.
 * When a new record does not fit, the oldest ones are dropped. One spinlock covers the ring
 * and the consoles, so lines from two CPUs never interleave.
 */
#include <kernel/console.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/wait.h>

#define LOG_BUF_LEN (1UL << CONFIG_LOG_BUF_SHIFT)
#define LOG_LINE_MAX 1024
#define LOG_ALIGN 8

#define LOG_CONT 0x1
#define LOG_WRAP 0xffff /* len of a marker record: continue at the start of the ring */

struct log_hdr {
	u64 seq;
	u64 ts_nsec;
	u16 len;
	u8 level;
	u8 flags;
	u32 pad;
};

static char log_buf[LOG_BUF_LEN] __aligned(LOG_ALIGN);
static size_t log_first_idx, log_next_idx;
static u64 log_first_seq, log_next_seq;
static DEFINE_SPINLOCK(logbuf_lock);

/*
 * /dev/kmsg readers sleep here until a record arrives. printk may run anywhere (under the
 * scheduler's locks, in interrupt handlers), and waking a task takes a run-queue lock, so it
 * wakes readers only when its caller holds no spinlock and interrupts were on; otherwise the
 * wake-up is left pending for the next printk that can, and readers look again on their own
 * after KMSG_WAIT_FALLBACK_NS at the latest.
 */
static DECLARE_WAIT_QUEUE_HEAD(log_wait);
static bool log_wake_pending;
#define KMSG_WAIT_FALLBACK_NS (1000 * 1000000ULL)

int console_loglevel = CONFIG_DEFAULT_LOGLEVEL;
int oops_in_progress;
static u64 (*printk_clock)(void);
static struct console *console_list;
static bool console_line_open; /* the last console line did not end in '\n' */

void printk_set_clock(u64 (*clock_ns)(void))
{
	printk_clock = clock_ns;
}

static size_t rec_size(size_t text_len)
{
	return ALIGN(sizeof(struct log_hdr) + text_len, LOG_ALIGN);
}

static struct log_hdr *hdr_at(size_t idx)
{
	return (struct log_hdr *)&log_buf[idx];
}

/* The index of the record after the one at idx, following a wrap marker. */
static size_t next_idx(size_t idx)
{
	struct log_hdr *h = hdr_at(idx);

	if (h->len == LOG_WRAP)
		return rec_size(hdr_at(0)->len);
	return idx + rec_size(h->len);
}

static void drop_oldest(void)
{
	if (hdr_at(log_first_idx)->len == LOG_WRAP)
		log_first_idx = 0;
	log_first_idx = next_idx(log_first_idx);
	log_first_seq++;
}

/* Would a record of size bytes placed at start overwrite the oldest record? */
static bool overlaps_oldest(size_t start, size_t size)
{
	if (log_first_seq == log_next_seq)
		return false;
	return log_first_idx >= start && log_first_idx < start + size;
}

static void log_store(u8 level, u8 flags, u64 ts, const char *text, size_t len)
{
	size_t size = rec_size(len);
	size_t start = log_next_idx;
	struct log_hdr *h;

	if (start + size + sizeof(struct log_hdr) > LOG_BUF_LEN) {
		/* Mark the tail unused and start over at 0. */
		while (overlaps_oldest(start, LOG_BUF_LEN - start))
			drop_oldest();
		hdr_at(start)->len = LOG_WRAP;
		start = 0;
	}
	while (overlaps_oldest(start, size + sizeof(struct log_hdr)))
		drop_oldest();
	if (log_first_seq == log_next_seq)
		log_first_idx = start;

	h = hdr_at(start);
	h->seq = log_next_seq++;
	h->ts_nsec = ts;
	h->len = len;
	h->level = level;
	h->flags = flags;
	memcpy(h + 1, text, len);
	log_next_idx = start + size;
}

u64 log_buf_next_seq(void)
{
	return READ_ONCE(log_next_seq);
}

int log_buf_wait(u64 seq)
{
	long ret;

	do {
		ret = wait_event_interruptible_timeout(log_wait, log_buf_next_seq() > seq,
						       KMSG_WAIT_FALLBACK_NS);
	} while (!ret);
	return ret < 0 ? (int)ret : 0;
}

static void wake_up_log_readers(void)
{
	/*
	 * The record's seq is stored before the look at the queue; pairs with the waiter's
	 * barrier between queueing itself and reading log_next_seq.
	 */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (!waitqueue_active(&log_wait) && !READ_ONCE(log_wake_pending))
		return;
	if (oops_in_progress || irqs_disabled() || preempt_count()) {
		WRITE_ONCE(log_wake_pending, true);
		return;
	}
	WRITE_ONCE(log_wake_pending, false);
	wake_up_all(&log_wait);
}

size_t log_buf_read(u64 *seq, struct log_record_info *info, char *buf, size_t size)
{
	unsigned long flags;
	size_t idx, len = 0;
	u64 s;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (*seq < log_first_seq)
		*seq = log_first_seq;
	if (*seq >= log_next_seq)
		goto out_unlock;
	idx = log_first_idx;
	for (s = log_first_seq; s < *seq; s++)
		idx = next_idx(idx);
	if (hdr_at(idx)->len == LOG_WRAP)
		idx = 0;
	len = min((size_t)hdr_at(idx)->len, size ? size - 1 : 0);
	memcpy(buf, hdr_at(idx) + 1, len);
	if (size)
		buf[len] = '\0';
	info->seq = hdr_at(idx)->seq;
	info->ts_nsec = hdr_at(idx)->ts_nsec;
	info->level = hdr_at(idx)->level;
	(*seq)++;
out_unlock:
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return len;
}

struct console *console_list_head(void)
{
	return console_list;
}

void register_console(struct console *con)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	con->next = console_list;
	console_list = con;
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

static void __console_write(const char *s, size_t len)
{
	struct console *con;

	for (con = console_list; con; con = con->next)
		if (con->flags & CON_ENABLED)
			con->write(con, s, len);
}

void console_write_all(const char *s, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	__console_write(s, len);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

static void console_emit(int level, bool cont, u64 ts, const char *text, size_t len)
{
	char prefix[24];
	size_t n;

	if (level >= console_loglevel)
		return;
	if (!cont) {
		if (console_line_open)
			__console_write("\n", 1);
		n = scnprintf(prefix, sizeof(prefix), "[%5llu.%06llu] ",
			      (unsigned long long)(ts / 1000000000),
			      (unsigned long long)(ts % 1000000000 / 1000));
		__console_write(prefix, n);
	}
	__console_write(text, len);
	console_line_open = len == 0 || text[len - 1] != '\n';
}

/* Strips the KERN_ level prefix; returns the level, or -1 for a continuation. */
static int parse_level(const char **fmt)
{
	const char *p = *fmt;
	int level = MESSAGE_LOGLEVEL_DEFAULT;

	if (p[0] == KERN_SOH[0] && p[1]) {
		if (p[1] >= '0' && p[1] <= '7')
			level = p[1] - '0';
		else if (p[1] == 'c')
			level = -1;
		*fmt = p + 2;
	}
	return level;
}

int vprintk(const char *fmt, va_list ap)
{
	static char text[LOG_LINE_MAX];
	static int last_level = MESSAGE_LOGLEVEL_DEFAULT;
	unsigned long flags;
	int level = parse_level(&fmt);
	bool cont = level < 0;
	bool locked = true;
	u64 ts = printk_clock ? printk_clock() : 0;
	size_t len, start, end;

	local_irq_save(flags);
	/* Not checked: a lockdep report must be able to print from anywhere. */
	lockdep_off();
	if (oops_in_progress)
		locked = spin_trylock(&logbuf_lock);
	else
		spin_lock(&logbuf_lock);

	len = vscnprintf(text, sizeof(text), fmt, ap);
	if (cont)
		level = last_level;
	last_level = level;

	/* One record per line, as dmesg shows them. */
	for (start = 0; start < len; start = end) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t line_len;

		end = nl ? (size_t)(nl - text) + 1 : len;
		line_len = end - start - (nl ? 1 : 0);
		log_store(level, cont ? LOG_CONT : 0, ts, text + start, line_len);
		console_emit(level, cont, ts, text + start, end - start);
		cont = false;
	}

	if (locked)
		spin_unlock(&logbuf_lock);
	lockdep_on();
	local_irq_restore(flags);
	wake_up_log_readers();
	return len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

static int set_loglevel(const char *val)
{
	int level;

	if (!val || kstrtoint(val, 0, &level))
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", set_loglevel);

static int set_quiet(const char *val)
{
	console_loglevel = LOGLEVEL_WARNING;
	return 0;
}
early_param("quiet", set_quiet);

static int set_debug(const char *val)
{
	console_loglevel = LOGLEVEL_DEBUG + 1;
	return 0;
}
early_param("debug", set_debug);
