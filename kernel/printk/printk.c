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
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/syscalls.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/wait.h>

#define LOG_BUF_LEN (1UL << CONFIG_LOG_BUF_SHIFT)
#define LOG_LINE_MAX 1024
#define LOG_ALIGN 8

#define LOG_CONT LOG_CONT_FLAG /* continues the previous record's line */
#define LOG_FRAG LOG_FRAG_FLAG /* the line did not end here: a continuation may follow */
#define LOG_WRAP 0xffff /* len of a marker record: continue at the start of the ring */

struct log_hdr {
	u64 seq;
	u64 ts_nsec;
	u16 len;
	u8 level;
	u8 flags;
	u8 facility; /* syslog's: 0 for the kernel, 1 (LOG_USER) for /dev/kmsg's writers */
	u8 pad[3];
};

static char log_buf[LOG_BUF_LEN] __aligned(LOG_ALIGN);
static size_t log_first_idx, log_next_idx;
static size_t log_last_idx; /* the newest record, which a continuation may still extend */
static u64 log_first_seq, log_next_seq;
/* syslog(2)'s cursors: READ's next record (and how much of it went out), CLEAR's mark. */
static u64 syslog_seq, clear_seq;
static size_t syslog_partial;
/* Where the last lookup found a record: the next reader usually wants the one after it. */
static u64 hint_seq = ~0ULL;
static size_t hint_idx;
/* Covers the ring, the cursors above, the lookup hint and the consoles. */
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

/*
 * A continuation joins the newest record when that one's line is still open and it fits
 * where it lies, as Linux 6 joins them: dmesg shows one line. (A reader that already took
 * the open record misses the rest; Linux hides open records instead.)
 */
static bool log_append(u8 flags, const char *text, size_t len)
{
	struct log_hdr *h = hdr_at(log_last_idx);
	size_t old_size, size;

	if (!(flags & LOG_CONT) || log_first_seq == log_next_seq || !(h->flags & LOG_FRAG) ||
	    h->len + len > LOG_LINE_MAX)
		return false;
	old_size = rec_size(h->len);
	size = rec_size(h->len + len);
	if (log_last_idx + size + sizeof(struct log_hdr) > LOG_BUF_LEN)
		return false;
	while (log_first_idx != log_last_idx &&
	       overlaps_oldest(log_last_idx + old_size, size - old_size + sizeof(struct log_hdr)))
		drop_oldest();
	memcpy((char *)(h + 1) + h->len, text, len);
	h->len += len;
	h->flags = (h->flags & ~LOG_FRAG) | (flags & LOG_FRAG);
	log_next_idx = log_last_idx + size;
	return true;
}

static void log_store(u8 facility, u8 level, u8 flags, u64 ts, const char *text, size_t len)
{
	size_t size = rec_size(len);
	size_t start = log_next_idx;
	struct log_hdr *h;

	if (log_append(flags, text, len))
		return;

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
	h->facility = facility;
	memcpy(h + 1, text, len);
	log_last_idx = start;
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

/* The index of record seq, which the ring holds (log_first_seq <= seq < log_next_seq). */
static size_t idx_of_seq(u64 seq)
{
	size_t idx = log_first_idx;
	u64 s = log_first_seq;

	lockdep_assert_held(&logbuf_lock);
	if (hint_seq >= log_first_seq && hint_seq <= seq && hint_seq < log_next_seq) {
		s = hint_seq;
		idx = hint_idx;
	}
	for (; s < seq; s++)
		idx = next_idx(idx);
	if (hdr_at(idx)->len == LOG_WRAP)
		idx = 0;
	hint_seq = seq;
	hint_idx = idx;
	return idx;
}

/* Copies record seq (which must exist) out; returns its text length in buf. */
static size_t copy_record(u64 seq, struct log_record_info *info, char *buf, size_t size)
{
	struct log_hdr *h = hdr_at(idx_of_seq(seq));
	size_t len = min((size_t)h->len, size ? size - 1 : 0);

	memcpy(buf, h + 1, len);
	if (size)
		buf[len] = '\0';
	info->seq = h->seq;
	info->ts_nsec = h->ts_nsec;
	info->level = h->level;
	info->facility = h->facility;
	info->flags = h->flags;
	return len;
}

size_t log_buf_read(u64 *seq, struct log_record_info *info, char *buf, size_t size)
{
	unsigned long flags;
	size_t len = 0;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (*seq < log_first_seq)
		*seq = log_first_seq;
	if (*seq < log_next_seq)
		len = copy_record((*seq)++, info, buf, size);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return len;
}

u64 log_buf_first_seq(void)
{
	return READ_ONCE(log_first_seq);
}

u64 log_buf_clear_seq(void)
{
	return READ_ONCE(clear_seq);
}

struct wait_queue_head *log_buf_waitqueue(void)
{
	return &log_wait;
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

int log_emit(int facility, int level, const char *text, size_t len)
{
	unsigned long flags;
	u64 ts = printk_clock ? printk_clock() : 0;

	if (len > LOG_LINE_MAX)
		return -EINVAL;
	spin_lock_irqsave(&logbuf_lock, flags);
	console_emit(level, false, ts, text, len);
	if (len && text[len - 1] == '\n')
		len--;
	else if (len)
		__console_write("\n", 1);
	log_store(facility, level, 0, ts, text, len);
	console_line_open = false;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	wake_up_log_readers();
	return 0;
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
		log_store(0, level, (cont ? LOG_CONT : 0) | (nl ? 0 : LOG_FRAG), ts, text + start,
			  line_len);
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

/* ---- syslog(2) ------------------------------------------------------------------- */

#define SYSLOG_ACTION_CLOSE 0
#define SYSLOG_ACTION_OPEN 1
#define SYSLOG_ACTION_READ 2
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_CONSOLE_OFF 6
#define SYSLOG_ACTION_CONSOLE_ON 7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_UNREAD 9
#define SYSLOG_ACTION_SIZE_BUFFER 10

#define CONSOLE_LOGLEVEL_MIN 1
#define LOGLEVEL_DEFAULT (-1)
#define SYSLOG_PREFIX_MAX 32

/* The console level CONSOLE_OFF saved for CONSOLE_ON, or LOGLEVEL_DEFAULT; syslog_mutex. */
static int saved_console_loglevel = LOGLEVEL_DEFAULT;
/* Serialises syslog's readers and console-level changes (READ's cursor moves in steps). */
static DEFINE_MUTEX(syslog_mutex);

/* "<PRI>[    s.usec] " before each line, as Linux's syslog(2) and /proc/kmsg give. */
static size_t syslog_prefix(const struct log_record_info *info, char *buf)
{
	return scnprintf(buf, SYSLOG_PREFIX_MAX, "<%u>[%5llu.%06llu] ",
			 (unsigned int)(info->facility << 3 | info->level),
			 (unsigned long long)(info->ts_nsec / 1000000000),
			 (unsigned long long)(info->ts_nsec % 1000000000 / 1000));
}

/*
 * A record as syslog text, into out (which holds LOG_LINE_MAX * 2 bytes: every line of the
 * record gets the prefix, and each ends in '\n'); returns the length. With out NULL, only
 * the length.
 */
static size_t syslog_format(const struct log_record_info *info, const char *text, size_t len,
			    char *out)
{
	char prefix[SYSLOG_PREFIX_MAX];
	size_t plen = syslog_prefix(info, prefix), n = 0;
	const char *p = text, *end = text + len;

	do {
		const char *nl = memchr(p, '\n', end - p);
		size_t l = (nl ? nl : end) - p;

		if (out) {
			memcpy(out + n, prefix, plen);
			memcpy(out + n + plen, p, l);
			out[n + plen + l] = '\n';
		}
		n += plen + l + 1;
		p += l + 1;
	} while (p < end);
	return n;
}

/* The syslog length of record seq, which the ring holds. */
static size_t syslog_len_of(u64 seq)
{
	struct log_hdr *h = hdr_at(idx_of_seq(seq));
	struct log_record_info info = {
		.ts_nsec = h->ts_nsec,
		.level = h->level,
		.facility = h->facility,
	};

	lockdep_assert_held(&logbuf_lock);
	return syslog_format(&info, (const char *)(h + 1), h->len, NULL);
}

#define SYSLOG_TEXT_MAX ((LOG_LINE_MAX + 1) * (SYSLOG_PREFIX_MAX + 2))

/* Record seq (or the oldest one after it still kept) as syslog text; false when none. */
static bool syslog_fetch(u64 *seq, char *text, char *out, size_t *n)
{
	struct log_record_info info;
	unsigned long flags;
	size_t len;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (*seq < log_first_seq)
		*seq = log_first_seq;
	if (*seq >= log_next_seq) {
		spin_unlock_irqrestore(&logbuf_lock, flags);
		return false;
	}
	len = copy_record(*seq, &info, text, LOG_LINE_MAX + 1);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	*n = syslog_format(&info, text, len, out);
	return true;
}

/* READ_ALL and READ_CLEAR: the newest records that fit in size bytes, oldest first. */
static int syslog_print_all(char __user *buf, int size, bool clear)
{
	char *text = kmalloc(LOG_LINE_MAX + 1, GFP_KERNEL);
	char *out = kmalloc(SYSLOG_TEXT_MAX, GFP_KERNEL);
	unsigned long flags;
	size_t total = 0, n;
	u64 seq, end;
	int done = 0;

	if (!text || !out) {
		done = -ENOMEM;
		goto out_free;
	}
	spin_lock_irqsave(&logbuf_lock, flags);
	seq = max(clear_seq, log_first_seq);
	end = log_next_seq;
	for (u64 s = seq; s < end; s++)
		total += syslog_len_of(s);
	while (total > (size_t)size && seq < end)
		total -= syslog_len_of(seq++);
	spin_unlock_irqrestore(&logbuf_lock, flags);

	for (; seq < end && syslog_fetch(&seq, text, out, &n); seq++) {
		if (done + n > (size_t)size)
			break;
		if (copy_to_user(buf + done, out, n)) {
			done = done ? done : -EFAULT;
			break;
		}
		done += n;
	}
	if (clear) {
		spin_lock_irqsave(&logbuf_lock, flags);
		clear_seq = seq;
		spin_unlock_irqrestore(&logbuf_lock, flags);
	}
out_free:
	kfree(text);
	kfree(out);
	return done;
}

/* READ: from syslog_seq on, consuming; a record larger than what is left goes out in parts. */
static int syslog_print(char __user *buf, int size)
{
	char *text = kmalloc(LOG_LINE_MAX + 1, GFP_KERNEL);
	char *out = kmalloc(SYSLOG_TEXT_MAX, GFP_KERNEL);
	int done = 0;
	size_t n;

	if (!text || !out) {
		done = -ENOMEM;
		goto out_free;
	}
	while (done < size) {
		u64 seq = syslog_seq;
		size_t skip, chunk;

		if (!syslog_fetch(&seq, text, out, &n))
			break;
		if (seq != syslog_seq)
			syslog_partial = 0; /* the record we were in was overwritten */
		skip = syslog_partial;
		chunk = min(n - skip, (size_t)(size - done));
		if (copy_to_user(buf + done, out + skip, chunk)) {
			if (!done)
				done = -EFAULT;
			break;
		}
		done += chunk;
		if (skip + chunk < n) {
			syslog_seq = seq;
			syslog_partial = skip + chunk;
		} else {
			syslog_seq = seq + 1;
			syslog_partial = 0;
		}
	}
out_free:
	kfree(text);
	kfree(out);
	return done;
}

/* dmesg_restrict is 0: READ_ALL and SIZE_BUFFER are everybody's, the rest CAP_SYSLOG's. */
static int check_syslog_permissions(int type)
{
	const struct cred *cred = current_cred();

	if (type == SYSLOG_ACTION_READ_ALL || type == SYSLOG_ACTION_SIZE_BUFFER)
		return 0;
	return !cred || cred->euid == 0 ? 0 : -EPERM;
}

long sys_syslog(int type, char __user *buf, int len)
{
	unsigned long flags;
	long ret;

	ret = check_syslog_permissions(type);
	if (ret)
		return ret;

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		mutex_lock(&syslog_mutex);
		while (READ_ONCE(syslog_seq) >= log_buf_next_seq()) {
			mutex_unlock(&syslog_mutex);
			ret = log_buf_wait(READ_ONCE(syslog_seq));
			if (ret)
				return ret;
			mutex_lock(&syslog_mutex);
		}
		ret = syslog_print(buf, len);
		mutex_unlock(&syslog_mutex);
		return ret;
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		return syslog_print_all(buf, len, type == SYSLOG_ACTION_READ_CLEAR);
	case SYSLOG_ACTION_CLEAR:
		spin_lock_irqsave(&logbuf_lock, flags);
		clear_seq = log_next_seq;
		spin_unlock_irqrestore(&logbuf_lock, flags);
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		mutex_lock(&syslog_mutex);
		if (saved_console_loglevel == LOGLEVEL_DEFAULT)
			saved_console_loglevel = console_loglevel;
		WRITE_ONCE(console_loglevel, CONSOLE_LOGLEVEL_MIN);
		mutex_unlock(&syslog_mutex);
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		mutex_lock(&syslog_mutex);
		if (saved_console_loglevel != LOGLEVEL_DEFAULT) {
			WRITE_ONCE(console_loglevel, saved_console_loglevel);
			saved_console_loglevel = LOGLEVEL_DEFAULT;
		}
		mutex_unlock(&syslog_mutex);
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		mutex_lock(&syslog_mutex);
		WRITE_ONCE(console_loglevel, max(len, CONSOLE_LOGLEVEL_MIN));
		saved_console_loglevel = LOGLEVEL_DEFAULT;
		mutex_unlock(&syslog_mutex);
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD: {
		size_t total = 0;
		u64 s;

		mutex_lock(&syslog_mutex);
		spin_lock_irqsave(&logbuf_lock, flags);
		if (syslog_seq < log_first_seq) {
			syslog_seq = log_first_seq;
			syslog_partial = 0;
		}
		for (s = syslog_seq; s < log_next_seq; s++)
			total += syslog_len_of(s);
		spin_unlock_irqrestore(&logbuf_lock, flags);
		ret = total ? (long)(total - syslog_partial) : 0;
		mutex_unlock(&syslog_mutex);
		return ret;
	}
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}
