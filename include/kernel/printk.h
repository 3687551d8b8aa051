/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_PRINTK_H
#define _KERNEL_PRINTK_H

#include <kernel/compiler.h>
#include <kernel/types.h>

/* Log levels as Linux spells them: a "\001" and a digit at the start of the format. */
#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
/* Continues the previous line: no new record, no timestamp. */
#define KERN_CONT KERN_SOH "c"

#define LOGLEVEL_EMERG 0
#define LOGLEVEL_ERR 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_INFO 6
#define LOGLEVEL_DEBUG 7
#define MESSAGE_LOGLEVEL_DEFAULT LOGLEVEL_WARNING

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list ap);

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

/* Messages below this level reach the consoles; all reach the log buffer. */
extern int console_loglevel;

/*
 * The log buffer, for dmesg. Records are numbered from 0; a reader keeps the number of the
 * next record it wants and gets back the text of that record (or of the oldest one still
 * kept, if it fell behind). Returns the length written to buf, 0 when there is no newer
 * record.
 */
struct log_record_info {
	u64 seq;
	u64 ts_nsec;
	u8 level;
	u8 facility;
	u8 flags; /* LOG_CONT_FLAG: continues the last line; LOG_FRAG_FLAG: the line goes on */
};
#define LOG_CONT_FLAG 0x1
#define LOG_FRAG_FLAG 0x2
struct wait_queue_head;
size_t log_buf_read(u64 *seq, struct log_record_info *info, char *buf, size_t size);
u64 log_buf_next_seq(void);
/* Sleeps until a record past seq exists: 0, or -ERESTARTSYS if a signal came first. */
int log_buf_wait(u64 seq);
/* The oldest record kept, and the first after syslog's last CLEAR (SEEK_DATA's place). */
u64 log_buf_first_seq(void);
u64 log_buf_clear_seq(void);
/* Where /dev/kmsg's pollers wait for a record. */
struct wait_queue_head *log_buf_waitqueue(void);
/* One record from user space (/dev/kmsg), at most 1024 bytes: 0 or -EINVAL. */
int log_emit(int facility, int level, const char *text, size_t len);

/* The clock printk stamps records with; 0 until a clock source says otherwise. */
void printk_set_clock(u64 (*clock_ns)(void));

/* Set while the machine is dying: printk then no longer waits for its lock. */
extern int oops_in_progress;

#endif /* _KERNEL_PRINTK_H */
